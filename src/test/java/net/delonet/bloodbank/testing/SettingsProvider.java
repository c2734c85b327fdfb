package net.delonet.bloodbank.testing;

import java.util.Map;

/**
 * Something a test stands up for the application to use (a relay to a backend, a stand-in SaaS): the property overrides
 * that point the application at it. A {@link BloodbankTest} adds those of its fields' values to the declared ones.
 */
public interface SettingsProvider {

    Map<String, String> settings();
}
