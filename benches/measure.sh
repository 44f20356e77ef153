#!/usr/bin/env bash
# Whole-process measurements of the release binary on the complete benchmark fixture
# (benches/fixtures/complete.toml): wall time (median of RUNS runs) and peak RSS of every
# report format (and of the PDF of benches/fixtures/worst.toml, every question a gap), `score` and `--version` (the process baseline); the PDF's size; the wizard
# driven in tmux (time from exec until tmux shows the first frame, and peak RSS over a short
# session); and the binary's size. In-process figures come from `cargo bench`.
#
#   bash benches/measure.sh            # RUNS=30 by default
#   RUNS=50 bash benches/measure.sh
#   FIXTURE=year.toml bash benches/measure.sh   # a file made by benches/year-of-history.sh
#
# Needs bash 5 (EPOCHREALTIME), GNU time (/usr/bin/time) and, for the wizard, tmux.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-30}
BIN=target/release/soc2-ready
FIXTURE=${FIXTURE:-benches/fixtures/complete.toml} # or a year of use: benches/year-of-history.sh

echo "==> cargo build --release" >&2
cargo build --release --quiet

work=$(mktemp -d)
trap 'tmux -S "$work/tmux.sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$FIXTURE" "$work/complete.toml"
cp benches/fixtures/worst.toml "$work/worst.toml"
export SOC2_READY_DATA_DIR="$work/data"
export SOURCE_DATE_EPOCH=1795564800 # 2026-11-24: the same report on every run
mkdir -p "$SOC2_READY_DATA_DIR"

# Microseconds since the epoch, without starting a process.
now_us() {
  local t=${EPOCHREALTIME/[.,]/}
  echo "$t"
}

# The median of the numbers on standard input.
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs a command RUNS times (after 3 warm-up runs), output discarded; prints the median wall
# time in milliseconds. Uses hyperfine (no shell in between) when it is installed,
# otherwise a loop timed with bash's EPOCHREALTIME (adds ~0.1 ms of fork/exec per run).
wall_ms() {
  local i start end
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -w 3 -r "$RUNS" --export-json "$work/hyperfine.json" --output=null "$*" \
      >/dev/null 2>&1
    sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$work/hyperfine.json" |
      awk 'NR == 1 { printf "%.1f", $1 * 1000 }'
    return
  fi
  for i in 1 2 3; do "$@" >/dev/null 2>&1; done
  for ((i = 0; i < RUNS; i++)); do
    start=$(now_us)
    "$@" >/dev/null 2>&1
    end=$(now_us)
    echo $((end - start))
  done | median | awk '{ printf "%.1f", $1 / 1000 }'
}

# Peak resident set size of one run, in MB.
peak_mb() {
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1
  awk '{ printf "%.1f", $1 / 1024 }' "$work/rss"
}

row() { printf '%-44s %10s %10s\n' "$@"; }

echo
echo "machine: $(nproc) cores, $(lscpu | awk -F ': *' '/^Model name/ && !seen++ { print $2 }')," \
  "$(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(uname -sr)"
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg) (measure on an idle machine)"
echo "median of $RUNS runs$(command -v hyperfine >/dev/null 2>&1 && echo " (hyperfine -N)");" \
  "reports go to a file (atomic write: fsync, rename, fsync of the folder) or to stdout"
echo
row "command" "median ms" "peak MB"
measure() {
  local label=$1
  shift
  row "$label" "$(wall_ms "$@")" "$(peak_mb "$@")"
}
measure "soc2-ready --version (process baseline)" "$BIN" --version
measure "soc2-ready score" "$BIN" score "$work/complete.toml"
for format in pdf md json csv; do
  measure "soc2-ready report --format $format" \
    "$BIN" report "$work/complete.toml" --format "$format" -o "$work/report.$format"
done
for format in md json csv; do
  measure "soc2-ready report --format $format -o - (stdout)" \
    "$BIN" report "$work/complete.toml" --format "$format" -o -
