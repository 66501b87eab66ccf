#!/usr/bin/env sh
# Issue 13 §4: what the durable journal costs the real WebSocket fan-out. The server on loopback (epoll), 100
# WebSocket clients in a child JVM, 500 events/s (50 000 deliveries/s) for SECONDS; once with a SQLite file (the
# journal commits each batch to disk before fanning it out) and once without (the server's in-memory journal),
# interleaved ROUNDS times. The first rate of each run is a warm-up; read srv_ns/dlv (server threads' CPU per
# delivery), jvm_ns/dlv (the server JVM, GC and JIT included) and the journal writer thread's share of the
# second run.
# Usage: [FLEET=process|raw] journal-ws-cost.sh <classpath> <label> [ROUNDS=3] [SECONDS=8] [RATE=500]
set -u
CP="$1"; LABEL="$2"; ROUNDS="${3:-3}"; SECS="${4:-8}"; RATE="${5:-500}"
DIR="$(mktemp -d /tmp/journal-ws-cost.XXXXXX)"
echo "## $LABEL $(date -u +%FT%TZ), nproc $(nproc)"
i=1
while [ "$i" -le "$ROUNDS" ]; do
  for journal in "$DIR" none; do
    echo "# round $i journal=$( [ "$journal" = none ] && echo none || echo file), $(uptime)"
    java -cp "$CP" dev.callstack.bench.ws.WsLoadTool clients=100 "rates=$RATE,$RATE" "seconds=$SECS" full=false \
      idle=0 fleet="${FLEET:-process}" transport=epoll "journal=$journal" 2>&1 | grep -E '^ +100 |^#   of'
  done
  i=$((i + 1))
done
rm -rf "$DIR"
