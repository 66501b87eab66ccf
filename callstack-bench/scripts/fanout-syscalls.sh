#!/usr/bin/env sh
# write/writev system calls of the whole load JVM (server and in-JVM clients; the clients only write handshakes and
# pongs) per delivered event, 100 clients at 500 events/s (~50 000 deliveries/s), counted by perf's syscall
# tracepoints, which unlike strace do not slow the server down. Event-loop wake-ups (eventfd) count as writes.
# Usage: fanout-syscalls.sh <label> <classpath> [transport=nio|epoll]
set -u
LABEL="$1"; CP="$2"; shift 2
echo "### syscalls $LABEL $* | $(uptime)"
perf stat -x, -e syscalls:sys_enter_write,syscalls:sys_enter_writev,syscalls:sys_enter_sendmsg \
  -o "/tmp/fanout-perf-$LABEL.csv" \
  java -cp "$CP" dev.callstack.bench.ws.WsLoadTool idle=0 clients=100 rates=500,500 seconds=4 events=20000 full=false "$@" \
  2>&1 | grep -v ' INFO \| DEBUG \|SLF4J'
grep syscalls "/tmp/fanout-perf-$LABEL.csv"
