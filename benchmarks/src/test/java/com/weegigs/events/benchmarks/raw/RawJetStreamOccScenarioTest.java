package com.weegigs.events.benchmarks.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code raw-js-occ} stores, read back from the stream: one message per request on the
 * receipt's own subject, expecting the sequence of the writer's previous acknowledgement, and a
 * conflict met by reading the subject again.
 */
@NatsTest
class RawJetStreamOccScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRST_RECEIPT = RawJetStreamOccScenario.SUBJECT_PREFIX + "r-0-0";

  @Test
  void eachEventExpectsTheSequenceOfTheWritersLastAcknowledgement(NatsServer server) throws Exception {
    try (Connection reader = Nats.connect(server.url());
        RawJetStreamOccScenario target = RawJetStreamOccScenario.start(server.url(), 1)) {
      JetStreamManagement jsm = reader.jetStreamManagement();
      PublishAck first = target.send(0).get(10, TimeUnit.SECONDS);
      PublishAck second = target.send(0).get(10, TimeUnit.SECONDS);

      MessageInfo firstStored = jsm.getMessage(RawJetStreamOccScenario.STREAM, first.getSeqno());
      MessageInfo secondStored = jsm.getMessage(RawJetStreamOccScenario.STREAM, second.getSeqno());
      assertEquals(FIRST_RECEIPT, firstStored.getSubject());
      assertEquals(FIRST_RECEIPT, secondStored.getSubject());
      assertEquals("0", firstStored.getHeaders().getFirst(RawJetStreamOccScenario.EXPECTED_LAST_SUBJECT_SEQUENCE));
      assertEquals(Long.toString(first.getSeqno()),
          secondStored.getHeaders().getFirst(RawJetStreamOccScenario.EXPECTED_LAST_SUBJECT_SEQUENCE));
      assertNotEquals(firstStored.getHeaders().getFirst(RawJetStreamOccScenario.MSG_ID),
          secondStored.getHeaders().getFirst(RawJetStreamOccScenario.MSG_ID));
      JsonNode events = JSON.readTree(secondStored.getData());
      assertEquals(1, events.size(), "one recorded event per message");
      assertEquals(2, events.path(0).path("revision").asLong());
      assertEquals("item-added", events.path(0).path("type").asText());
      assertEquals(second.getSeqno(), target.lastSequences().get(FIRST_RECEIPT));
      assertFalse(target.failed(second));
    }
  }

  @Test
  void aConflictReadsTheSubjectsLastSequenceAndPublishesAgain(NatsServer server) throws Exception {
    try (Connection other = Nats.connect(server.url());
        RawJetStreamOccScenario target = RawJetStreamOccScenario.start(server.url(), 1)) {
      target.send(0).get(10, TimeUnit.SECONDS);
      // another writer gets there first: the sequence this writer expects is stale
      PublishAck theirs = other.jetStream().publish(FIRST_RECEIPT, "[]".getBytes());

      PublishAck ours = target.send(0).get(10, TimeUnit.SECONDS);

      assertEquals(theirs.getSeqno() + 1, ours.getSeqno());
      MessageInfo stored = other.jetStreamManagement().getMessage(RawJetStreamOccScenario.STREAM, ours.getSeqno());
      assertEquals(Long.toString(theirs.getSeqno()),
          stored.getHeaders().getFirst(RawJetStreamOccScenario.EXPECTED_LAST_SUBJECT_SEQUENCE));
    }
  }

  @Test
  void eachRunStartsWithAnEmptyStream(NatsServer server) throws Exception {
    try (Connection reader = Nats.connect(server.url());
        RawJetStreamOccScenario target = RawJetStreamOccScenario.start(server.url(), 1)) {
      target.send(0).get(10, TimeUnit.SECONDS);
      target.reset();

      assertEquals(0, reader.jetStreamManagement().getStreamInfo(RawJetStreamOccScenario.STREAM)
          .getStreamState().getMsgCount());
      assertEquals(0, target.lastSequences().size());
      // the writer expects 0 again on the receipt it wrote before the purge
      assertFalse(target.failed(target.send(0).get(10, TimeUnit.SECONDS)));
    }
  }
}
