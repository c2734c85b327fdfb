package net.delonet.bloodbank;

import org.apache.camel.main.Main;

/** Starts Bloodbank: Camel Main scans this package for configuration classes and loads routes/. */
public final class Bloodbank {

    public static void main(String... args) throws Exception {
        new Main(Bloodbank.class).run(args);
    }
}
