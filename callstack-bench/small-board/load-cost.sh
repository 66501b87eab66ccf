#!/usr/bin/env bash
# What a memory-saving JVM flag costs under load, for the launcher's 512 MB tier: for each variant (extra JVM flags,
# optionally prefixed by environment assignments such as MALLOC_ARENA_MAX=2), starts `serve --modem simulator`
# through the packaged launcher with its AppCDS archive (training start, dumping start, measured start, as
# small-board.sh), idles `warm-up` seconds, reads VmRSS (idle), then runs SmsSendLoad (raw HTTP/1.1 clients, POST
# /sms/send) against it and prints:
#   idle MB     VmRSS before the load;     after MB   VmRSS after it;    peak MB  VmHWM
#   req/s       202 answers per second over the measured seconds (from SmsSendLoad);
#   CPU s       the server process's CPU (user + system, every thread: event loops, SQLite, GC, JIT) over the whole
#               load, SmsSendLoad's 3 s warm-up included (where a later JIT shows);
#   µs/req      that CPU over req/s × (seconds + 3): approximate, the warm-up's rate is lower.
# Variants run interleaved, `rounds` times, so a drift of the machine's load touches all of them alike.
#
#   ./callstack-bench/small-board/load-cost.sh [jar] [seconds, default 20] [rounds, default 2] [concurrency, default 4] \
#       -- "" "-Xmn2m" "MALLOC_ARENA_MAX=2 -XX:CompileThresholdScaling=20"
# Needs callstack-bench built (its classes run the load). Touches only loopback and a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
positional=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do positional+=("$1"); shift; done
[ $# -gt 0 ] && shift # the --
variants=("$@")
jar=$(readlink -f "${positional[0]:-callstack-server/target/callstack-server.jar}")
seconds=${positional[1]:-20}
rounds=${positional[2]:-2}
concurrency=${positional[3]:-4}
[ ${#variants[@]} -gt 0 ] || variants=("")
bench=$PWD/callstack-bench/target/classes
[ -d "$bench/dev/callstack/bench/http" ] || { echo "build callstack-bench first" >&2; exit 2; }
warmup=10

# shellcheck source=callstack-bench/small-board/common.sh
. callstack-bench/small-board/common.sh # the script runs from the repository root
begin_work
tier=$(tier_flags 512)

# start <cds dir> <variant>: starts the server through the launcher and waits for /healthz; sets pid and port.
start() {
  local dir=$1 variant=$2 envs=() flags="" word
  for word in $variant; do
    if [[ -z "$flags" && "$word" =~ ^[A-Z_][A-Z0-9_]*= ]]; then envs+=("$word"); else flags="$flags $word"; fi
  done
  serve_until_ready "$work/server.log" "${envs[@]}" CALLSTACK_MEM_MIB=512 CALLSTACK_JAVA_OPTS="$tier$flags" \
    CALLSTACK_CDS_DIR="$dir" -- --rate-limit 0
}
stop() { stop_server; }
mb() { awk -v k="$2:" '$1 == k { print int($2 / 1024) }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tier 512 MB flags: $tier"
echo "load: SmsSendLoad raw, $concurrency connections, ${seconds}s measured (+3 s warm-up); idle read after ${warmup}s"
echo
echo "| variant | idle MB | after MB | peak MB | req/s | CPU s | µs/req |"
echo "|---|---:|---:|---:|---:|---:|---:|"
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$rounds"); do
  for variant in "${variants[@]}"; do
    dir=$work/cds-$round-$RANDOM
    mkdir -p "$dir"
    start "$dir" "$variant"; stop      # records the class list
    start "$dir" "$variant"; stop      # dumps the archive first
    start "$dir" "$variant"
    sleep "$warmup"
    idle=$(mb "$pid" VmRSS)
    before=$(cpu_ticks "$pid")
    out=$(java -cp "$bench:$jar" dev.callstack.bench.http.SmsSendLoad "$concurrency" "$seconds" \
      "http://127.0.0.1:$port" unused-key raw 2>&1)
    after_cpu=$(cpu_ticks "$pid")
    after=$(mb "$pid" VmRSS)
    peak=$(mb "$pid" VmHWM)
    stop
    rate=$(grep -o '[0-9.]* requests/s' <<<"$out" | head -1 | cut -d' ' -f1)
    [ -n "$rate" ] || { echo "no rate in the load tool's output:" >&2; echo "$out" >&2; exit 1; }
    cpu=$(awk -v t=$((after_cpu - before)) -v hz="$hz" 'BEGIN { printf "%.1f", t / hz }')
    us=$(awk -v c="$cpu" -v r="$rate" -v s="$seconds" 'BEGIN { printf "%d", c * 1e6 / (r * (s + 3)) }')
    printf '| %s | %d | %d | %d | %s | %s | %d |\n' "${variant:-(tier as is)}" "$idle" "$after" "$peak" "$rate" "$cpu" "$us"
  done
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
