"""Second readers for the export files: opens the XLSX workbooks with openpyxl and parses
the iCalendar file with the icalendar package (both from Debian), independent of the Rust
crates the tests use. Usage: check_exports.py DIR, where DIR holds score.json, report.xlsx,
soa.xlsx and calendar.ics as check-exports.sh writes them. Exits 1 with a message on the
first problem."""

import datetime
import json
import sys

import icalendar
import openpyxl

SHEETS = ["Summary", "Gaps", "Answers", "Owners", "Calendar"]


def fail(message):
    print(f"FAIL {message}", file=sys.stderr)
    sys.exit(1)


def check_workbook(folder, gaps):
    book = openpyxl.load_workbook(f"{folder}/report.xlsx")
    if book.sheetnames not in (SHEETS, SHEETS + ["Coverage"]):
        fail(f"report.xlsx sheets are {book.sheetnames}")
    sheet = book["Gaps"]
    if sheet.max_row - 1 != len(gaps):
        fail(f"report.xlsx has {sheet.max_row - 1} gap rows, score says {len(gaps)}")
    ids = [cell.value for cell in sheet["D"][1:]]
    if ids != [gap["question"] for gap in gaps]:
        fail("the Gaps sheet is not in the order of score")
    if sheet.freeze_panes != "A2" or not sheet.auto_filter.ref:
        fail("the Gaps sheet has no frozen header or no auto-filter")
    if not sheet.conditional_formatting:
        fail("the Gaps sheet has no severity colours")
    for name in book.sheetnames:
        for row in book[name].iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    fail(f"{name}!{cell.coordinate} is a formula: {cell.value!r}")
    due = [cell.value for cell in sheet["L"][1:] if cell.value is not None]
    if any(not isinstance(value, datetime.datetime) for value in due):
        fail("a due date in the Gaps sheet is not a real date")

    soa = openpyxl.load_workbook(f"{folder}/soa.xlsx").active
    if soa.max_row - 1 != 93:
        fail(f"soa.xlsx has {soa.max_row - 1} controls, not 93")
    if soa["A2"].value != "A.5.1" or soa["A94"].value != "A.8.34":
        fail("soa.xlsx does not run from A.5.1 to A.8.34")


def check_calendar(folder, gaps):
    with open(f"{folder}/calendar.ics", "rb") as handle:
        data = handle.read()
    if b"\n" in data.replace(b"\r\n", b""):
        fail("calendar.ics has a line not ended by CRLF")
    calendar = icalendar.Calendar.from_ical(data)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    uids = {str(event["UID"]) for event in events}
    if not events or len(uids) != len(events):
        fail(f"calendar.ics has {len(events)} events and {len(uids)} distinct UIDs")
    recurring = [event for event in events if "RRULE" in event]
    if not recurring:
        fail("calendar.ics has no recurring control")
    for event in events:
        start = event.decoded("DTSTART")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            fail(f"{event['UID']} does not start on a date")
    print(
        f"{folder}: openpyxl read {len(gaps)} gaps and 93 SoA controls; icalendar read "
        f"{len(events)} events ({len(recurring)} recurring, {len(events) - len(recurring)} gap due dates)"
    )


def main(folder):
    with open(f"{folder}/score.json", encoding="utf-8") as handle:
        gaps = json.load(handle)["gaps"]
    check_workbook(folder, gaps)
    check_calendar(folder, gaps)


if __name__ == "__main__":
    main(sys.argv[1])
