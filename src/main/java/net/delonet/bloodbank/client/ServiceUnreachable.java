package net.delonet.bloodbank.client;

/** Bloodbank could not be reached or cannot serve now (connection refused, timeout, 503): worth retrying later. */
public class ServiceUnreachable extends RuntimeException {

    public ServiceUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
