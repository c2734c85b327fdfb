package net.delonet.bloodbank;

import net.delonet.bloodbank.refusal.StartRefused;
import net.delonet.bloodbank.routing.RoutesFolder;
import net.delonet.bloodbank.embedded.Backends;
import org.apache.camel.main.Main;
import org.slf4j.LoggerFactory;

/** Starts Bloodbank: Camel Main scans this package for configuration classes and loads routes/. */
public final class Bloodbank {

    public static void main(String... args) throws Exception {
        try {
            create().run(args);
        } catch (Exception e) {
            // A start that failed must end the process: the embedded broker's threads would keep it alive, serving nothing.
            StartRefused refused = refusal(e);
            if (refused != null) {
                LoggerFactory.getLogger(Bloodbank.class).error("Bloodbank cannot start: {}", refused.getMessage());
            } else {
                LoggerFactory.getLogger(Bloodbank.class).error("Bloodbank could not start: {}", e.toString(), e);
            }
            System.exit(1);
        }
    }

    /**
     * The application, not yet started; finds its routes, chooses its RabbitMQ and Redis (or embedded ones) as it
     * configures, then binds the ground floor every configuration builds on.
     */
    public static Main create() {
        Main main = new Main(Bloodbank.class);
        main.addMainListener(new RoutesFolder());
        main.addMainListener(new Backends());
        main.addMainListener(new GroundFloor());
        return main;
    }

    private static StartRefused refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
