package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JSON argument given inline, as {@code @file}, or as {@code -} (standard input). */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    static JsonNode read(String given, String option) {
        String text;
        try {
            text = given.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : given.startsWith("@") ? Files.readString(Path.of(given.substring(1))) : given;
        } catch (IOException e) {
            throw new Failures.BadInput(option + ": cannot read " + given + " (" + e.getMessage() + ")");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Failures.BadInput(option + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Failures.BadInput(option + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
