package net.delonet.bloodbank.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A test's declared configuration is read as written, and a slip in it stops the test instead of being ignored. */
class BloodbankExtensionTest {

    @Test
    void should_read_each_pair_splitting_at_the_first_equals_sign() {
        assertThat(BloodbankExtension.overrides("bloodbank.api-tokens=a=b,c", "bloodbank.queue-prefix="))
                .containsExactly(Map.entry("bloodbank.api-tokens", "a=b,c"), Map.entry("bloodbank.queue-prefix", ""));
    }

    @Test
    void should_refuse_a_pair_without_a_key() {
        assertThatThrownBy(() -> BloodbankExtension.overrides("bloodbank.watch.enabled false"))
                .hasMessageContaining("key=value").hasMessageContaining("bloodbank.watch.enabled false");
        assertThatThrownBy(() -> BloodbankExtension.overrides("=false")).hasMessageContaining("=false");
    }
}
