package net.delonet.bloodbank.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationGraphTest {

    private final Map<String, List<String>> parents = new HashMap<>();

    private void edge(String child, String... itsParents) {
        parents.put(child, List.of(itsParents));
    }

    private CorrelationGraph graph(int maxDepth) {
        return new CorrelationGraph(id -> parents.getOrDefault(id, List.of()), id -> {
            List<String> children = new ArrayList<>();
            parents.forEach((child, ps) -> {
                if (ps.contains(id)) {
                    children.add(child);
                }
            });
            return children;
        }, maxDepth);
    }

    @Test
    void should_list_ancestors_roots_first_and_the_event_last() {
        edge("ready", "upload");
        edge("processed", "ready");
        assertThat(graph(100).ancestors("processed")).containsExactly("upload", "ready", "processed");
    }

    @Test
    void should_put_every_event_after_all_its_parents_with_shared_ancestors_once() {
        // root → a, root → b, (a, b) → merged
        edge("a", "root");
        edge("b", "root");
        edge("merged", "a", "b");
        List<String> ancestors = graph(100).ancestors("merged");
        assertThat(ancestors).containsExactly("root", "a", "b", "merged");
    }

    @Test
    void should_list_descendants_breadth_first_children_before_grandchildren() {
        edge("c1", "root");
        edge("c2", "root");
        edge("g1", "c1");
        edge("g2", "c2", "c1");
        assertThat(graph(100).descendants("root")).containsExactly("root", "c1", "c2", "g1", "g2");
    }

    @Test
    void should_terminate_on_a_cycle_with_each_id_once() {
        edge("a", "b");
        edge("b", "a");
        assertThat(graph(100).ancestors("a")).containsExactly("b", "a");
        assertThat(graph(100).descendants("a")).containsExactly("a", "b");
    }

    @Test
    void should_stop_at_the_depth_cap() {
        edge("e1", "e0");
        edge("e2", "e1");
        edge("e3", "e2");
        assertThat(graph(2).ancestors("e3")).containsExactly("e1", "e2", "e3");
        assertThat(graph(2).descendants("e0")).containsExactly("e0", "e1", "e2");
    }

    @Test
    void should_answer_the_event_alone_when_it_has_no_edges() {
        assertThat(graph(100).ancestors("lonely")).containsExactly("lonely");
        assertThat(graph(100).descendants("lonely")).containsExactly("lonely");
    }
}
