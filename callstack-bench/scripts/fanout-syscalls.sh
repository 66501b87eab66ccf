#!/usr/bin/env sh
# write/writev/sendmsg/sendto system calls (epoll writes a single buffer with sendto, which earlier counts missed) per delivered event, 100 clients at 500 events/s (~50 000 deliveries/s; the rate
# runs twice, 4 000 events, 400 000 deliveries), counted by perf's syscall tracepoints, which unlike strace do not
# slow the server down. perf follows the child JVM of the load clients (fleet=process, the default here): their own
# writes are the handshakes, plus two pipe writes per request of the tool, which it prints at the end as
# "client-process requests N" (subtract 2N). Event-loop wake-ups (eventfd) count as writes.
# Usage: fanout-syscalls.sh <label> <classpath> [transport=nio|epoll] [fleet=local|process|raw] (or FLEET=...)
set -u
LABEL="$1"; CP="$2"; shift 2
echo "### syscalls $LABEL $* | nproc $(nproc) | $(uptime)"
perf stat -x, -e syscalls:sys_enter_write,syscalls:sys_enter_writev,syscalls:sys_enter_sendmsg,syscalls:sys_enter_sendto \
  -o "/tmp/fanout-perf-$LABEL.csv" \
  java -cp "$CP" dev.callstack.bench.ws.WsLoadTool idle=0 clients=100 rates=500,500 seconds=4 events=20000 \
  full=false fleet="${FLEET:-process}" "$@" 2>&1 | grep -v ' INFO \| DEBUG \|SLF4J'
grep syscalls "/tmp/fanout-perf-$LABEL.csv"
