#!/usr/bin/env bash
# Small-board figures for the server on the simulator, started through the packaged launcher
# (callstack-dist/src/deb/root/usr/bin/callstack) exactly as the systemd unit starts it. For each case:
#   ready     ms from process start to the first /healthz 200 (polled every 20 ms);
#   idle      VmRSS after `warm-up` seconds of idling (the simulator's background traffic keeps running);
#   ws100     VmRSS with 100 idle WebSocket clients on /ws, 5 s after the last handshake;
#   peak      VmHWM at the end; threads: the process's threads while idle.
# Cases with CDS first run a training start (ready, 100 clients, stop) in which the launcher records the classes
# loaded, then a start before which the launcher dumps them into its AppCDS archive, then measure a start that maps it.
#
#   ./callstack-bench/small-board/small-board.sh [tiers|flags|all] [jar] [warm-up seconds]
#     tiers   JVM defaults and each launcher tier (512 MB, 1 GB, 2 GB, 4 GB boards), without and with CDS (default)
#     flags   the 512 MB tier with one flag removed at a time, and with MALLOC_ARENA_MAX=2
#     jar     default callstack-server/target/callstack-server.jar
#             (./mvnw -B -ntp -pl callstack-server -am package -DskipTests)
#     warm-up default 15
# Touches only loopback and a temporary directory; every process it starts is stopped before it exits.
# Figures depend on the machine's load: the script prints nproc and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
set_=${1:-tiers}
jar=$(readlink -f "${2:-callstack-server/target/callstack-server.jar}")
warmup=${3:-15}
clients_src=$PWD/callstack-bench/small-board/WsIdleClients.java
command -v curl >/dev/null && command -v unzip >/dev/null || { echo "curl and unzip are needed" >&2; exit 2; }

# shellcheck source=callstack-bench/small-board/common.sh
. callstack-bench/small-board/common.sh # the script runs from the repository root
begin_work
cpid=
cleanup() {
  if [ -n "$cpid" ]; then kill "$cpid" 2>/dev/null || true; fi
  cleanup_work
}
trap cleanup EXIT
# The client tool is compiled once so its own start-up is not part of any figure.
javac -d "$work/classes" "$clients_src"


# rss <pid> <VmRSS|VmHWM>: in MB (MiB) with one decimal, so that a figure near a target is not rounded onto it.
rss() { awk -v k="$2:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# start <log> <env assignment>...: starts the launcher and waits for /healthz (common.sh); sets pid, port, ready_ms.
start() { serve_until_ready "$@"; }

# open_clients: 100 idle WebSocket clients, held by a coprocess until close_clients.
open_clients() {
  coproc CLIENTS { exec java -Xss256k -XX:+UseSerialGC -cp "$work/classes" WsIdleClients "ws://127.0.0.1:$port/ws" 100; }
  cpid=$CLIENTS_PID
  local line
  read -r -t 60 line <&"${CLIENTS[0]}" || true
  [ "$line" = "open 100" ] || { echo "clients failed: $line" >&2; exit 1; }
}
close_clients() { echo >&"${CLIENTS[1]}"; wait "$cpid" 2>/dev/null || true; cpid=; }

stop() { stop_server; }

# measure <label> <env assignment>...
measure() {
  local label=$1 idle ws peak threads
  shift
  start "$work/server.log" "$@"
  sleep "$warmup"
  for _ in $(seq 1 10); do curl -fs -o /dev/null "http://127.0.0.1:$port/status"; done
  idle=$(rss "$pid" VmRSS)
  threads=$(ls "/proc/$pid/task" | wc -l)
  open_clients
  sleep 5
  ws=$(rss "$pid" VmRSS)
  peak=$(rss "$pid" VmHWM)
  close_clients
  stop
  printf '| %-34s | %6d | %5s | %5s | %5s | %3d |\n' "$label" "$ready_ms" "$idle" "$ws" "$peak" "$threads"
}

# measure_cds <label> <env assignment>...: a training start records the classes, the next start dumps the archive
# (the launcher does that before it starts the server), the measured start maps it.
measure_cds() {
  local label=$1 dir
  shift
  dir=$work/cds-$RANDOM
  mkdir -p "$dir"
  start "$work/train.log" CALLSTACK_CDS_DIR="$dir" "$@"
  open_clients
  close_clients
  stop
  start "$work/dump.log" CALLSTACK_CDS_DIR="$dir" "$@"
  stop
  ls "$dir"/callstack-cds-*.jsa >/dev/null 2>&1 || { echo "$label: no archive written" >&2; cat "$work/train.log" >&2; exit 1; }
  measure "$label" CALLSTACK_CDS_DIR="$dir" "$@"
}

echo "machine: $(nproc) cores, $(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo) MiB;" \
  "$(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jar: $jar; warm-up ${warmup}s"
echo
echo "| case                               | ready ms | idle MB | ws100 MB | peak MB | threads |"
echo "|---|---:|---:|---:|---:|---:|"
case "$set_" in
  tiers|all)
    measure "JVM defaults" CALLSTACK_JAVA_OPTS= CALLSTACK_CDS=0
    measure_cds "JVM defaults + CDS" CALLSTACK_JAVA_OPTS=
    for mib in 512 1024 2048 4096; do
      measure "launcher ${mib} MB" CALLSTACK_MEM_MIB=$mib CALLSTACK_CDS=0
      measure_cds "launcher ${mib} MB + CDS" CALLSTACK_MEM_MIB=$mib
    done
    ;;&
  flags|all)
    small=$(tier_flags 512)
    measure "512 tier" CALLSTACK_JAVA_OPTS="$small" CALLSTACK_CDS=0
    # C2 needs at least two compiler threads: without TieredStopAtLevel=1, CICompilerCount=1 must go too.
    measure "512 tier without C1-only (C2 on)" \
      CALLSTACK_JAVA_OPTS="$(sed -e 's/-XX:TieredStopAtLevel=1//' -e 's/-XX:CICompilerCount=1//' <<<"$small")" \
      CALLSTACK_CDS=0
    for flag in -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -Xss256k \
                -XX:MaxMetaspaceSize=96m -XX:MaxDirectMemorySize=32m -Xms8m -Xmn2m -XX:CompileThresholdScaling=2 \
                -XX:StringTableSize=4096 -Dio.netty.allocator.type=unpooled; do
      measure "512 tier without $flag" CALLSTACK_JAVA_OPTS="${small/$flag/}" CALLSTACK_CDS=0
    done
    measure "512 tier, G1 instead of Serial" CALLSTACK_JAVA_OPTS="${small/-XX:+UseSerialGC/-XX:+UseG1GC}" CALLSTACK_CDS=0
    measure "512 tier + MALLOC_ARENA_MAX=2" CALLSTACK_JAVA_OPTS="$small" CALLSTACK_CDS=0 MALLOC_ARENA_MAX=2
    measure "512 tier -Xmx32m" CALLSTACK_JAVA_OPTS="${small/-Xmx48m/-Xmx32m}" CALLSTACK_CDS=0
    ;;
  tiers) ;;
  *) echo "unknown set: $set_ (tiers, flags or all)" >&2; exit 2 ;;
esac
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
