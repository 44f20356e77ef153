//! Which question a Prowler check bears on, from the words of its id
//! (`iam_user_mfa_enabled_console_access` → CC6.1.mfa). Prowler files a check under
//! several criteria; the question is decided by what the check tests, the first rule
//! whose words all appear in the id winning. Ids follow `service_resource_property`
//! for AWS, Azure and GCP alike, so one table serves the three SOC 2 files.

/// `(words that must all appear in the check id, question id)`, most specific first.
const RULES: &[(&[&str], &str)] = &[
    (&["threat_detection"], "CC7.2.threat-detection"),
    (&["mfa"], "CC6.1.mfa"),
    (&["2fa"], "CC6.1.mfa"),
    (&["multifactor"], "CC6.1.mfa"),
    (&["password_policy"], "CC6.1.password-policy"),
    (&["root"], "CC6.3.privileged-access"),
    (&["accesskey"], "CC6.3.access-reviews"),
    (&["access_key"], "CC6.3.access-reviews"),
    (&["unused"], "CC6.3.access-reviews"),
    (&["administrative_privileges"], "CC6.3.least-privilege"),
    (&["privilege_escalation"], "CC6.3.least-privilege"),
    (&["full_access"], "CC6.3.least-privilege"),
    (
        &["policy_attached_only_to_group_or_roles"],
        "CC6.3.role-based-access",
    ),
    (&["secretsmanager"], "CC6.1.secrets-management"),
    (&["secrets"], "CC6.1.secrets-management"),
    (&["kms"], "CC6.1.key-management"),
    (&["keyvault"], "CC6.1.key-management"),
    (&["in_transit"], "CC6.7.encryption-in-transit"),
    (&["secure_transport"], "CC6.7.encryption-in-transit"),
    (&["secure_transfer"], "CC6.7.encryption-in-transit"),
    (&["ssl"], "CC6.7.encryption-in-transit"),
    (&["tls"], "CC6.7.encryption-in-transit"),
    (&["https"], "CC6.7.encryption-in-transit"),
    (&["encrypt"], "CC6.1.encryption-at-rest"),
    (&["guardduty"], "CC7.2.threat-detection"),
    (&["defender"], "CC7.2.threat-detection"),
    (&["cloudtrail"], "CC7.2.cloud-audit-logs"),
    (&["audit_log"], "CC7.2.cloud-audit-logs"),
    (&["activity_log"], "CC7.2.cloud-audit-logs"),
    (&["metric_filter"], "CC7.2.security-alerting"),
    (&["alarm"], "CC7.2.security-alerting"),
    (&["log", "retention"], "CC7.2.log-retention"),
    (&["logging"], "CC7.2.central-logging"),
    (&["log"], "CC7.2.central-logging"),
    (&["securityhub"], "CC7.1.vulnerability-scanning"),
    (&["inspector"], "CC7.1.vulnerability-scanning"),
    (&["scan"], "CC7.1.vulnerability-scanning"),
    (&["patch"], "CC7.1.patch-deadlines"),
    (&["config_recorder"], "CC7.1.hardening-baselines"),
    (&["managed_by_ssm"], "CC7.1.hardening-baselines"),
    (&["waf"], "CC6.6.waf"),
    (&["shield"], "CC6.6.ddos"),
    (&["securitygroup"], "CC6.6.firewall-rules"),
    (&["network_acl"], "CC6.6.firewall-rules"),
    (&["firewall"], "CC6.6.firewall-rules"),
    (&["open_port"], "CC6.6.firewall-rules"),
    (&["internet"], "CC6.6.firewall-rules"),
    (&["public"], "CC6.1.network-segmentation"),
    (&["backup"], "CC7.5.backup-operation"),
    (&["snapshot"], "CC7.5.backup-operation"),
    (&["versioning"], "A1.2.backup-protection"),
    (&["deletion_protection"], "A1.2.backup-protection"),
    (&["multi_az"], "A1.2.multi-zone"),
    (&["cross_zone"], "A1.2.multi-zone"),
];

/// The question the check `check_id` bears on, when any rule covers it.
pub fn question_for(check_id: &str) -> Option<&'static str> {
    let id = check_id.to_ascii_lowercase();
    RULES
        .iter()
        .find(|(words, _)| words.iter().all(|word| id.contains(word)))
        .map(|(_, question)| *question)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_land_on_the_question_they_test() {
        let cases = [
            ("iam_user_mfa_enabled_console_access", "CC6.1.mfa"),
            ("iam_root_mfa_enabled", "CC6.1.mfa"),
            ("iam_no_root_access_key", "CC6.3.privileged-access"),
            ("iam_rotate_access_key_90_days", "CC6.3.access-reviews"),
            ("iam_user_console_access_unused", "CC6.3.access-reviews"),
            ("s3_bucket_default_encryption", "CC6.1.encryption-at-rest"),
            ("kms_cmk_rotation_enabled", "CC6.1.key-management"),
            (
                "s3_bucket_secure_transport_policy",
                "CC6.7.encryption-in-transit",
            ),
            ("cloudtrail_multi_region_enabled", "CC7.2.cloud-audit-logs"),
            (
                "cloudtrail_threat_detection_enumeration",
                "CC7.2.threat-detection",
            ),
            (
                "cloudwatch_log_group_retention_policy_specific_days_enabled",
                "CC7.2.log-retention",
            ),
            (
                "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
                "CC6.6.firewall-rules",
            ),
            (
                "rds_instance_no_public_access",
                "CC6.1.network-segmentation",
            ),
            ("rds_instance_backup_enabled", "CC7.5.backup-operation"),
            (
                "storage_secure_transfer_required_is_enabled",
                "CC6.7.encryption-in-transit",
            ),
            (
                "defender_ensure_defender_for_server_is_on",
                "CC7.2.threat-detection",
            ),
        ];
        for (check, question) in cases {
            assert_eq!(question_for(check), Some(question), "{check}");
        }
        assert_eq!(
            question_for("organizations_account_part_of_organizations"),
            None
        );
    }

    #[test]
    fn every_rule_names_a_built_in_question() {
        let questionnaire =
            crate::questionnaire::load(&crate::questionnaire::QuestionnaireSource::BuiltIn)
                .expect("built-in questionnaire loads");
        for (words, question) in RULES {
            assert!(!words.is_empty());
            assert!(questionnaire.question(question).is_some(), "{question}");
        }
    }
}
