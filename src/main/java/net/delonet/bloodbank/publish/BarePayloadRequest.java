package net.delonet.bloodbank.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.JsonBody;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Route step for {@code POST /events/{event_type}}: wraps a bare payload into an envelope request.
 * Parents come from {@code ?parent=} (repeatable or comma-separated) or the {@code X-Parent-Ids} header,
 * idempotency key pairs from {@code ?key.<name>=<value>}, the source app from {@code ?source_app=}.
 */
public final class BarePayloadRequest implements Processor {

    private static final ObjectMapper JSON = EnvelopeJson.mapper();

    private final Source defaultSource;

    public BarePayloadRequest(Source defaultSource) {
        this.defaultSource = defaultSource;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        ObjectNode request = JSON.createObjectNode();
        request.put("event_type", in.getHeader("event_type", String.class));
        request.set("payload", JsonBody.parse(in.getBody(byte[].class)));
        List<String> parents = values(in.getHeader("parent"));
        parents.addAll(values(in.getHeader("X-Parent-Ids")));
        if (!parents.isEmpty()) {
            parents.forEach(request.putArray("correlation_ids")::add);
        }
        ObjectNode key = JSON.createObjectNode();
        for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
            if (header.getKey().startsWith("key.")) {
                key.put(header.getKey().substring(4), String.valueOf(header.getValue()));
            }
        }
        if (!key.isEmpty()) {
            request.set("idempotency_key", key);
        }
        String app = in.getHeader("source_app", String.class);
        if (app != null) {
            request.putObject("source").put("host", defaultSource.host())
                    .put("type", defaultSource.type().wire()).put("app", app);
        }
        in.setBody(request);
    }

    private static List<String> values(Object header) {
        Collection<?> raw = header instanceof Collection<?> c ? c : header == null ? List.of() : List.of(header);
        return raw.stream().flatMap(v -> Arrays.stream(String.valueOf(v).split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toList());
    }
}
