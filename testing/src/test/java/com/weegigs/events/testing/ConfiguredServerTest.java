package com.weegigs.events.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link NatsServer#launchWithConfig}: the configuration text decides, the launcher keeps the address, port and store. */
class ConfiguredServerTest {

  @Test
  void theConfigurationAppliesOnTheLaunchersPortWithJetStreamInItsDirectory() throws Exception {
    try (NatsServer server = NatsServer.launchWithConfig(
        "port: 4222\njetstream {}\nauthorization { users: [ { user: \"tester\", password: \"secret\" } ] }\n")) {
      assertTrue(server.port() != 4222, "the launcher's free port, not the text's");
      assertTrue(Files.readString(server.workDirectory().resolve("nats-server.conf")).contains("tester"));
      NatsServerException refused = assertThrows(NatsServerException.class,
          () -> server.connect(new Options.Builder().connectionTimeout(Duration.ofSeconds(5))));
      assertTrue(refused.getMessage().contains("Authorization Violation"), refused.getMessage());

      Connection connection = server.connect(new Options.Builder().userInfo("tester", "secret"));
      connection.jetStreamManagement().addStream(StreamConfiguration.builder()
          .name("configured").subjects("configured.>").storageType(StorageType.File).build());
      assertTrue(Files.isDirectory(server.workDirectory().resolve("jetstream")));
      assertEquals(Connection.Status.CONNECTED, connection.getStatus());
    }
  }

  @Test
  void aConfigurationTheServerRejectsFailsWithItsLog() {
    NatsServerException failure = assertThrows(NatsServerException.class,
        () -> NatsServer.launchWithConfig("authorization { users: [ { user: \"tester\", password: $MISSING } ] }\n"));
    assertTrue(failure.getMessage().contains("MISSING"), failure.getMessage());
  }
}
