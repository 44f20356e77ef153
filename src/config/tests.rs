//! Config parsing, precedence and every kind of bad config, each with its located message.

use std::path::PathBuf;

use jiff::civil::Date;

use super::*;
use crate::assessment::Assessment;
use crate::diagnostics::SourceText;

fn no_logo(written: &str) -> Result<Logo, String> {
    Err(format!("test has no file {written}"))
}

fn fake_logo(written: &str) -> Result<Logo, String> {
    match written {
        "logo.png" => Ok(Logo {
            path: PathBuf::from("/firm/logo.png"),
            format: ImageFormat::Png,
            bytes: vec![1, 2, 3],
        }),
        "notes.txt" => image_format(b"hello").map(|_| unreachable!()),
        other => Err(format!("cannot read /firm/{other}: no such file or folder")),
    }
}

fn problems(text: &str) -> Vec<String> {
    parse(SourceText::new("config.toml", text), &fake_logo)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

const FULL: &str = r#"[thresholds]
ready = 0.9            # stricter than the built-in 85 %
getting_there = 0.6
[defaults]
assessor = "Jane Doe"
scope = ["availability", "confidentiality"]
target = "type1"
paper = "letter"
theme = "projector"
evidence_folder = "/srv/soc2/{name}"
export_folder = "~/Documents/soc2"
[report]
firm = "Northwind Advisory"
contact = "jane@northwind.example · +44 20 0000 0000"
logo = "logo.png"
"#;

#[test]
fn the_documented_shape_is_read_in_full() {
    let config = parse(SourceText::new("config.toml", FULL), &fake_logo).unwrap();
    assert_eq!(config.thresholds.ready, Some(0.9));
    assert_eq!(config.thresholds.getting_there, Some(0.6));
    assert_eq!(config.defaults.assessor.as_deref(), Some("Jane Doe"));
    assert_eq!(
        config.defaults.scope,
        Some(vec![Category::Availability, Category::Confidentiality])
    );
    assert_eq!(config.defaults.target, Some(Target::Type1));
    assert_eq!(config.defaults.paper, Some(Paper::Letter));
    assert_eq!(config.defaults.theme, Some(ThemeName::Projector));
    assert_eq!(
        config.defaults.evidence_folder.as_deref(),
        Some("/srv/soc2/{name}")
    );
    assert_eq!(
        config.defaults.export_folder.as_deref(),
        Some("~/Documents/soc2")
    );
    assert_eq!(config.branding.firm.as_deref(), Some("Northwind Advisory"));
    assert!(config.branding.contact.unwrap().contains("+44"));
    assert_eq!(config.branding.logo.unwrap().format, ImageFormat::Png);
    assert_eq!(config.lines.get("defaults.paper"), Some(&8));
    assert_eq!(config.lines.get("thresholds.ready"), Some(&2));
}

#[test]
fn an_empty_file_sets_nothing() {
    let config = parse(SourceText::new("config.toml", "# nothing yet\n"), &no_logo).unwrap();
    assert_eq!(config, Config::default());
    assert_eq!(config.policy(), Policy::default());
    assert_eq!(config.origin("thresholds.ready"), "built-in default");
}

#[test]
fn precedence_is_assessment_then_config_then_built_in() {
    let mut config = parse(
        SourceText::new("config.toml", "[thresholds]\nready = 0.9\n"),
        &no_logo,
    )
    .unwrap();
    config.path = Some(PathBuf::from("/home/jane/.config/soc2-ready/config.toml"));
    // The config sets `ready` only: "getting there" stays built in.
    let base = config.policy();
    assert_eq!((base.ready, base.getting_there), (0.9, 0.5));
    assert_eq!(base.ready_from, ThresholdSource::Config);
    assert_eq!(base.getting_there_from, ThresholdSource::BuiltIn);
    assert_eq!(
        config.origin("thresholds.ready"),
        "/home/jane/.config/soc2-ready/config.toml:2"
    );
    assert_eq!(
        config.origin("thresholds.getting_there"),
        "built-in default"
    );
    // An assessment without thresholds keeps the config's.
    let mut assessment =
        Assessment::new("Acme", "", Date::constant(2026, 11, 24), Target::Type2, []);
    assert_eq!(base.for_assessment(&assessment), base);
    // An assessment's agreed thresholds win over both.
    assessment.thresholds = crate::assessment::thresholds::Thresholds {
        ready: Some(0.75),
        getting_there: Some(0.4),
    };
    let agreed = base.for_assessment(&assessment);
    assert_eq!((agreed.ready, agreed.getting_there), (0.75, 0.4));
    assert_eq!(agreed.ready_from, ThresholdSource::Assessment);
    assert_eq!(agreed.getting_there_from, ThresholdSource::Assessment);
    assert_eq!(
        agreed.describe(),
        "Ready from 75 %, Getting there from 40 % (agreed in this assessment)"
    );
    assert_eq!(
        base.describe(),
        "Ready from 90 % (from the config file), Getting there from 50 % (built-in default)"
    );
}

#[test]
fn syntax_errors_are_located() {
    let found = problems("[thresholds]\nready = 0.9\ngetting_there = \n");
    assert!(found[0].starts_with("config.toml:3:"), "{found:?}");
    assert!(found[0].contains("TOML syntax"), "{found:?}");
}

#[test]
fn unknown_sections_and_keys_are_named() {
    let found = problems(
        "[theme]\nname = \"dark\"\n[defaults]\ncolour = \"blue\"\n[report]\nfirm_name = \"X\"\n",
    );
    assert_eq!(
        found,
        [
            "config.toml:1:2: field `theme`: unknown field (a typo?)",
            "config.toml:4:1: defaults: field `colour`: unknown field (a typo?)",
            "config.toml:6:1: report: field `firm_name`: unknown field (a typo?)",
        ]
    );
}

#[test]
fn thresholds_out_of_range_or_in_the_wrong_order_are_refused() {
    assert_eq!(
        problems("[thresholds]\nready = 1.5\n"),
        ["config.toml:2:9: thresholds: field `ready`: must be a fraction from 0 to 1, found 1.5"]
    );
    assert_eq!(
        problems("[thresholds]\nready = 0.7\ngetting_there = 0.8\n"),
        [
            "config.toml:3:17: thresholds: field `getting_there`: must be below `ready` (0.7), found 0.8"
        ]
    );
    assert_eq!(
        problems("[thresholds]\ngetting_there = 0.85\n"),
        [
            "config.toml:2:17: thresholds: field `getting_there`: must be below `ready` (0.85), found 0.85"
        ]
    );
}

#[test]
fn bad_defaults_name_the_key_and_the_choices() {
    let found = problems(
        "[defaults]\nassessor = \" \"\nscope = [\"availabilty\"]\ntarget = \"type3\"\npaper = \"a5\"\ntheme = 7\n",
    );
    assert_eq!(
        found,
        [
            "config.toml:2:12: defaults: field `assessor`: must not be empty (leave the key out instead)",
            "config.toml:3:9: defaults: field `scope`: unknown category \"availabilty\" (availability, processing-integrity, confidentiality, privacy)",
            "config.toml:4:10: defaults: field `target`: must be \"type1\" or \"type2\", found \"type3\"",
            "config.toml:5:9: defaults: field `paper`: must be \"a4\" or \"letter\", found \"a5\"",
            "config.toml:6:9: defaults: field `theme`: expected text, found integer",
        ]
    );
    assert_eq!(
        problems("[defaults]\nevidence_folder = \"/srv/evidence\"\n"),
        [
            "config.toml:2:19: defaults: field `evidence_folder`: \"/srv/evidence\" must contain {name}, so each assessment keeps its own evidence (e.g. \"evidence/{name}\")"
        ]
    );
}

#[test]
fn a_missing_logo_or_one_that_is_not_an_image_is_refused() {
    assert_eq!(
        problems("[report]\nlogo = \"~/firm/gone.png\"\n"),
        [
            "config.toml:2:8: report: field `logo`: \"~/firm/gone.png\": cannot read /firm/~/firm/gone.png: no such file or folder"
        ]
    );
    assert_eq!(
        problems("[report]\nfirm = \"\"\nlogo = \"notes.txt\"\n"),
        [
            "config.toml:2:8: report: field `firm`: must not be empty (leave the key out instead)",
            "config.toml:3:8: report: field `logo`: \"notes.txt\": not an image soc2-ready can read; the logo must be a PNG or JPEG image",
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(
        "[thresholds]\nready = 2\n[defaults]\npaper = \"a5\"\n[report]\nlogo = \"gone.png\"\n",
    );
    assert_eq!(found.len(), 3, "{found:?}");
}
