package bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load on POST /events at a fixed rate, for the latency half of bench/run-publish.sh. Each request has
 * a scheduled time (rate × elapsed) and its latency is measured from that time, so a stall of the service also
 * counts for every request it delayed. One thread and plain NIO over keep-alive HTTP/1.1 connections, with the
 * request encoded once: on a 2-core machine the generator's own CPU competes with the service it measures
 * (≈ 19 µs a request here; the Vert.x HTTP client used before took ≈ 55 µs). The consumer is {@link Drain}.
 * Usage: {@code java -Dport=8682 [-Dconnections=64] bench.RateLoad <req/s> <warm-up s> <measured s>}
 */
public final class RateLoad {

    private static final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        long scheduled = -1;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    public static void main(String[] args) throws IOException {
        double rate = Double.parseDouble(args[0]);
        long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        int measureSec = Integer.parseInt(args[2]);
        int port = Integer.parseInt(System.getProperty("port", "8682"));
        int connections = Integer.parseInt(System.getProperty("connections", "64"));
        byte[] request = request(port);

        Selector selector = Selector.open();
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            channel.register(selector, SelectionKey.OP_READ, connection);
            idle.add(connection);
            all.add(connection);
        }

        Histogram latencies = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        ArrayDeque<Long> waiting = new ArrayDeque<>();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + TimeUnit.SECONDS.toNanos(measureSec);
        long next = start;
        long ok = 0;
        long failed = 0;
        long okMeasured = 0;
        int inFlight = 0;

        while (true) {
            long now = System.nanoTime();
            for (; next <= now && next < end; next += intervalNanos) {
                waiting.add(next);
            }
            while (!waiting.isEmpty() && !idle.isEmpty()) {
                Connection connection = idle.poll();
                connection.scheduled = waiting.poll();
                connection.out = ByteBuffer.wrap(request);
                connection.channel.write(connection.out);
                if (connection.out.hasRemaining()) {
                    connection.channel.keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
                inFlight++;
            }
            if (next >= end && waiting.isEmpty() && (inFlight == 0 || now > end + TimeUnit.SECONDS.toNanos(5))) {
                break;
            }
            // Sleeps at least a millisecond (no spinning): requests due meanwhile go out together, each timed from
            // its own scheduled time, so this adds under a millisecond to what is measured, never hides a stall.
            long untilNext = next - System.nanoTime();
            if (next < end && untilNext <= 0) {
                selector.selectNow();
            } else {
                selector.select(next < end ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNext)) : 100);
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Connection connection = (Connection) key.attachment();
                if (key.isWritable()) {
                    connection.channel.write(connection.out);
                    if (!connection.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isReadable()) {
                    if (connection.channel.read(connection.in) < 0) {
                        throw new IOException("The service closed a connection");
                    }
                    int status = answered(connection.in);
                    if (status > 0) {
                        long done = System.nanoTime();
                        if (status == 202) {
                            ok++;
                        } else {
                            failed++;
                        }
                        if (connection.scheduled >= measureFrom && done <= end) {
                            latencies.recordValue(Math.max(1, (done - connection.scheduled) / 1000));
                            if (status == 202) {
                                okMeasured++;
                            }
                        }
                        connection.scheduled = -1;
                        inFlight--;
                        idle.add(connection);
                    }
                }
            }
        }
        for (Connection connection : all) {
            connection.channel.close();
        }
        System.out.printf("mode=rate level=%s measured=%ds ok=%d failed=%d unanswered=%d throughput=%.0f req/s "
                        + "p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
                args[0], measureSec, ok, failed, inFlight, okMeasured / (double) measureSec,
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(90) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0, latencies.getMaxValue() / 1000.0);
    }

    /** The status of the response complete in {@code in} (consumed from it), or 0 while it is incomplete. */
    private static int answered(ByteBuffer in) {
        byte[] data = in.array();
        int length = in.position();
        int headersEnd = -1;
        for (int i = 3; i < length; i++) {
            if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n' && data[i - 3] == '\r') {
                headersEnd = i + 1;
                break;
            }
        }
        if (headersEnd < 0) {
            return 0;
        }
        String headers = new String(data, 0, headersEnd, StandardCharsets.ISO_8859_1);
        int bodyLength = 0;
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                bodyLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (length < headersEnd + bodyLength) {
            return 0;
        }
        int status = Integer.parseInt(headers.substring(9, 12));
        int rest = length - headersEnd - bodyLength;
        System.arraycopy(data, headersEnd + bodyLength, data, 0, rest);
        in.position(rest);
        return status;
    }

    /** The same ~1 KB envelope with one parent as bench/post-event.lua sends. */
    private static byte[] request(int port) {
        String body = "{\"event_type\":\"bench.load.tick\",\"correlation_ids\":[\"6ba7b812-9dad-11d1-80b4-00c04fd430c8\"],"
                + "\"payload\":{\"note\":\"" + "x".repeat(850) + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
        return all;
    }
}
