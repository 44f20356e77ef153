#!/usr/bin/env bash
# The auditor's package, checked with tools we did not write: evidence is added to three
# controls of a new assessment, the package is built, then `unzip -t` tests the archive
# and `sha256sum -c` checks every member against SHA256SUMS; a tampered copy must fail.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/debug/soc2-ready
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOC2_READY_TODAY=2026-11-24
unset SOURCE_DATE_EPOCH SOC2_READY_DATA_DIR

"$bin" new --org "Acme Inc" --target type2 --output "$work/acme.toml" >/dev/null
mkdir -p "$work/in/siem"
printf 'Q1 access review\n' >"$work/in/q1.pdf"
printf 'Q2 access review\n' >"$work/in/q2.pdf"
printf 'date,alert\n2026-02-01,login burst\n' >"$work/in/siem/alerts.csv"
head -c 5000000 /dev/urandom >"$work/in/siem/export.bin"
printf 'MFA enforced\n' >"$work/in/mfa name with spaces.txt"
"$bin" evidence add "$work/acme.toml" CC6.3.access-reviews --title "Q1 review" \
  --file "$work/in/q1.pdf" --covers 2026-07-01..2026-09-30 >/dev/null
"$bin" evidence add "$work/acme.toml" CC6.3.access-reviews --title "Q2 review" \
  --file "$work/in/q2.pdf" --covers 2026-10-01..2026-12-31 >/dev/null
"$bin" evidence add "$work/acme.toml" CC7.2.central-logging --title "SIEM export" \
  --file "$work/in/siem" >/dev/null
"$bin" evidence add "$work/acme.toml" CC6.1.mfa --title "MFA settings" \
  --file "$work/in/mfa name with spaces.txt" >/dev/null
"$bin" evidence verify "$work/acme.toml" >/dev/null

zip=$("$bin" package "$work/acme.toml" --output "$work/package.zip" | sed -n 1p)
unzip -tq "$zip"
mkdir "$work/unpacked"
(cd "$work/unpacked" && unzip -q "$zip" && sha256sum --strict -c SHA256SUMS)
members=$(wc -l <"$work/unpacked/SHA256SUMS")
[ "$members" -eq 9 ] || { echo "expected 9 checked members, got $members" >&2; exit 1; }

printf 'tampered' >>"$work/unpacked/evidence/CC6.1/CC6.1.mfa/mfa name with spaces.txt"
if (cd "$work/unpacked" && sha256sum --quiet -c SHA256SUMS) >/dev/null 2>&1; then
  echo "sha256sum accepted a tampered member" >&2
  exit 1
fi
echo "package: unzip -t and sha256sum -c accept all $members members; a tampered one fails"
