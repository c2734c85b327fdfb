package net.delonet.bloodbank.backend;

import java.net.URI;

/** URLs as they may appear in logs: credentials removed. */
public final class Redacted {

    private Redacted() {
    }

    public static String url(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "***@");
        } catch (IllegalArgumentException e) {
            return "<unparseable url>";
        }
    }
}
