#!/usr/bin/env bash
# The latency the launcher adds per proxied api_call (docs/benchmarks.md): the same record read through
# /launcher/ui/connect/{uuid}/... and signed directly to the API server, interleaved, against a running embedded
# container (./mvnw -DskipTests -Prun package, which has the dev user and the example app).
# Usage: bench/scripts/launcher-latency.sh --url http://localhost:8080 [--requests 1000] [--warmup 200]
#        [--path /medications/] [--record <id>] [--user dev] [--password dev]
# Arguments go to org.smartcc.bench.LauncherLatencyBenchmark. Builds bench (offline, no install) first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
./mvnw -B -q -o -pl bench -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/runtime-classpath.txt >&2
exec java -cp "bench/target/classes:$(cat bench/target/runtime-classpath.txt)" \
  org.smartcc.bench.LauncherLatencyBenchmark "$@"
