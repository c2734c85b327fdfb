package net.delonet.bloodbank.refusal;

/** Bloodbank cannot start as configured; the message says what to change. Logged as one line, then exit 1. */
public final class StartRefused extends IllegalStateException {

    public StartRefused(String message) {
        super(message);
    }
}
