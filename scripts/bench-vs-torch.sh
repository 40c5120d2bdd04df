#!/usr/bin/env bash
# bebop's engine against the PyTorch peer, in the same run, one thread each:
#   scripts/bench-vs-torch.sh [--inputs N] [--hidden H] [--seconds S] [--rounds R] [--peer PATH] [--json-dir DIR]
#   scripts/bench-vs-torch.sh --sweep [--seconds S]   # hidden 16..256 x inputs 25, 88: one line per shape
# Runs `./bebop bench --json` and the peer (shared/bench/torch_lstm_bench.py, Debian's python3-torch)
# with the same --inputs/--hidden/--seconds, taking turns R times (default 3), then prints per key:
# the best of the rounds for each side, their ratio, and the lowest and highest ratio of one round.
# bptt_batch32_2threads_steps_per_s (ours on two threads) is set against the peer run with --threads 2;
# online_float_steps_per_s and generate_float_steps_per_s (ours in floats, Precision.FLOAT) against the
# peer's online and generate keys (PyTorch computes in float32): the double rows stay beside them.
# A key that one side lacks shows "-" and no ratio.
# Steps/s move with the machine's load and speed (virtual machines drift by a third within minutes):
# turns and best-of-rounds give both sides the same conditions; the load is printed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
inputs=25; hidden=16; seconds=3; rounds=3; json_dir=""; sweep=""
peer="${BEBOP_TORCH_PEER:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --inputs) inputs="$2"; shift 2 ;;
    --hidden) hidden="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --peer) peer="$2"; shift 2 ;;
    --json-dir) json_dir="$2"; shift 2 ;;
    --sweep) sweep=1; shift ;;
    -h|--help) sed -n 2,10p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-vs-torch: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$peer" ]; then
  for p in "$here/../shared/bench/torch_lstm_bench.py" "/work/shared/bench/torch_lstm_bench.py" "$here/shared/bench/torch_lstm_bench.py"; do
    if [ -f "$p" ]; then peer="$p"; break; fi
  done
fi
if [ -z "$peer" ] || [ ! -f "$peer" ]; then
  echo "bench-vs-torch: the PyTorch peer torch_lstm_bench.py was not found; pass --peer PATH" >&2; exit 2
fi
# The JVM's one-line notice that the Vector API is an incubator module (see README, Performance).
quiet_incubator() { grep -v '^WARNING: Using incubator modules' || true; }
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c "import torch" 2>/dev/null; then
  echo "bench-vs-torch: PyTorch is missing for $py (Debian: apt-get install -y python3-torch)" >&2; exit 2
fi

if [ -n "$sweep" ]; then
  printf '%-6s %-6s %12s %12s %10s %8s %8s %12s %12s %10s %8s %8s  %s\n' inputs hidden online online_f torch ratio ratio_f \
    generate generate_f torch ratio ratio_f load
  for n in 25 88; do
    for h in 16 32 64 128 256; do
      o="$("$here/bebop" bench --json --inputs "$n" --hidden "$h" --seconds "$seconds" --warmup 2 2> >(quiet_incubator >&2))"
      t="$(OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$py" "$peer" --inputs "$n" --hidden "$h" --seconds "$seconds" --threads 1)"
      "$py" - "$o" "$t" "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')" <<'PY'
import json, sys
o, t = json.loads(sys.argv[1]), json.loads(sys.argv[2])
def r(k, peer): return f"{o[k] / t[peer]:.1f}x" if t.get(peer) else "-"
on, gen = "online_steps_per_s", "generate_steps_per_s"
print(f"{o['inputs']:<6} {o['hidden']:<6} {o[on]:>12,} {o['online_float_steps_per_s']:>12,} {t[on]:>10,}"
      f" {r(on, on):>8} {r('online_float_steps_per_s', on):>8}"
      f" {o[gen]:>12,} {o['generate_float_steps_per_s']:>12,} {t[gen]:>10,}"
      f" {r(gen, gen):>8} {r('generate_float_steps_per_s', gen):>8}  {sys.argv[3]}")
