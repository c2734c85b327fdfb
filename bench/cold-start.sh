#!/usr/bin/env bash
# Cold start to ready: from launching the JVM to /observe/health/ready answering 200 (RabbitMQ and Redis
# connected, routes started). Usage: bench/cold-start.sh [runs]   (after mvn package; real backends on localhost)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18683}
if curl -s "localhost:$PORT" >/dev/null 2>&1; then echo "port $PORT is in use: stop what listens there first" >&2; exit 1; fi
for run in $(seq 1 "${1:-5}"); do
  start=$(date +%s%N)
  HTTP_PORT=$PORT java -jar target/bloodbank.jar > /tmp/bloodbank-cold-start.log 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/observe/health/ready" >/dev/null 2>&1; do sleep 0.02; done
  echo "run $run: ready after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
