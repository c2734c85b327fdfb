package net.delonet.bloodbank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every route file, and the Kamelet's template, conforms to Camel's own YAML DSL JSON Schema, the one shipped in the
 * camel-yaml-dsl jar of this build: what Kaoto and Camel JBang check before they open a file. Camel's loader is more
 * lenient than its schema (it reads {@code constant: true}), so a route can run and still break those tools.
 * (The validator, com.networknt:json-schema-validator, is on the classpath through the MCP SDK.)
 */
class RouteSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]+}}");
    private static final Pattern TYPE_MISMATCH = Pattern.compile("string found, (number|integer|boolean) expected");

    @Test
    void should_validate_every_route_file_and_the_kamelet_template_against_camels_yaml_dsl_schema() throws IOException {
        Schema schema = camelYamlDslSchema();
        List<Path> routes;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            routes = files.filter(file -> file.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(routes).hasSizeGreaterThan(10);
        SoftAssertions softly = new SoftAssertions();
        for (Path file : routes) {
            softly.assertThat(violations(schema, JSON.valueToTree(load(file)))).as(file.toString()).isEmpty();
        }
        softly.assertThat(violations(schema, kameletAsRouteTemplate())).as("the Kamelet's template").isEmpty();
        softly.assertAll();
    }

    /**
     * The schema's complaints, except that a property placeholder ({@code "{{retries}}"}) stands for a value of the
     * type the schema wants there: Camel resolves it before it reads the number or boolean, and the schema, which
     * knows no placeholders, would otherwise refuse every configurable number. Such a value is replaced by one of
     * that type and the document checked again; anything else is reported as it is.
     */
    private static List<String> violations(Schema schema, JsonNode document) {
        List<Error> errors = schema.validate(document);
        for (int pass = 0; pass < 5; pass++) {
            List<Error> placeholders = errors.stream().filter(RouteSchemaTest::isTypedPlaceholder).toList();
            if (placeholders.isEmpty()) {
                break;
            }
            placeholders.forEach(error -> standIn(document, error));
            errors = schema.validate(document);
        }
        return errors.stream().map(Error::toString).toList();
    }

    private static boolean isTypedPlaceholder(Error error) {
        JsonNode value = error.getInstanceNode();
        return "type".equals(error.getKeyword()) && value != null && value.isTextual()
                && PLACEHOLDER.matcher(value.asText()).matches() && TYPE_MISMATCH.matcher(error.getMessage()).find();
    }

    private static void standIn(JsonNode document, Error error) {
        Matcher expected = TYPE_MISMATCH.matcher(error.getMessage());
        expected.find();
        String pointer = error.getInstanceLocation().toString();
        JsonNode parent = document.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode value = expected.group(1).equals("boolean") ? BooleanNode.TRUE : IntNode.valueOf(1);
        if (parent instanceof ObjectNode object) {
            object.set(field, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field), value);
        }
    }

    private static Schema camelYamlDslSchema() throws IOException {
        try (InputStream in = YamlRoutesBuilderLoader.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(in).as("schema/camelYamlDsl.json in the camel-yaml-dsl jar").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(JSON.readTree(in));
        }
    }

    /** Camel loads a Kamelet as a route template: its {@code spec.template} (beans, from) with the Kamelet's name. */
    @SuppressWarnings("unchecked")
    private static JsonNode kameletAsRouteTemplate() throws IOException {
        Map<String, Object> kamelet = (Map<String, Object>) load(
                Path.of("src/main/resources/kamelets/bloodbank-webhook-source.kamelet.yaml"));
        ObjectNode template = JSON.valueToTree(((Map<String, Object>) kamelet.get("spec")).get("template"));
        template.put("id", "bloodbank-webhook-source");
        return JSON.createArrayNode().add(JSON.createObjectNode().set("routeTemplate", template));
    }

    /** YAML 1.2 core types, as the schema sees them: {@code true} is a boolean, {@code "true"} a string. */
    private static Object load(Path file) throws IOException {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }
}
