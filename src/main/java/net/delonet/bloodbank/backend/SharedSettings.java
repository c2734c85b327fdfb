package net.delonet.bloodbank.backend;

import java.util.function.Function;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The settings more than one feature reads, read once (after the embedded backends chose their addresses) and
 * injected where needed: each key of application.properties has one owner, here or in a single configuration.
 */
public record SharedSettings(String rabbitUrl, int rabbitConnectTimeoutMs, String exchange, long confirmTimeoutMs,
        String redisHost, int redisPort, String redisPassword, int redisDb, long redisTimeoutMs,
        String sourceHost, String queuePrefix, int serverPort, String stateDir) {

    public static SharedSettings from(PropertiesComponent properties) {
        Function<String, String> value = key -> properties.resolveProperty(key).orElse("").trim();
        return new SharedSettings(value.apply("bloodbank.rabbit.url"),
                Integer.parseInt(value.apply("bloodbank.rabbit.connect-timeout-ms")),
                value.apply("bloodbank.exchange"),
                Long.parseLong(value.apply("bloodbank.publish.confirm-timeout-ms")),
                value.apply("bloodbank.redis.host"),
                Integer.parseInt(value.apply("bloodbank.redis.port")),
                value.apply("bloodbank.redis.password"),
                Integer.parseInt(value.apply("bloodbank.redis.db")),
                Long.parseLong(value.apply("bloodbank.redis.timeout-ms")),
                value.apply("bloodbank.source.host"),
                value.apply("bloodbank.queue-prefix"),
                Integer.parseInt(value.apply("camel.server.port")),
                value.apply("bloodbank.watch.state-dir"));
    }
}
