package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.find;
import static net.delonet.bloodbank.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The memory budget (BENCHMARKS.md, "Memory"): the heap is a share of the container's limit that leaves room for what
 * lives outside it (the ONNX model and runtime, metaspace, threads, code), and Compose limits the container as
 * Kubernetes does. ImageLayoutIT runs the image under that limit.
 */
class MemoryBudgetTest {

    /** Measured outside the heap under ingest + search + publish load, with margin. */
    private static final long NATIVE_MIB = 512;

    private final Map<String, Quantity> limits = find(StatefulSet.class, "bloodbank").getSpec().getTemplate().getSpec()
            .getContainers().get(0).getResources().getLimits();

    @Test
    void should_leave_room_outside_the_heap_for_the_model() {
        long limitMib = limits.get("memory").getNumericalAmount().longValue() >> 20;
        Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(Dockerfile.env().get("JAVA_TOOL_OPTIONS"));
        assertThat(percent.find()).as("the image sizes the heap from the container's limit").isTrue();
        long heapMib = limitMib * Integer.parseInt(percent.group(1)) / 100;
        assertThat(limitMib - heapMib).as("MiB outside the heap at a %d MiB limit", limitMib).isGreaterThanOrEqualTo(NATIVE_MIB);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_limit_the_compose_container_as_the_kubernetes_one() {
        Map<String, Object> service = ((Map<String, Map<String, Object>>) yaml("docker-compose.yml").get("services"))
                .get("bloodbank");
        assertThat(service.get("mem_limit")).isEqualTo(limits.get("memory").toString().replace("Mi", "m").replace("Gi", "g"));
    }
}
