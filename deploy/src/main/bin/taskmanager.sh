#!/usr/bin/env bash
# Starts or stops TaskManagers on this machine.
#   taskmanager.sh start             one more TaskManager in the background
#   taskmanager.sh start-foreground  a TaskManager in this terminal, logging to the console
#   taskmanager.sh stop              stops the newest TaskManager
#   taskmanager.sh stop-all          stops every TaskManager started from this pid dir
# Extra arguments are passed on, e.g. -D taskmanager.numberOfTaskSlots=4.
set -euo pipefail
BIN="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
USAGE="Usage: taskmanager.sh (start|start-foreground|stop|stop-all) [-D key=value ...]"
if [ $# -lt 1 ]; then
  echo "$USAGE" >&2
  exit 1
fi
ACTION="$1"
shift
case "$ACTION" in
  start|start-foreground|stop|stop-all) exec "$BIN/eddy-daemon.sh" "$ACTION" taskmanager "$@" ;;
  *) echo "$USAGE" >&2; exit 1 ;;
esac
