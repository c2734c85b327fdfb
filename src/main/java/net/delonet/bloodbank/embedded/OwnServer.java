package net.delonet.bloodbank.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process a killed Bloodbank left running (a child outlives {@code kill -9}): the one its pid file names,
 * stopped only when it provably is this folder's own (it still runs this folder's binary) and no Java process (a
 * Bloodbank still running on the same folder) is its parent.
 */
final class OwnServer {

    private static final Logger LOG = LoggerFactory.getLogger(OwnServer.class);

    private OwnServer() {
    }

    static void stopLeftOver(Path pidFile, Path binary) throws IOException, InterruptedException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            Files.delete(pidFile);
            return;
        }
        ProcessHandle left = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().filter(c -> c.startsWith(binary.toString())).isPresent()).orElse(null);
        if (left != null) {
            ProcessHandle parent = left.parent().filter(ProcessHandle::isAlive).orElse(null);
            if (parent != null && parent.info().command().filter(c -> c.endsWith("/java")).isPresent()) {
                throw new IOException("The embedded Redis (pid " + pid + ") of " + pidFile.getParent() + " belongs to a running"
                        + " Bloodbank (pid " + parent.pid() + "): one Bloodbank per BLOODBANK_HOME");
            }
            LOG.warn("Stopping the embedded Redis (pid {}) that a previous run left behind", pid);
            left.destroy();
            if (!exited(left, 10)) {
                left.destroyForcibly();
                exited(left, 5);
            }
        }
        Files.delete(pidFile);
    }

    private static boolean exited(ProcessHandle process, int seconds) throws InterruptedException {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
