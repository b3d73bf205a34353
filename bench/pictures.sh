#!/bin/sh
# Regenerates the README's pictures with the commands the README documents (`galley preview`),
# from the sample edition. Run from anywhere: `sh bench/pictures.sh` (builds first).
set -eu
cd "$(dirname "$0")/.."
npm run build --silent
galley() { node dist/cli/main.js "$@" > /dev/null; }
mkdir -p docs/images
galley preview samples/edition/edition.json --page A1 --dpi 60 --palette -o docs/images/sample-a1.png
galley preview samples/edition/edition.json --page A1 --dpi 60 --palette \
  --show grid,baselines,frames,overset -o docs/images/sample-a1-overlays.png
galley preview samples/edition/edition.json --sheet --palette -o docs/images/sample-sheet.png
galley preview samples/khmer/edition.json --page K1 --dpi 40 -o docs/images/khmer-k1.png
ls -l docs/images/khmer-k1.png docs/images/sample-a1.png docs/images/sample-a1-overlays.png docs/images/sample-sheet.png
