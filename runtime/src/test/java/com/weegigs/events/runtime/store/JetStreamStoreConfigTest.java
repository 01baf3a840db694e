package com.weegigs.events.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.store.JetStreamStoreConfig.Storage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JetStream store's configuration: defaults derived from the service, every problem named at once. */
class JetStreamStoreConfigTest {

  @Test
  void defaultsAreDerivedFromTheService() {
    JetStreamStoreConfig config = JetStreamStoreConfig.forService("receipts");
    assertEquals("wee-events-receipts", config.streamName());
    assertEquals("wee-store.receipts", config.subjectPrefix());
    assertEquals(1, config.replicas());
    assertEquals(Storage.FILE, config.storage());
    assertEquals(Duration.ofMinutes(2), config.duplicateWindow());
    assertEquals(100, config.snapshotInterval());
    assertEquals("wee-outcomes-receipts", config.outcomesBucket());
    assertEquals(Duration.ofHours(24), config.outcomesTtl());
    assertEquals("wee-snapshots-receipts", config.snapshotsBucket());
    assertEquals(3, config.withReplicas(3).replicas());
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JetStreamStoreConfig(
        "bad.name", "a.*", 2, null, Duration.ZERO, -1, "same", Duration.ZERO, "same", Duration.ofHours(1)));
    String message = e.getMessage();
    for (String named : new String[] {"streamName", "subjectPrefix", "replicas", "storage", "duplicateWindow",
        "snapshotInterval", "outcomesBucket and snapshotsBucket must differ", "outcomesTtl", "requestTimeout"}) {
      assertTrue(message.contains(named), () -> named + " is not named in: " + message);
    }
  }

  @Test
  void badServiceNamesAndPrefixesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> JetStreamStoreConfig.forService("Not A Name"));
    JetStreamStoreConfig config = JetStreamStoreConfig.forService("receipts");
    for (String prefix : new String[] {"", "a..b", "a.>", "a b", ".a", "a."}) {
      assertThrows(IllegalArgumentException.class, () -> config.withSubjectPrefix(prefix), prefix);
    }
    assertThrows(IllegalArgumentException.class, () -> config.withOutcomesTtl(Duration.ofSeconds(30)));
  }
}
