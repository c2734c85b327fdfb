package net.delonet.bloodbank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.delonet.bloodbank.rag.PassageIndex;
import net.delonet.bloodbank.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second Bloodbank started on a RAG index another process holds (two instances on one machine, one folder): it
 * exits 1 with one line saying what to change, not a Lucene stack trace.
 */
class SecondInstanceTest {

    @TempDir
    Path work;

    @Test
    void should_exit_with_one_line_when_the_rag_index_is_held_by_another_process() throws Exception {
        Path index = work.resolve("shared-index");
        try (PassageIndex held = PassageIndex.open(index);
                ServiceProcess second = ServiceProcess.start(work, work.resolve("second.log"), Map.of(
                        "RAG_INDEX_DIR", index.toString(), "ARCHIVE_ENABLED", "false"))) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as(second.log()).isEqualTo(1);

            assertThat(second.log()).contains("Bloodbank cannot start: The RAG index at " + index + " is in use by another process",
                    "RAG_INDEX_DIR").doesNotContain("LockObtainFailedException").doesNotContain("\tat ");
        }
    }
}
