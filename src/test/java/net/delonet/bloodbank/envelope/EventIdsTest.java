package net.delonet.bloodbank.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Vectors computed with the Python original: uuid.uuid5(uuid.NAMESPACE_OID, "bloodbank:" + type + ":" + key). */
class EventIdsTest {

    @Test
    void should_match_the_design_example() {
        assertThat(EventIds.deterministic("fireflies.transcript.upload", Map.of("meeting_id", "abc123")))
                .isEqualTo(UUID.fromString("70117275-3199-5e4c-a175-71646fb33ad7"));
    }

    @Test
    void should_sort_keys_and_join_pairs_with_pipes() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("user_id", "jarad");
        key.put("meeting_id", "abc123");
        assertThat(EventIds.deterministic("fireflies.transcript.upload", key))
                .isEqualTo(UUID.fromString("3ddc002e-f76b-52b5-9151-842cec61dbbd"));
    }

    @Test
    void should_write_integers_booleans_and_null_as_python_str_does() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("n", 42L);
        key.put("ok", true);
        key.put("no", false);
        key.put("x", null);
        assertThat(EventIds.deterministic("a.b.c", key)).isEqualTo(UUID.fromString("5d0026c0-666f-5446-972d-0571b18fefc5"));
        assertThat(EventIds.deterministic("a.b.c", Map.of("f", -7))).isEqualTo(UUID.fromString("fb106dd7-d839-54a0-9bab-cebe12e42ab3"));
    }

    @Test
    void should_sort_upper_case_before_lower_case_and_hash_utf8() {
        assertThat(EventIds.deterministic("a.b.c", Map.of("a", "2", "B", "1")))
                .isEqualTo(UUID.fromString("1a2570d2-8110-5dc8-a4eb-b2fa0404f74c"));
        assertThat(EventIds.deterministic("a.b.c", Map.of("name", "Zoë ☃")))
                .isEqualTo(UUID.fromString("6f88a93d-fad4-5073-b826-87a05888bdae"));
    }

    @Test
    void should_hash_an_empty_key_as_an_empty_string() {
        UUID id = EventIds.deterministic("a.b.c", Map.of());
        assertThat(id).isEqualTo(UUID.fromString("32fb295a-7de9-55f1-8694-cc08bbb3b47d"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }
}
