#!/usr/bin/env bash
# Second readers for the export files: writes the XLSX workbook, the SoA workbook and the
# iCalendar file of two fixture assessments (a large early-stage one and one with hostile
# text) and reads them back with Python's openpyxl and icalendar (Debian's python3-openpyxl
# and python3-icalendar, installed here when missing), independent of the Rust crates the
# tests use; the gap counts are compared with `score --format json`.
# Usage: .ci/check-exports.sh [path/to/soc2-ready]   (default: builds target/debug)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's python, where the two packages are installed (not a pyenv or venv one).
python=/usr/bin/python3
missing=()
"$python" -c 'import openpyxl' 2>/dev/null || missing+=(python3-openpyxl)
"$python" -c 'import icalendar' 2>/dev/null || missing+=(python3-icalendar)
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

binary=${1:-}
if [ -z "$binary" ]; then
  cargo build --quiet --bin soc2-ready
  binary=target/debug/soc2-ready
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795478400 # 2026-11-24
for name in early-stage export-hostile; do
  fixture=tests/fixtures/assessments/report-$name.toml
  mkdir "$work/$name"
  "$binary" score "$fixture" --format json >"$work/$name/score.json" 2>/dev/null
  "$binary" report "$fixture" --format xlsx --output "$work/$name/report.xlsx" >/dev/null 2>&1
  "$binary" soa "$fixture" --format xlsx --output "$work/$name/soa.xlsx" >/dev/null 2>&1
  "$binary" calendar "$fixture" --format ics --output "$work/$name/calendar.ics" >/dev/null 2>&1
  "$python" .ci/check_exports.py "$work/$name"
done
