#!/usr/bin/env bash
# Starts a JobManager on this machine and one TaskManager per line of $EDDY_CONF_DIR/workers.
# Workers named localhost, 127.0.0.1 or this machine's host name start here; any other host is
# reached with `ssh $EDDY_SSH_OPTS <host>` (key-based login) and must have this distribution at the
# same path; EDDY_CONF_DIR, EDDY_LOG_DIR, EDDY_PID_DIR and JAVA_HOME are passed on.
set -euo pipefail
BIN="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
. "$BIN/config.sh"

"$BIN/jobmanager.sh" start

remote_env() {
  printf 'EDDY_CONF_DIR=%q EDDY_LOG_DIR=%q EDDY_PID_DIR=%q' "$EDDY_CONF_DIR" "$EDDY_LOG_DIR" "$EDDY_PID_DIR"
  [ -z "${JAVA_HOME:-}" ] || printf ' JAVA_HOME=%q' "$JAVA_HOME"
}

status=0
while read -r worker; do
  if eddy_is_local_host "$worker"; then
    "$BIN/taskmanager.sh" start || status=1
  else
    echo "Starting a TaskManager on $worker over ssh."
    # shellcheck disable=SC2086
    ssh -n $EDDY_SSH_OPTS "$worker" -- "$(remote_env) $(printf '%q' "$BIN/taskmanager.sh") start" || status=1
  fi
done < <(eddy_workers)
exit $status
