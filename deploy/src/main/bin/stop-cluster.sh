#!/usr/bin/env bash
# Stops the TaskManagers of $EDDY_CONF_DIR/workers (one per line, over ssh for other hosts) and
# then the JobManager of this machine. See start-cluster.sh.
set -euo pipefail
BIN="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
. "$BIN/config.sh"

remote_env() {
  printf 'EDDY_CONF_DIR=%q EDDY_LOG_DIR=%q EDDY_PID_DIR=%q' "$EDDY_CONF_DIR" "$EDDY_LOG_DIR" "$EDDY_PID_DIR"
}

while read -r worker; do
  if eddy_is_local_host "$worker"; then
    "$BIN/taskmanager.sh" stop || true
  else
    echo "Stopping a TaskManager on $worker over ssh."
    # shellcheck disable=SC2086
    ssh -n $EDDY_SSH_OPTS "$worker" -- "$(remote_env) $(printf '%q' "$BIN/taskmanager.sh") stop" || true
  fi
done < <(eddy_workers)

"$BIN/jobmanager.sh" stop
