#!/usr/bin/env bash
# Shared logic of Eddy's scripts. Sourced by the other scripts in bin/, never run on its own.
#
# Environment (all optional):
#   JAVA_HOME       Java 17+ to use; else `java` on the PATH.
#   EDDY_CONF_DIR   directory with config.yaml, workers and logback*.xml   (default <dist>/conf)
#   EDDY_LOG_DIR    where daemons write their .log and .out files          (default <dist>/log)
#   EDDY_PID_DIR    where daemons keep their pid files                     (default /tmp)
#   EDDY_JVM_OPTS   extra JVM options for every Eddy process
#   EDDY_SSH_OPTS   extra options for ssh to the hosts of conf/workers
#   EDDY_STOP_TIMEOUT  seconds to wait for a daemon to exit after SIGTERM before SIGKILL (default 30)
# Several clusters can run from one distribution by giving each its own conf, log and pid directory.

EDDY_BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
EDDY_HOME="$(cd "$EDDY_BIN_DIR/.." && pwd -P)"
EDDY_LIB_DIR="$EDDY_HOME/lib"
EDDY_CONF_DIR="${EDDY_CONF_DIR:-$EDDY_HOME/conf}"
EDDY_LOG_DIR="${EDDY_LOG_DIR:-$EDDY_HOME/log}"
EDDY_PID_DIR="${EDDY_PID_DIR:-/tmp}"
EDDY_JVM_OPTS="${EDDY_JVM_OPTS:-}"
EDDY_SSH_OPTS="${EDDY_SSH_OPTS:-}"
EDDY_STOP_TIMEOUT="${EDDY_STOP_TIMEOUT:-30}"
EDDY_IDENT_STRING="${USER:-$(id -un 2>/dev/null || echo eddy)}"
EDDY_MAIN_CLASS="dev.eddy.client.cli.EddyCli"
export EDDY_HOME EDDY_CONF_DIR EDDY_LOG_DIR EDDY_PID_DIR

# Sets JAVA_RUN to the java executable, or exits with a message.
eddy_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA_RUN="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA_RUN="$(command -v java)"
  else
    echo "Could not find java: set JAVA_HOME to a Java 17+ installation or put java on the PATH." >&2
    exit 1
  fi
}

# The class path: every jar in lib/ (java expands the wildcard itself).
eddy_classpath() {
  if [ ! -d "$EDDY_LIB_DIR" ]; then
    echo "No lib/ directory at $EDDY_LIB_DIR: this script must stay in the bin/ directory of an Eddy distribution." >&2
    exit 1
  fi
  echo "$EDDY_LIB_DIR/*"
}

# A logback file of the conf dir, falling back to the distribution's conf/ when a moved conf dir lacks it.
eddy_logback_file() {
  local name="$1"
  if [ -f "$EDDY_CONF_DIR/$name" ]; then
    echo "$EDDY_CONF_DIR/$name"
  else
    echo "$EDDY_HOME/conf/$name"
  fi
}

# eddy_config_value KEY DEFAULT [--jvm-memory]: a value of config.yaml, read by the same code as the processes.
eddy_config_value() {
  "$JAVA_RUN" -Xshare:auto -XX:TieredStopAtLevel=1 -Xmx64m -cp "$(eddy_classpath)" \
    dev.eddy.client.config.ConfigValue "$EDDY_CONF_DIR" "$@"
}

# True if PID is a live Eddy process (guards against pids reused by other programs).
eddy_is_running() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 1
  if command -v ps >/dev/null 2>&1; then
    ps -p "$pid" -o args= 2>/dev/null | grep -q "$EDDY_MAIN_CLASS" || return 1
  fi
  return 0
}

# Hosts of conf/workers: one per line, '#' comments and blank lines ignored.
eddy_workers() {
  local file="$EDDY_CONF_DIR/workers"
  if [ ! -f "$file" ]; then
    echo "localhost"
    return
  fi
  sed -e 's/#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$file" | grep -v '^$' || true
}

# True if HOST means this machine.
eddy_is_local_host() {
  case "$1" in
    localhost|127.0.0.1|::1|"$(hostname)"|"$(hostname -f 2>/dev/null || hostname)") return 0 ;;
    *) return 1 ;;
  esac
}
