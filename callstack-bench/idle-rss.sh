#!/usr/bin/env bash
# Idle memory and start-up of the server on the simulator: for each JVM flag set, starts the shaded jar with
# `--modem simulator --no-auth --port 0` on loopback, measures the time until /healthz answers 200, lets it idle
# (the simulator's background traffic keeps running), then reads VmRSS and VmHWM from /proc/<pid>/status.
#
#   ./callstack-bench/idle-rss.sh [jar] [warm-up seconds]
#     jar      default callstack-server/target/callstack-server.jar (build it first:
#              ./mvnw -B -ntp -pl callstack-server -am package -DskipTests)
#     warm-up  default 20 (seconds of idling after /healthz is ready, before RSS is read)
#
# Flag sets: the JVM's defaults, the issue's hand-tuned baseline, and the flags the packaged launcher
# (callstack-dist/src/deb/root/usr/bin/callstack) picks for each board size, taken from the launcher itself
# (CALLSTACK_MEM_MIB makes it choose as on a 512 MB, 1 GB, 2 GB or 4 GB board).
# Touches only loopback; every server it starts is stopped before the script exits.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-callstack-server/target/callstack-server.jar}
warmup=${2:-20}
launcher=callstack-dist/src/deb/root/usr/bin/callstack
[ -f "$jar" ] || { echo "no jar at $jar: build callstack-server first" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

launcher_flags() { # $1 = MiB the launcher believes the board has
  CALLSTACK_MEM_MIB=$1 CALLSTACK_PRINT_JAVA_OPTS=1 CALLSTACK_JAVA=true sh "$launcher" 2>&1 >/dev/null \
    | sed -e 's/^callstack: true //' -e 's/ -jar .*$//'
}

measure() { # $1 = label, $2 = JVM flags
  local label=$1 flags=$2 log=$work/server.log port= start ready_ms rss hwm i
  rm -f "$work"/db*
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $flags -jar "$jar" --modem simulator --no-auth --port 0 --db "$work/db" >"$log" 2>&1 &
  pid=$!
  for i in $(seq 1 300); do # up to 30 s
    port=$(grep -o 'listening on [^ ]*:[0-9]*' "$log" | head -1 | sed 's/.*://') || true
    if [ -n "$port" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then break; fi
    kill -0 "$pid" 2>/dev/null || { echo "$label: server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "$label: never ready" >&2; exit 1; }
  sleep "$warmup"
  # A few requests, as a monitoring probe would make, then RSS.
  for i in $(seq 1 20); do curl -fs -o /dev/null "http://127.0.0.1:$port/status"; done
  rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  printf '%-26s ready %5d ms   idle RSS %4d MB   peak RSS %4d MB   flags: %s\n' \
    "$label" "$ready_ms" "$rss" "$hwm" "${flags:-(JVM defaults)}"
}

echo "machine: $(nproc) cores, $(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo) MiB; $(java -version 2>&1 | head -1)"
echo "jar: $jar; warm-up ${warmup}s"
measure "JVM defaults" ""
measure "issue baseline" "-Xmx64m -XX:+UseSerialGC"
for mib in 512 1024 2048 4096; do
  measure "launcher, ${mib} MB board" "$(launcher_flags "$mib")"
done
