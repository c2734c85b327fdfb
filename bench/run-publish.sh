#!/usr/bin/env bash
# Publish-path benchmark: RabbitMQ PerfTest (persistent, confirms, 1 KB) and Bloodbank's POST /events
# (1 KB, one parent, correlation recorded in Redis, 202 after the broker's confirm) on the same machine, one after
# the other, with a consumer draining what is published in both.
# Usage: bench/run-publish.sh   (RabbitMQ and Redis on localhost, wrk installed; takes about 4 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18682}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
mvn -q -B package -DskipTests
mvn -q -B -f bench/pom.xml package
CP="bench/target/classes:bench/target/lib/*"
perftest() {
  java -cp "$CP" com.rabbitmq.perf.PerfTest -h amqp://guest:guest@127.0.0.1:5672 -x 1 -y 1 -s 1000 \
    -f persistent -c 100 -z 40 -i 10 -ad true -u "perftest-$$" "$@" 2>&1 | grep -E "rate avg|latency min" || true
}

echo "== load: $(uptime)"
echo "== RabbitMQ PerfTest: 1 producer, 1 consumer, persistent, confirms (100 in flight), 1 KB, 40 s, its own queue"
perftest

echo "== Bloodbank on port $PORT"
HTTP_PORT=$PORT java -jar target/bloodbank.jar > /tmp/bloodbank-bench.log 2>&1 &
BB=$!
trap 'kill $BB 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/observe/health/ready" >/dev/null && break; sleep 1; done

echo "== PerfTest again, through amq.topic: each message also goes to Bloodbank's archive stream, as events do"
perftest -e amq.topic -t topic -k bench.perftest

echo "-- Bloodbank max throughput: wrk, 64 connections, 15 s warm-up, 30 s measured, a consumer draining bench.#"
sleep 50 | java -cp "$CP" bench.Drain > /tmp/bloodbank-bench-drain.log &
sleep 1
wrk -t1 -c64 -d15s -s bench/post-event.lua "http://127.0.0.1:$PORT/events" > /dev/null
WRK=$(wrk -t1 -c64 -d30s --latency -s bench/post-event.lua "http://127.0.0.1:$PORT/events")
echo "$WRK" | grep -E "Latency  |50%|99%|requests in|Requests/sec|not_202"
wait %2 2>/dev/null || true
tail -1 /tmp/bloodbank-bench-drain.log
MAX=$(echo "$WRK" | sed -nE 's/^Requests\/sec: *([0-9]+).*/\1/p')
HALF=$((MAX / 2))
echo "-- latency at half of that rate ($HALF req/s, open loop from each request's scheduled time, 5 s warm-up, 30 s measured)"
java -Dport=$PORT -cp "$CP" bench.PublishLoad rate "$HALF" 5 30
