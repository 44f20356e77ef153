//! GitHub branch protection as the REST API gives it: the object of
//! `GET /repos/OWNER/REPO/branches/BRANCH/protection`, or a repository ruleset
//! (`GET /repos/OWNER/REPO/rulesets/ID`), one or a JSON array of many. Required approving
//! reviews and dismissed stale approvals bear on change approval (CC8.1); admins bound by
//! the rules, required status checks, and no force pushes or deletions on branch
//! protection (CC8.1). A ruleset only protects when its enforcement is `active`.

use serde_json::Value;

use super::{Finding, Findings, ImportError, Source, agree, all, count, json, name_list};

/// What one repository's rules require.
#[derive(Debug, Default, PartialEq, Eq)]
struct Rules {
    repository: String,
    approvals: u64,
    dismiss_stale: bool,
    status_checks: bool,
    admins_bound: bool,
    no_force_push: bool,
    no_deletion: bool,
}

/// Reads branch protection or ruleset JSON.
pub fn read(name: &str, text: &str) -> Result<Findings, ImportError> {
    let document = json::parse(name, text)?;
    let items = json::items(&document);
    let rules = items
        .iter()
        .enumerate()
        .map(|(index, item)| rules(name, index, item))
        .collect::<Result<Vec<_>, _>>()?;
    if rules.is_empty() {
        return Err(json::problem(
            name,
            0,
            "protection",
            "the list holds no branch protection",
        ));
    }
    Ok(Findings {
        title: Source::GithubBranchProtection.describe().to_string(),
        dated: None,
        rows: rules.len(),
        findings: vec![approval(&rules), protection(&rules)],
        notes: Vec::new(),
    })
}

/// The rules one protection object or ruleset sets.
fn rules(name: &str, index: usize, item: &Value) -> Result<Rules, ImportError> {
    let enabled = |pointer: &str| {
        item.pointer(pointer)
            .and_then(Value::as_bool)
            .unwrap_or(false)
    };
    if let Some(list) = item.get("rules") {
        let list = list
            .as_array()
            .ok_or_else(|| json::problem(name, index, "rules", "expected a list of rules"))?;
        let active = json::text(item, "/enforcement") == "active";
        let rule = |kind: &str| {
            list.iter()
                .find(|rule| json::text(rule, "/type") == kind)
                .filter(|_| active)
        };
        let pull_request = rule("pull_request");
        let checks = rule("required_status_checks")
            .and_then(|rule| rule.pointer("/parameters/required_status_checks"))
            .and_then(Value::as_array);
        return Ok(Rules {
            repository: format!(
                "{} ruleset \"{}\"",
                json::text(item, "/source"),
                json::text(item, "/name")
            ),
            approvals: pull_request
                .and_then(|rule| rule.pointer("/parameters/required_approving_review_count"))
                .and_then(Value::as_u64)
                .unwrap_or(0),
            dismiss_stale: pull_request
                .and_then(|rule| rule.pointer("/parameters/dismiss_stale_reviews_on_push"))
                .and_then(Value::as_bool)
                .unwrap_or(false),
            status_checks: checks.is_some_and(|checks| !checks.is_empty()),
            admins_bound: active
                && item
                    .get("bypass_actors")
                    .and_then(Value::as_array)
                    .is_none_or(Vec::is_empty),
            no_force_push: rule("non_fast_forward").is_some(),
            no_deletion: rule("deletion").is_some(),
        });
    }
    let url = json::text(item, "/url");
    if !url.contains("/protection")
        && item.get("required_pull_request_reviews").is_none()
        && item.get("enforce_admins").is_none()
    {
        return Err(json::problem(
            name,
            index,
            "url",
            "neither branch protection nor a ruleset: is this the JSON of /repos/OWNER/REPO/branches/BRANCH/protection?",
        ));
    }
    let checks = item.get("required_status_checks");
    let listed = |field: &str| {
        checks
            .and_then(|checks| checks.get(field))
            .and_then(Value::as_array)
            .is_some_and(|list| !list.is_empty())
    };
    Ok(Rules {
        repository: repository(url).unwrap_or_else(|| format!("protection {}", index + 1)),
        approvals: item
            .pointer("/required_pull_request_reviews/required_approving_review_count")
            .and_then(Value::as_u64)
            .unwrap_or(0),
        dismiss_stale: enabled("/required_pull_request_reviews/dismiss_stale_reviews"),
        status_checks: listed("contexts") || listed("checks"),
        admins_bound: enabled("/enforce_admins/enabled"),
        no_force_push: !enabled("/allow_force_pushes/enabled"),
        no_deletion: !enabled("/allow_deletions/enabled"),
    })
}

