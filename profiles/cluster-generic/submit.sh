#!/usr/bin/env bash
# Stand-in for a scheduler's submit command: start the job script (the last argument) as a
# detached process in its own session and print a job id. Job state lives in files under
# .snakemake/cluster-local/ (shared-filesystem semantics: nothing passes through memory).
set -euo pipefail
jobscript="${!#}"
state=".snakemake/cluster-local"
mkdir -p "$state"
id="job-$(date +%s%N)-$$"
setsid bash -c 'bash "$1" > "$2.log" 2>&1; echo $? > "$2.exit.tmp"; mv "$2.exit.tmp" "$2.exit"' \
    _ "$jobscript" "$state/$id" < /dev/null > /dev/null 2>&1 &
echo "$!" > "$state/$id.pid"
echo "$id"
