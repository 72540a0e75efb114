#!/usr/bin/env bash
# Cohort mode in headless Chromium (docs/benchmarks.md): from "Next" to the app's SMART Connect ready, over a
# patient set of the first N records, next to launching the same app from the record page, against a running embedded
# container (./mvnw -DskipTests -Prun package, which has the dev user and the example app).
# Usage: bench/scripts/cohort-mode-latency.sh --url http://localhost:8080 [--records 50]
#        [--app med-problems@apps.smartcc.local] [--user dev] [--password dev] [--chromium P] [--chromedriver P]
# Arguments go to org.smartcc.bench.CohortModeLatencyBenchmark. Builds bench (offline, no install) first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
./mvnw -B -q -o -pl bench -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/runtime-classpath.txt >&2
exec java -cp "bench/target/classes:$(cat bench/target/runtime-classpath.txt)" \
  org.smartcc.bench.CohortModeLatencyBenchmark "$@"
