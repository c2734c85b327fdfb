package net.delonet.bloodbank.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bb}: Bloodbank from the command line. Talks to the HTTP API at {@code BLOODBANK_URL}; starts without Camel,
 * so a command answers in well under a second. Exit codes: see {@link ExitCodes}.
 */
@Command(name = "bb", mixinStandardHelpOptions = true, versionProvider = Bb.Version.class,
        description = "Publish, trace and watch Bloodbank events.%n"
                + "Talks to BLOODBANK_URL (default http://localhost:8682) with BLOODBANK_TOKEN as a bearer token.",
        footer = "%nExit codes: 0 ok, 2 bad input (also a 400/404/422 from the service), 3 service unreachable or 503,"
                + " 1 anything else.",
        subcommands = {PublishCommand.class, PublishPromptCommand.class, WrapCommand.class, ChainCommand.class, TailCommand.class,
                TypesCommand.class, DlqCommand.class, ReplayCommand.class, SearchCommand.class, ServeCommand.class,
                McpCommand.class, CommandLine.HelpCommand.class})
public final class Bb implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String... args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // Commands print results on stdout and problems on stderr: library chatter stays out of stdout.
            System.setProperty("logback.configurationFile",
                    System.getProperty("logback.configurationFile", "bb-logback.xml"));
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        // No @argfile expansion: --payload @file is ours.
        return new CommandLine(new Bb()).setExpandAtFiles(false).setExecutionExceptionHandler(new Failures()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** The version from the jar's manifest; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Bb.class.getPackage().getImplementationVersion();
            return new String[] {"bb " + (version == null ? "dev" : version)};
        }
    }
}
