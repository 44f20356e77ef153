//! Large exports in the real formats, made up for the import benchmark and its test: a
//! Prowler SOC 2 compliance CSV and an AWS IAM credential report of any size.

/// The Prowler compliance CSV header, as Prowler writes it.
const PROWLER_HEADER: &str = "PROVIDER;DESCRIPTION;ACCOUNTID;REGION;ASSESSMENTDATE;REQUIREMENTS_ID;REQUIREMENTS_DESCRIPTION;REQUIREMENTS_ATTRIBUTES_SECTION;REQUIREMENTS_ATTRIBUTES_SUBSECTION;REQUIREMENTS_ATTRIBUTES_SUBGROUP;REQUIREMENTS_ATTRIBUTES_SERVICE;REQUIREMENTS_ATTRIBUTES_TYPE;STATUS;STATUSEXTENDED;RESOURCEID;CHECKID;MUTED;RESOURCENAME;FRAMEWORK;NAME";

/// Checks and the requirements they are filed under.
const CHECKS: [(&str, &str, &str); 8] = [
    ("iam_user_mfa_enabled_console_access", "cc_6_1", "iam"),
    ("s3_bucket_default_encryption", "cc_6_1", "s3"),
    ("rds_instance_storage_encrypted", "cc_6_1", "rds"),
    (
        "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
        "cc_6_6",
        "ec2",
    ),
    ("cloudtrail_multi_region_enabled", "cc_7_2", "cloudtrail"),
    ("guardduty_is_enabled", "cc_7_2", "guardduty"),
    ("kms_cmk_rotation_enabled", "cc_6_1", "kms"),
    (
        "organizations_account_part_of_organizations",
        "cc_1_3",
        "organizations",
    ),
];

/// A Prowler `soc2_aws` compliance CSV of `rows` data rows (one in 7 fails, one in 50 is
/// muted), with Windows line ends as Python's csv module writes them.
pub fn prowler_csv(rows: usize) -> String {
    let mut out = String::with_capacity(rows * 420);
    out.push_str(PROWLER_HEADER);
    out.push_str("\r\n");
    for row in 0..rows {
        let (check, requirement, service) = CHECKS[row % CHECKS.len()];
        let status = if row % 7 == 0 { "FAIL" } else { "PASS" };
        let muted = if row % 50 == 0 { "True" } else { "False" };
        let region = ["us-east-1", "eu-west-1", "ap-southeast-2"][row % 3];
        let resource = format!("resource-{row:06}");
        out.push_str(&format!(
            "aws;Benchmark export of a made-up AWS account;123456789012;{region};2026-11-30 09:14:03.512204;{requirement};A requirement of the benchmark;CC6.0 - Logical and Physical Access;;;{service};automated;{status};{service} resource {resource} was checked by {check}.;arn:aws:{service}:{region}:123456789012:{resource};{check};{muted};{resource};SOC2;System and Organization Controls 2 (SOC2)\r\n"
        ));
    }
    out
}

/// An AWS IAM credential report of the root account and `users` IAM users.
pub fn credential_report(users: usize) -> String {
    let mut out = String::with_capacity(users * 330);
    out.push_str("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
    out.push_str("<root_account>,arn:aws:iam::123456789012:root,2024-03-01T08:00:00+00:00,not_supported,2026-06-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
    for user in 0..users {
        let console = user % 4 != 0;
        let mfa = user % 9 != 0;
        let month = 1 + user % 11;
        let key = user % 3 == 0;
        out.push_str(&format!(
            "user-{user:05},arn:aws:iam::123456789012:user/user-{user:05},2025-01-15T09:00:00+00:00,{console},{},2025-01-15T09:00:00+00:00,N/A,{mfa},{key},{},{},eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n",
            if console { format!("2026-{month:02}-20T10:00:00+00:00") } else { "N/A".into() },
            if key { format!("2026-{month:02}-01T09:00:00+00:00") } else { "N/A".into() },
            if key { format!("2026-{month:02}-28T09:00:00+00:00") } else { "N/A".into() },
        ));
    }
    out
}
