package net.delonet.bloodbank.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.client.BloodbankClient;
import net.delonet.bloodbank.http.PlatformRouter;
import net.delonet.bloodbank.registry.EventTypeCatalog;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.function.Suppliers;

/**
 * The MCP server over Streamable HTTP on the service ({@code /mcp}). Its tools call the service's own HTTP API on
 * loopback, as {@code bb mcp} does from afar: one implementation, the same checks and answers, and the caller's
 * bearer token passed on, so the endpoint is exactly as protected as the API.
 */
@Configuration
public class McpConfiguration implements CamelConfiguration {

    @BeanInject SharedSettings shared;
    @BeanInject EventTypeCatalog types;
    @PropertyInject("camel.server.max-body-size") long maxBodyBytes;
    @PropertyInject("bloodbank.mcp.path") String path;

    @Override
    public void configure(CamelContext context) throws Exception {
        VertxMcpTransport transport = new VertxMcpTransport(BusMcpServer.JSON);
        // Made at the first tool call: a JDK HTTP client sets up TLS (the CA certificates) as it is built, ~4 % of a start.
        Supplier<BloodbankClient> loopback = Suppliers.memorize(
                () -> new BloodbankClient("http://127.0.0.1:" + shared.serverPort(), null, Duration.ofSeconds(3), Duration.ofSeconds(30)));
        AtomicReference<McpSyncServer> server = new AtomicReference<>();
        PlatformRouter.whenServing(context, router -> {
            server.set(BusMcpServer.build(McpServer.sync(transport), types.all(),
                    exchange -> loopback.get().withToken(bearer(exchange.transportContext() == null ? null
                            : (String) exchange.transportContext().get("authorization")))));
            transport.mount(router, path, maxBodyBytes);
        });
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                if (server.get() != null) {
                    server.get().closeGracefully();
                }
            }
        });
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }
}
