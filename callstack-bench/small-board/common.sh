# Shared by the small-board scripts (sourced from the repository root, after $jar is set).

launcher=$PWD/callstack-dist/src/deb/root/usr/bin/callstack

# begin_work: checks the jar, makes a temporary $work that is removed at exit (with the server stopped if one still
# runs) and stages the native libraries in it. A script with more to clean sets its own EXIT trap afterwards and calls
# cleanup_work from it.
begin_work() {
  [ -f "$jar" ] || { echo "no jar at $jar: build callstack-server first" >&2; exit 2; }
  work=$(mktemp -d)
  pid=
  trap cleanup_work EXIT
  stage_native
}
cleanup_work() {
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}

# stage_native: the native libraries the .deb unpacks into /usr/lib/callstack (build-deb.xml), staged from the jar
# the same way under $work/native, so the launcher points SQLite and Netty at them as it does on an installed system.
stage_native() {
  mkdir -p "$work/native/jni"
  unzip -q -o "$jar" 'org/sqlite/native/Linux/*/libsqlitejdbc.so' -d "$work/unpacked"
  mv "$work/unpacked/org/sqlite/native/Linux" "$work/native/sqlite"
  unzip -q -o -j "$jar" 'META-INF/native/libnetty_transport_native_epoll_*.so' -d "$work/native/jni"
  export CALLSTACK_NATIVE_DIR=$work/native
}

# tier_flags <MiB>: the JVM flags the launcher picks for a board with that much memory (without CDS).
tier_flags() {
  CALLSTACK_MEM_MIB=$1 CALLSTACK_CDS=0 CALLSTACK_PRINT_JAVA_OPTS=1 CALLSTACK_JAVA=true CALLSTACK_JAR=$jar \
    sh "$launcher" 2>&1 >/dev/null | sed -e 's/^callstack: true //' -e 's/ -jar .*$//'
}

# serve_until_ready <log> [<env assignment>...] [-- <more serve arguments>]: starts `serve --modem simulator` on a
# free loopback port through the launcher (which execs java, so $! is the JVM), with a fresh database under $work and
# the environment given, waits for its first /healthz 200 and sets pid, port and ready_ms (process start to that
# 200, polled every 20 ms). Exits the script, with the server's log, if it dies or is not ready in about a minute.
serve_until_ready() {
  local log=$1 envs=() t0 i
  shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  rm -f "$work"/db*
  t0=$(date +%s%N)
  env "${envs[@]}" CALLSTACK_JAR="$jar" sh "$launcher" --modem simulator --no-auth --port 0 --db "$work/db" "$@" \
    >"$log" 2>&1 &
  pid=$!
  port=
  for i in $(seq 1 3000); do
    [ -n "$port" ] || port=$(grep -o 'listening on [^ ]*:[0-9]*' "$log" | head -1 | sed 's/.*://') || true
    if [ -n "$port" ] && curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/healthz"; then
      ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.02
  done
  echo "never ready:" >&2
  cat "$log" >&2
  exit 1
}

# stop_server: stops the server serve_until_ready started and waits for it.
stop_server() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; }
