package net.delonet.bloodbank.cli;

import java.net.http.HttpTimeoutException;
import net.delonet.bloodbank.client.ServiceError;
import net.delonet.bloodbank.client.ServiceUnreachable;
import picocli.CommandLine;

/** Turns what a command threw into one line on stderr and its exit code; no stack traces for expected failures. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof ServiceError refused) {
            System.err.println("bb: " + refused.describe());
            return refused.isBadInput() ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
        }
        if (e instanceof ServiceUnreachable down) {
            boolean silent = down.getCause() instanceof HttpTimeoutException;
            System.err.println("bb: " + down.getMessage() + (silent ? "; wait longer with --timeout SECONDS or BLOODBANK_TIMEOUT" : ""));
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof BadInput bad) {
            System.err.println("bb: " + bad.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        System.err.println("bb: " + e);
        return ExitCodes.FAILED;
    }

    /** The user gave something unusable (unreadable payload, malformed option value). */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
