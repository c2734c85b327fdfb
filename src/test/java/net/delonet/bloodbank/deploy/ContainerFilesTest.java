package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.defaultHttpPort;
import static net.delonet.bloodbank.deploy.DeployFiles.read;
import static net.delonet.bloodbank.deploy.Dockerfile.instructions;
import static net.delonet.bloodbank.deploy.Dockerfile.runtime;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.delonet.bloodbank.deploy.Dockerfile.Instruction;
import org.junit.jupiter.api.Test;

/** Dockerfile and .dockerignore: no engine here to build them, so their content is checked. */
class ContainerFilesTest {

    @Test
    void should_build_with_maven_and_run_on_a_jre() {
        assertThat(instructions()).filteredOn(i -> i.keyword().equals("FROM")).extracting(Instruction::args)
                .containsExactly("maven:3-eclipse-temurin-17 AS build", "eclipse-temurin:17-jre AS runtime");
        // the runtime stage takes the thin jar and the lib/ its manifest's class path names (the pom's copy-lib)
        assertThat(read("pom.xml")).contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        assertThat(runtime("COPY")).contains("--from=build /build/target/lib/ lib/", "--from=build /build/target/bloodbank.jar bloodbank.jar");
        assertThat(runtime("ENTRYPOINT")).containsExactly("[\"java\", \"-jar\", \"/app/bloodbank.jar\"]");
    }

    @Test
    void should_run_as_a_numeric_non_root_user() {
        // numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd
        assertThat(runtime("USER")).singleElement().satisfies(user -> {
            assertThat(user).matches("\\d+(:\\d+)?");
            assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        });
        assertThat(read("kubernetes/bloodbank-statefulset.yaml"))
                .contains("runAsUser: " + runtime("USER").get(0).split(":")[0]);
    }

    @Test
    void should_expose_the_application_port_and_check_health_on_it() {
        assertThat(runtime("EXPOSE")).containsExactly(String.valueOf(defaultHttpPort()));
        assertThat(runtime("HEALTHCHECK")).singleElement().asString().endsWith("[\"bash\", \"/app/healthcheck.sh\"]");
        String script = read("docker/healthcheck.sh");
        assertThat(script).contains("${HTTP_PORT:-" + defaultHttpPort() + "}").contains("${1:-/observe/health}");
    }

    @Test
    void should_keep_routes_overridable_by_a_mount_at_app_routes() {
        assertThat(runtime("WORKDIR")).containsExactly("/app");
        assertThat(runtime("COPY")).contains("routes/ routes/");
        assertThat(runtime("ENV")).singleElement().asString().contains("BLOODBANK_ROUTES=\"file:/app/routes/*.camel.yaml\"");
    }

    @Test
    void should_send_the_builder_only_what_the_dockerfile_copies() {
        List<String> allowed = read(".dockerignore").lines().filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1)).toList();
        assertThat(read(".dockerignore").lines()).contains("*");
        instructions().stream().filter(i -> i.keyword().equals("COPY") && !i.args().startsWith("--from"))
                .map(i -> i.args().split("\\s+")[0].replaceAll("/$", ""))
                .forEach(source -> assertThat(allowed).as(source + " is sent to the builder")
                        .anyMatch(entry -> entry.startsWith(source) || source.startsWith(entry)));
    }
}
