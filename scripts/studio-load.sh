#!/usr/bin/env bash
# The studio's load test on loopback (not part of the test run):
#   scripts/studio-load.sh [--requests N] [--clients C] [--choruses K] [--warmup W] [--timeout S]
# Builds bebop if needed, starts `./bebop studio --port 0` (a free loopback port) with a fresh work folder
# under target/, sends N POST /api/compose requests (default 100, K = 12 choruses each, seeds 1..N) from C
# concurrent clients (default 20) after W untimed warm-up requests (default 100: a server in use has
# compiled its hot code), checks every answer against bebop's ComposeService (status, bars, every note:
# bebop.studio.StudioLoad, under src/test),
# and prints the p50/p99 latency, the server JVM's CPU time per timed request (user + system, from
# /proc: what a request costs the server, apart from the clients' own work on this machine) and its peak
# resident memory (VmHWM, the kernel's high-water mark). Bounded: each request may take S seconds
# (default 60), the warm-up and the timed run at most 2S + 120 s each; the server is stopped at the end,
# whatever happens. Exit code 0 only when every answer arrived and was right. Latencies move with the
# machine's load: the load average is printed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requests=100; clients=20; choruses=12; warmup=100; timeout=60
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --choruses) choruses="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n 2,14p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "studio-load: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
cd "$here"
echo "studio-load: building bebop and its test classes ..." >&2
mkdir -p target
build_log="$(mktemp "$here/target/studio-load-build.XXXXXX")"
if ! mvn -q -B -ntp -DskipTests package >"$build_log" 2>&1; then
  cat "$build_log" >&2; rm -f "$build_log"; echo "studio-load: the build failed (output above)" >&2; exit 1
fi
rm -f "$build_log"
work="$(mktemp -d "$here/target/studio-load.XXXXXX")"
log="$work.log"
server=""
stop() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work" "$log"
}
trap stop EXIT
./bebop studio --host 127.0.0.1 --port 0 --work "$work" >"$log" 2>&1 &
server=$!   # ./bebop execs java: this is the server JVM's pid
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "studio-load: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "studio-load: the server printed no address in 30 s" >&2; exit 1; }
echo "studio-load: server $url (pid $server); load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" >&2
load() { timeout "$((2 * timeout + 120))" java -cp "$here/target/bebop.jar:$here/target/test-classes" bebop.studio.StudioLoad "$@"; }
# the server JVM's user + system CPU time, in clock ticks (/proc/PID/stat fields 14 and 15)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat" 2>/dev/null || echo ""; }
status=0
if [ "$warmup" -gt 0 ]; then # the warm-up requests (one client, untimed), then one request to see them through
  load "$url" 1 1 "$choruses" "$warmup" "$timeout" >/dev/null || { echo "studio-load: the warm-up failed" >&2; exit 1; }
fi
before="$(cpu_ticks)"
load "$url" "$requests" "$clients" "$choruses" 0 "$timeout" | sed "s/after 0 untimed warm-up requests/after $warmup untimed warm-up requests/" \
  || status=$?
after="$(cpu_ticks)"
if [ -n "$before" ] && [ -n "$after" ]; then
  awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "server CPU time (user + system) per timed request: %.2f ms\n", t * 1000 / hz / n }'
fi
peak_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$server/status" 2>/dev/null || echo "")"
if [ -n "$peak_kb" ]; then
  echo "server peak resident memory (VmHWM): $((peak_kb / 1024)) MiB"
else
  echo "server peak resident memory: unknown (the server is gone)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
