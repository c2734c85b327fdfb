#!/usr/bin/env bash
# Publish-path benchmark: RabbitMQ PerfTest (persistent, confirms, 1 KB) and Bloodbank's POST /events
# (1 KB, one parent, correlation recorded in Redis) on the same machine, one after the other.
# Usage: bench/run-publish.sh   (RabbitMQ and Redis on localhost; takes about 3 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18682}
mvn -q -B package -DskipTests
mvn -q -B -f bench/pom.xml package
CP="bench/target/classes:bench/target/lib/*"

echo "== RabbitMQ PerfTest: 1 producer, 1 consumer, persistent, confirms (100 in flight), 1 KB, 40 s"
java -cp "$CP" com.rabbitmq.perf.PerfTest -h amqp://guest:guest@127.0.0.1:5672 -x 1 -y 1 -s 1000 \
  -f persistent -c 100 -z 40 -i 10 -ad true -u "perftest-$$" 2>&1 | grep -E "rate avg|latency min" || true

echo "== Bloodbank on port $PORT"
HTTP_PORT=$PORT java -jar target/bloodbank.jar > /tmp/bloodbank-bench.log 2>&1 &
BB=$!
trap 'kill $BB 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/observe/health" >/dev/null && break; sleep 1; done

echo "-- max throughput (64 connections, 15 s warm-up, 20 s measured)"
MAX_LINE=$(java -Dport=$PORT -cp "$CP" bench.PublishLoad max 64 15 20)
echo "$MAX_LINE"
MAX=$(echo "$MAX_LINE" | sed -E 's/.*throughput=([0-9]+).*/\1/')
HALF=$((MAX / 2))
echo "-- latency at half of that rate ($HALF req/s, 5 s warm-up, 20 s measured)"
java -Dport=$PORT -cp "$CP" bench.PublishLoad rate "$HALF" 5 20
