package net.delonet.bloodbank.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class against the real application: started once for the class on a free port with these property
 * overrides ({@code "key=value"}), stopped after it and its queues deleted.
 * <ul>
 * <li>Before the class's own {@code @BeforeAll}, its fields of type {@link RunningBloodbank}, {@link HttpApi},
 * {@link RawHttp}, {@link BrokerProbe} and {@link RedisProbe} are filled.</li>
 * <li>A {@link TcpProxy} field made by {@link TcpProxy#toRabbit()} or {@link TcpProxy#toRedis()} carries the
 * application's traffic to that backend, for the test to cut or hang; any {@link SettingsProvider} field (a stand-in
 * for a SaaS API) adds the overrides that point the application at it.</li>
 * <li>After the class's own {@code @AfterAll}, the probes are closed, then the application, then the test's other
 * {@link AutoCloseable} fields (its proxies and clients).</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BloodbankExtension.class)
public @interface BloodbankTest {

    /** Property overrides, each {@code "key=value"}. */
    String[] value() default {};
}
