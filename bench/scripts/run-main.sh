#!/usr/bin/env bash
# Runs a main class of the bench module from a source checkout: builds bench (offline, no install) and its runtime
# class path first. Usage: bench/scripts/run-main.sh org.smartcc.bench.SomeBenchmark [ARGS...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
./mvnw -B -q -o -pl bench -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/runtime-classpath.txt >&2
main=$1
shift
exec java -cp "bench/target/classes:$(cat bench/target/runtime-classpath.txt)" "$main" "$@"
