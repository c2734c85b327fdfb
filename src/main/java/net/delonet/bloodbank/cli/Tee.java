package net.delonet.bloodbank.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Copies a child's output to ours as it comes (unchanged, flushed per read) and keeps the first bytes of it. */
final class Tee extends Thread {

    private final InputStream from;
    private final PrintStream to;
    private final int keep;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean truncated;

    private Tee(InputStream from, PrintStream to, int keep) {
        super("bb-tee");
        setDaemon(true);
        this.from = from;
        this.to = to;
        this.keep = keep;
    }

    static Tee start(InputStream from, PrintStream to, int keep) {
        Tee tee = new Tee(from, to, keep);
        tee.start();
        return tee;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (from) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
                int room = keep - kept.size();
                kept.write(buffer, 0, Math.max(0, Math.min(room, n)));
                truncated |= n > room;
            }
        } catch (IOException e) {
            // the child closed its end: nothing more to copy
        }
    }

    String captured() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    boolean truncated() {
        return truncated && keep > 0;
    }
}
