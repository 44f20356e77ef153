//! Okta's users as the `/api/v1/users` endpoint lists them (a JSON array of user objects
//! with `status`, `created`, `lastLogin` and `profile.login`), each optionally carrying
//! its enrolled factors (the `/api/v1/users/{id}/factors` list) under `factors` or
//! `_embedded.factors`. Accounts that cannot sign in (staged, provisioned, suspended,
//! deprovisioned) are counted apart. The file has no date of its own.

use jiff::civil::Date;
use serde_json::Value;

use super::people::{self, Person, SecondFactor};
use super::{Findings, ImportError, Source, json};

/// Reads an Okta user list; `as_of` is the day it was taken.
pub fn read(name: &str, text: &str, as_of: Date) -> Result<Findings, ImportError> {
    let document = json::parse(name, text)?;
    let Value::Array(users) = &document else {
        return Err(json::problem(
            name,
            0,
            "users",
            "expected the JSON array /api/v1/users gives",
        ));
    };
    if users.is_empty() {
        return Err(json::problem(name, 0, "users", "the list holds no users"));
    }
    let accounts = users
        .iter()
        .enumerate()
        .map(|(index, user)| person(name, index, user))
        .collect::<Result<Vec<_>, _>>()?;
    let (findings, notes) = people::findings(("Okta user", "Okta users"), &accounts, as_of);
    Ok(Findings {
        title: Source::OktaUsers.describe().to_string(),
        dated: None,
        rows: accounts.len(),
        findings,
        notes,
    })
}

/// One user object as an account.
fn person(name: &str, index: usize, user: &Value) -> Result<Person, ImportError> {
    let login = match json::text(user, "/profile/login") {
        "" => json::text(user, "/profile/email"),
        login => login,
    };
    if login.is_empty() {
        return Err(json::problem(
            name,
            index,
            "profile.login",
            "missing: is this an Okta user list?",
        ));
    }
    let active = match json::text(user, "/status") {
        "ACTIVE" | "RECOVERY" | "PASSWORD_EXPIRED" | "LOCKED_OUT" => true,
        "STAGED" | "PROVISIONED" | "SUSPENDED" | "DEPROVISIONED" => false,
        other => {
            return Err(json::problem(
                name,
                index,
                "status",
                format!("\"{other}\" is not an Okta user status"),
            ));
        }
    };
    let factors = user
        .get("factors")
        .or_else(|| user.pointer("/_embedded/factors"));
    let factor = match factors.map(Value::as_array) {
        None => SecondFactor::Unknown,
        Some(None) => {
            return Err(json::problem(
                name,
                index,
                "factors",
                "expected a list of factors",
            ));
        }
        Some(Some(list))
            if list
                .iter()
                .any(|factor| json::text(factor, "/status") == "ACTIVE") =>
        {
            SecondFactor::Enrolled
        }
        Some(Some(_)) => SecondFactor::Missing,
    };
    let day = |field: &str| -> Result<Option<Date>, ImportError> {
        match user.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => text
                .get(..10)
                .and_then(|day| day.parse().ok())
                .map(Some)
                .ok_or_else(|| {
                    json::problem(name, index, field, format!("\"{text}\" is not a timestamp"))
                }),
            Some(_) => Err(json::problem(name, index, field, "expected a timestamp")),
        }
    };
    Ok(Person {
        name: login.to_string(),
        active,
        factor,
        last_sign_in: day("lastLogin")?,
        created: day("created")?,
    })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    const GOOD: &str = include_str!("../../tests/fixtures/import/okta-users.json");

    #[test]
    fn users_with_factors_give_mfa_and_offboarding_findings() {
        let findings = read("users.json", GOOD, date(2026, 12, 1)).unwrap();
        assert_eq!(findings.rows, 4);
        assert_eq!(
            findings.sentences(),
            [
                "1 of 3 active Okta users is not required to use a second factor: kim@northwind.example (not enrolled)",
                "1 of 3 active Okta users has not signed in for 90 days, leavers an offboarding may have missed: lee@northwind.example (last sign-in 2026-07-14)",
            ]
        );
        assert_eq!(
            findings.notes,
            ["1 Okta user is left out: suspended or deactivated accounts cannot sign in"]
        );
    }

    #[test]
    fn the_wrong_shape_is_named() {
        let problem = read("users.json", "{\"login\": \"x\"}", date(2026, 12, 1)).unwrap_err();
        assert!(problem.message.contains("JSON array"), "{problem}");
        let bad = GOOD.replacen("\"ACTIVE\"", "\"HAPPY\"", 1);
        let problem = read("users.json", &bad, date(2026, 12, 1)).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "users.json: item 1: field `status`: \"HAPPY\" is not an Okta user status"
        );
        let cut = &GOOD[..GOOD.len() / 2];
        assert!(
            read("users.json", cut, date(2026, 12, 1))
                .unwrap_err()
                .line
                .is_some()
        );
    }
}
