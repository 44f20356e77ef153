#!/usr/bin/env bash
# Renders every page of the gap reports of the fixture assessments with poppler's pdftoppm
# and fails if a report cannot be written, a page does not render, or a page is missing.
# Usage: .ci/render-pdf-pages.sh [path/to/soc2-ready]   (default: builds target/debug)
# Needs poppler-utils (pdftoppm, pdfinfo). Leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-}
if [ -z "$binary" ]; then
  cargo build --quiet --bin soc2-ready
  binary=target/debug/soc2-ready
fi
for tool in pdftoppm pdfinfo pdftotext pdffonts; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool not found (install poppler-utils)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795478400 # 2026-11-24, so runs are comparable

status=0
for fixture in tests/fixtures/assessments/report-*.toml; do
  name=$(basename "$fixture" .toml)
  for paper in a4 letter; do
    pdf="$work/$name-$paper.pdf"
    if ! "$binary" report "$fixture" --paper "$paper" --output "$pdf" >/dev/null 2>"$work/stderr"; then
      echo "FAIL $name ($paper): the report was not written:" >&2
      cat "$work/stderr" >&2
      status=1
      continue
    fi
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    # -r 40 keeps it quick; poppler's errors go to stderr and make the run fail.
    if ! errors=$(pdftoppm -png -r 40 "$pdf" "$work/$name-$paper" 2>&1 >/dev/null) || [ -n "$errors" ]; then
      echo "FAIL $name ($paper): pdftoppm reported: $errors" >&2
      status=1
      continue
    fi
    rendered=$(find "$work" -name "$name-$paper-*.png" | wc -l)
    if [ "$rendered" -ne "$pages" ]; then
      echo "FAIL $name ($paper): $rendered of $pages pages rendered" >&2
      status=1
      continue
    fi
    printf 'ok   %-24s %-6s %3d pages %7d bytes\n' "$name" "$paper" "$pages" "$(stat -c %s "$pdf")"
  done
done

# A branded report (tests/fixtures/config/full.toml: firm, contact, a PNG logo): every page
# renders, and the logo really shows — dark pixels where it sits in page 2's header.
pdf="$work/branded.pdf"
if SOC2_READY_CONFIG=tests/fixtures/config/full.toml \
  "$binary" report tests/fixtures/assessments/report-partial.toml --output "$pdf" >/dev/null 2>"$work/stderr"; then
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  if ! errors=$(pdftoppm -png -r 40 "$pdf" "$work/branded" 2>&1 >/dev/null) || [ -n "$errors" ]; then
    echo "FAIL branded: pdftoppm reported: $errors" >&2
    status=1
  else
    # Page 2's header centre at 72 dpi (1 px = 1 pt): where the logo is placed.
    width=$(pdfinfo -f 2 -l 2 "$pdf" | awk '/^Page +2 size:/ {printf "%d", $4}')
    pdftoppm -gray -r 72 -f 2 -l 2 -x $((width / 2 - 28)) -y 18 -W 56 -H 22 "$pdf" "$work/header"
    dark=$(tail -c $((56 * 22)) "$work"/header*.pgm | od -An -tu1 -v | tr -s ' ' '\n' | awk '$1 != "" && $1 < 128' | wc -l)
    if [ "$dark" -lt 50 ]; then
      echo "FAIL branded: no logo in the page header ($dark dark pixels)" >&2
      status=1
    else
      printf 'ok   %-24s %-6s %3d pages, logo in the header (%d dark pixels)\n' branded a4 "$pages" "$dark"
    fi
  fi
else
  echo "FAIL branded: the report was not written:" >&2
  cat "$work/stderr" >&2
  status=1
fi
# Every script (tests/fixtures/assessments/report-scripts.toml): poppler finds the five
# embedded fonts and reads each name back — the right-to-left ones in reading order, so
# the runs were laid out right to left.
pdf="$work/scripts.pdf"
if "$binary" report tests/fixtures/assessments/report-scripts.toml --output "$pdf" >/dev/null 2>"$work/stderr"; then
  text=$(pdftotext "$pdf" -)
  fonts=$(pdffonts "$pdf")
  missing=""
  for needle in "東京クラウド株式会社" "김민준" "王芳" "佐藤花子" "דנה כהן" "سارة أحمد" "🚀"; do
    grep -qF "$needle" <<<"$text" || missing="$missing $needle"
  done
  for font in DejaVuSans NotoSansCJKjp NotoSansArabic NotoEmoji; do
    grep -q "+$font.* yes yes yes" <<<"$fonts" || missing="$missing font:$font"
  done
  if [ -n "$missing" ]; then
    echo "FAIL scripts: not found by poppler:$missing" >&2
    status=1
  else
    printf 'ok   %-24s %-6s CJK, Hebrew, Arabic and emoji read back, 5 fonts embedded\n' scripts a4
  fi
else
  echo "FAIL scripts: the report was not written:" >&2
  cat "$work/stderr" >&2
  status=1
fi
# The Statement of Applicability (soa --format pdf): every page renders and poppler reads
# all 93 Annex A controls back.
pdf="$work/soa.pdf"
if "$binary" soa tests/fixtures/assessments/report-partial.toml --format pdf --output "$pdf" >/dev/null 2>"$work/stderr"; then
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  controls=$(pdftotext "$pdf" - | grep -cE '^A\.[5-8]\.[0-9]+$' || true)
  if ! errors=$(pdftoppm -png -r 40 "$pdf" "$work/soa" 2>&1 >/dev/null) || [ -n "$errors" ]; then
    echo "FAIL soa: pdftoppm reported: $errors" >&2
    status=1
  elif [ "$controls" -ne 93 ]; then
    echo "FAIL soa: poppler read $controls of the 93 Annex A controls" >&2
    status=1
  else
    printf 'ok   %-24s %-6s %3d pages, 93 Annex A controls read back\n' soa a4 "$pages"
  fi
else
  echo "FAIL soa: the report was not written:" >&2
  cat "$work/stderr" >&2
  status=1
fi
exit $status
