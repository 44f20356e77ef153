//! A very large custom questionnaire for the scale bench and test: the built-in files with
//! `count` more questions citing CC6.1 at the end of the security file — the shape that made
//! loading quadratic (every question located by a scan from the top of a 4.5 MB file).

use std::fmt::Write as _;

use soc2_ready::questionnaire::built_in;

/// The built-in files as (name, text), with `count` extra CC6.1 questions in security.toml.
pub fn with_extra_questions(count: usize) -> Vec<(String, String)> {
    built_in()
        .map(|(name, text)| {
            let mut text = text.to_string();
            if name == "security.toml" {
                for n in 0..count {
                    let _ = write!(
                        text,
                        "\n[[question]]\nid = \"CC6.1.extra-{n}\"\ncriterion = \"CC6.1\"\n\
                         title = \"Extra control {n}\"\nprompt = \"Is extra control {n} in place?\"\n\
                         why = \"Because it matters.\"\nevidence = [\"A record\"]\n\
                         remediation = [\"Do it\"]\nweight = 1\n"
                    );
                }
            }
            (name.to_string(), text)
        })
        .collect()
}
