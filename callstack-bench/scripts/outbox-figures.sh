#!/usr/bin/env sh
# Issue 13 §4 outbox figures (callstack-bench/RESULTS-outbox4.md): POST /sms/send over HTTP with the raw load client
# at the given concurrencies (default 1 16 64), 10 s each, with CPU per request; uptime before each run.
# Usage: outbox-figures.sh <classpath> <label> [concurrency...]
# (classpath: bench classes + reactor jars + dependencies, e.g. from fanout-classpath.sh)
set -u
CP="$1"; LABEL="$2"; shift 2
[ $# -eq 0 ] && set -- 1 16 64
for n in "$@"; do
  echo "## $LABEL $(date -u +%TZ) $(uptime | sed 's/.*load/load/')"
  java -cp "$CP" dev.callstack.bench.http.SmsSendLoad "$n" 10 raw 2>&1 | grep -A1 '^POST'
done
