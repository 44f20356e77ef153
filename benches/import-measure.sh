#!/usr/bin/env bash
# Whole-process timing of `soc2-ready import` (release binary, no --apply: reading,
# hashing, copying into the evidence folder and the atomic save of the assessment) on a
# 50,000-row Prowler SOC 2 compliance CSV and a 10,000-user AWS IAM credential report,
# against Python's csv module merely reading the same files. Median of RUNS runs each,
# every import into a fresh copy of the sample assessment.
#
#   bash benches/import-measure.sh        # RUNS=10 by default
#
# Needs bash 5 (EPOCHREALTIME) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
BIN=target/release/soc2-ready

echo "==> cargo build --release" >&2
cargo build --release --quiet

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOC2_READY_TODAY=2026-12-01

# The same made-up exports as benches/support/import_exports.rs writes.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
checks = [("iam_user_mfa_enabled_console_access", "cc_6_1", "iam"), ("s3_bucket_default_encryption", "cc_6_1", "s3"),
          ("rds_instance_storage_encrypted", "cc_6_1", "rds"), ("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22", "cc_6_6", "ec2"),
          ("cloudtrail_multi_region_enabled", "cc_7_2", "cloudtrail"), ("guardduty_is_enabled", "cc_7_2", "guardduty"),
          ("kms_cmk_rotation_enabled", "cc_6_1", "kms"), ("organizations_account_part_of_organizations", "cc_1_3", "organizations")]
header = "PROVIDER;DESCRIPTION;ACCOUNTID;REGION;ASSESSMENTDATE;REQUIREMENTS_ID;REQUIREMENTS_DESCRIPTION;REQUIREMENTS_ATTRIBUTES_SECTION;REQUIREMENTS_ATTRIBUTES_SUBSECTION;REQUIREMENTS_ATTRIBUTES_SUBGROUP;REQUIREMENTS_ATTRIBUTES_SERVICE;REQUIREMENTS_ATTRIBUTES_TYPE;STATUS;STATUSEXTENDED;RESOURCEID;CHECKID;MUTED;RESOURCENAME;FRAMEWORK;NAME"
with open(f"{work}/soc2_aws.csv", "w", newline="") as out:
    out.write(header + "\r\n")
    for row in range(50_000):
        check, requirement, service = checks[row % 8]
        status = "FAIL" if row % 7 == 0 else "PASS"
        muted = "True" if row % 50 == 0 else "False"
        region = ["us-east-1", "eu-west-1", "ap-southeast-2"][row % 3]
        resource = f"resource-{row:06}"
        out.write(f"aws;Benchmark export of a made-up AWS account;123456789012;{region};2026-11-30 09:14:03.512204;{requirement};A requirement of the benchmark;CC6.0 - Logical and Physical Access;;;{service};automated;{status};{service} resource {resource} was checked by {check}.;arn:aws:{service}:{region}:123456789012:{resource};{check};{muted};{resource};SOC2;System and Organization Controls 2 (SOC2)\r\n")
with open(f"{work}/credential-report.csv", "w", newline="") as out:
    out.write("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n")
    out.write("<root_account>,arn:aws:iam::123456789012:root,2024-03-01T08:00:00+00:00,not_supported,2026-06-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n")
    for user in range(10_000):
        console, mfa, month, key = user % 4 != 0, user % 9 != 0, 1 + user % 11, user % 3 == 0
        used = f"2026-{month:02}-20T10:00:00+00:00" if console else "N/A"
        rotated = f"2026-{month:02}-01T09:00:00+00:00" if key else "N/A"
        key_used = f"2026-{month:02}-28T09:00:00+00:00" if key else "N/A"
        out.write(f"user-{user:05},arn:aws:iam::123456789012:user/user-{user:05},2025-01-15T09:00:00+00:00,{str(console).lower()},{used},2025-01-15T09:00:00+00:00,N/A,{str(mfa).lower()},{str(key).lower()},{rotated},{key_used},eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n")
PY

now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Median wall time in ms of RUNS runs of "$@", each after `setup` (untimed).
timed() {
  local setup=$1; shift
  for _ in $(seq "$RUNS"); do
    eval "$setup"
    local start; start=$(now_us)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    echo $(( $(now_us) - start ))
  done | median | awk '{ printf "%.1f", $1 / 1000 }'
}

fresh='rm -rf "$work/a.toml" "$work/a.evidence"; cp tests/fixtures/assessments/report-complete.toml "$work/a.toml"'
read_py='import csv, sys; n = sum(1 for _ in csv.reader(open(sys.argv[1], newline=""), delimiter=sys.argv[2])); print(n)'

for case in "prowler soc2_aws.csv ;" "aws-credential-report credential-report.csv ,"; do
  read -r source file delimiter <<<"$case"
  size=$(du -h "$work/$file" | cut -f1)
  ours=$(timed "$fresh" "$BIN" import "$source" "$work/$file" --into "$work/a.toml")
  python=$(timed ":" python3 -c "$read_py" "$work/$file" "$delimiter")
  printf '%-24s %6s  soc2-ready import %7s ms   python3 csv read %7s ms\n' "$source" "$size" "$ours" "$python"
done
