#!/usr/bin/env bash
# Renders the default theme's home-screen icons from its favicon.svg with headless Chromium, once,
# into themes/default/static/ (the PNGs are committed; the build only copies them):
#
#   icon-192.png, icon-512.png   the favicon as it is (rounded corners), manifest purpose "any"
#   icon-maskable-512.png        square, the colour to the edges: a phone cuts its own shape
#                                (the sun stays inside the 80 % safe circle), purpose "maskable"
#   apple-touch-icon.png         180 px, square likewise: iOS rounds the corners itself
#
#   scripts/icons.sh            after changing favicon.svg; then commit the PNGs
#
# A catalogue replaces them by putting files of the same names in its own static/.
set -euo pipefail

repo=$(git rev-parse --show-toplevel)
static=$repo/themes/default/static
chrome=${ETALASE_CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$static/favicon.svg" "$work/rounded.svg"
sed 's/ rx="[0-9.]*"//' "$static/favicon.svg" >"$work/square.svg"

# render SVG SIZE OUT: the SVG filling a SIZE x SIZE transparent window.
render() {
  cat >"$work/page.html" <<HTML
<!DOCTYPE html><style>html,body{margin:0;background:transparent}img{display:block;width:100vw;height:100vh}</style><img src="$1">
HTML
  "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --default-background-color=00000000 --window-size="$2,$2" \
    --screenshot="$3" "file://$work/page.html" >/dev/null 2>&1
  echo "wrote $3 ($2 x $2)"
}

render rounded.svg 192 "$static/icon-192.png"
render rounded.svg 512 "$static/icon-512.png"
render square.svg 512 "$static/icon-maskable-512.png"
render square.svg 180 "$static/apple-touch-icon.png"
