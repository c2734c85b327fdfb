#!/usr/bin/env bash
# Regenerates src/main/cds/classes.lst, the classes a start loads, from which mvn package dumps the class-data archive
# bin/bloodbank uses (target/bloodbank.jsa). One start against the real RabbitMQ and Redis on localhost, stopped once
# /observe/health/ready has answered 200 (serving the readiness probe is part of a start: its HTTP and JSON classes are
# in the list); its queues (prefix bbcds-<pid>.) are deleted afterwards. Usage: bench/cds-classlist.sh (after mvn
# package). A stale list still works: classes missing from it load as usual, only more slowly.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
prefix="bbcds-$$."
cleanup() {
  rabbitmqctl -q list_queues name 2>/dev/null | grep "^$prefix" | while read -r queue; do rabbitmqctl -q delete_queue "$queue" < /dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
port=${PORT:-18684}
HTTP_PORT=$port QUEUE_PREFIX="$prefix" RAG_INDEX_DIR="$work/rag-index" BLOODBANK_STATE_DIR="$work/state" \
  WATCH_PATH="$work/recordings" java -XX:DumpLoadedClassList="$work/classes.lst" -jar target/bloodbank.jar &
pid=$!
until curl -sf "localhost:$port/observe/health/ready" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "bloodbank exited before it was ready" >&2; exit 1; }
  sleep 0.1
done
kill "$pid"
wait "$pid" || true
mkdir -p src/main/cds
cp "$work/classes.lst" src/main/cds/classes.lst
wc -l src/main/cds/classes.lst
