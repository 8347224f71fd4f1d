#!/usr/bin/env bash
# Starts or stops the JobManager.
#   jobmanager.sh start             in the background (log: $EDDY_LOG_DIR/eddy-$USER-jobmanager-0-<host>.log)
#   jobmanager.sh start-foreground  in this terminal, logging to the console
#   jobmanager.sh stop              stops it (SIGTERM, then SIGKILL after $EDDY_STOP_TIMEOUT s)
# Extra arguments are passed on, e.g. -D jobmanager.rpc.port=7000.
set -euo pipefail
BIN="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
if [ $# -lt 1 ]; then
  echo "Usage: jobmanager.sh (start|start-foreground|stop) [-D key=value ...]" >&2
  exit 1
fi
ACTION="$1"
shift
case "$ACTION" in
  start|start-foreground) exec "$BIN/eddy-daemon.sh" "$ACTION" jobmanager "$@" ;;
  stop|stop-all) exec "$BIN/eddy-daemon.sh" stop-all jobmanager ;;
  *) echo "Usage: jobmanager.sh (start|start-foreground|stop) [-D key=value ...]" >&2; exit 1 ;;
esac
