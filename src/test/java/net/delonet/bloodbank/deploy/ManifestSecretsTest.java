package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.SECRET_NAME;
import static net.delonet.bloodbank.deploy.DeployFiles.allManifests;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No credential is written in kubernetes/: each comes from the operator's Secret or from bloodbank-secrets. */
class ManifestSecretsTest {

    private static final List<String> SECRETS = List.of("rabbitmq-default-user", "bloodbank-secrets");

    private final List<EnvVar> env = allManifests().stream().flatMap(ManifestSecretsTest::template)
            .flatMap(template -> template.getSpec().getContainers().stream())
            .flatMap(container -> container.getEnv().stream()).toList();

    private static Stream<PodTemplateSpec> template(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return Stream.of(deployment.getSpec().getTemplate());
        }
        if (object instanceof StatefulSet statefulSet) {
            return Stream.of(statefulSet.getSpec().getTemplate());
        }
        return Stream.empty();
    }

    @Test
    void should_ship_no_secret_object() {
        assertThat(allManifests()).extracting(HasMetadata::getKind).doesNotContain("Secret");
    }

    @Test
    void should_take_every_credential_from_a_secret_key_reference() {
        assertThat(env).filteredOn(var -> SECRET_NAME.matcher(var.getName()).matches())
                .extracting(EnvVar::getName)
                .contains("RABBIT_PASSWORD", "REDIS_PASSWORD", "BLOODBANK_API_TOKENS", "FIREFLIES_WEBHOOK_SECRET");
        assertThat(env).filteredOn(var -> SECRET_NAME.matcher(var.getName()).matches()).allSatisfy(var -> {
            assertThat(var.getValue()).as(var.getName()).isNull();
            assertThat(var.getValueFrom().getSecretKeyRef().getName()).as(var.getName()).isIn(SECRETS);
        });
    }

    @Test
    void should_build_urls_with_credentials_only_from_other_variables() {
        // amqp://user:pass@host may appear only as amqp://$(USER):$(PASS)@..., expanded by Kubernetes
        assertThat(env).filteredOn(var -> var.getValue() != null && var.getValue().matches("\\w+://[^/]*@.*"))
                .isNotEmpty()
                .allSatisfy(var -> assertThat(var.getValue()).as(var.getName())
                        .matches("\\w+://\\$\\(\\w+\\):\\$\\(\\w+\\)@.*"));
    }

    @Test
    void should_reference_only_variables_defined_before_them() {
        // $(VAR) expands only when VAR is declared earlier in the same container; otherwise it stays literal
        allManifests().stream().flatMap(ManifestSecretsTest::template)
                .flatMap(template -> template.getSpec().getContainers().stream())
                .forEach(ManifestSecretsTest::assertReferencesDeclaredEarlier);
    }

    private static void assertReferencesDeclaredEarlier(Container container) {
        List<String> names = container.getEnv().stream().map(EnvVar::getName).toList();
        Stream.concat(container.getEnv().stream().map(EnvVar::getValue), container.getArgs().stream())
                .filter(value -> value != null && value.contains("$("))
                .flatMap(value -> Pattern.compile("\\$\\((\\w+)\\)").matcher(value).results())
                .map(match -> match.group(1))
                .forEach(name -> assertThat(names).as(container.getName() + " declares " + name).contains(name));
    }
}
