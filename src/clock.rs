//! The one clock behind every "today" and "now" in the CLI, the wizard and the reports.
//!
//! `SOC2_READY_TODAY=YYYY-MM-DD` fixes today's date (history, evidence, due dates, report
//! dates, file names) for reproducible reports, demos and tests; times of day (the
//! "Saved 10:42:07" status, the `updated` stamp) keep running. `SOURCE_DATE_EPOCH`
//! (seconds since 1970, the reproducible-builds convention) fixes the whole clock at that
//! instant, UTC; when both are set, `SOC2_READY_TODAY` decides the date.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// The variable that fixes today's date.
pub const TODAY_VAR: &str = "SOC2_READY_TODAY";

/// The reproducible-builds variable that fixes the clock (seconds since 1970, UTC).
pub const EPOCH_VAR: &str = "SOURCE_DATE_EPOCH";

/// Where "now" and "today" come from, and the time zone times are shown in.
pub struct Clock {
    now: Box<dyn Fn() -> Timestamp>,
    zone: TimeZone,
    today: Option<Date>,
}

impl Clock {
    /// The system clock in the system time zone.
    pub fn system() -> Self {
        Self {
            now: Box::new(Timestamp::now),
            zone: TimeZone::system(),
            today: None,
        }
    }

    /// A clock stopped at `now`, showing times in `zone` (for tests and captures).
    pub fn fixed(now: Timestamp, zone: TimeZone) -> Self {
        Self::from_fn(move || now, zone)
    }

    /// A clock that reads "now" from `now` each time, showing times in `zone` (for tests
    /// that let time pass, such as the workshop's running clock).
    pub fn from_fn(now: impl Fn() -> Timestamp + 'static, zone: TimeZone) -> Self {
        Self {
            now: Box::new(now),
            zone,
            today: None,
        }
    }

    /// The system clock, adjusted by `SOC2_READY_TODAY` and `SOURCE_DATE_EPOCH`; a bad
    /// value is an error naming the variable and what it should look like.
    pub fn from_env() -> Result<Self, String> {
        let read = |name| std::env::var(name).ok().filter(|value| !value.is_empty());
        Self::from_values(read(TODAY_VAR).as_deref(), read(EPOCH_VAR).as_deref())
    }

    /// The clock for the given values of `SOC2_READY_TODAY` and `SOURCE_DATE_EPOCH`.
    pub fn from_values(today: Option<&str>, epoch: Option<&str>) -> Result<Self, String> {
        let mut clock = match epoch {
            Some(seconds) => Self::fixed(parse_epoch(seconds)?, TimeZone::UTC),
            None => Self::system(),
        };
        if let Some(text) = today {
            clock.today = Some(parse_today(text)?);
        }
        Ok(clock)
    }

    /// The same clock with today's date fixed at `date`.
    pub fn with_today(mut self, date: Date) -> Self {
        self.today = Some(date);
        self
    }

    /// The current time.
    pub fn now(&self) -> Timestamp {
        (self.now)()
    }

    /// Today's date: the fixed date if there is one, else the date of now in the zone.
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(|| self.local(self.now()).date())
    }

    /// The time zone times are shown in.
    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// A time in the clock's zone.
    pub fn local(&self, at: Timestamp) -> ZonedDateTime {
        at.to_zoned_datetime(self.zone.clone())
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clock")
            .field("zone", &self.zone)
            .field("today", &self.today)
            .finish()
    }
}

/// Parses a `YYYY-MM-DD` date as given in `SOC2_READY_TODAY`.
fn parse_today(text: &str) -> Result<Date, String> {
    let trimmed = text.trim();
    match trimmed.parse::<Date>() {
        Ok(date) if trimmed.len() == 10 => Ok(date),
        _ => Err(format!(
            "{TODAY_VAR} must be a date such as 2026-11-24 (YYYY-MM-DD), found \"{text}\""
        )),
    }
}

/// Parses whole seconds since 1970 as given in `SOURCE_DATE_EPOCH`.
fn parse_epoch(text: &str) -> Result<Timestamp, String> {
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|seconds| Timestamp::from_second(seconds).ok())
        .ok_or_else(|| {
            format!("{EPOCH_VAR} must be whole seconds since 1970-01-01, found \"{text}\"")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soc2_ready_today_fixes_the_date_but_not_the_time_of_day() {
        let clock = Clock::from_values(Some("2027-02-28"), None).unwrap();
        assert_eq!(clock.today(), Date::constant(2027, 2, 28));
        let before = Timestamp::now();
        assert!(clock.now() >= before, "times of day keep running");
    }

    #[test]
    fn source_date_epoch_fixes_the_instant_in_utc() {
        let clock = Clock::from_values(None, Some("1795478400")).unwrap();
        assert_eq!(clock.today(), Date::constant(2026, 11, 24));
        assert_eq!(clock.now().as_second(), 1_795_478_400);
        let both = Clock::from_values(Some("2027-01-01"), Some("1795478400")).unwrap();
        assert_eq!(both.today(), Date::constant(2027, 1, 1));
    }

    #[test]
    fn bad_values_say_which_variable_and_what_it_should_be() {
        for bad in [
            "tomorrow",
            "2026-13-01",
            "2026-2-3",
            "20261124",
            "2026-02-30",
        ] {
            let error = Clock::from_values(Some(bad), None).unwrap_err();
            assert!(
                error.starts_with("SOC2_READY_TODAY must be a date such as 2026-11-24"),
                "{error}"
            );
            assert!(error.contains(bad), "{error}");
        }
        let error = Clock::from_values(None, Some("yesterday")).unwrap_err();
        assert!(
            error.contains("SOURCE_DATE_EPOCH must be whole seconds"),
            "{error}"
        );
    }

    #[test]
    fn a_fixed_clock_shows_times_in_its_zone() {
        let now: Timestamp = "2026-11-24T23:30:00Z".parse().unwrap();
        let clock = Clock::fixed(now, TimeZone::fixed(jiff::tz::offset(2)));
        assert_eq!(clock.today(), Date::constant(2026, 11, 25));
        let clock = clock.with_today(Date::constant(2020, 2, 29));
        assert_eq!(clock.today(), Date::constant(2020, 2, 29));
    }
}
