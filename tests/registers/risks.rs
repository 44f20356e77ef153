//! `risk add|list|import|remove`, with the heat map and the findings against the answers.

use super::support::{Setup, json};

#[test]
fn risks_show_a_heat_map_and_flag_treatments_that_do_not_hold() {
    let setup = Setup::new();
    let file = setup.file();
    let out = setup.ok(&[
        "risk",
        "add",
        file,
        "--title",
        "Laptop theft",
        "--likelihood",
        "3",
        "--impact",
        "4",
        "--treatment",
        "mitigate",
        "--owner",
        "IT",
        "--controls",
        "CC6.1.mfa",
        "--reviewed",
        "2026-03-01",
    ]);
    assert_eq!(out, "added risk \"Laptop theft\" (score 12, high)\n");
    let csv = setup.write(
        "risks.csv",
        "title,likelihood,impact,treatment,owner,approver,approved,reviewed\nSingle region,2,5,accept,CTO,,,2026-03-01\nPhishing,4,3,transfer,COO,,,2025-10-01\n",
    );
    setup.ok(&["risk", "import", file, &csv]);
    let list = setup.ok(&["risk", "list", file]);
    assert!(
        list.contains("Laptop theft  L3 x I4 = 12 (high)  mitigate  owner IT"),
        "{list}"
    );
    assert!(list.contains("  L3   .  .  .  1  .\n"), "{list}");
    assert!(list.contains("Register review due by 2026-10-01"), "{list}");
    assert!(
        list.contains(
            "CC3.2 Laptop theft: mitigated only by controls that are still gaps (CC6.1.mfa)"
        ),
        "{list}"
    );
    assert!(
        list.contains("CC3.2 Single region: a high risk (score 10) accepted without an approver"),
        "{list}"
    );
    // Once the control works the risk is no longer flagged.
    setup.ok(&["answer", file, "CC6.1.mfa", "operating"]);
    let value = json(&setup.ok(&["risk", "list", file, "--format", "json"]));
    assert_eq!(value["findings"].as_array().unwrap().len(), 1, "{value}");
    assert_eq!(value["heat_map"][3][2], 1);
    assert_eq!(value["risks"][0]["band"], "high");
    assert_eq!(value["review_due"], "2026-10-01");
    setup.ok(&["risk", "remove", file, "phishing"]);
    assert!(!setup.text().contains("Phishing"));
}

#[test]
fn bad_risk_input_is_refused_with_field_and_value() {
    let setup = Setup::new();
    let file = setup.file();
    let add = |extra: &[&str]| {
        let mut args = vec!["risk", "add", file, "--title", "Outage", "--owner", "CTO"];
        args.extend_from_slice(extra);
        setup.refused(&args)
    };
    let err = add(&["--likelihood", "9", "--impact", "2", "--treatment", "avoid"]);
    assert!(
        err.contains(
            "--likelihood \"9\": expected a whole number from 1 to 5; nothing was changed"
        ),
        "{err}"
    );
    let err = add(&[
        "--likelihood",
        "2",
        "--impact",
        "2",
        "--treatment",
        "ignore",
    ]);
    assert!(
        err.contains("--treatment \"ignore\": expected mitigate, accept, transfer or avoid"),
        "{err}"
    );
    let err = add(&[
        "--likelihood",
        "2",
        "--impact",
        "2",
        "--treatment",
        "avoid",
        "--reviewed",
        "yesterday",
    ]);
    assert!(
        err.contains("--reviewed \"yesterday\": expected a date"),
        "{err}"
    );
    let err = add(&[
        "--likelihood",
        "2",
        "--impact",
        "2",
        "--treatment",
        "mitigate",
        "--controls",
        "CC6.1.mfa,CC6.1.nope",
    ]);
    assert!(
        err.contains("--controls \"CC6.1.nope\": is not a question id"),
        "{err}"
    );
    setup.ok(&[
        "risk",
        "add",
        file,
        "--title",
        "Outage",
        "--owner",
        "CTO",
        "--likelihood",
        "2",
        "--impact",
        "2",
        "--treatment",
        "avoid",
    ]);
    let err = add(&["--likelihood", "2", "--impact", "2", "--treatment", "avoid"]);
    assert!(
        err.contains("--title \"Outage\": is already in the register"),
        "{err}"
    );
    let csv = setup.write(
        "r.csv",
        "title,likelihood,impact,treatment,owner\nA,1,1,avoid,O\nB,1,6,avoid,O\n",
    );
    let err = setup.refused(&["risk", "import", file, &csv]);
    assert!(err.contains("r.csv: line 3, column impact \"6\""), "{err}");
}
