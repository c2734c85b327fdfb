package net.delonet.bloodbank.correlation;

import java.util.List;
import net.delonet.bloodbank.refusal.Parameters;

/**
 * One page of a causation list: {@code limit} ids (1 to the configured page size, which is also the default) from
 * {@code cursor}. A cursor is opaque to clients: the {@code next_cursor} of the previous page, null after the last.
 */
record Page(int start, int limit) {

    static Page of(String limit, String cursor, int pageSize) {
        return new Page(Parameters.integer(cursor, "cursor", 0, Integer.MAX_VALUE - pageSize - 1, 0,
                "cursor must be the next_cursor of a previous page"),
                Parameters.integer(limit, "limit", 1, pageSize, pageSize, "limit must be an integer from 1 to " + pageSize));
    }

    /** Where the page ends (exclusive). */
    int end() {
        return start + limit;
    }

    List<String> of(List<String> all) {
        return all.subList(Math.min(start, all.size()), Math.min(end(), all.size()));
    }

    /** The cursor of the next page, or null when {@code total} ids end within this one. */
    String next(int total) {
        return total > end() ? Integer.toString(end()) : null;
    }
}