PY
    done
  done
  exit 0
fi

case "$rounds" in
  ''|*[!0-9]*|0) echo "bench-vs-torch: --rounds must be a whole number >= 1, got '$rounds'" >&2; exit 2 ;;
esac
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
ours=(); theirs=(); theirs2=()
for ((r = 1; r <= rounds; r++)); do
  ours+=("$("$here/bebop" bench --json --inputs "$inputs" --hidden "$hidden" --seconds "$seconds" 2> >(quiet_incubator >&2))")
  theirs+=("$(OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$py" "$peer" --inputs "$inputs" --hidden "$hidden" --seconds "$seconds" --threads 1)")
  theirs2+=("$(OMP_NUM_THREADS=2 MKL_NUM_THREADS=2 "$py" "$peer" --inputs "$inputs" --hidden "$hidden" --seconds "$seconds" --threads 2)")
  if [ -n "$json_dir" ]; then
    mkdir -p "$json_dir"
    printf '%s\n' "${ours[-1]}" > "$json_dir/bebop-$inputs-$hidden-round$r.json"
    printf '%s\n' "${theirs[-1]}" > "$json_dir/torch-$inputs-$hidden-round$r.json"
    printf '%s\n' "${theirs2[-1]}" > "$json_dir/torch2-$inputs-$hidden-round$r.json"
  fi
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

"$py" - "$load_before" "$load_after" "$(nproc 2>/dev/null || echo '?')" "$rounds" "${ours[@]}" "${theirs[@]}" "${theirs2[@]}" <<'PY'
import json, sys
load_before, load_after, cores, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ours = [json.loads(s) for s in sys.argv[5:5 + rounds]]
theirs = [json.loads(s) for s in sys.argv[5 + rounds:5 + 2 * rounds]]
# the peer on two threads stands against our two-thread key; its float32 keys against our float ones too
for t, t2 in zip(theirs, (json.loads(s) for s in sys.argv[5 + 2 * rounds:5 + 3 * rounds])):
    t["bptt_batch32_2threads_steps_per_s"] = t2["bptt_batch32_steps_per_s"]
    t["online_float_steps_per_s"] = t["online_steps_per_s"]
    t["generate_float_steps_per_s"] = t["generate_steps_per_s"]
print(f"inputs {ours[0]['inputs']}, hidden {ours[0]['hidden']}, one thread each (two for *_2threads_*); {ours[0]['engine']} (Java {ours[0]['java']})"
      f" vs {theirs[0]['peer']}; best of {rounds} rounds each, taking turns")
print(f"load average before {load_before}, after {load_after} ({cores} cores)")
keys = ["online_steps_per_s", "online_float_steps_per_s", "bptt_batch1_steps_per_s", "bptt_batch32_steps_per_s",
        "bptt_batch32_2threads_steps_per_s", "generate_steps_per_s", "generate_float_steps_per_s"]
keys += [k for k in ours[0] if k.endswith("_steps_per_s") and k not in keys]
print(f"{'key':34} {'ours':>14} {'PyTorch':>12} {'ratio':>9}  {'one round':>15}")
for k in keys:
    a = max((o[k] for o in ours if k in o), default=None)
    b = max((t[k] for t in theirs if k in t), default=None)
    fa = f"{a:,}" if a is not None else "-"
    fb = f"{b:,}" if b is not None else "-"
    r = f"{a / b:.1f}x" if a is not None and b else "-"
    each = [o[k] / t[k] for o, t in zip(ours, theirs) if k in o and t.get(k)]
    span = f"{min(each):.1f}-{max(each):.1f}x" if each else ""
    print(f"{k:34} {fa:>14} {fb:>12} {r:>9}  {span:>15}")
print("*_float_* keys: ours in floats (Precision.FLOAT) against the peer's float32 key without _float.")
print("paper_exp2_* keys: the paper's Experiment 2 net (no PyTorch peer); ratio of those rows: none.")
PY
