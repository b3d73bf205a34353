#!/bin/sh
# Rebuilds templates/icc/galley-newsprint-tr002.icc from the CGATS/SNAP TR 002 coldset newsprint
# characterisation data shipped by Debian's icc-profiles-free, with ArgyllCMS's colprof.
#   apt-get install icc-profiles-free argyll
#   sh templates/icc/build-profile.sh            (from the repository root, about 1 min on 2 cores)
# Settings (see README.md and docs/PRINT.md):
#   -l 230  total ink limit 230% (newsprint: aim 220%, never above 240%)
#   -L 95   black ink limit 95%
#   -k p 0 .1 .9 1 1   medium GCR: black starts at 10% darkness and ramps straight to full
#                      black at 90% (heavier than the default ramp: stabler greys on a coldset press)
#   -S sRGB perceptual/saturation tables gamut-mapped from sRGB (most photos arrive as sRGB)
#   -qm     medium cLUT quality; -nc keeps the measurement data out of the profile
#   -Z m    matte media (newsprint), recorded in the header attributes
# The header's creation date is then fixed to 2007-01-01 (the data's year) so that a rebuild with the
# same Argyll version gives the same bytes.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${TR002:-/usr/share/color/icc/TR002.ti3}
SRGB=${SRGB_ICM:-/usr/share/color/argyll/ref/sRGB.icm}
NAME=galley-newsprint-tr002
[ -r "$DATA" ] || { echo "missing $DATA: apt-get install icc-profiles-free" >&2; exit 1; }
command -v colprof >/dev/null || { echo "missing colprof: apt-get install argyll" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# colprof reads <base>.ti3 and writes <base>.icc; strip the CRs of the distributed file.
tr -d '\r' < "$DATA" > "$WORK/$NAME.ti3"
( cd "$WORK" && colprof -v -qm -nc -Z m -l 230 -L 95 -k p 0 .1 .9 1 1 -S "$SRGB" \
    -A "galley" -M "Coldset newsprint (CGATS/SNAP TR 002-2007), TAC 230%" \
    -D "galley newsprint TR002 TAC230" \
    -C "Data: CGATS/SNAP TR 002-2007 (NPES), via icc-profiles-free (Zlib). Profile: galley, built with ArgyllCMS colprof." \
    "$NAME" )
# ICC header bytes 24-35: year, month, day, hour, minute, second (big-endian 16-bit each).
printf '\007\327\000\001\000\001\000\000\000\000\000\000' |
  dd of="$WORK/$NAME.icc" bs=1 seek=24 conv=notrunc status=none
cp "$WORK/$NAME.icc" "$HERE/$NAME.icc"
echo "wrote $HERE/$NAME.icc"
