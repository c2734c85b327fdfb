package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.env;
import static net.delonet.bloodbank.deploy.DeployFiles.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubernetes/: the RabbitMQ cluster and Redis that Bloodbank's StatefulSet points at. */
class BackendManifestsTest {

    private final Container app =
            find(StatefulSet.class, "bloodbank").getSpec().getTemplate().getSpec().getContainers().get(0);

    @Test
    void should_reach_redis_through_its_headless_service_with_aof_on_a_claimed_volume() {
        StatefulSet redis = find(StatefulSet.class, "redis");
        Service headless = find(Service.class, redis.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(env(app, "REDIS_HOST").getValue()).isEqualTo(headless.getMetadata().getName());
        assertThat(env(app, "REDIS_PORT").getValue())
                .isEqualTo(String.valueOf(headless.getSpec().getPorts().get(0).getPort()));
        Container server = redis.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(String.join(" ", server.getArgs())).contains("--appendonly yes");
        String claim = redis.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertThat(server.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo(claim);
            assertThat(mount.getMountPath()).isEqualTo("/data");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_run_a_three_node_rabbitmq_cluster_for_quorum_queues() {
        GenericKubernetesResource cluster = find(GenericKubernetesResource.class, "rabbitmq");
        assertThat(cluster.getApiVersion()).isEqualTo("rabbitmq.com/v1beta1");
        assertThat(((Map<String, Object>) cluster.getAdditionalProperties().get("spec")).get("replicas")).isEqualTo(3);
        assertThat(env(app, "CONSUMER_QUEUE_TYPE").getValue()).isEqualTo("quorum");
        // the operator names its credentials Secret <cluster>-default-user
        assertThat(env(app, "RABBIT_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(cluster.getMetadata().getName() + "-default-user");
    }
}
