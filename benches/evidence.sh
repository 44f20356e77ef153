#!/usr/bin/env bash
# Evidence hashing and packaging against the system's own tools, whole process, warm page
# cache, median of RUNS runs:
#   - `evidence verify` of one 400 MB file against `sha256sum` of the same file;
#   - `package` of 2,000 files (64 KB each, 125 MB) against `sha256sum` of the same files
#     plus `cp -r` of them (what a package must at least do: read, hash, write).
#
#   bash benches/evidence.sh          # RUNS=5 by default
#
# Needs bash 5 (EPOCHREALTIME) and GNU coreutils.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
BIN=$PWD/target/release/soc2-ready
echo "==> cargo build --release" >&2
cargo build --release --quiet

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOC2_READY_TODAY=2026-11-24
unset SOURCE_DATE_EPOCH SOC2_READY_DATA_DIR

now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# Median wall time in milliseconds of the command given.
time_ms() {
  local i start
  for ((i = 0; i < RUNS; i++)); do
    start=$(now_us)
    "$@" >/dev/null
    echo $((($(now_us) - start) / 1000))
  done | median
}

"$BIN" new --org Bench --target type2 --output "$work/big.toml" >/dev/null
head -c $((400 << 20)) /dev/urandom >"$work/large.bin"
"$BIN" evidence add "$work/big.toml" CC7.2.central-logging --title "Log export" \
  --file "$work/large.bin" >/dev/null
kept=$(find "$work/big.evidence" -type f -name large.bin)
cat "$kept" >/dev/null
ours=$(time_ms "$BIN" evidence verify "$work/big.toml")
theirs=$(time_ms sha256sum "$kept")
echo "verify of a 400 MB file:  soc2-ready ${ours} ms, sha256sum ${theirs} ms ($(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')x)"

"$BIN" new --org Bench --target type2 --output "$work/many.toml" >/dev/null
mkdir "$work/many"
for ((i = 0; i < 2000; i++)); do head -c 65536 /dev/urandom >"$work/many/f$i.bin"; done
"$BIN" evidence add "$work/many.toml" CC6.3.access-reviews --title "Review exports" \
  --file "$work/many" >/dev/null
files=$(find "$work/many.evidence" -type f)
copy_and_hash() {
  rm -rf "$work/copy"
  # shellcheck disable=SC2086
  sha256sum $files >/dev/null
  cp -r "$work/many.evidence" "$work/copy"
}
ours=$(time_ms "$BIN" package "$work/many.toml" --output "$work/many.zip")
theirs=$(time_ms copy_and_hash)
echo "package of 2,000 files:   soc2-ready ${ours} ms, sha256sum + cp -r ${theirs} ms ($(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')x)"
