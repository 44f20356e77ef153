//! `docs/tui.md` lists every key of the keymap, so the documentation cannot drift from it.

use soc2_ready::tui::keymap::{SECTIONS, key_labels};

#[test]
fn the_docs_list_every_key() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/tui.md");
    let doc = std::fs::read_to_string(path).expect("docs/tui.md exists");
    for (title, tables) in SECTIONS {
        assert!(
            doc.contains(&format!("### {title}\n")),
            "docs/tui.md misses the section {title}"
        );
        for binding in tables.iter().flat_map(|table| table.iter()) {
            let row = format!("| `{}` | {} |", key_labels(binding), binding.help);
            assert!(doc.contains(&row), "docs/tui.md misses the row {row}");
        }
    }
}
