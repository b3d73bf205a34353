#!/usr/bin/env bash
# Word-space evenness benchmark: galley (total-fit, greedy) vs LuaLaTeX + microtype, 128 pt measure.
# Regenerates bench/spacing/out/ (PDFs, results.md, results.json, sweep-*.md; git-ignored) and
# docs/images/spacing-compare.png. See docs/SPACING.md.
#
#   bash bench/spacing/run.sh            # the main table
#   bash bench/spacing/run.sh --sweep    # also the tuning sweeps (galley styles, TeX tolerances)
#
# Needs poppler-utils (pdftotext, pdftoppm). LuaLaTeX is optional (skipped with a message); it is
# installed for this benchmark only, never for CI:
#   apt-get install -y --no-install-recommends texlive-luatex texlive-latex-recommended \
#     texlive-latex-extra texlive-lang-english
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
mkdir -p "$OUT" "$ROOT/docs/images"
cd "$ROOT"

if [[ "${SPACING_NO_BUILD:-}" != 1 ]]; then
  npm run build --silent || echo "spacing: build failed, using the existing dist/" >&2
fi

echo "== galley"
node "$HERE/galley.mjs" total-fit "$OUT/galley-total-fit.pdf"
node "$HERE/galley.mjs" greedy "$OUT/galley-greedy.pdf"
PDFS=("galley total-fit=$OUT/galley-total-fit.pdf" "galley greedy=$OUT/galley-greedy.pdf")

# name|settings for makeTex.mjs (see its header)
TEX_MAIN=(
  "lualatex-defaults|"
  "lualatex-tol1000-es1em|tolerance=1000 emergencystretch=1"
  "lualatex-sloppy|tolerance=9999 emergencystretch=3"
  "lualatex-galley-space|space=galley galleyparams=1 tolerance=400 emergencystretch=1.064"
)
TEX_SWEEP=(
  "lualatex-tol400|tolerance=400"
  "lualatex-tol1000|tolerance=1000"
  "lualatex-tol2000|tolerance=2000"
  "lualatex-tol200-es1em|emergencystretch=1"
  "lualatex-tol400-es0.5em|tolerance=400 emergencystretch=0.5"
  "lualatex-tol400-es1em|tolerance=400 emergencystretch=1"
  "lualatex-tol1000-es1em-exp3|tolerance=1000 emergencystretch=1 expansion=30"
)
label() {
  case "$1" in
    lualatex-defaults) echo "LuaLaTeX+microtype, LaTeX defaults" ;;
    lualatex-tol1000-es1em) echo "LuaLaTeX+microtype, tolerance 1000, emergencystretch 1em" ;;
    lualatex-sloppy) echo "LuaLaTeX+microtype, \\sloppy (9999, 3em)" ;;
    lualatex-galley-space) echo "LuaLaTeX+microtype, galley's word space and parameters" ;;
    *) echo "$1" ;;
  esac
}

tex() {
  local name="$1" settings="$2"
  # shellcheck disable=SC2086
  node "$HERE/makeTex.mjs" "$OUT/$name.tex" $settings
  (cd "$OUT" && lualatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null) ||
    { echo "spacing: lualatex failed on $name, see $OUT/$name.log" >&2; exit 1; }
  echo "$name: $(grep -c '^Overfull' "$OUT/$name.log" || true) overfull boxes in the TeX log"
}

HAVE_TEX=0
if command -v lualatex >/dev/null && kpsewhich microtype.sty fontspec.sty >/dev/null; then
  HAVE_TEX=1
  echo "== LuaLaTeX ($(lualatex --version | head -1))"
  for v in "${TEX_MAIN[@]}"; do
    tex "${v%%|*}" "${v#*|}"
    PDFS+=("$(label "${v%%|*}")=$OUT/${v%%|*}.pdf")
  done
else
  echo "spacing: lualatex (with fontspec and microtype) is not installed: measuring galley only." >&2
  echo "         apt-get install -y --no-install-recommends texlive-luatex texlive-latex-recommended texlive-latex-extra texlive-lang-english" >&2
fi

echo "== measure"
node "$HERE/measure.mjs" "${PDFS[@]}" --json "$OUT/results.json" | tee "$OUT/results.md"

if [[ $HAVE_TEX == 1 ]]; then
  node "$HERE/picture.mjs" 2 "$ROOT/docs/images/spacing-compare.png" \
    "galley total-fit=$OUT/galley-total-fit.pdf" \
    "galley greedy=$OUT/galley-greedy.pdf" \
    "LuaLaTeX + microtype\\nLaTeX defaults=$OUT/lualatex-defaults.pdf" \
    "LuaLaTeX + microtype\\ntolerance 1000, em.str. 1 em=$OUT/lualatex-tol1000-es1em.pdf"
fi

if [[ "${1:-}" == --sweep ]]; then
  echo "== sweep: galley"
  SWEEP=("galley base=$OUT/galley-total-fit.pdf")
  g() {
    GALLEY_PARAMS="$2" GALLEY_STYLE="$3" node "$HERE/galley.mjs" total-fit "$OUT/galley-$1.pdf"
    SWEEP+=("galley $1=$OUT/galley-$1.pdf")
  }
  g tolerance200 '{"tolerance":200}' '{}'
  g tolerance800 '{"tolerance":800}' '{}'
  g emergency0 '{"emergencyStretch":0}' '{}'
  g rivers0 '{"riverDemerits":0}' '{}'
  g expansion3 '{}' '{"expansion":0.03}'
  g expansion3-ls15 '{}' '{"expansion":0.03,"letterSpace":0.015}'
  g letterspace0 '{}' '{"letterSpace":0}'
  g space18-50 '{}' '{"wordSpace":{"min":0.18,"ideal":0.25,"max":0.5}}'
  node "$HERE/measure.mjs" "${SWEEP[@]}" | tee "$OUT/sweep-galley.md"
  if [[ $HAVE_TEX == 1 ]]; then
    echo "== sweep: LuaLaTeX"
    SWEEP=()
    for v in "${TEX_MAIN[@]}" "${TEX_SWEEP[@]}"; do
      [[ -f "$OUT/${v%%|*}.pdf" ]] || tex "${v%%|*}" "${v#*|}"
      SWEEP+=("${v%%|*}=$OUT/${v%%|*}.pdf")
    done
    node "$HERE/measure.mjs" "${SWEEP[@]}" | tee "$OUT/sweep-lualatex.md"
  fi
fi
