#!/usr/bin/env bash
# Measures `vigie serve` with a million events: latency of bbox + period queries and a
# sustained load, from a second process (wrk, Debian's package) on loopback.
#
#   scripts/bench-serve.sh [RECORD] [SECONDS]
#
# RECORD (default bench-out/serve-1m.sqlite) is made when absent with
# `vigie synth 1020000 --coded-into RECORD` (about a million distinct events, minutes).
# Uses the release binary (built when missing). Prints wrk's reports.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-bench-out/serve-1m.sqlite}"
secs="${2:-60}"
vigie=target/release/vigie
[ -x "$vigie" ] || cargo build --release -p vigie-cli
command -v wrk >/dev/null || {
    echo "bench-serve: installing wrk (Debian package)" >&2
    apt-get install -y -qq wrk >&2 || sudo -n apt-get install -y -qq wrk >&2
}
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
    echo "bench-serve: writing 1,020,000 coded events into $db" >&2
    "$vigie" synth 1020000 --coded-into "$db"
fi
port=18765
"$vigie" serve --db "$db" --addr "127.0.0.1:$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$port/api/stats" >/dev/null 2>&1 && break
    sleep 0.2
done
echo "== record"
curl -fs "http://127.0.0.1:$port/api/stats"
echo
echo "== latency: one client, 4°x4° box + 31 days, 20 s"
VIGIE_BOX=4 wrk -t1 -c1 -d20s --latency -s scripts/bench/viewport.lua "http://127.0.0.1:$port" | sed -n '1,20p'
echo "== latency: one client, the whole Sahel (28°x14°... 10°x10° box) + 31 days, 20 s"
VIGIE_BOX=10 wrk -t1 -c1 -d20s --latency -s scripts/bench/viewport.lua "http://127.0.0.1:$port" | sed -n '1,20p'
echo "== load: 8 connections, 4°x4° box + 31 days, ${secs} s"
VIGIE_BOX=4 wrk -t2 -c8 -d"${secs}s" --latency -s scripts/bench/viewport.lua "http://127.0.0.1:$port"
