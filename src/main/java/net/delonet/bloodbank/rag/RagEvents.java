package net.delonet.bloodbank.rag;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeRequests;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.events.ArtifactEvents;
import net.delonet.bloodbank.events.FirefliesEvents;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** The RAG consumers' handlers: a ready transcript or an artifact event in, the index updated. */
public final class RagEvents {

    static final String APP = "rag-ingester";

    private final RagIngester ingester;
    private final String host;

    public RagEvents(RagIngester ingester, String host) {
        this.ingester = ingester;
        this.host = host;
    }

    /**
     * Ingests the transcript and answers the {@code fireflies.transcript.processed} envelope request, child of the
     * ready event. Its id derives from the transcript and the ready event, so a redelivery republishes the same event.
     */
    public ObjectNode transcript(@Body FirefliesEvents.Ready ready, @Header("event_id") String readyEventId)
            throws IOException {
        IngestionSummary summary = ingester.ingest(ready);
        ObjectNode request = EnvelopeRequests.request("fireflies.transcript.processed", summary.toProcessed(),
                List.of(UUID.fromString(readyEventId)), new Source(host, TriggerType.HOOK, APP, null));
        return EnvelopeRequests.withKey(request, Map.of("transcript_id", ready.id(), "ready_event_id", readyEventId));
    }

    /** {@code artifact.created} / {@code artifact.updated}: its text content indexed (none: removed). */
    public ArtifactIngestion artifact(@Body ArtifactEvents.Artifact artifact) throws IOException {
        return ingester.ingestArtifact(artifact.artifactId(), artifact.title(), artifact.content());
    }

    /** {@code artifact.deleted}: its passages removed. */
    public void deleted(@Body ArtifactEvents.Artifact deleted) throws IOException {
        ingester.deleteArtifact(deleted.artifactId());
    }
}
