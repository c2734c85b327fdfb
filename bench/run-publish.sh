#!/usr/bin/env bash
# Publish-path benchmark: RabbitMQ PerfTest (persistent, confirms, 1 KB) and Bloodbank's POST /events (1 KB, one
# parent, correlation recorded in Redis, 202 after the broker's confirm) on the same machine, one after the other,
# each with a consumer draining what is published. Two like-for-like pairs:
#   1. one queue per message: PerfTest's own queue  vs  Bloodbank with ARCHIVE_ENABLED=false on an exchange of its own
#   2. as shipped, every event also in the archive stream bound to # on amq.topic: PerfTest publishing through
#      amq.topic (so its messages land in the archive too)  vs  Bloodbank with its defaults
# Usage: bench/run-publish.sh   (RabbitMQ and Redis on localhost, wrk and redis-cli installed; about 7 minutes)
# It leaves no Redis records behind (removed at the end); the ~2 million messages it publishes also go to the
# archive stream bound to # on amq.topic, which drops them by its retention (ARCHIVE_MAX_AGE / ARCHIVE_MAX_BYTES).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18682}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
mvn -q -B package -DskipTests
mvn -q -B -f bench/pom.xml package
CP="bench/target/classes:bench/target/lib/*"
BB=

perftest() {
  java -cp "$CP" com.rabbitmq.perf.PerfTest -h amqp://guest:guest@127.0.0.1:5672 -x 1 -y 1 -s 1000 \
    -f persistent -c 100 -z 40 -i 10 -ad true -u "perftest-$$" "$@" 2>&1 | grep -E "rate avg|latency min" || true
}

# bloodbank <exchange> [ENV=value ...]: starts it, measures max throughput with wrk (64 connections, 15 s warm-up,
# 30 s measured), then latency at half that rate (bench.RateLoad, open loop), while a consumer drains bench.#.
bloodbank() {
  local exchange=$1; shift
  env "$@" HTTP_PORT=$PORT EXCHANGE_NAME="$exchange" java -jar target/bloodbank.jar > /tmp/bloodbank-bench.log 2>&1 &
  BB=$!
  for _ in $(seq 1 60); do curl -sf "localhost:$PORT/observe/health/ready" >/dev/null && break; sleep 1; done
  mkfifo /tmp/bloodbank-bench-drain.$$
  java -cp "$CP" bench.Drain "$exchange" < /tmp/bloodbank-bench-drain.$$ > /tmp/bloodbank-bench-drain.log &
  local drain=$!
  exec 3> /tmp/bloodbank-bench-drain.$$
  sleep 1
  echo "-- max throughput: wrk, 64 connections, 15 s warm-up, 30 s measured, a consumer draining bench.#"
  wrk -t1 -c64 -d15s -s bench/post-event.lua "http://127.0.0.1:$PORT/events" > /dev/null
  local out
  out=$(wrk -t1 -c64 -d30s --latency -s bench/post-event.lua "http://127.0.0.1:$PORT/events")
  echo "$out" | grep -E "50%|99%|requests in|Requests/sec|not_202"
  local half=$(( $(echo "$out" | sed -nE 's/^Requests\/sec: *([0-9]+).*/\1/p') / 2 ))
  echo "-- latency at half of that rate ($half req/s, open loop from each request's scheduled time, 5 s warm-up, 30 s measured)"
  java -Dport=$PORT -cp "$CP" bench.RateLoad "$half" 5 30
  exec 3>&-
  wait $drain || true
  rm -f /tmp/bloodbank-bench-drain.$$
  tail -1 /tmp/bloodbank-bench-drain.log
  kill $BB; wait $BB 2>/dev/null || true; BB=
}

# Every benchmark event has the same parent: its reverse set names them all, so their Redis records go with it.
forget_bench_events() {
  local parent=bloodbank:correlation:reverse:6ba7b812-9dad-11d1-80b4-00c04fd430c8
  while [ "$(redis-cli eval "local ids = redis.call('SPOP', KEYS[1], 20000)
      for _, id in ipairs(ids) do redis.call('DEL', 'bloodbank:correlation:forward:' .. id) end
      return #ids" 1 $parent)" != "0" ]; do :; done
}
trap '[ -n "$BB" ] && kill $BB 2>/dev/null; forget_bench_events' EXIT

echo "== load: $(uptime)"
echo "== 1. one queue per message"
echo "-- RabbitMQ PerfTest: 1 producer, 1 consumer, persistent, confirms (100 in flight), 1 KB, 40 s, its own queue"
perftest
echo "-- Bloodbank, ARCHIVE_ENABLED=false, exchange bench.topic"
bloodbank bench.topic ARCHIVE_ENABLED=false

echo "== 2. as shipped: every message also in the archive stream bound to # on amq.topic"
echo "-- Bloodbank, defaults"
bloodbank amq.topic
echo "-- RabbitMQ PerfTest as above, publishing through amq.topic (routing key bench.perftest)"
perftest -e amq.topic -t topic -k bench.perftest
echo "== load: $(uptime)"
