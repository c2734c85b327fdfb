package net.delonet.bloodbank.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** The lifecycle behind {@link BloodbankTest}: start, fill the fields, close in reverse. */
final class BloodbankExtension implements BeforeAllCallback, AfterAllCallback {

    /** What a field of each type is filled with. */
    private static final Map<Class<?>, Function<RunningBloodbank, Object>> FILLS = Map.of(
            RunningBloodbank.class, app -> app,
            HttpApi.class, RunningBloodbank::http,
            RawHttp.class, app -> new RawHttp(app.port()),
            BrokerProbe.class, app -> new BrokerProbe(),
            RedisProbe.class, app -> new RedisProbe());

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(BloodbankExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Object test = context.getRequiredTestInstance();
        RunningBloodbank app = RunningBloodbank.start(settings(test));
        // closed in this order: the probes, then the application
        List<AutoCloseable> made = new ArrayList<>(List.of(app));
        context.getStore(STORE).put(Made.class, new Made(made));
        for (Field field : fields(test)) {
            Function<RunningBloodbank, Object> fill = FILLS.get(field.getType());
            if (fill != null) {
                Object value = fill.apply(app);
                if (value != app && value instanceof AutoCloseable probe) {
                    made.add(0, probe);
                }
                field.set(test, value);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Object test = context.getRequiredTestInstance();
        Made made = context.getStore(STORE).get(Made.class, Made.class);
        List<AutoCloseable> closing = new ArrayList<>(made == null ? List.of() : made.closeables());
        for (Field field : fields(test)) {
            if (!FILLS.containsKey(field.getType()) && field.get(test) instanceof AutoCloseable own) {
                closing.add(own);
            }
        }
        Exception failure = null;
        for (AutoCloseable closeable : closing) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the rest is closed all the same; the first failure is reported
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** What the extension made for a test class. */
    private record Made(List<AutoCloseable> closeables) {
    }

    private static Map<String, String> settings(Object test) throws Exception {
        Map<String, String> settings = overrides(
                AnnotationSupport.findAnnotation(test.getClass(), BloodbankTest.class).orElseThrow().value());
        for (Field field : fields(test)) {
            if (field.get(test) instanceof SettingsProvider provider) {
                settings.putAll(provider.settings());
            }
        }
        return settings;
    }

    /** Each {@code "key=value"} as a property override; the value is everything after the first {@code =}. */
    static Map<String, String> overrides(String... pairs) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("@BloodbankTest wants \"key=value\", not \"" + pair + "\"");
            }
            overrides.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return overrides;
    }

    private static List<Field> fields(Object test) {
        List<Field> fields = ReflectionSupport.findFields(test.getClass(), f -> !Modifier.isStatic(f.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
        fields.forEach(f -> f.setAccessible(true));
        return fields;
    }
}
