# Shared by small-board.sh and startup-phases.sh (sourced; expects $jar, $launcher and $work to be set).

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
