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
EDDY_START_TIMEOUT="${EDDY_START_TIMEOUT:-60}"
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

# eddy_config_value KEY DEFAULT [--jvm-memory]: a value of config.yaml. Plain "key: value" lines are
# read here; anything else (nested maps, odd syntax, invalid values) is left to the same Java code
# the processes use, which also gives the error messages.
eddy_config_value() {
  local value
  if value="$(eddy_flat_config_value "$1" "$2")"; then
    if [ "${3:-}" != "--jvm-memory" ]; then
      echo "$value"
      return 0
    fi
    if eddy_jvm_memory "$value"; then
      return 0
    fi
  fi
  "$JAVA_RUN" -Xshare:auto -XX:TieredStopAtLevel=1 -Xmx64m -cp "$(eddy_classpath)" \
    dev.eddy.client.config.ConfigValue "$EDDY_CONF_DIR" "$@"
}

# Prints the value of a flat "KEY: value" line (or DEFAULT if the key is absent); fails when the key
# may be written as a nested map, which needs the YAML reader.
eddy_flat_config_value() {
  local key="$1" default="$2" file="$EDDY_CONF_DIR/config.yaml" prefix="" prefixes="" segment line
  if [ ! -f "$file" ]; then
    echo "$default"
    return 0
  fi
  IFS='.' read -r -a segments <<< "$key"
  for segment in "${segments[@]:0:${#segments[@]}-1}"; do
    prefix="${prefix:+$prefix\.}$segment"
    prefixes="${prefixes:+$prefixes|}$prefix"
  done
  if [ -n "$prefixes" ] && grep -Eq "^[[:space:]]*($prefixes)[[:space:]]*:" "$file"; then
    return 1
  fi
  # flow collections ({...}, [...]) anywhere, possibly malformed: leave them to the YAML reader
  grep -q '[][{}]' "$file" && return 1
  line="$(grep -E "^${key//./\\.}[[:space:]]*:" "$file" | tail -n 1 || true)"
  if [ -z "$line" ]; then
    echo "$default"
    return 0
  fi
  line="${line#*:}"
  line="${line%%#*}"
  line="$(echo "$line" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')"
  case "$line" in
    \"*\"|\'*\') line="${line:1:${#line}-2}" ;;
    *[\"\'{}\[\]]*) return 1 ;;
  esac
  echo "$line"
}

# Prints a memory size ("1g", "512 mb", "1073741824") as a JVM size in MiB; fails on anything else.
eddy_jvm_memory() {
  local v number unit mib
  v="$(echo "$1" | tr '[:upper:]' '[:lower:]' | tr -d '[:space:]')"
  number="${v%%[!0-9]*}"
  unit="${v#"$number"}"
  [ -n "$number" ] || return 1
  case "$unit" in
    ""|b|bytes) mib=$((number / 1048576)) ;;
    k|kb|kibibytes) mib=$((number / 1024)) ;;
    m|mb|mebibytes) mib=$number ;;
    g|gb|gibibytes) mib=$((number * 1024)) ;;
    t|tb|tebibytes) mib=$((number * 1024 * 1024)) ;;
    *) return 1 ;;
  esac
  [ "$mib" -ge 1 ] || mib=1
  echo "${mib}m"
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
