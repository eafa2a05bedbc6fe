#!/usr/bin/env bash
# Opens a report in headless Chromium, saves a screenshot, and fails when the page logs anything
# to the console, tries to reach the network, or does not render.
#
# usage: scripts/check_report_in_browser.sh HTML_FILE [PNG_OUT]
#
# A report is static: no script, no outside resources. So any console message at all (a script
# error, a Content-Security-Policy violation, a failed load) counts as a failure, and so does any
# request the page makes for something other than file:, data: or blob: URLs. Requests are read
# from Chromium's net-log; Chromium's own background traffic (update checks and the like) is told
# apart by its network isolation key, which is the page's origin (file://) only for requests the
# page caused. Name resolution is disabled, so the check itself never talks to the internet.
#
# Exit status: 0 clean, 1 a problem was found or Chromium is missing, 64 usage error.
# CHECK_REPORT_TIMEOUT (seconds, default 120) bounds the browser run.
set -euo pipefail

usage() {
    echo "usage: $0 HTML_FILE [PNG_OUT]" >&2
    exit 64
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
html_file=$1
[ -f "$html_file" ] || { echo "check: no such file: $html_file" >&2; exit 1; }
html_path=$(realpath "$html_file")
png_out=${2:-${TMPDIR:-/tmp}/$(basename "$html_file" .html)-screenshot.png}
mkdir -p "$(dirname "$png_out")"
png_out=$(realpath -m "$png_out")

find_chromium() {
    local candidate
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

if ! chromium_bin=$(find_chromium); then
    if [ "$(id -u)" = "0" ]; then
        echo "check: installing chromium through apt" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 \
            || { echo "check: apt-get could not install chromium" >&2; exit 1; }
        chromium_bin=$(find_chromium) || { echo "check: chromium still missing" >&2; exit 1; }
    else
        echo "check: headless Chromium is missing; install it with:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
        exit 1
    fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/check-report.XXXXXX")
trap 'rm -rf "$work"' EXIT
rm -f "$png_out"

# Percent-encode the characters that would change a file URL's meaning.
url_path=$(printf '%s' "$html_path" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g' -e 's/?/%3F/g')
page_url="file://$url_path"

status=0
timeout "${CHECK_REPORT_TIMEOUT:-120}" "$chromium_bin" \
    --headless --no-sandbox --disable-gpu \
    --screenshot="$png_out" --window-size=1280,2400 --hide-scrollbars \
    --enable-logging=stderr --v=0 \
    --log-net-log="$work/net-log.json" \
    --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$work/profile" \
    --no-first-run --no-default-browser-check --disable-extensions --disable-sync \
    --disable-background-networking --disable-component-update \
    "$page_url" >"$work/stdout" 2>"$work/stderr" || status=$?

problems=0
if [ "$status" -ne 0 ]; then
    echo "check: chromium exited with status $status" >&2
    tail -n 20 "$work/stderr" >&2
    problems=1
fi

# Console messages look like `INFO:CONSOLE:12] "..."` (older builds: `INFO:CONSOLE(12)]`).
if grep -E ':CONSOLE[:(]|Uncaught' "$work/stderr" >"$work/console" 2>/dev/null; then
    echo "check: the page wrote to the console:" >&2
    sed -e 's/^\[[^]]*\] *//' "$work/console" >&2
    problems=1
fi

# Each net-log event sits on one line; keep those the page caused and list their URLs.
if [ -f "$work/net-log.json" ]; then
    grep -E '"network_isolation_key":"file://|"initiator":"(null|file://)' "$work/net-log.json" \
        | grep -oE '"url":"[^"]*"' | sed -e 's/^"url":"//' -e 's/"$//' \
        | grep -vE '^(file|data|blob|about):' | sort -u >"$work/requests" || true
    if [ -s "$work/requests" ]; then
        echo "check: the page tried to load from the network:" >&2
        sed -e 's/^/    /' "$work/requests" >&2
        problems=1
    fi
else
    echo "check: chromium wrote no net-log, so network requests could not be checked" >&2
    problems=1
fi

png_signature=$(head -c 8 "$png_out" 2>/dev/null | od -An -tx1 | tr -d ' \n' || true)
if [ ! -s "$png_out" ] || [ "$png_signature" != "89504e470d0a1a0a" ]; then
    echo "check: no screenshot (or not a PNG) at $png_out" >&2
    problems=1
fi

if [ "$problems" -ne 0 ]; then
    exit 1
fi
echo "check: ok: $html_file rendered without console messages or network requests"
echo "check: screenshot: $png_out ($(wc -c <"$png_out") bytes)"
