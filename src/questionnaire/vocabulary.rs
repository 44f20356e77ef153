//! The vocabulary of SOC 2 readiness: the three stages, the five categories, the answer
//! levels and the two report types, with the names used in files and shown to people.

/// The three stages the tool keeps apart in every score, screen and report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Controls designed, implemented and operating day to day.
    Compliance,
    /// Ready for a licensed CPA firm to examine the controls and issue a SOC 2 report.
    Attestation,
    /// Communicating the result accurately ("certification" is an informal, wrong word).
    Certification,
}

impl Stage {
    /// All stages, in order.
    pub const ALL: [Stage; 3] = [Stage::Compliance, Stage::Attestation, Stage::Certification];

    /// The name used in files (`compliance`, `attestation`, `certification`).
    pub fn key(self) -> &'static str {
        match self {
            Stage::Compliance => "compliance",
            Stage::Attestation => "attestation",
            Stage::Certification => "certification",
        }
    }

    /// The name shown to people; "certification" stays in quotes because SOC 2 has none.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Compliance => "Compliance",
            Stage::Attestation => "Attestation",
            Stage::Certification => "“Certification”",
        }
    }

    /// One line saying what the stage is about.
    pub fn summary(self) -> &'static str {
        match self {
            Stage::Compliance => "controls that meet the criteria are in place and operating",
            Stage::Attestation => "ready for a CPA firm to examine the controls and issue a report",
            Stage::Certification => {
                "the result is described accurately: a report, not a certificate"
            }
        }
    }

    /// Parses a stage name as written in files.
    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.key() == key)
    }

    /// The criterion id questions of this stage cite, for the stages without criteria.
    pub fn pseudo_criterion(self) -> Option<&'static str> {
        match self {
            Stage::Compliance => None,
            Stage::Attestation => Some("ATT"),
            Stage::Certification => Some("CERT"),
        }
    }
}

/// The five Trust Services categories; Security (the common criteria) is always in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Common criteria CC1–CC9.
    Security,
    /// A1.
    Availability,
    /// PI1.
    ProcessingIntegrity,
    /// C1.
    Confidentiality,
    /// P1–P8.
    Privacy,
}

impl Category {
    /// All categories, in the order of the criteria.
    pub const ALL: [Category; 5] = [
        Category::Security,
        Category::Availability,
        Category::ProcessingIntegrity,
        Category::Confidentiality,
        Category::Privacy,
    ];

    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Category::Security => "security",
            Category::Availability => "availability",
            Category::ProcessingIntegrity => "processing-integrity",
            Category::Confidentiality => "confidentiality",
            Category::Privacy => "privacy",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Category::Security => "Security",
            Category::Availability => "Availability",
            Category::ProcessingIntegrity => "Processing Integrity",
            Category::Confidentiality => "Confidentiality",
            Category::Privacy => "Privacy",
        }
    }

    /// The prefix of the criterion ids of this category.
    pub fn criterion_prefix(self) -> &'static str {
        match self {
            Category::Security => "CC",
            Category::Availability => "A1",
            Category::ProcessingIntegrity => "PI1",
            Category::Confidentiality => "C1",
            Category::Privacy => "P",
        }
    }

    /// Parses a category name as written in files or on the command line.
    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|category| category.key() == key)
    }
}

/// The answer scale, from nothing to evidence retained over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 0 — nothing exists.
    NotInPlace,
    /// 1 — an owner and a plan, not yet working.
    Planned,
    /// 2 — working, little or no evidence.
    InPlace,
    /// 3 — working, and evidence exists now.
    Evidenced,
    /// 4 — evidence retained across a period.
    Operating,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 5] = [
        Level::NotInPlace,
        Level::Planned,
        Level::InPlace,
        Level::Evidenced,
        Level::Operating,
    ];

    /// The level's number on the scale (0–4), also its key in the wizard.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The level for a number on the scale.
    pub fn from_number(number: u8) -> Option<Level> {
        Level::ALL.get(usize::from(number)).copied()
    }

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Level::NotInPlace => "not_in_place",
            Level::Planned => "planned",
            Level::InPlace => "in_place",
            Level::Evidenced => "evidenced",
            Level::Operating => "operating",
        }
    }

    /// The default name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Level::NotInPlace => "Not in place",
            Level::Planned => "Planned",
            Level::InPlace => "In place",
            Level::Evidenced => "Evidenced",
            Level::Operating => "Operating over time",
        }
    }

    /// Parses a level name as written in files.
    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.key() == key)
    }
}

/// The kind of SOC 2 report an organisation aims for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// Design of controls at a point in time.
    Type1,
    /// Operating effectiveness over an observation period.
    Type2,
}

impl Target {
    /// Both targets.
    pub const ALL: [Target; 2] = [Target::Type1, Target::Type2];

    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Target::Type1 => "type1",
            Target::Type2 => "type2",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Target::Type1 => "Type 1",
            Target::Type2 => "Type 2",
        }
    }

    /// The level a control needs for this report: evidence now, or evidence over time.
    pub fn required_level(self) -> Level {
        match self {
            Target::Type1 => Level::Evidenced,
            Target::Type2 => Level::Operating,
        }
    }

    /// Parses a target name as written in files or on the command line.
    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|target| target.key() == key)
    }
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// The 0–4 scale.
    Scale,
    /// Yes or no; "yes" meets any requirement.
    YesNo,
}

/// Serializes vocabulary types as their file names (`"security"`, `"type2"`, …).
macro_rules! serialize_as_key {
    ($($name:ty),*) => {$(
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }
    )*};
}

serialize_as_key!(Stage, Category, Level, Target);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_key(stage.key()), Some(stage));
        }
        for category in Category::ALL {
            assert_eq!(Category::from_key(category.key()), Some(category));
        }
        for level in Level::ALL {
            assert_eq!(Level::from_key(level.key()), Some(level));
            assert_eq!(Level::from_number(level.number()), Some(level));
        }
        for target in Target::ALL {
            assert_eq!(Target::from_key(target.key()), Some(target));
        }
        assert_eq!(Level::from_number(5), None);
        assert_eq!(Stage::from_key("certified"), None);
    }

    #[test]
    fn type2_needs_evidence_over_time_type1_evidence_now() {
        assert_eq!(Target::Type1.required_level(), Level::Evidenced);
        assert_eq!(Target::Type2.required_level(), Level::Operating);
    }

    #[test]
    fn certification_label_keeps_its_quotes() {
        assert_eq!(Stage::Certification.label(), "“Certification”");
    }
}
