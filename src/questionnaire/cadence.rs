//! Time facts of a question: how often a periodic control must run (`frequency`) and how
//! many weeks of work closing it from nothing usually takes (`effort`).

use serde::Serialize;

use crate::toml_fields::Fields;

/// How often a periodic control has to run (and produce evidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frequency {
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every six months.
    HalfYearly,
    /// Every twelve months.
    Annual,
}

impl Frequency {
    /// Every frequency, most frequent first.
    pub const ALL: [Frequency; 4] = [
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::HalfYearly,
        Frequency::Annual,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::HalfYearly => "half-yearly",
            Frequency::Annual => "annual",
        }
    }

    /// The period in months.
    pub fn months(self) -> i32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::HalfYearly => 6,
            Frequency::Annual => 12,
        }
    }

    /// Parses a name as written in files.
    pub fn from_key(key: &str) -> Option<Frequency> {
        Frequency::ALL
            .into_iter()
            .find(|frequency| frequency.key() == key)
    }
}

/// The most weeks of work a question may declare.
pub const MAX_EFFORT_WEEKS: u8 = 26;

/// Reads the optional `frequency` field.
pub fn read_frequency(fields: &mut Fields<'_, '_>) -> Option<Frequency> {
    let name = fields.text("frequency")?;
    let frequency = Frequency::from_key(&name);
    if frequency.is_none() {
        fields.report(
            "frequency",
            format!("must be \"monthly\", \"quarterly\", \"half-yearly\" or \"annual\", found \"{name}\""),
        );
    }
    frequency
}

/// Reads the optional `effort` field (whole weeks, 1 to [`MAX_EFFORT_WEEKS`]).
pub fn read_effort(fields: &mut Fields<'_, '_>) -> Option<u8> {
    let weeks = fields.integer("effort")?;
    match u8::try_from(weeks) {
        Ok(weeks @ 1..=MAX_EFFORT_WEEKS) => Some(weeks),
        _ => {
            fields.report(
                "effort",
                format!("must be whole weeks from 1 to {MAX_EFFORT_WEEKS}, found {weeks}"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_names_round_trip() {
        for frequency in Frequency::ALL {
            assert_eq!(Frequency::from_key(frequency.key()), Some(frequency));
        }
        assert_eq!(Frequency::from_key("yearly"), None);
        assert_eq!(Frequency::Annual.months(), 12);
    }
}
