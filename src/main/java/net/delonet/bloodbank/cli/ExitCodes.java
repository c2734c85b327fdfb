package net.delonet.bloodbank.cli;

/** What {@code bb} exits with, so scripts can tell a mistake from an outage. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything else: the service failed (500), refused the token (401/403)… */
    public static final int FAILED = 1;
    /** Bad input: a usage error, unreadable payload, or the service refused the request (400/404/413/422). */
    public static final int BAD_INPUT = 2;
    /** The service could not be reached (connection refused, timeout) or is unavailable (503). */
    public static final int UNREACHABLE = 3;

    private ExitCodes() {
    }
}
