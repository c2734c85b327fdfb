package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.delonet.bloodbank.client.BloodbankClient;
import net.delonet.bloodbank.client.ServiceError;
import net.delonet.bloodbank.client.ServiceUnreachable;
import net.delonet.bloodbank.mcp.BusMcpServer;
import picocli.CommandLine.Command;

/** {@code bb mcp}: the MCP server over stdio for Claude Code / Desktop; its tools call the service's HTTP API. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serve the Bloodbank MCP tools over stdio (for Claude Code: claude mcp add bloodbank -- bb mcp).",
                "Tools call the service at BLOODBANK_URL; runs until standard input closes."})
final class McpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        BloodbankClient client = Service.client();
        CountDownLatch inputClosed = new CountDownLatch(1);
        McpSyncServer server = BusMcpServer.build(
                McpServer.sync(new StdioServerTransportProvider(BusMcpServer.JSON, watched(System.in, inputClosed), System.out)),
                eventTypes(client), exchange -> client);
        inputClosed.await();
        server.closeGracefully();
        return ExitCodes.OK;
    }

    /** The registry's schemas for publish_event; without the service yet, publish_event still works, unschema'd. */
    private static JsonNode eventTypes(BloodbankClient client) {
        try {
            return client.get("/events/types");
        } catch (ServiceUnreachable | ServiceError e) {
            System.err.println("bb mcp: event type schemas unavailable, publish_event takes any payload: " + e.getMessage());
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** Standard input that counts down {@code closed} at its end: the client went away, so does this server. */
    private static InputStream watched(InputStream in, CountDownLatch closed) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
    }
}
