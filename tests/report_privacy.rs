//! A report holds nothing the assessment does not: no file paths of the user's machine, no
//! user or host names beyond what was typed into the assessment — in any format, PDF
//! metadata included.

mod report_support;

use std::fs;

use lopdf::Document;
use report_support::{fixture, soc2_ready};

const MARKERS: [&str; 4] = [
    "zz-private-folder",
    "zz-login-name",
    "zz-home-folder",
    "zz-host-name",
];

#[test]
fn reports_carry_no_paths_or_account_names() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("zz-private-folder");
    fs::create_dir(&folder).unwrap();
    let assessment = folder.join("acme.toml");
    fs::copy(fixture("partial"), &assessment).unwrap();
    for format in ["pdf", "md", "json", "csv"] {
        let out = folder.join(format!("report.{format}"));
        let output = soc2_ready()
            .env("USER", "zz-login-name")
            .env("LOGNAME", "zz-login-name")
            .env("HOME", dir.path().join("zz-home-folder"))
            .env("HOSTNAME", "zz-host-name")
            .args([
                "report",
                assessment.to_str().unwrap(),
                "--format",
                format,
                "--output",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let bytes = fs::read(&out).unwrap();
        let text = if format == "pdf" {
            let doc = Document::load_mem(&bytes).unwrap();
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            let mut text = doc.extract_text(&pages).unwrap();
            text.push_str(&String::from_utf8_lossy(&bytes)); // metadata and any raw strings
            text
        } else {
            String::from_utf8(bytes).unwrap()
        };
        for marker in MARKERS {
            assert!(!text.contains(marker), "{format} report leaks {marker}");
        }
        assert!(
            !text.contains(&dir.path().display().to_string()),
            "{format} report leaks a path"
        );
    }
}
