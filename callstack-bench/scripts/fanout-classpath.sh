#!/usr/bin/env sh
# Builds <tree> (a checkout of this repository: a worktree, or `git archive <commit>` unpacked in a scratch folder)
# without tests and prints a classpath for WsLoadTool: the bench classes of <bench-tree> (default <tree>) first, so
# an older build runs the same, newer load tool, then <tree>'s modules and third-party jars.
# Usage: CP_BEFORE=$(fanout-classpath.sh /tmp/fanout-before /work/wt-fanout)
set -eu
TREE="$1"; BENCH="${2:-$1}"
OUT="$(mktemp /tmp/fanout-cp.XXXXXX)"
(cd "$TREE" && ./mvnw -o -B -ntp -q package dependency:build-classpath -pl callstack-bench -am -DskipTests \
  -Dinvoker.skip -Dmaven.javadoc.skip -Dmdep.outputFile="$OUT" >&2)
# Every module of the reactor writes OUT; the bench, built last, wrote the first line (a shorter write leaves a tail).
echo "$BENCH/callstack-bench/target/classes:$(head -n 1 "$OUT")"
rm -f "$OUT"
