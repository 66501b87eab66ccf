#!/usr/bin/env sh
# Issue 13 §4 journal and outbox figures, as recorded in callstack-bench/RESULTS.md ("Journal and outbox").
# Usage: durable-figures.sh <classpath> <label>   (classpath: bench classes + reactor jars + dependencies)
# JournalCost at 500 and 2 000 events/s (2 rounds each, with the replay of 100 000 events after the first),
# OutboxEnqueueBenchmark from 1 and 16 threads, and POST /sms/send over HTTP with 1, 16 and 64 concurrent requests.
set -u
CP="$1"; LABEL="$2"
quiet() { grep -v ' INFO \| DEBUG \| WARN '; }
echo "## $LABEL $(date -u +%FT%TZ), nproc $(nproc), $(uptime)"
java -cp "$CP" dev.callstack.bench.realtime.JournalCost 500 6 2 2>&1 | quiet
java -cp "$CP" dev.callstack.bench.realtime.JournalCost 2000 6 2 skip-replay 2>&1 | quiet
java -cp "$CP" org.openjdk.jmh.Main OutboxEnqueueBenchmark -f 1 -wi 1 -i 3 -w 2s -r 3s 2>&1 \
  | grep -E '^(Benchmark|OutboxEnqueueBenchmark)'
for n in 1 16 64; do
  java -cp "$CP" dev.callstack.bench.http.SmsSendLoad "$n" 10 2>&1 | quiet
done
