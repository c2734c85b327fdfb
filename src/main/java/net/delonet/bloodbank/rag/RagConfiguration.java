package net.delonet.bloodbank.rag;

import java.io.IOException;
import java.nio.file.Path;
import net.delonet.bloodbank.backend.Connections;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.envelope.LocalHost;
import net.delonet.bloodbank.refusal.StartRefused;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires RAG: one embedder (its model loaded on first use, so starting the service stays fast), one passage index
 * on {@code bloodbank.rag.index-dir} (closed on stop), the consumers' handlers and the search API.
 */
@Configuration
public class RagConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RagConfiguration.class);

    @PropertyInject("bloodbank.rag.index-dir") String indexDir;
    @BeanInject SharedSettings shared;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        PassageEmbedder embedder = new PassageEmbedder();
        PassageIndex index = open(Path.of(indexDir));
        context.addService(Connections.closedOnStop(index));
        RagIngester ingester = new RagIngester(index, embedder, ChunkBudget.DEFAULT);
        RagSearch search = new RagSearch(index, embedder);
        registry.bind("passageEmbedder", embedder);
        registry.bind("passageIndex", index);
        registry.bind("ragIngester", ingester);
        registry.bind("ragSearch", search);
        registry.bind("ragEvents", new RagEvents(ingester, LocalHost.name(shared.sourceHost())));
        registry.bind("ragSearchApi", new RagSearchApi(search));
        LOG.info("RAG index at {} ({} passages)", indexDir, index.passageCount());
    }

    /** The index, which one process at a time may write: a second Bloodbank on the same folder is told in one line. */
    private static PassageIndex open(Path folder) throws IOException {
        try {
            return PassageIndex.open(folder);
        } catch (LockObtainFailedException e) {
            throw new StartRefused("The RAG index at " + folder.toAbsolutePath() + " is in use by another process (another "
                    + "Bloodbank?): give each instance its own RAG_INDEX_DIR (and HTTP_PORT)");
        }
    }
}
