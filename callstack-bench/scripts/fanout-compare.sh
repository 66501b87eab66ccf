#!/usr/bin/env sh
# Issue 13 §4 side by side: the same WsLoadTool points for each <label>=<classpath>[@transport] given, interleaved
# (every build at a point, then the next point), repeated ROUNDS times (default 2), with `nproc` and `uptime` (the
# load average) printed before each point. Each point runs its fixed rate twice in one JVM: the first warms up, the
# second is the figure. FLEET=process (default) runs the load clients in a child JVM, so the server's process and
# threads hold only the server and the publisher; FLEET=local keeps them in the server's JVM (the earlier attempts).
# Usage: fanout-compare.sh before=<cp>@epoll after=<cp>@epoll [after-f0=<cp>@epoll,flush=0 ...]
# (a spec is label=<classpath>[@transport][,option=value...]; options go to WsLoadTool as they are)
# Build a classpath with callstack-bench/scripts/fanout-classpath.sh.
set -u
ROUNDS="${ROUNDS:-2}"
FLEET="${FLEET:-process}"
point() { # label cp transport options args...
  label="$1"; cp="$2"; tr="$3"; opts="$4"; shift 4
  extra="$opts"; [ -n "$tr" ] && extra="$extra transport=$tr"
  echo "### $label $extra $* | nproc $(nproc) | $(uptime)"
  java -cp "$cp" dev.callstack.bench.ws.WsLoadTool idle=0 fleet="$FLEET" $extra "$@" 2>&1 \
    | grep -v ' INFO \| DEBUG \|SLF4J\|^# Callstack\|^clients'
}
each() { # args... : this point for every build
  for spec in $SPECS; do
    label="${spec%%=*}"; rest="${spec#*=}"; opts=""
    case "$rest" in *,*) opts="$(echo "${rest#*,}" | tr ',' ' ')"; rest="${rest%%,*}";; esac
    cp="${rest%@*}"; tr=""
    [ "$rest" != "$cp" ] && tr="${rest##*@}"
    point "$label" "$cp" "$tr" "$opts" "$@"
  done
}
SPECS="$*"
round=1
while [ "$round" -le "$ROUNDS" ]; do
  echo "## round $round $(date -u +%FT%TZ)"
  each clients=1 rates=50000,50000 seconds=4 full=false
  each clients=100 rates=500,500 seconds=4 events=20000
  each clients=1000 rates=50,50 seconds=4 full=false
  each clients=1000 rates=600,600 seconds=4 events=20000
  round=$((round + 1))
done
