#!/usr/bin/env bash
# How many classes an idle `serve` has loaded, and which of them are Jackson's: one start of `serve` through the
# packaged launcher with its AppCDS archive (a training start, the start that dumps the archive, then the measured one,
# as rss-breakdown.sh does), configured by a TOML file as the .deb's service always is, then /healthz, 10 x /status,
# one POST /sms/send, one malformed body (400) and `warm-up` seconds of idling. Prints the count of loaded classes
# (and how many came from the CDS archive), the jackson-databind ones by package, any ObjectMapper, and VmRSS.
#
#   ./callstack-bench/small-board/class-count.sh [jar] [board MiB for the launcher's tier, default 512] [warm-up s]
# Extra JVM flags: CLASSES_EXTRA_OPTS="...". CLASSES_LOG=<file> keeps the measured start's -Xlog:class+load log there
# (the load order shows what pulled a group of classes in). Touches only loopback and a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(readlink -f "${1:-callstack-server/target/callstack-server.jar}")
mib=${2:-512}
warmup=${3:-5}

# shellcheck source=callstack-bench/small-board/common.sh
. callstack-bench/small-board/common.sh # the script runs from the repository root
begin_work
flags="$(tier_flags "$mib") ${CLASSES_EXTRA_OPTS:-}"
mkdir -p "$work/cds"
cat >"$work/callstack.conf" <<EOF
modem = "simulator"
no-auth = true
port = 0
db = "$work/db"
EOF

start() { # <extra JVM flags>: starts the server (its settings from the TOML file) and waits for /healthz
  serve_until_ready "$work/server.log" CALLSTACK_MEM_MIB="$mib" CALLSTACK_JAVA_OPTS="$flags $1" \
    CALLSTACK_CDS_DIR="$work/cds" -- --config "$work/callstack.conf"
}
stop() { stop_server; }

start ""
stop
start "" # the launcher dumps the archive before this start
stop
start "-Xlog:class+load=info:file=$work/classes.log"
for _ in $(seq 1 10); do curl -fs -o /dev/null "http://127.0.0.1:$port/status"; done
sent=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"to":"+447700900123","body":"hello"}' "http://127.0.0.1:$port/sms/send")
bad=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"to":' \
  "http://127.0.0.1:$port/sms/send")
sleep "$warmup"
rss=$(awk '$1 == "VmRSS:" { print int($2 / 1024) }' "/proc/$pid/status")
stop

log=$work/classes.log
[ -z "${CLASSES_LOG:-}" ] || cp "$log" "$CLASSES_LOG"
echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); tier ${mib} MB; warm-up ${warmup}s"
echo "flags: $flags"
echo "replies: POST /sms/send $sent, malformed body $bad"
echo "classes loaded: $(grep -c '\[class,load\]' "$log") ($(grep -c 'source: shared objects file' "$log") from CDS)"
echo "jackson-databind classes: $(grep -c ' com\.fasterxml\.jackson\.databind\.' "$log"); by package:"
grep -o ' com\.fasterxml\.jackson\.databind\.[A-Za-z0-9_.$]*' "$log" | sed -E 's/\.[A-Za-z0-9_$]*$//' | sort \
  | uniq -c | sort -rn
echo "jackson-dataformat-toml classes: $(grep -c ' com\.fasterxml\.jackson\.dataformat\.toml\.' "$log")"
echo "ObjectMapper loaded: $(grep -c ' com\.fasterxml\.jackson\.databind\.ObjectMapper ' "$log")"
echo "VmRSS $rss MB (with the class log on)"
