package net.delonet.bloodbank.http;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Which message headers platform-http may write into an HTTP answer: only those a route sets to describe its answer.
 * Camel otherwise copies every header (query parameters and request headers included) into the response: header
 * injection, and a control character in a parameter broke the answer into a plain-text 500.
 */
public final class AnswerHeaders extends HttpHeaderFilterStrategy {

    private static final Set<String> ANSWER = Set.of("content-type", "content-length", "content-disposition",
            "cache-control", "location", "retry-after", "www-authenticate", "etag", "last-modified");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !ANSWER.contains(headerName.toLowerCase(Locale.ROOT)) || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
