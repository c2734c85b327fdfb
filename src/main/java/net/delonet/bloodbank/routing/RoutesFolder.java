package net.delonet.bloodbank.routing;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import net.delonet.bloodbank.refusal.StartRefused;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the route YAML is read from, settled before anything starts. {@code BLOODBANK_ROUTES} when set; else
 * {@code ./routes}; else, started from another folder, the {@code routes/} beside the jar (a copied jar's folder, or
 * the checkout a {@code target/} jar was built in). A folder that is not there is refused in one line. In dev mode a
 * reloaded route keeps its Kamelet working ({@link KameletReload}), and consumers are reloaded too ({@link TemplatedRouteReload}).
 */
public final class RoutesFolder extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesFolder.class);
    private static final String INCLUDE = "camel.main.routes-include-pattern";

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        // a reloaded (or removed) webhook route takes its Kamelet's route along
        main.getCamelContext().getManagementStrategy().addEventNotifier(new KameletReload());
        // and a saved consumer (a templatedRoute) is replaced, with its new binding patterns
        try {
            main.getCamelContext().addStartupListener(new TemplatedRouteReload());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        PropertiesComponent props = main.getCamelContext().getPropertiesComponent();
        String include = props.resolveProperty(INCLUDE).orElse("");
        if (System.getenv("BLOODBANK_ROUTES") == null && include.equals("file:routes/*.camel.yaml")
                && !Files.isDirectory(Path.of("routes"))) {
            Optional<Path> besideJar = besideJar();
            if (besideJar.isPresent()) {
                Path folder = besideJar.get();
                include = "file:" + folder + "/*.camel.yaml";
                props.addOverrideProperty(INCLUDE, include);
                if (System.getenv("BLOODBANK_ROUTES_DIR") == null) {
                    props.addOverrideProperty("camel.main.routes-reload-directory", folder.toString());
                }
                LOG.info("Routes from {} (no routes/ in {}; BLOODBANK_ROUTES chooses another)", folder, Path.of("").toAbsolutePath());
            }
        }
        for (String location : include.split(",")) {
            Path folder = folderOf(location.trim());
            if (folder != null && !Files.exists(folder)) {
                throw new StartRefused("No routes at " + folder.toAbsolutePath() + " (looked for " + location.trim()
                        + "): run Bloodbank from the folder that holds routes/, or set BLOODBANK_ROUTES=file:/path/to/routes/*.camel.yaml");
            }
        }
    }

    /** {@code routes/} beside the jar (or target/classes) Bloodbank runs from, or in the folder above (the checkout). */
    private static Optional<Path> besideJar() {
        try {
            Path folder = Path.of(RoutesFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            return Stream.of(folder, folder.getParent()).filter(f -> f != null && Files.isDirectory(f.resolve("routes")))
                    .map(f -> f.resolve("routes").toAbsolutePath().normalize()).findFirst();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The fixed folder part of a {@code file:} location ({@code file:routes/*.camel.yaml} → {@code routes}); null for others. */
    static Path folderOf(String location) {
        if (!location.startsWith("file:")) {
            return null;
        }
        String[] parts = location.substring("file:".length()).split("/");
        int fixed = (int) Arrays.stream(parts).takeWhile(part -> !part.contains("*") && !part.contains("?")).count();
        String path = String.join("/", Arrays.copyOf(parts, fixed));
        return Path.of(path.isEmpty() ? "/" : path);
    }
}
