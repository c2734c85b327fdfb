package net.delonet.bloodbank.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's Dockerfile as instructions: no engine here to build it, so tests read and replay it. */
final class Dockerfile {

    record Instruction(String keyword, String args) {
    }

    private Dockerfile() {
    }

    /** Every instruction, continuation lines joined and comments dropped. */
    static List<Instruction> instructions() {
        List<Instruction> result = new ArrayList<>();
        String joined = DeployFiles.read("Dockerfile").replaceAll("\\\\\\n", " ");
        for (String line : joined.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] parts = trimmed.split("\\s+", 2);
                result.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
            }
        }
        return result;
    }

    /** The instructions after the last FROM: what the running image is made of. */
    static List<Instruction> runtimeStage() {
        List<Instruction> all = instructions();
        int from = all.stream().map(Instruction::keyword).toList().lastIndexOf("FROM");
        return all.subList(from, all.size());
    }

    static List<String> runtime(String keyword) {
        return runtimeStage().stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }

    /** The runtime stage's environment: every ENV pair, later ones winning. */
    static Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        runtime("ENV").forEach(args -> env.putAll(pairs(args)));
        return env;
    }

    /** {@code K=V K2="v w"} as a map, quotes removed. */
    static Map<String, String> pairs(String args) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S*)").matcher(args);
        while (pair.find()) {
            pairs.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
        }
        return pairs;
    }

    /** A JSON-array argument (VOLUME, ENTRYPOINT, CMD) as a list. */
    static List<String> array(String args) {
        if (!args.startsWith("[")) {
            return List.of(args.split("\\s+"));
        }
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("\"([^\"]*)\"").matcher(args);
        while (item.find()) {
            items.add(item.group(1));
        }
        return items;
    }
}
