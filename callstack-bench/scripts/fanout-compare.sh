#!/usr/bin/env sh
# Issue 13 §4 side by side: the same WsLoadTool points for each <label>=<classpath>[@transport] given, repeated
# ROUNDS times (default 2), with `uptime` before each point. Omit @transport for builds older than --transport.
# Usage: fanout-compare.sh before=<cp> after-nio=<cp>@nio after-epoll=<cp>@epoll
set -u
ROUNDS="${ROUNDS:-2}"
point() { # label cp transport args...
  label="$1"; cp="$2"; tr="$3"; shift 3
  extra=""; [ -n "$tr" ] && extra="transport=$tr"
  echo "### $label $* | $(uptime)"
  java -cp "$cp" dev.callstack.bench.ws.WsLoadTool idle=0 $extra "$@" 2>&1 | grep -v ' INFO \| DEBUG \|SLF4J\|^# Callstack\|^clients'
}
round=1
while [ "$round" -le "$ROUNDS" ]; do
  for spec in "$@"; do
    label="${spec%%=*}"; rest="${spec#*=}"; cp="${rest%@*}"; tr=""
    [ "$rest" != "$cp" ] && tr="${rest##*@}"
    point "$label" "$cp" "$tr" clients=1 rates=50000,50000 seconds=4 events=200000 full=false
    point "$label" "$cp" "$tr" clients=100 rates=500,500 seconds=4 events=20000
    point "$label" "$cp" "$tr" clients=1000 rates=50,50 seconds=4 full=false
    point "$label" "$cp" "$tr" clients=1000 rates=600,600 seconds=4 full=false
  done
  round=$((round + 1))
done
