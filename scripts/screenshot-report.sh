#!/bin/sh
# Screenshots an HTML report with headless Chromium, to look at it as a reader would.
#
#   scripts/screenshot-report.sh REPORT.html [OUT.png] [WIDTH] [HEIGHT]
#
# REPORT.html may end with #anchor (e.g. report.html#codici) to start the shot at that section.
# OUT.png defaults to REPORT's name with .png; WIDTH to 1280 (desktop; try 1024 for a laptop, 420 for
# a phone); HEIGHT to 2400. The page is loaded from disk: a self-contained report needs no network.
set -eu

if [ $# -lt 1 ] || [ $# -gt 4 ]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTH] [HEIGHT]" >&2
    exit 64
fi

report=$1
file=${report%%#*}
fragment=
case $report in *'#'*) fragment="#${report#*#}" ;; esac
if [ ! -f "$file" ]; then
    echo "$0: $file: no such file" >&2
    exit 66
fi
out=${2:-${file%.*}.png}
width=${3:-1280}
height=${4:-2400}

browser=
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "$0: no chromium found" >&2
    exit 69
fi

absolute=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
profile=$(mktemp -d "${TMPDIR:-/tmp}/screenshot-report.XXXXXX")
trap 'rm -rf "$profile"' EXIT INT TERM

"$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --window-size="$width,$height" --screenshot="$out" \
    "file://$absolute$fragment" >/dev/null 2>&1

if [ ! -s "$out" ]; then
    echo "$0: chromium wrote no screenshot" >&2
    exit 70
fi
echo "$out"
