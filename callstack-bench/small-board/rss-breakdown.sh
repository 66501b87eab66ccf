#!/usr/bin/env bash
# Where the server's idle RSS goes: one start of `serve --modem simulator` through the packaged launcher (as
# small-board.sh starts it, with its AppCDS archive: a training start, the start that dumps the archive, then the
# measured one), `warm-up` seconds of idling and 10 /status requests, then:
#   - VmRSS and the smaps_rollup totals (RSS, PSS, anonymous vs file-backed);
#   - RSS per mapping: the CDS archives, libjvm.so, each other file, the Java heap, the other anonymous memory;
#   - the JVM's own accounting (-XX:NativeMemoryTracking=summary: committed, not resident, per category);
#   - the threads by name.
# NMT costs about 1 MB of its own, so the VmRSS here is ~1 MB above small-board.sh's; the mapping breakdown is read
# before NMT is asked for anything.
#
#   ./callstack-bench/small-board/rss-breakdown.sh [jar] [board MiB for the launcher's tier, default 512] [warm-up s]
# Extra JVM flags: BREAKDOWN_EXTRA_OPTS="-Xmn2m". Needs jcmd (a JDK). Touches only loopback and a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(readlink -f "${1:-callstack-server/target/callstack-server.jar}")
mib=${2:-512}
warmup=${3:-15}
command -v jcmd >/dev/null || { echo "jcmd is needed (a JDK)" >&2; exit 2; }

# shellcheck source=callstack-bench/small-board/common.sh
. callstack-bench/small-board/common.sh # the script runs from the repository root
begin_work
flags="$(tier_flags "$mib") ${BREAKDOWN_EXTRA_OPTS:-}"
mkdir -p "$work/cds"

start() { # <extra JVM flags>: starts the server and waits for /healthz; sets pid and port
  serve_until_ready "$work/server.log" CALLSTACK_MEM_MIB="$mib" CALLSTACK_JAVA_OPTS="$flags $1" \
    CALLSTACK_CDS_DIR="$work/cds"
}
stop() { stop_server; }

start ""
stop
start "" # the launcher dumps the archive before this start
stop
start "-XX:NativeMemoryTracking=summary"
sleep "$warmup"
for _ in $(seq 1 10); do curl -fs -o /dev/null "http://127.0.0.1:$port/status"; done
cp "/proc/$pid/smaps" "$work/smaps"
rss=$(awk '$1 == "VmRSS:" { print int($2 / 1024) }' "/proc/$pid/status")
rsskb=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status")
rollup=$(awk '$1 ~ /^(Rss|Pss|Pss_Anon|Pss_File|Anonymous):$/ { printf "%s %d MB  ", $1, $2 / 1024 }' \
  "/proc/$pid/smaps_rollup")
heap=$(jcmd "$pid" GC.heap_info)
nmt=$(jcmd "$pid" VM.native_memory summary)
threads=$(cat /proc/"$pid"/task/*/comm | sed 's/[-0-9]*$//' | sort | uniq -c | sort -rn \
  | awk '{ n = $1; $1 = ""; printf "%s×%d, ", substr($0, 2), n }')
nthreads=$(ls "/proc/$pid/task" | wc -l)
stop

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); tier ${mib} MB; warm-up ${warmup}s"
echo "flags: $flags"
echo "VmRSS $rss MB ($rsskb KB); $rollup"
echo
# The Java heap's address range from GC.heap_info (the first and last address it prints), in hex without 0x.
range=$(grep -o '0x[0-9a-f]*' <<<"$heap" | sed 's/^0x//' | sort | sed -n '1p;$p' | tr '\n' ' ')
echo "RSS by mapping (KB; anonymous part; mappings):"
awk -v range="$range" '
  function hex(s,   i, n) { n = 0; s = tolower(s); for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return n }
  BEGIN { split(range, r, " "); lo = hex(r[1]); hi = hex(r[2]) }
  /^[0-9a-f]+-[0-9a-f]+ / {
    split($1, a, "-"); s = hex(a[1]); name = $6
    if (name == "") name = (s >= lo && s < hi) ? "[Java heap]" : "[other anonymous: metaspace, code cache, stacks, malloc]"
    else if (name ~ /\.jsa$/) name = "CDS archive " name
    else { n = split(name, p, "/"); name = p[n] }
    cur = name; maps[cur]++; next }
  $1 == "Rss:" { rss[cur] += $2 }
  $1 == "Anonymous:" { anon[cur] += $2 }
  END { for (n in rss) if (rss[n] >= 100) printf "%8d %8d %4d  %s\n", rss[n], anon[n], maps[n], n }' "$work/smaps" \
  | sort -rn
echo
echo "NMT (committed KB, not resident):"
grep -E '^(Total|-)' <<<"$nmt" | sed -e 's/^- *//' -e 's/(reserved=[0-9]*KB, committed=\([0-9]*\)KB)/\1/'
echo
echo "threads ($nthreads): $threads"
