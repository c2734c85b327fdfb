#!/usr/bin/env bash
# RAG ingestion and search benchmark (not run by mvn verify). Usage: bench/rag-bench.sh [passages, default 10000]
# The filled index stays in target/bench-rag-index: later runs skip the fill; delete it to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
# 512 MB heap: the benchmark shows ingestion fits in it
exec java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" bench/RagBench.java "$@"
