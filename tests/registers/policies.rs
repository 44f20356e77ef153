//! `policy add|accept|list|remove|templates`.

use std::fs;

use super::support::{Setup, json};

#[test]
fn the_share_of_staff_follows_the_current_version() {
    let setup = Setup::new();
    let file = setup.file();
    for (name, owner) in [
        ("Access control", "CTO"),
        ("Acceptable use", "Head of People"),
    ] {
        let out = setup.ok(&[
            "policy",
            "add",
            file,
            "--name",
            name,
            "--owner",
            owner,
            "--version",
            "1.0",
            "--approved",
            "2026-01-10",
        ]);
        assert_eq!(out, format!("added policy \"{name}\" version 1.0\n"));
    }
    let staff = setup.write(
        "staff.csv",
        "name,email,date\nAna Díaz,ana@acme.test,2026-02-01\nBen Okafor,ben@acme.test,\n",
    );
    setup.ok(&[
        "policy",
        "accept",
        file,
        "--policy",
        "acceptable use",
        "--csv",
        &staff,
    ]);
    setup.ok(&[
        "policy",
        "accept",
        file,
        "--policy",
        "Access control",
        "--person",
        "Ana Díaz",
    ]);
    let list = setup.ok(&["policy", "list", file]);
    assert!(list.contains("Access control  v1.0  approved 2026-01-10  review by 2027-01-10  owner CTO  acknowledged 1/2 (50%)"), "{list}");
    assert!(list.contains("acknowledged 2/2 (100%)"), "{list}");
    assert!(
        list.contains(
            "CC2.2 Access control: 1 of 2 staff acknowledged version 1.0; ask Ben Okafor"
        ),
        "{list}"
    );
    // A new version needs new acknowledgements.
    let out = setup.ok(&[
        "policy",
        "add",
        file,
        "--name",
        "Acceptable use",
        "--owner",
        "Head of People",
        "--version",
        "1.1",
        "--approved",
        "2026-06-01",
    ]);
    assert!(
        out.contains("version 1.1 (was 1.0); acknowledgements start again"),
        "{out}"
    );
    let value = json(&setup.ok(&["policy", "list", file, "--format", "json"]));
    let policy = &value["policies"][1];
    assert_eq!(policy["version"], "1.1");
    assert_eq!(policy["accepted"], 0);
    assert_eq!(policy["staff"], 2);
    assert_eq!(policy["review_due"], "2027-06-01");
    assert_eq!(value["staff"][1], "Ben Okafor");
    // The CSV row without a date took today's.
    assert!(
        setup.text().contains("date = \"2026-11-24\""),
        "{}",
        setup.text()
    );
    let out = setup.ok(&["policy", "remove", file, "ACCESS CONTROL"]);
    assert_eq!(out, "removed policy \"Access control\"\n");
}

#[test]
fn bad_policy_input_is_refused_with_field_and_value() {
    let setup = Setup::new();
    let file = setup.file();
    let add = |version: &'static str, approved: &'static str| -> Vec<&str> {
        vec![
            "policy",
            "add",
            file,
            "--name",
            "Access control",
            "--owner",
            "CTO",
            "--version",
            version,
            "--approved",
            approved,
        ]
    };
    let err = setup.refused(&add("1.0", "10/01/2026"));
    assert!(
        err.contains(
            "--approved \"10/01/2026\": expected a date such as 2027-01-31; nothing was changed"
        ),
        "{err}"
    );
    setup.ok(&add("1.0", "2026-01-10"));
    let err = setup.refused(&add("1.0", "2026-01-10"));
    assert!(
        err.contains("--name \"Access control\": is already in the register at version 1.0"),
        "{err}"
    );
    let err = setup.refused(&[
        "policy", "accept", file, "--policy", "HR", "--person", "Ana",
    ]);
    assert!(
        err.contains("--policy \"HR\": is not in the policy register"),
        "{err}"
    );
    setup.ok(&[
        "policy",
        "accept",
        file,
        "--policy",
        "Access control",
        "--person",
        "Ana",
    ]);
    let err = setup.refused(&[
        "policy",
        "accept",
        file,
        "--policy",
        "Access control",
        "--person",
        "ana",
    ]);
    assert!(err.contains("already acknowledged version 1.0"), "{err}");
    let err = setup.refused(&[
        "policy",
        "accept",
        file,
        "--policy",
        "Access control",
        "--person",
        "Ben",
        "--date",
        "2025-12-31",
    ]);
    assert!(
        err.contains("--date \"2025-12-31\": is before version 1.0 was approved"),
        "{err}"
    );
    // A bad CSV row names the file, line and column; none of its rows is recorded.
    let csv = setup.write(
        "staff.csv",
        "name,email,date\nBen,,2026-03-01\nCara,,March\n",
    );
    let err = setup.refused(&[
        "policy",
        "accept",
        file,
        "--policy",
        "Access control",
        "--csv",
        &csv,
    ]);
    assert!(
        err.contains("staff.csv: line 3, column date \"March\": expected a date"),
        "{err}"
    );
    let csv = setup.write("twice.csv", "name\nBen\nBen\n");
    let err = setup.refused(&[
        "policy",
        "accept",
        file,
        "--policy",
        "Access control",
        "--csv",
        &csv,
    ]);
    assert!(
        err.contains("twice.csv: line 3, column name \"Ben\": already acknowledged"),
        "{err}"
    );
}

#[test]
fn templates_are_filled_with_the_organisation_and_never_overwrite() {
    let setup = Setup::new();
    let out_dir = setup.join("policies");
    let dir = out_dir.to_str().unwrap();
    fs::create_dir(&out_dir).unwrap();
    fs::write(out_dir.join("access-control.md"), "our own version").unwrap();
    let output = setup.run(&[
        "policy",
        "templates",
        setup.file(),
        "--output",
        dir,
        "--approved",
        "2026-12-01",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stdout.contains("12 of 13 policy templates written for Acme Labs"),
        "{stdout}"
    );
    assert!(
        stderr.contains("access-control.md already exists: kept as it is, not overwritten"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(out_dir.join("access-control.md")).unwrap(),
        "our own version"
    );
    let vendor = fs::read_to_string(out_dir.join("vendor-management.md")).unwrap();
    assert!(vendor.contains("| Organisation | Acme Labs |"), "{vendor}");
    assert!(vendor.contains("| Next review | 2027-12-01 |"));
    assert!(vendor.contains("| SOC 2 criteria | CC9.2"));
    assert!(!vendor.contains("{{"));
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), 13);
    let err = setup.refused(&[
        "policy",
        "templates",
        setup.file(),
        "--output",
        dir,
        "--approved",
        "soon",
    ]);
    assert!(err.contains("--approved: expected a date"), "{err}");
}
