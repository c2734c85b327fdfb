package net.delonet.bloodbank.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the deployment files of the project root (Maven runs tests there) for the static checks. */
final class DeployFiles {

    static final Path KUBERNETES = Path.of("kubernetes");
    /** Env var names that carry credentials: they may only come from Secrets (or ${...} in Compose). */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEY).*");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static List<HasMetadata> all;

    private DeployFiles() {
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the application listens on unless HTTP_PORT says otherwise, from application.properties. */
    static int defaultHttpPort() {
        Matcher port = Pattern.compile("camel\\.server\\.port\\s*=\\s*\\{\\{env:HTTP_PORT:(\\d+)}}")
                .matcher(read("application.properties"));
        if (!port.find()) {
            throw new AssertionError("application.properties sets no camel.server.port from HTTP_PORT");
        }
        return Integer.parseInt(port.group(1));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String path) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(read(path));
    }

    static List<String> manifestFiles() {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of one manifest file, typed by fabric8 (unknown kinds become GenericKubernetesResource). */
    static List<HasMetadata> manifest(String file) {
        try (InputStream in = Files.newInputStream(KUBERNETES.resolve(file))) {
            Object parsed = SERIALIZATION.unmarshal(in);
            if (parsed instanceof KubernetesList list) {
                return list.getItems();
            }
            if (parsed instanceof List<?> list) {
                return list.stream().map(HasMetadata.class::cast).toList();
            }
            return List.of((HasMetadata) parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed once: fabric8's first unmarshal is slow and the files do not change during a test run. */
    static synchronized List<HasMetadata> allManifests() {
        if (all == null) {
            all = manifestFiles().stream().flatMap(file -> manifest(file).stream()).toList();
        }
        return all;
    }

    static <T extends HasMetadata> T find(Class<T> type, String name) {
        return allManifests().stream().filter(type::isInstance).map(type::cast)
                .filter(object -> object.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env var " + name));
    }
}
