#!/usr/bin/env bash
# Times the Quick start: from the run command (./mvnw -DskipTests -Prun package, offline) to the container's ready
# line and to the first Parquet snapshot, with a fresh ./data folder, then stops the server.
# Usage: bench/scripts/startup-time.sh [checkout]   (default: this checkout; build it once first so both compare alike)
# Compare two versions by running it on a checkout of each, one after the other, on an otherwise idle machine.
set -u
cd "${1:-$(dirname "$0")/../..}"
log=$(mktemp --suffix=.log)
rm -rf data
start=$(date +%s.%N)
setsid ./mvnw -o -DskipTests -Prun package > "$log" 2>&1 &
run=$!
elapsed() { echo "$(date +%s.%N) - $start" | bc; }
ready=""; snapshot=""
for _ in $(seq 1 1200); do
  if [ -z "$ready" ] && grep -aq "SMART Cohort Container is ready" "$log"; then ready=$(elapsed); fi
  if [ -n "$ready" ] && grep -aq "Parquet snapshot .* written in" "$log"; then snapshot=$(elapsed); break; fi
  if grep -aq "BUILD FAILURE" "$log"; then echo "the build failed: $log"; break; fi
  sleep 0.5
done
echo "command to ready: ${ready:-none} s; to snapshot written: ${snapshot:-none} s"
grep -a "Payara Micro .* ready in" "$log" | sed 's/.*\(ready in .*\)/Payara Micro \1/'
kill -- -"$run" 2>/dev/null
wait "$run" 2>/dev/null
echo "log: $log"
