#!/usr/bin/env sh
# Runs the JMH benchmarks of callstack-bench. Arguments are passed to org.openjdk.jmh.Main, e.g.
#   ./callstack-bench/run-jmh.sh -f 1 -wi 2 -i 3 -w 1s -r 1s
#   ./callstack-bench/run-jmh.sh HubFanOut -p clients=10000 -prof gc
# Without arguments it runs every realtime benchmark with JMH's defaults (long). Never installs anything.
set -eu
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
  set -- dev.callstack.bench.realtime
fi
exec mvn -B -ntp -q -pl callstack-bench -am package -DskipTests -Pjmh "-Djmh.args=$*"
