#!/usr/bin/env bash
# Starts and stops Eddy daemons; used by jobmanager.sh and taskmanager.sh.
#   eddy-daemon.sh (start|start-foreground|stop|stop-all) (jobmanager|taskmanager) [eddy args...]
# All pids of one role are kept, one per line in start order, in
# $EDDY_PID_DIR/eddy-$USER-<role>.pid. `start` adds a process, `stop` stops the newest one,
# `stop-all` stops all of them. Logs: $EDDY_LOG_DIR/eddy-$USER-<role>-<n>-<host>.log and .out
# (stdout and stderr of the process, e.g. what print() sinks write).
set -euo pipefail

usage() {
  echo "Usage: eddy-daemon.sh (start|start-foreground|stop|stop-all) (jobmanager|taskmanager) [args...]" >&2
  exit 1
}
[ $# -ge 2 ] || usage
ACTION="$1"
ROLE="$2"
shift 2
case "$ROLE" in jobmanager|taskmanager) ;; *) usage ;; esac

. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/config.sh"

PID_FILE="$EDDY_PID_DIR/eddy-$EDDY_IDENT_STRING-$ROLE.pid"

heap_size() {
  if [ "$ROLE" = jobmanager ]; then
    eddy_config_value jobmanager.memory.heap.size 512m --jvm-memory
  else
    eddy_config_value taskmanager.memory.heap.size 1g --jvm-memory
  fi
}

# Live pids from the pid file, oldest first; drops dead ones from the file.
live_pids() {
  [ -f "$PID_FILE" ] || return 0
  local pid alive=()
  while read -r pid; do
    [ -n "$pid" ] || continue
    if eddy_is_running "$pid"; then alive+=("$pid"); fi
  done < "$PID_FILE"
  if [ ${#alive[@]} -eq 0 ]; then
    rm -f "$PID_FILE"
  else
    printf '%s\n' "${alive[@]}" > "$PID_FILE"
    printf '%s\n' "${alive[@]}"
  fi
}

# Sends SIGTERM and waits for the exit; SIGKILL after EDDY_STOP_TIMEOUT seconds.
stop_pids() {
  local pid waited
  for pid in "$@"; do
    echo "Stopping $ROLE daemon (pid: $pid) on host $(hostname)."
    kill "$pid" 2>/dev/null || true
  done
  for pid in "$@"; do
    waited=0
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$waited" -ge $((EDDY_STOP_TIMEOUT * 10)) ]; then
        echo "$ROLE daemon (pid: $pid) did not stop within $EDDY_STOP_TIMEOUT s; killing it." >&2
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  done
}

java_args() {
  local heap="$1" logback="$2"
  JAVA_ARGS=("-Xmx$heap" -XX:+UseParallelGC)
  # shellcheck disable=SC2206  # EDDY_JVM_OPTS is a list of options by design
  [ -z "$EDDY_JVM_OPTS" ] || JAVA_ARGS+=($EDDY_JVM_OPTS)
  JAVA_ARGS+=("-Deddy.home=$EDDY_HOME" "-Deddy.conf.dir=$EDDY_CONF_DIR" "-Dlogback.configurationFile=$logback")
}

case "$ACTION" in
  start)
    eddy_find_java
    mkdir -p "$EDDY_LOG_DIR" "$EDDY_PID_DIR"
    HEAP="$(heap_size)"
    mapfile -t RUNNING < <(live_pids)
    HOST="$(hostname)"
    # n = number of running daemons of this role, skipping numbers whose log a live daemon still writes
    ID=${#RUNNING[@]}
    while [ ${#RUNNING[@]} -gt 0 ] && ps -o args= -p "$(IFS=,; echo "${RUNNING[*]}")" 2>/dev/null \
        | grep -qF -- "-$ROLE-$ID-$HOST.log"; do
      ID=$((ID + 1))
    done
    LOG="$EDDY_LOG_DIR/eddy-$EDDY_IDENT_STRING-$ROLE-$ID-$HOST.log"
    OUT="$EDDY_LOG_DIR/eddy-$EDDY_IDENT_STRING-$ROLE-$ID-$HOST.out"
    # keep the previous run's files as .1 ... .5
    for f in "$LOG" "$OUT"; do
      if [ -f "$f" ]; then
        for i in 4 3 2 1; do [ -f "$f.$i" ] && mv -f "$f.$i" "$f.$((i + 1))"; done
        mv -f "$f" "$f.1"
      fi
    done
    java_args "$HEAP" "$(eddy_logback_file logback-process.xml)"
    echo "Starting $ROLE daemon on host $HOST."
    nohup "$JAVA_RUN" "${JAVA_ARGS[@]}" "-Deddy.log.file=$LOG" -cp "$(eddy_classpath)" \
      "$EDDY_MAIN_CLASS" "$ROLE" "$@" > "$OUT" 2>&1 < /dev/null &
    PID=$!
    echo "$PID" >> "$PID_FILE"
    # Wait until the daemon's RPC server listens (it logs that line) or the daemon dies, so a failed
    # start (port taken, bad configuration) is reported here with exit code 1, not found later.
    waited=0
    while ! grep -qs "gRPC server listening on" "$LOG"; do
      if ! kill -0 "$PID" 2>/dev/null; then
        echo "The $ROLE daemon exited while starting; see $OUT and $LOG:" >&2
        tail -n 20 "$OUT" >&2 || true
        live_pids > /dev/null
        exit 1
      fi
      if [ "$waited" -ge $((EDDY_START_TIMEOUT * 10)) ]; then
        echo "The $ROLE daemon (pid $PID) is still starting after $EDDY_START_TIMEOUT s; see $LOG." >&2
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
    ;;
  start-foreground)
    eddy_find_java
    HEAP="$(heap_size)"
    java_args "$HEAP" "$(eddy_logback_file logback-console.xml)"
    exec "$JAVA_RUN" "${JAVA_ARGS[@]}" -cp "$(eddy_classpath)" "$EDDY_MAIN_CLASS" "$ROLE" "$@"
    ;;
  stop)
    mapfile -t RUNNING < <(live_pids)
    if [ ${#RUNNING[@]} -eq 0 ]; then
      echo "No $ROLE daemon to stop on host $(hostname)."
      exit 0
    fi
    NEWEST="${RUNNING[${#RUNNING[@]}-1]}"
    stop_pids "$NEWEST"
    live_pids > /dev/null
    ;;
  stop-all)
    mapfile -t RUNNING < <(live_pids)
    if [ ${#RUNNING[@]} -eq 0 ]; then
      echo "No $ROLE daemon to stop on host $(hostname)."
      exit 0
    fi
    stop_pids "${RUNNING[@]}"
    rm -f "$PID_FILE"
    ;;
  *)
    usage
    ;;
esac
