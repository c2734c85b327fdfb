package net.delonet.bloodbank.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An n8n Code node's JavaScript run with Node (src/test/resources/n8n/code-node.js) on one item. */
final class CodeNode {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RUNNER = Path.of("src/test/resources/n8n/code-node.js");

    private CodeNode() {
    }

    static boolean nodeAvailable() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code json} of the item the node {@code name} of {@code workflow} makes of an item whose json is {@code json}. */
    static JsonNode run(Path workflow, String name, JsonNode json) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", RUNNER.toString(), workflow.toString(), name)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(JSON.createArrayNode().add(JSON.createObjectNode().set("json", json)).toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new AssertionError("node " + name + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        JsonNode items = JSON.readTree(out);
        if (items.size() != 1 || !items.get(0).has("json")) {
            throw new AssertionError(name + " must answer one item {json: ...}: " + items);
        }
        return items.get(0).get("json");
    }
}
