#!/usr/bin/env bash
# Memory under load, at the container's limit: the jar the image runs (thin, lib/ beside it) started with the image's
# JAVA_TOOL_OPTIONS inside a memory cgroup limited like the Kubernetes container (cgroup v1, as root; LIMIT_MB, default
# 1024), against the real RabbitMQ and Redis. Then ingest (MEETINGS transcripts of SENTENCES sentences), search and
# publish side by side, sampling RSS and heap every 2 s; prints the peaks, the JVM's native memory summary and whether
# the kernel killed anything.
# Usage: bench/memory.sh   (after mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18685} LIMIT_MB=${LIMIT_MB:-1024} MEETINGS=${MEETINGS:-3} SENTENCES=${SENTENCES:-400}
opts=$(grep -o 'JAVA_TOOL_OPTIONS="[^"]*"' Dockerfile | cut -d'"' -f2)
work=$(mktemp -d); prefix="bbmem-$$."
cgroup="/sys/fs/cgroup/memory$(grep ':memory:' /proc/self/cgroup | cut -d: -f3)/bloodbank-memory-$$"
mkdir "$cgroup" && echo $((LIMIT_MB << 20)) > "$cgroup/memory.limit_in_bytes"
cleanup() {
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rmdir "$cgroup" 2>/dev/null || true
  rabbitmqctl -q list_queues name 2>/dev/null | grep "^$prefix" | while read -r q; do rabbitmqctl -q delete_queue "$q" < /dev/null > /dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
sh -c "echo \$\$ > $cgroup/cgroup.procs; exec env JAVA_TOOL_OPTIONS='$opts -XX:NativeMemoryTracking=summary' HTTP_PORT=$PORT \
  QUEUE_PREFIX=$prefix RAG_INDEX_DIR=$work/rag-index BLOODBANK_STATE_DIR=$work/state WATCH_ENABLED=false \
  java -jar target/bloodbank.jar" > "$work/log" 2>&1 &
pid=$!
until curl -sf "localhost:$PORT/observe/health/ready" >/dev/null; do sleep 1; kill -0 $pid; done
echo "ready; JAVA_TOOL_OPTIONS=$opts, limit $LIMIT_MB MiB"
for m in $(seq 1 "$MEETINGS"); do
  python3 -c "import json,sys; m=sys.argv[1]; n=int(sys.argv[2]); print(json.dumps({'event_type':'fireflies.transcript.ready','payload':{'id':'mem-'+m,'title':'Meeting '+m,'sentences':[{'index':i,'speaker_name':'S%d'%(i%4),'text':'Sentence %d about the budget, hosting costs, holidays and the release plan of meeting %s.'%(i,m),'start_time':i*3.0,'end_time':i*3.0+2.5} for i in range(n)]}}))" "$m-$$" "$SENTENCES" \
    | curl -s -o /dev/null -w "ingest $m: %{http_code}\n" -XPOST "localhost:$PORT/events" -H 'content-type: application/json' -d @-
done
( for i in $(seq 1 200); do curl -s -o /dev/null "localhost:$PORT/rag/search?q=what+about+the+budget&k=5"; done ) &
( for i in $(seq 1 2000); do curl -s -o /dev/null -XPOST "localhost:$PORT/events" -H 'content-type: application/json' \
    -d '{"event_type":"demo.memory.load","payload":{"n":'"$i"'}}'; done ) &
peak_rss=0; peak_heap=0
while jobs %2 >/dev/null 2>&1 || jobs %3 >/dev/null 2>&1 || [ "$(grep -c 'rag-ingester[^ ]* handled' "$work/log")" -lt "$MEETINGS" ]; do
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  heap=$(jcmd $pid GC.heap_info 2>/dev/null | awk '/used/ {for(i=1;i<=NF;i++) if($i=="used") {print int($(i+1)/1024); exit}}')
  [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss; [ "${heap:-0}" -gt "$peak_heap" ] && peak_heap=$heap
  sleep 2; kill -0 $pid
done
echo "peak RSS $peak_rss MiB, peak heap used $peak_heap MiB (sampled every 2 s)"
echo "cgroup: max usage $(( $(cat "$cgroup/memory.max_usage_in_bytes") >> 20 )) MiB of $LIMIT_MB, $(grep oom_kill "$cgroup/memory.oom_control")"
jcmd $pid VM.native_memory summary | grep -E "Total|Java Heap|Class|Thread|Code|GC|Internal|Other|Arena" | head -12
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
