//! The time axis end to end, through the real binary: the one clock (`SOC2_READY_TODAY`),
//! schema-2 migration with its backup, `answer`, `evidence`, `history`, `compare` and `due`.

mod answer;
mod clock;
mod due;
mod evidence;
mod history;
mod parallel;
mod report;
mod score;
mod support;