/// `OWNER/REPO (BRANCH)` from a protection URL.
fn repository(url: &str) -> Option<String> {
    let rest = url.split_once("/repos/")?.1;
    let mut parts = rest.split('/');
    let (owner, repo, branches, branch) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    (branches == "branches").then(|| format!("{owner}/{repo} ({branch})"))
}

/// Required approvals that survive no new push.
fn approval(rules: &[Rules]) -> Finding {
    let failing: Vec<String> = rules
        .iter()
        .filter_map(|rules| match (rules.approvals, rules.dismiss_stale) {
            (0, _) => Some(format!(
                "{} (no approving review required)",
                rules.repository
            )),
            (_, false) => Some(format!(
                "{} (approvals kept after new pushes)",
                rules.repository
            )),
            _ => None,
        })
        .collect();
    finding(
        "CC8.1.change-approval",
        rules.len(),
        failing,
        "require an approving review and dismiss stale approvals on new pushes",
    )
}

/// Admins bound, checks required, no force pushes or deletions.
fn protection(rules: &[Rules]) -> Finding {
    let failing: Vec<String> = rules
        .iter()
        .filter_map(|rules| {
            let gaps: Vec<&str> = [
                (!rules.admins_bound, "admins exempt"),
                (!rules.status_checks, "no required status checks"),
                (!rules.no_force_push, "force pushes allowed"),
                (!rules.no_deletion, "deletion allowed"),
            ]
            .into_iter()
            .filter_map(|(gap, words)| gap.then_some(words))
            .collect();
            (!gaps.is_empty()).then(|| format!("{} ({})", rules.repository, gaps.join(", ")))
        })
        .collect();
    finding(
        "CC8.1.branch-protection",
        rules.len(),
        failing,
        "include administrators, require status checks, and block force pushes and deletion",
    )
}

/// The finding of `checked` protected branches of which `failing` fall short.
fn finding(question: &str, checked: usize, failing: Vec<String>, fix: &str) -> Finding {
    Finding::judged(
        question,
        checked,
        failing,
        format!(
            "{} {} this",
            all(checked, "protected branch", "protected branches"),
            agree(checked, "requires", "require")
        ),
        |failing| {
            format!(
                "{} of {} {} short: {}",
                failing.len(),
                count(checked, "protected branch", "protected branches"),
                agree(failing.len(), "falls", "fall"),
                name_list(failing, 5)
            )
        },
        fix,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = include_str!("../../tests/fixtures/import/github-branch-protection.json");

    #[test]
    fn protection_and_rulesets_give_approval_and_protection_findings() {
        let findings = read("protection.json", GOOD).unwrap();
        assert_eq!(findings.rows, 3);
        assert_eq!(
            findings.sentences(),
            [
                "2 of 3 protected branches fall short: acme/web (main) (no approving review required), acme/infra ruleset \"main\" (approvals kept after new pushes)",
                "1 of 3 protected branches falls short: acme/web (main) (admins exempt, no required status checks, force pushes allowed)",
            ]
        );
    }

    #[test]
    fn a_ruleset_in_evaluate_mode_protects_nothing() {
        let evaluate = GOOD.replace(
            "\"enforcement\": \"active\"",
            "\"enforcement\": \"evaluate\"",
        );
        let findings = read("protection.json", &evaluate).unwrap();
        assert!(
            findings.findings[1]
                .failing
                .iter()
                .any(|name| name.starts_with("acme/infra"))
        );
    }

    #[test]
    fn other_json_is_refused() {
        let problem = read("repo.json", "{\"name\": \"api\", \"private\": true}").unwrap_err();
        assert!(
            problem
                .message
                .contains("neither branch protection nor a ruleset"),
            "{problem}"
        );
        assert_eq!(problem.item.as_deref(), Some("item 1"));
        assert!(
            read("p.json", "[]")
                .unwrap_err()
                .message
                .contains("no branch protection")
        );
    }

    #[test]
    fn repositories_are_named_from_the_url() {
        assert_eq!(
            repository("https://api.github.com/repos/acme/api/branches/main/protection").as_deref(),
            Some("acme/api (main)")
        );
        assert_eq!(repository("https://example.com/x"), None);
    }
}
