#!/usr/bin/env bash
# Cold start to ready: from launching the service to /observe/health/ready answering 200 (RabbitMQ and Redis
# connected, routes started, every handler mounted). Usage: bench/cold-start.sh [runs]   (after mvn package; real
# backends on localhost). Launches README's command, bin/bloodbank (with the class-data archive); to compare:
#   LAUNCH="java -jar target/bloodbank.jar" bench/cold-start.sh
# Each line says the load average at the start of the run (on a shared machine the wall time depends on it) and the
# CPU seconds the JVM used until ready.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18683}
LAUNCH=${LAUNCH:-bin/bloodbank}
if curl -s "localhost:$PORT" >/dev/null 2>&1; then echo "port $PORT is in use: stop what listens there first" >&2; exit 1; fi
work=$(mktemp -d)
prefix="bbcold-$$."
cleanup() {
  rabbitmqctl -q list_queues name 2>/dev/null | grep "^$prefix" | while read -r queue; do rabbitmqctl -q delete_queue "$queue" < /dev/null > /dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
for run in $(seq 1 "${1:-5}"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s%N)
  HTTP_PORT=$PORT QUEUE_PREFIX=$prefix RAG_INDEX_DIR="$work/rag-index" BLOODBANK_STATE_DIR="$work/state" \
    WATCH_PATH="$work/recordings" $LAUNCH > /tmp/bloodbank-cold-start.log 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/observe/health/ready" >/dev/null 2>&1; do sleep 0.02; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # CPU the JVM spent to get there: unlike the wall time, hardly moved by other processes' load
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
  echo "run $run: ready after $ms ms, $cpu CPU s (load average $load, $LAUNCH)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
