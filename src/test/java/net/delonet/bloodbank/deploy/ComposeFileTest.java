package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.SECRET_NAME;
import static net.delonet.bloodbank.deploy.DeployFiles.defaultHttpPort;
import static net.delonet.bloodbank.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: RabbitMQ, Redis and Bloodbank, started in order of health, with no secret inside. */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    private final Map<String, Map<String, Object>> services =
            (Map<String, Map<String, Object>>) yaml("docker-compose.yml").get("services");

    private Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return services.get(name);
    }

    private Map<String, String> environment(String name) {
        return (Map<String, String>) service(name).get("environment");
    }

    @Test
    void should_health_check_all_three_services() {
        assertThat(services).containsOnlyKeys("rabbitmq", "redis", "bloodbank");
        assertThat(services).allSatisfy((name, service) -> assertThat(
                (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test")).as(name).isNotEmpty());
        assertThat(((Map<String, Object>) service("rabbitmq").get("healthcheck")).get("test"))
                .isEqualTo(List.of("CMD", "rabbitmq-diagnostics", "-q", "ping"));
        assertThat(((Map<String, Object>) service("redis").get("healthcheck")).get("test"))
                .isEqualTo(List.of("CMD", "redis-cli", "ping"));
    }

    @Test
    void should_start_bloodbank_once_its_backends_are_healthy() {
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service("bloodbank").get("depends_on");
        assertThat(dependsOn).containsOnlyKeys("rabbitmq", "redis")
                .allSatisfy((name, condition) -> assertThat(condition).containsEntry("condition", "service_healthy"));
        assertThat(environment("bloodbank")).containsEntry("REDIS_HOST", "redis")
                .hasEntrySatisfying("RABBIT_URL", url -> assertThat(url).contains("@rabbitmq:5672"));
    }

    @Test
    void should_persist_redis_with_aof_and_serve_the_routes_folder_read_only() {
        assertThat(String.join(" ", (List<String>) service("redis").get("command"))).contains("--appendonly yes");
        assertThat((List<String>) service("redis").get("volumes")).anyMatch(volume -> volume.endsWith(":/data"));
        assertThat((List<String>) service("bloodbank").get("volumes")).contains("./routes:/app/routes:ro");
        assertThat((List<String>) service("bloodbank").get("ports"))
                .contains(defaultHttpPort() + ":" + defaultHttpPort());
        assertThat((List<String>) service("rabbitmq").get("ports")).contains("5672:5672", "15672:15672");
    }

    @Test
    void should_take_every_secret_from_the_environment() {
        services.keySet().forEach(name -> {
            Map<String, String> environment = environment(name);
            if (environment != null) {
                assertThat(environment).allSatisfy((var, value) -> {
                    if (SECRET_NAME.matcher(var).matches() || var.equals("RABBITMQ_DEFAULT_PASS")) {
                        assertThat(value).as(var).matches("\\$\\{\\w+(:?[-?][^}]*)?}");
                        assertThat(value).as(var).doesNotMatch("\\$\\{\\w+:-[^}]+}"); // no non-empty default
                    }
                });
            }
        });
        assertThat(environment("bloodbank").get("RABBIT_URL")).matches("amqp://\\$\\{[^}]+}:\\$\\{[^}]+}@.*");
    }
}
