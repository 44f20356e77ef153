#!/usr/bin/env bash
# Builds the "year of use" assessment for whole-process measurements: the complete benchmark
# fixture, answered through `soc2-ready answer` on each of 365 days (two answers a day, the
# date fixed by SOC2_READY_TODAY, so history records one snapshot a day and compacts as it
# would in real use), plus 500 evidence entries added with `evidence add`.
#
#   bash benches/year-of-history.sh OUT.toml
#   FIXTURE=OUT.toml bash benches/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: benches/year-of-history.sh OUT.toml}
bin=target/release/soc2-ready
cargo build --release --quiet
cp benches/fixtures/complete.toml "$out"
mapfile -t ids < <("$bin" questions --format tsv | tail -n +2 | cut -f1 | grep -v '^ATT\|^CERT')
levels=(in_place evidenced operating planned)
start=$(date -u -d 2025-11-25 +%s)
for ((day = 0; day < 365; day++)); do
  today=$(date -u -d "@$((start + day * 86400))" +%F)
  for k in 0 1; do
    id=${ids[$(((day * 7 + k * 13) % ${#ids[@]}))]}
    SOC2_READY_TODAY=$today "$bin" answer "$out" "$id" "${levels[$(((day + k) % 4))]}" >/dev/null
  done
done
for ((i = 0; i < 500; i++)); do
  month=$((i % 9 + 1))
  SOC2_READY_TODAY=2026-11-24 "$bin" evidence add "$out" "${ids[$((i % ${#ids[@]}))]}" \
    --title "Evidence $i" --location "TICKET-$i" --collected "2026-11-0$month" \
    --from "2026-0$month-01" --to 2026-10-31 >/dev/null
done
echo "$out: $(wc -c <"$out") bytes"
