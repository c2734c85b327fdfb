package net.delonet.bloodbank.envelope;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host name Bloodbank puts in {@code source.host} for events it produces itself. */
public final class LocalHost {

    private LocalHost() {
    }

    /** The configured name when there is one, else this machine's host name. */
    public static String name(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
