package net.delonet.bloodbank.correlation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks the causation graph. Pure: the edges come from functions, so multiple parents, shared ancestors and
 * cycles can be tested without Redis. Every id appears once; no walk goes further than {@code maxDepth} hops.
 */
public final class CorrelationGraph {

    private final Function<String, List<String>> parentsOf;
    private final Function<String, Collection<String>> childrenOf;
    private final int maxDepth;

    public CorrelationGraph(Function<String, List<String>> parentsOf, Function<String, Collection<String>> childrenOf,
            int maxDepth) {
        this.parentsOf = parentsOf;
        this.childrenOf = childrenOf;
        this.maxDepth = maxDepth;
    }

    /** Everything that led to {@code eventId} in causal order (each event after its parents, roots first), itself last. */
    public List<String> ancestors(String eventId) {
        List<String> order = new ArrayList<>();
        visitParentsFirst(eventId, 0, new HashSet<>(), order);
        return order;
    }

    private void visitParentsFirst(String id, int depth, Set<String> seen, List<String> order) {
        if (!seen.add(id)) {
            return;
        }
        if (depth < maxDepth) {
            for (String parent : parentsOf.apply(id)) {
                visitParentsFirst(parent, depth + 1, seen, order);
            }
        }
        order.add(id);
    }

    /** {@code eventId} first, then everything it caused breadth-first: children before grandchildren. */
    public List<String> descendants(String eventId) {
        return descendants(eventId, Integer.MAX_VALUE);
    }

    /** The first {@code atMost} of {@link #descendants(String)}: only as much of the graph is read as they need. */
    public List<String> descendants(String eventId, int atMost) {
        Set<String> order = new LinkedHashSet<>();
        Deque<String> level = new ArrayDeque<>(List.of(eventId));
        order.add(eventId);
        for (int depth = 0; depth < maxDepth && !level.isEmpty() && order.size() < atMost; depth++) {
            Deque<String> next = new ArrayDeque<>();
            for (String id : level) {
                if (order.size() >= atMost) {
                    break;
                }
                childrenOf.apply(id).stream().sorted().filter(order::add).forEach(next::add);
            }
            level = next;
        }
        return order.stream().limit(atMost).toList();
    }
}
