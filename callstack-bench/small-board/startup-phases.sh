#!/usr/bin/env bash
# Where the server's start-up time goes: one start of `serve --modem simulator` through the packaged launcher (as
# small-board.sh starts it), with -Xlog:class+load decorated with the wall clock and the JVM's uptime. Prints, in ms
# of JVM uptime:
#   - the start-up log lines and the first load of marker classes (picocli, logback, SQLite, the simulator, Netty,
#     ...), each with the number of classes loaded by then, so the gaps between them are the phases;
#   - the classes loaded before /healthz was ready, per library;
#   - ready: ms from process start to the first /healthz 200 (polled every 20 ms), as small-board.sh measures it,
#     and the CPU time the JVM had used by then.
#
#   ./callstack-bench/small-board/startup-phases.sh [jar] [board MiB for the launcher's tier, default 512] [cds 0|1]
#     cds=1 runs a training start first (the launcher records the classes it loads) and a second start (before which
#     the launcher dumps them into its AppCDS archive), then measures a start that maps the archive.
# Extra JVM flags: STARTUP_EXTRA_OPTS="-Dx=y"; STARTUP_KEEP=<dir> keeps the server log and the class-load log there.
# Touches only loopback and a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(readlink -f "${1:-callstack-server/target/callstack-server.jar}")
mib=${2:-512}
cds=${3:-0}

# shellcheck source=callstack-bench/small-board/common.sh
. callstack-bench/small-board/common.sh # the script runs from the repository root
begin_work
flags=$(tier_flags "$mib")
mkdir -p "$work/cds"

# run <log> <class log or ""> : starts the server, waits for /healthz, leaves $pid running and $ready_ms set.
run() {
  local log=$1 xlog=$2 opts=$flags
  [ -n "$xlog" ] && opts="$opts -Xlog:class+load=info:file=$xlog:timemillis,uptimenanos"
  serve_until_ready "$log" CALLSTACK_JAVA_OPTS="$opts ${STARTUP_EXTRA_OPTS:-}" CALLSTACK_CDS="$cds" \
    CALLSTACK_CDS_DIR="$work/cds"
  ready_wall_ms=$(( $(date +%s%N) / 1000000 ))
  # CPU the JVM used until then (user + system, all threads): less sensitive to a busy machine than wall time.
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' "/proc/$pid/stat")
}
stop() { stop_server; }

if [ "$cds" = 1 ]; then
  run "$work/train.log" ""
  stop
  run "$work/dump.log" ""
  stop
  ls "$work"/cds/callstack-cds-*.jsa >/dev/null 2>&1 \
    || { echo "no archive written" >&2; cat "$work/train.log" >&2; exit 1; }
fi
run "$work/server.log" "$work/classes.log"
threads=$(ls "/proc/$pid/task" | wc -l)
stop
if [ -n "${STARTUP_KEEP:-}" ]; then mkdir -p "$STARTUP_KEEP" && cp "$work/server.log" "$work/classes.log" "$STARTUP_KEEP/"; fi

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); tier ${mib} MB; cds=$cds"
echo "flags: $flags ${STARTUP_EXTRA_OPTS:-}"
echo "ready ${ready_ms} ms (process start to the first /healthz 200), CPU ${cpu_ms} ms by then; threads: $threads"
echo

# The JVM's start on the wall clock, from the first class-load line: timemillis - uptime.
start_ms=$(awk -F'[][]' 'NR == 1 { sub(/ms/, "", $2); sub(/ns/, "", $4); printf "%.0f", $2 - $4 / 1e6; exit }' \
  "$work/classes.log")
{
  # Log lines: "<uptime ms> log <message>"
  while IFS= read -r line; do
    stamp=${line%% *}
    ms=$(date -d "$stamp" +%s%3N 2>/dev/null) || continue
    echo "$((ms - start_ms)) log ${line#* }"
  done <"$work/server.log"
  echo "$((ready_wall_ms - start_ms)) ready (/healthz 200 seen by the poller)"
  # Marker classes: "<uptime ms> class <name>"
  awk -F'[][]' '
    BEGIN {
      n = split("dev.callstack.server.Main picocli.CommandLine dev.callstack.server.cli.ServeCommand " \
        "ch.qos.logback.classic.LoggerContext ch.qos.logback.classic.joran.JoranConfigurator " \
        "dev.callstack.server.internal.ModemFactory org.sqlite.JDBC org.sqlite.core.NativeDB " \
        "dev.callstack.testkit.sim.AtModemSimulator dev.callstack.modem.SerialModem " \
        "dev.callstack.server.internal.NettyHttpServer dev.callstack.server.internal.SqliteEventJournal " \
        "dev.callstack.server.internal.webhook.Webhooks java.net.http.HttpClient " \
        "io.prometheus.metrics.model.registry.PrometheusRegistry com.fasterxml.jackson.databind.ObjectMapper " \
        "io.netty.channel.epoll.Native io.netty.bootstrap.ServerBootstrap " \
        "com.fasterxml.jackson.dataformat.toml.TomlMapper org.yaml.snakeyaml.Yaml", m, " ")
      for (i = 1; i <= n; i++) want[m[i]] = 1
    }
    { sub(/ns/, "", $4); split($5, f, " "); if (f[1] in want && !(f[1] in seen)) {
        seen[f[1]] = 1; printf "%d class %s\n", $4 / 1e6, f[1] } }' "$work/classes.log"
} | sort -n -s -k1,1 >"$work/events"

# Each event with the classes loaded by then.
awk -F'[][]' 'FNR == NR { sub(/ns/, "", $4); t[++n] = $4 / 1e6; next }
  { c = 0; while (c < n && t[c + 1] <= $1 + 0) c++; printf "%7d ms %5d classes  %s\n", $1, c, substr($0, index($0, " ") + 1) }' \
  "$work/classes.log" "$work/events" | cut -c1-150
echo
ready_up=$((ready_wall_ms - start_ms))
echo "classes loaded before ready, by library:"
awk -F'[][]' -v until="$ready_up" '{ sub(/ns/, "", $4); if ($4 / 1e6 > until) next; split($5, f, " "); name = f[1]
    if (name ~ /^(java|javax|jdk|sun|com\.sun)\./) lib = "JDK"
    else if (name ~ /^io\.netty\./) lib = "netty"
    else if (name ~ /^com\.fasterxml\.jackson\./) lib = "jackson"
    else if (name ~ /^ch\.qos\.logback\./) lib = "logback"
    else if (name ~ /^org\.slf4j\./) lib = "slf4j"
    else if (name ~ /^picocli\./) lib = "picocli"
    else if (name ~ /^org\.sqlite\./) lib = "sqlite-jdbc"
    else if (name ~ /^io\.prometheus\./) lib = "prometheus"
    else if (name ~ /^org\.yaml\./) lib = "snakeyaml"
    else if (name ~ /^com\.fazecast\./) lib = "jSerialComm"
    else if (name ~ /^dev\.callstack\./) { split(name, p, "."); lib = "callstack-" p[3] }
    else lib = "other (" name ")"
    count[lib]++; total++ }
  END { for (l in count) printf "%6d  %s\n", count[l], l; printf "%6d  total\n", total }' "$work/classes.log" | sort -rn
