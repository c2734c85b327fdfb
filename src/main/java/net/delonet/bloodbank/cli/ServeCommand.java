package net.delonet.bloodbank.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.Bloodbank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code bb serve}: runs the Bloodbank service itself in this process (configured by the environment). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Bloodbank service (HTTP API on HTTP_PORT, default 8682; settings from the environment).")
final class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> camelArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Bloodbank.main(camelArgs.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