done
measure "report --format pdf, worst case (all gaps)" \
  "$BIN" report "$work/worst.toml" --format pdf -o "$work/worst.pdf"
echo
echo "PDF report size: $(stat -c %s "$work/report.pdf") bytes;" \
  "worst case $(stat -c %s "$work/worst.pdf") bytes"

# The wizard in a 120×40 tmux window (a tmux server of our own) on a copy of the fixture,
# its data directory fresh except that the three-stages screen counts as seen, so the first
# frame is Home or the wizard. A launcher notes the time just before it execs the binary;
# the pane is polled until the frame's text shows, so the figure is an upper bound: it
# includes tmux reading and parsing the output and up to one poll (~1–2 ms) of delay.
if command -v tmux >/dev/null 2>&1; then
  echo
  : >"$SOC2_READY_DATA_DIR/.seen-stages"
  cat >"$work/launch" <<LAUNCH
#!/usr/bin/env bash
echo \${EPOCHREALTIME/[.,]/} >'$work/exec'
export SOC2_READY_DATA_DIR='$SOC2_READY_DATA_DIR'
exec "\$@"
LAUNCH
  chmod +x "$work/launch"
  tmux_() { tmux -S "$work/tmux.sock" "$@"; }
  # Starts `command...` in a fresh 120×40 pane.
  pane() { tmux_ -f /dev/null new-session -d -s measure -x 120 -y 40 "$work/launch" "$@"; }
  # Polls the pane until `text` shows; prints the time it showed, in microseconds.
  wait_for() {
    local text=$1 i
    for ((i = 0; i < 5000; i++)); do
      if tmux_ capture-pane -p -t measure 2>/dev/null | grep -qF -- "$text"; then
        now_us
        return 0
      fi
    done
    echo "timed out waiting for \"$text\"" >&2
    return 1
  }
  # Quits the wizard and waits for the pane (and the server) to go.
  quit() {
    tmux_ send-keys -t measure q
    while tmux_ has-session -t measure 2>/dev/null; do sleep 0.01; done
  }
  # exec → first frame, in microseconds; `marker` is text of the expected frame.
  first_frame() {
    local marker=$1 shown
    shift
    cp "$FIXTURE" "$SOC2_READY_DATA_DIR/sample-co.toml"
    rm -f "$work/exec"
    pane "$@"
    shown=$(wait_for "$marker")
    quit
    echo $((shown - $(cat "$work/exec")))
  }
  frames() {
    local label=$1 marker=$2 i
    shift 2
    first_frame "$marker" "$@" >/dev/null # warm-up
    row "wizard: exec → first frame in tmux, $label" "$(
      for ((i = 0; i < RUNS; i++)); do first_frame "$marker" "$@"; done |
        median | awk '{ printf "%.1f", $1 / 1000 }'
    )" ""
  }
  frames "Home" "Sample Co" "$PWD/$BIN"
  frames "open" "answered" "$PWD/$BIN" open "$SOC2_READY_DATA_DIR/sample-co.toml"

  # Peak RSS over a session on the complete assessment: answers, next question, the
  # dashboard, back, Home, open again, quit.
  cp "$FIXTURE" "$SOC2_READY_DATA_DIR/sample-co.toml"
  pane /usr/bin/time -f %M -o "$work/tui-rss" "$PWD/$BIN" open "$SOC2_READY_DATA_DIR/sample-co.toml"
  wait_for "answered" >/dev/null
  for key in 3 4 Right 2 Right Right 3 Tab Down Down Esc Esc Enter 1; do
    tmux_ send-keys -t measure "$key"
    sleep 0.05
  done
  quit
  row "wizard: peak RSS over a session" "" "$(awk '{ printf "%.1f", $1 / 1024 }' "$work/tui-rss")"
else
  echo "tmux not found: wizard measurements skipped" >&2
fi

echo
echo "release binary: $(stat -c %s "$BIN") bytes ($(awk -v b="$(stat -c %s "$BIN")" 'BEGIN { printf "%.1f", b / 1048576 }') MB)"
