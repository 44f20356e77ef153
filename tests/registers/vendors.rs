//! `vendor add|list|import|remove`.

use super::support::{Setup, json};

#[test]
fn vendors_are_listed_with_their_report_state_and_cc9_2_findings() {
    let setup = Setup::new();
    let file = setup.file();
    setup.ok(&[
        "vendor",
        "add",
        file,
        "--name",
        "Cloudhost",
        "--criticality",
        "high",
        "--service",
        "hosting",
        "--data",
        "customer data",
        "--report-type",
        "soc2-type2",
        "--report-period-end",
        "2025-09-30",
        "--cuecs-reviewed",
        "2025-12-01",
    ]);
    let csv = setup.write(
        "vendors.csv",
        "name,criticality,service,report_type,report_period_end,bridge_letter\nMailco,high,email,,,\nPayco,medium,payments,soc2-type1,2025-06-30,2025-10-01\n",
    );
    let out = setup.ok(&["vendor", "import", file, &csv]);
    assert_eq!(
        out,
        "added vendor \"Mailco\" (high)\nadded vendor \"Payco\" (medium)\n"
    );
    let list = setup.ok(&["vendor", "list", file]);
    assert!(
        list.contains("Cloudhost  high  hosting  SOC 2 Type 2, out of date since 2026-09-30"),
        "{list}"
    );
    assert!(
        list.contains("CC9.2 Mailco: critical vendor without an assurance report"),
        "{list}"
    );
    let value = json(&setup.ok(&["vendor", "list", file, "--format", "json"]));
    assert_eq!(value["vendors"][0]["report_overdue"], true);
    assert_eq!(value["vendors"][2]["report_current_until"], "2026-06-30");
    let subjects: Vec<_> = value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["Cloudhost", "Mailco", "Payco"]);
    setup.ok(&["vendor", "remove", file, "payco"]);
    assert!(!setup.text().contains("Payco"));
}

#[test]
fn bad_vendor_input_is_refused_with_field_and_value() {
    let setup = Setup::new();
    let file = setup.file();
    let add = |extra: &[&str]| {
        let mut args = vec![
            "vendor",
            "add",
            file,
            "--name",
            "Cloudhost",
            "--criticality",
            "high",
            "--service",
            "hosting",
        ];
        args.extend_from_slice(extra);
        setup.refused(&args)
    };
    let err = setup.refused(&[
        "vendor",
        "add",
        file,
        "--name",
        "Cloudhost",
        "--criticality",
        "critical",
        "--service",
        "s",
    ]);
    assert!(
        err.contains(
            "error: --criticality \"critical\": expected high, medium or low; nothing was changed"
        ),
        "{err}"
    );
    let err = add(&["--report-type", "soc3"]);
    assert!(err.contains("--report-type \"soc3\""), "{err}");
    let err = add(&[
        "--report-type",
        "iso27001",
        "--report-period-end",
        "2026-02-30",
    ]);
    assert!(
        err.contains("--report-period-end \"2026-02-30\": expected a date"),
        "{err}"
    );
    let err = add(&["--bridge-letter", "2026-01-01"]);
    assert!(
        err.contains("--bridge-letter \"2026-01-01\": needs a report"),
        "{err}"
    );
    setup.ok(&[
        "vendor",
        "add",
        file,
        "--name",
        "Cloudhost",
        "--criticality",
        "low",
        "--service",
        "s",
    ]);
    let err = setup.refused(&[
        "vendor",
        "add",
        file,
        "--name",
        "CLOUDHOST",
        "--criticality",
        "low",
        "--service",
        "s",
    ]);
    assert!(
        err.contains("--name \"CLOUDHOST\": is already in the register"),
        "{err}"
    );
    let csv = setup.write("v.csv", "name,criticality,service\nA,high,s\nB,urgent,s\n");
    let err = setup.refused(&["vendor", "import", file, &csv]);
    assert!(err.contains("v.csv: line 3, column criticality \"urgent\": expected high, medium or low; nothing was imported"), "{err}");
    let csv = setup.write(
        "dup.csv",
        "name,criticality,service\nNew,high,s\ncloudhost,low,s\n",
    );
    let err = setup.refused(&["vendor", "import", file, &csv]);
    assert!(
        err.contains("dup.csv: column name \"cloudhost\": is already in the register"),
        "{err}"
    );
    let err = setup.refused(&["vendor", "remove", file, "Nobody"]);
    assert!(
        err.contains("vendor \"Nobody\": is not in the vendor register"),
        "{err}"
    );
    let missing = setup.join("missing.csv");
    let output = setup.run(&["vendor", "import", file, missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
}
