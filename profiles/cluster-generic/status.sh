#!/usr/bin/env bash
# Stand-in for a scheduler's status query: print running, success or failed for a job id
# printed by submit.sh.
set -euo pipefail
state=".snakemake/cluster-local/$1"
if [[ -f "$state.exit" ]]; then
    [[ "$(cat "$state.exit")" == 0 ]] && echo success || echo failed
elif kill -0 "$(cat "$state.pid" 2> /dev/null || echo 0)" 2> /dev/null; then
    echo running
elif [[ -f "$state.exit" ]]; then  # finished between the two looks
    [[ "$(cat "$state.exit")" == 0 ]] && echo success || echo failed
else
    echo failed  # gone without an exit code: killed
fi
