#!/usr/bin/env bash
# Stand-in for a scheduler's cancel command: stop the process groups of the given job ids.
state=".snakemake/cluster-local"
for id in "$@"; do
    pid="$(cat "$state/$id.pid" 2> /dev/null)" && kill -TERM -- "-$pid" 2> /dev/null
done
exit 0
