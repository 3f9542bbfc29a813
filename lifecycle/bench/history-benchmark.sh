#!/usr/bin/env bash
# History benchmark: builds the lifecycle test classes, then fills a history of N operations
# (default 100000) in a temp folder and prints milliseconds per query and export.
# Usage (from the project root): lifecycle/bench/history-benchmark.sh [rows] [existing-folder]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -pl lifecycle -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="lifecycle/target/test-classes:lifecycle/target/classes:$(cat lifecycle/target/bench.classpath)"
exec java -Xmx512m -cp "$cp" org.iepmp.lifecycle.history.HistoryBenchmark "$@"
