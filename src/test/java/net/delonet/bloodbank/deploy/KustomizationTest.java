package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.manifest;
import static net.delonet.bloodbank.deploy.DeployFiles.manifestFiles;
import static net.delonet.bloodbank.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** kubernetes/kustomization.yaml applies every manifest (the Ingress on request) and every route file. */
class KustomizationTest {

    private final Map<String, Object> kustomization = yaml("kubernetes/kustomization.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void should_apply_every_manifest_but_the_optional_ingress() {
        List<String> resources = (List<String>) kustomization.get("resources");
        assertThat(resources).doesNotContain("webhook-ingress.yaml");
        assertThat(Stream.concat(resources.stream(), Stream.of("webhook-ingress.yaml")).sorted().toList())
                .isEqualTo(manifestFiles());
    }

    @Test
    void should_place_everything_in_the_namespace_it_creates() {
        List<HasMetadata> namespaces = manifest("namespace.yaml");
        assertThat(namespaces).singleElement().isInstanceOf(Namespace.class);
        assertThat(kustomization.get("namespace")).isEqualTo(namespaces.get(0).getMetadata().getName());
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_generate_the_routes_config_map_from_every_route_file() throws IOException {
        List<Map<String, Object>> generators = (List<Map<String, Object>>) kustomization.get("configMapGenerator");
        Map<String, Object> routes = generators.stream().filter(g -> "bloodbank-routes".equals(g.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no bloodbank-routes generator"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            // a route added to routes/ but not listed here would be missing in the cluster
            assertThat((List<String>) routes.get("files")).containsExactlyInAnyOrderElementsOf(
                    files.map(file -> "../routes/" + file.getFileName())
                            .filter(name -> name.endsWith(".camel.yaml")).toList());
        }
    }
}
