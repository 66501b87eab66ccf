#!/usr/bin/env sh
# Issue 13 §4 fan-out figures with WsLoadTool, as recorded in callstack-bench/RESULTS.md.
# Usage: fanout-figures.sh <classpath> <label>   (classpath: bench classes + reactor jars + dependencies)
# Fixed rates near 50 000 deliveries/s for 1, 100 and 1 000 clients (each rate twice: the first run warms up),
# a short full-rate (saturation) run, 600 000 deliveries/s offered to 1 000 clients, and the write syscalls of a
# fixed-rate run counted with strace.
set -u
CP="$1"; LABEL="$2"
run() { java -cp "$CP" dev.callstack.bench.ws.WsLoadTool idle=0 "$@" 2>&1 | grep -v ' INFO \| DEBUG '; }
echo "## $LABEL $(date -u +%FT%TZ)"
run clients=1 rates=50000,50000 seconds=4 events=200000
run clients=100 rates=500,500 seconds=4 events=20000
run clients=1000 rates=50,50 seconds=4 events=20000
run clients=1000 rates=600,600 seconds=4 full=false
echo "## strace: 100 clients, 500 events/s, 4 s (4 000 published incl. warm-up of 2 000)"
strace -f -c -e trace=write,writev,sendmsg -o /tmp/fanout-strace-$LABEL.txt \
  java -cp "$CP" dev.callstack.bench.ws.WsLoadTool idle=0 clients=100 rates=500 seconds=4 full=false 2>&1 \
  | grep -v ' INFO \| DEBUG '
cat /tmp/fanout-strace-$LABEL.txt
