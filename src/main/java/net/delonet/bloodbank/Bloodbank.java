package net.delonet.bloodbank;

import net.delonet.bloodbank.embedded.Backends;
import org.apache.camel.main.Main;

/** Starts Bloodbank: Camel Main scans this package for configuration classes and loads routes/. */
public final class Bloodbank {

    public static void main(String... args) throws Exception {
        create().run(args);
    }

    /** The application, not yet started; chooses its RabbitMQ and Redis (or embedded ones) as it configures. */
    public static Main create() {
        Main main = new Main(Bloodbank.class);
        main.addMainListener(new Backends());
        return main;
    }
}
