-- wrk script for bench/run-publish.sh: POST /events with a ~1 KB envelope that has one parent, so every publish
-- also writes the forward record and a reverse set in Redis. Prints how many answers were not 202.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"event_type":"bench.load.tick","correlation_ids":["6ba7b812-9dad-11d1-80b4-00c04fd430c8"],'
    .. '"payload":{"note":"' .. string.rep("x", 850) .. '"}}'

done = function(summary, latency, requests)
  io.write(string.format("not_202=%d socket_errors=%d\n", summary.errors.status,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
