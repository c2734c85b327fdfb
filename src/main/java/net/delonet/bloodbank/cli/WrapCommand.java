package net.delonet.bloodbank.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bb wrap -- COMMAND}: records an agent run as {@code agent.thread.prompt} → {@code agent.thread.response}
 * around the command, which runs exactly as it would alone (same output, same exit code), bus or no bus.
 */
@Command(name = "wrap", mixinStandardHelpOptions = true,
        description = {"Run an agent command and record it: agent.thread.prompt before, agent.thread.response after"
                + " (its stdout, duration_ms, exit_code), linked to the prompt.",
                "The prompt is standard input when it is not a terminal (and is passed on to the command), else the"
                + " command's arguments. The command's output and exit code are kept; if Bloodbank is down it still"
                + " runs (one warning line).",
                "The Python bb's form, bb wrap PROGRAM -- PROMPT..., runs PROGRAM with the prompt as its arguments and"
                + " records the words after -- as the prompt."})
final class WrapCommand implements Callable<Integer> {

    /** Most of an answer fits; more would push the event past the API's 1 MiB body limit. */
    static final int MAX_RESPONSE_BYTES = 256 * 1024;

    @Option(names = "--provider", paramLabel = "P", description = "Who answers (default: the command's name)")
    String provider;

    @Option(names = "--model", paramLabel = "M", description = "The model, when you know it")
    String model;

    @Option(names = "--thread-id", paramLabel = "ID", description = "The conversation this prompt belongs to")
    String threadId;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command to run, after --")
    List<String> command;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String who = provider != null ? provider : Path.of(command.get(0)).getFileName().toString();
        byte[] input = Terminal.stdinIsTerminal() ? null : System.in.readAllBytes();
        List<String> given = guidePrompt();
        String prompt = given != null ? String.join(" ", given)
                : input != null && input.length > 0 ? new String(input, StandardCharsets.UTF_8) : String.join(" ", command);
        ThreadRecorder recorder = new ThreadRecorder(Service.client(), who, model, threadId);
        String promptId = recorder.prompt(prompt, command);

        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(input == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            System.err.println("bb: cannot run " + command.get(0) + ": " + e.getMessage());
            recorder.failed(promptId, "Cannot run " + command.get(0) + ": " + e.getMessage());
            return 127;
        }
        Tee stdout = Tee.start(process.getInputStream(), System.out, MAX_RESPONSE_BYTES);
        Tee stderr = Tee.start(process.getErrorStream(), System.err, 0);
        if (input != null) {
            try (OutputStream toCommand = process.getOutputStream()) {
                toCommand.write(input);
            } catch (IOException e) {
                // the command exited or closed its input without reading it all: as it would without bb
            }
        }
        int exitCode = process.waitFor();
        stdout.join();
        stderr.join();
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        recorder.response(promptId, stdout.captured(), stdout.truncated(), durationMs, exitCode);
        return exitCode;
    }

    /** In the guide's form (words before and after --), the words after --: the prompt. Otherwise null. */
    private List<String> guidePrompt() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int dashes = args.indexOf("--");
        int afterDashes = dashes < 0 ? 0 : args.size() - dashes - 1;
        return dashes >= 0 && afterDashes > 0 && command.size() > afterDashes
                ? command.subList(command.size() - afterDashes, command.size()) : null;
    }
}
