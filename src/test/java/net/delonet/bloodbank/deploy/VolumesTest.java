package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.find;
import static net.delonet.bloodbank.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every path Bloodbank writes is absolute and lies on a VOLUME of the image, and every VOLUME is a real volume in
 * Compose (named) and Kubernetes (a claim per pod for what must survive, emptyDir for scratch). ImageLayoutIT runs it.
 */
class VolumesTest {

    /** Kept across restarts, on a claimed volume / named volume. */
    private static final String DATA = "/var/lib/bloodbank";
    /** Scratch: ONNX Runtime's native libraries, Vert.x's file cache, JVM perf data. */
    private static final String TMP = "/tmp";

    private final StatefulSet bloodbank = find(StatefulSet.class, "bloodbank");
    private final PodSpec pod = bloodbank.getSpec().getTemplate().getSpec();

    @Test
    void should_put_every_written_path_on_a_volume_of_the_image() {
        assertThat(Dockerfile.runtime("VOLUME")).singleElement()
                .satisfies(volumes -> assertThat(Dockerfile.array(volumes)).containsExactlyInAnyOrder(DATA, TMP));
        Map<String, String> env = Dockerfile.env();
        for (String path : List.of("RAG_INDEX_DIR", "BLOODBANK_STATE_DIR", "BLOODBANK_HOME")) {
            assertThat(env.get(path) + "/").as(path).startsWith(DATA + "/");
        }
        assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Djava.io.tmpdir=" + TMP);
        // the image makes the data folder its user's, so a new named volume starts out writable by it
        assertThat(Dockerfile.runtime("RUN")).anySatisfy(run -> assertThat(run).matches(
                ".*chown " + Dockerfile.runtime("USER").get(0) + " .*" + DATA + "( .*|$)"));
    }

    @Test
    void should_claim_a_volume_per_pod_for_the_data_and_scratch_space_for_tmp() {
        assertThat(volumeAt(DATA)).isNull();
        assertThat(bloodbank.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
            assertThat(claim.getMetadata().getName()).isEqualTo(mount(DATA).getName());
            assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        });
        assertThat(volumeAt(TMP).getEmptyDir()).isNotNull();
        // the claimed volume is owned by root: fsGroup gives the image's group write access
        assertThat(pod.getSecurityContext().getFsGroup().toString())
                .isEqualTo(Dockerfile.runtime("USER").get(0).split(":")[1]);
        Service pods = find(Service.class, bloodbank.getSpec().getServiceName());
        assertThat(pods.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(pods.getSpec().getSelector()).isEqualTo(bloodbank.getSpec().getSelector().getMatchLabels());
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_keep_the_data_on_a_named_volume_in_compose() {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, Object> service = ((Map<String, Map<String, Object>>) compose.get("services")).get("bloodbank");
        List<String> volumes = (List<String>) service.get("volumes");
        String named = volumes.stream().filter(v -> v.endsWith(":" + DATA)).map(v -> v.split(":")[0]).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + DATA));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey(named);
        // scratch on an anonymous volume, and nothing else writable, as in Kubernetes
        assertThat(volumes).contains(TMP);
        assertThat(service.get("read_only")).isEqualTo(true);
    }

    private VolumeMount mount(String path) {
        return pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    private Volume volumeAt(String path) {
        String name = mount(path).getName();
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
    }
}
