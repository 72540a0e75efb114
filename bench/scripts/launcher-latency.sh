#!/usr/bin/env bash
# The latency the launcher adds per proxied api_call (docs/benchmarks.md): the same record read through
# /launcher/ui/connect/{uuid}/... and signed directly to the API server, interleaved, against a running embedded
# container (./mvnw -DskipTests -Prun package, which has the dev user and the example app).
# Usage: bench/scripts/launcher-latency.sh --url http://localhost:8080 [--requests 1000] [--warmup 200]
#        [--path /medications/] [--record <id>] [--user dev] [--password dev]
# Arguments go to org.smartcc.bench.LauncherLatencyBenchmark. Builds bench first (run-main.sh).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-main.sh" org.smartcc.bench.LauncherLatencyBenchmark "$@"
