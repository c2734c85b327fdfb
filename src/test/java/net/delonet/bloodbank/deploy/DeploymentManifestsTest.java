package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.allManifests;
import static net.delonet.bloodbank.deploy.DeployFiles.defaultHttpPort;
import static net.delonet.bloodbank.deploy.DeployFiles.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** kubernetes/: every manifest parses into typed objects and says what a cluster operator relies on. */
class DeploymentManifestsTest {

    private final StatefulSet bloodbank = find(StatefulSet.class, "bloodbank");
    private final PodSpec pod = bloodbank.getSpec().getTemplate().getSpec();
    private final Container app = pod.getContainers().get(0);

    @Test
    void should_parse_every_manifest_into_a_known_kind() {
        // only the operator's RabbitmqCluster is a custom resource; a typo'd kind or apiVersion would land here too
        assertThat(allManifests()).filteredOn(GenericKubernetesResource.class::isInstance)
                .extracting(HasMetadata::getKind).containsExactly("RabbitmqCluster");
        assertThat(allManifests()).extracting(HasMetadata::getKind).contains(
                "Namespace", "RabbitmqCluster", "Service", "StatefulSet", "Ingress");
    }

    @Test
    void should_serve_http_on_the_application_port_through_the_service() {
        assertThat(bloodbank.getSpec().getReplicas()).isEqualTo(2);
        assertThat(app.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(defaultHttpPort());
        });
        Service service = find(Service.class, "bloodbank");
        assertThat(service.getSpec().getSelector()).isEqualTo(bloodbank.getSpec().getSelector().getMatchLabels());
        assertThat(bloodbank.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(defaultHttpPort());
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @Test
    void should_probe_camel_liveness_and_readiness_separately() {
        // Camel's management server answers {health-path}/live (Camel's own checks) and /ready (with RabbitMQ and Redis)
        assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
        assertThat(app.getStartupProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/ready");
        Stream.of(app.getLivenessProbe(), app.getReadinessProbe(), app.getStartupProbe())
                .forEach(probe -> assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http"));
    }

    @Test
    void should_bound_every_container_with_requests_below_limits() {
        Stream.concat(pod.getContainers().stream(),
                        find(StatefulSet.class, "redis").getSpec().getTemplate().getSpec().getContainers().stream())
                .forEach(container -> {
                    Map<String, Quantity> requests = container.getResources().getRequests();
                    Map<String, Quantity> limits = container.getResources().getLimits();
                    assertThat(requests).as(container.getName()).containsKeys("cpu", "memory");
                    assertThat(limits).as(container.getName()).containsKeys("cpu", "memory");
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(requests.get(resource).getNumericalAmount())
                                .as(container.getName() + " " + resource)
                                .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                    }
                });
    }

    @Test
    void should_run_bloodbank_as_non_root_on_a_read_only_filesystem() {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        // the writable places are the image's volumes: VolumesTest
    }

    @Test
    void should_mount_the_routes_config_map_read_only_at_app_routes() {
        VolumeMount routes = mount("/app/routes");
        assertThat(routes.getReadOnly()).isTrue();
        assertThat(pod.getVolumes()).filteredOn(volume -> volume.getName().equals(routes.getName()))
                .singleElement().satisfies(volume -> assertThat(volume.getConfigMap().getName())
                        .isEqualTo("bloodbank-routes"));
    }

    private VolumeMount mount(String path) {
        return app.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    @Test
    void should_route_only_the_webhook_path_through_the_optional_ingress() {
        Ingress ingress = find(Ingress.class, "bloodbank-webhooks");
        assertThat(ingress.getSpec().getRules()).flatExtracting(rule -> rule.getHttp().getPaths())
                .isNotEmpty().allSatisfy(path -> {
                    assertThat(path.getPath()).isEqualTo("/webhooks");
                    assertThat(path.getBackend().getService().getName()).isEqualTo("bloodbank");
                    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
                });
    }

    @Test
    void should_keep_replicas_interchangeable_where_state_lives_in_one_of_them() {
        // MCP sessions live in one replica's memory; a recording link signed by one replica is fetched from any
        assertThat(find(Service.class, "bloodbank").getSpec().getSessionAffinity()).isEqualTo("ClientIP");
        assertThat(app.getEnv()).filteredOn(var -> var.getName().equals("RECORDINGS_LINK_SECRET")).singleElement()
                .satisfies(var -> assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo("bloodbank-secrets"));
    }
}
