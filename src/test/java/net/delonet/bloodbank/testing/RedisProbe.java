package net.delonet.bloodbank.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** Reads the Redis under test (the real one, or the embedded one) the way other tools do: by the documented keys. */
public final class RedisProbe implements AutoCloseable {

    private final RedisClient client = RedisClient.create("redis://127.0.0.1:" + System.getProperty("bloodbank.test.redis-port", "6379") + "/0");
    private final StatefulRedisConnection<String, String> connection = client.connect();

    public RedisCommands<String, String> redis() {
        return connection.sync();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
