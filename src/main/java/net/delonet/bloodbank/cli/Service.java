package net.delonet.bloodbank.cli;

import java.time.Duration;
import net.delonet.bloodbank.client.BloodbankClient;

/** The client every command uses: BLOODBANK_URL and BLOODBANK_TOKEN, short connect timeout. */
final class Service {

    private Service() {
    }

    static BloodbankClient client() {
        return BloodbankClient.fromEnvironment(Duration.ofSeconds(3), Duration.ofSeconds(30));
    }
}
