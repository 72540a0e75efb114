#!/usr/bin/env bash
# Population reads of a large patient set (docs/benchmarks.md): each format streamed and exported, beside the
# per-record API's rate in the same run, and the server's heap high-water mark during the exports (jstat).
# Against a running embedded container whose store holds synthetic SMART records, e.g.:
#   SMARTCC_DATA_DIR=/tmp/pop-data bin/generate-synthetic --patients 10000 --seed 1 --smart-records
#   ./mvnw -DskipTests -Prun package -Dsmartcc.data.dir=/tmp/pop-data &
#   bench/scripts/population.sh --url http://localhost:8080 --pid "$(pgrep -f 'payara-micro.*pop-data' | head -1)"
# Usage: bench/scripts/population.sh --url URL --pid SERVER_PID [--collection medications] [--per-record 1000]
# Arguments go to org.smartcc.bench.PopulationBenchmark. Builds bench first (run-main.sh).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-main.sh" org.smartcc.bench.PopulationBenchmark "$@"
