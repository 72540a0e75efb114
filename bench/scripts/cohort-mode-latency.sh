#!/usr/bin/env bash
# Cohort mode in headless Chromium (docs/benchmarks.md): from "Next" to the app's SMART Connect ready, over a
# patient set of the first N records, next to launching the same app from the record page, against a running embedded
# container (./mvnw -DskipTests -Prun package, which has the dev user and the example app).
# Usage: bench/scripts/cohort-mode-latency.sh --url http://localhost:8080 [--records 50]
#        [--app med-problems@apps.smartcc.local] [--user dev] [--password dev] [--chromium P] [--chromedriver P]
# Arguments go to org.smartcc.bench.CohortModeLatencyBenchmark. Builds bench first (run-main.sh).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-main.sh" org.smartcc.bench.CohortModeLatencyBenchmark "$@"
