package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The receipts service's stream read message by message with plain jnats, each message checked
 * against docs/wire-contract.md ("Durable events on JetStream"): a whole command, its events
 * matching its headers, and every aggregate's revisions following on from 1 without a gap.
 */
final class StoredCommands {
  /** The stream and subject prefix {@code serve} stores in. */
  static final String STREAM = "wee-events-receipts";
  static final String PREFIX = "wee-store.receipts.";

  private static final Pattern REVISIONS = Pattern.compile("(\\d+)-(\\d+)");

  /** One stored command: the aggregate it is on and its events, oldest first. */
  record Command(long sequence, String aggregateType, String key, long firstRevision, List<JsonNode> events, String expectedLastSequence) {
    @Override
    public String toString() {
      return "#" + sequence + " " + aggregateType + "/" + key + " revisions " + firstRevision + "-"
          + (firstRevision + events.size() - 1) + " (published expecting the subject's last sequence " + expectedLastSequence + ")";
    }
  }

  private final List<Command> commands;
  private final List<Command> doublyAccepted;

  private StoredCommands(List<Command> commands, List<Command> doublyAccepted) {
    this.commands = List.copyOf(commands);
    this.doublyAccepted = List.copyOf(doublyAccepted);
  }

  /**
   * Reads every message of the stream and checks each one; fails the test on the first message
   * that is not a whole command or does not follow on from its aggregate's previous one.
   */
  static StoredCommands read(Connection connection) throws IOException, JetStreamApiException {
    return read(connection, false);
  }

  /**
   * Like {@link #read(Connection)}, but a message that JetStream accepted although an earlier
   * message of its subject was published with the same {@code Nats-Expected-Last-Subject-Sequence}
   * is set aside (as every reader skips it) instead of failing the test. Only a clustered stream
   * across a leader change does that: nats-server 2.9 checks the expectation when the leader
   * proposes a message, against what it has applied, so a new leader that has not yet applied the
   * old leader's last messages accepts a second message with the same expectation (a known
   * nats-server defect). The store's guard answers such an append a conflict, so its command is
   * never acknowledged as the skipped message: a test still checks that every acknowledged command
   * is among {@link #commands()}. Any other gap fails the test.
   */
  static StoredCommands readSettingAsideDoubleAcceptance(Connection connection) throws IOException, JetStreamApiException {
    return read(connection, true);
  }

  private static StoredCommands read(Connection connection, boolean setAsideDoubleAcceptance)
      throws IOException, JetStreamApiException {
    JetStreamManagement management = connection.jetStreamManagement();
    StreamState state = management.getStreamInfo(STREAM).getStreamState();
    List<Command> commands = new ArrayList<>();
    List<Command> doublyAccepted = new ArrayList<>();
    Map<String, Long> revisions = new HashMap<>();
    Map<String, List<Command>> byAggregate = new HashMap<>();
    for (long sequence = state.getFirstSequence(); sequence <= state.getLastSequence() && state.getMsgCount() > 0; sequence++) {
      Command command = check(management.getMessage(STREAM, sequence));
      String aggregate = command.aggregateType() + "/" + command.key();
      long previous = revisions.getOrDefault(aggregate, 0L);
      List<Command> before = byAggregate.computeIfAbsent(aggregate, any -> new ArrayList<>());
      if (setAsideDoubleAcceptance && command.firstRevision() != previous + 1 && before.stream()
          .anyMatch(earlier -> earlier.expectedLastSequence().equals(command.expectedLastSequence()))) {
        doublyAccepted.add(command);
        continue;
      }
      assertEquals(previous + 1, command.firstRevision(), () -> "message " + command + " does not follow on from revision "
          + previous + " of " + aggregate + "; its messages before:\n  " + before.stream().map(Command::toString).collect(Collectors.joining("\n  ")));
      revisions.put(aggregate, previous + command.events().size());
      before.add(command);
      commands.add(command);
    }
    assertEquals(state.getMsgCount(), commands.size() + doublyAccepted.size(), "messages in the stream");
    return new StoredCommands(commands, doublyAccepted);
  }

  /** The messages {@link #readSettingAsideDoubleAcceptance} set aside, in stream order. */
  List<Command> doublyAccepted() {
    return doublyAccepted;
  }

  /** Checks one message against the contract: headers, body and subject agree. */
  private static Command check(MessageInfo message) {
    String where = "message " + message.getSeq() + " on " + message.getSubject();
    assertTrue(message.getSubject().startsWith(PREFIX), where);
    String[] subject = message.getSubject().substring(PREFIX.length()).split("\\.", -1);
    assertEquals(2, subject.length, where);
    Headers headers = message.getHeaders();
    assertNotNull(headers, where + " has no headers");
    Matcher revisions = REVISIONS.matcher(String.valueOf(headers.getFirst("Wee-Revisions")));
    assertTrue(revisions.matches(), () -> where + ": Wee-Revisions " + headers.getFirst("Wee-Revisions"));
    long first = Long.parseLong(revisions.group(1));
    long last = Long.parseLong(revisions.group(2));
    List<String> types = Arrays.asList(String.valueOf(headers.getFirst("Wee-Event-Types")).split(","));
    List<String> ids = Arrays.asList(String.valueOf(headers.getFirst("Wee-Event-Ids")).split(","));
    JsonNode body;
    try {
      body = Wire.JSON.readTree(message.getData());
    } catch (IOException e) {
      throw new AssertionError(where + ": the body is not JSON: " + new String(message.getData(), StandardCharsets.UTF_8), e);
    }
    assertTrue(body.isArray(), where + ": the body is not an array");
    int count = (int) (last - first + 1);
    assertTrue(count >= 1, where + ": Wee-Revisions " + first + "-" + last);
    assertEquals(count, body.size(), where + ": events in the body");
    assertEquals(count, types.size(), where + ": Wee-Event-Types");
    assertEquals(count, ids.size(), where + ": Wee-Event-Ids");
    List<JsonNode> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode event = body.get(i);
      String at = where + ", event " + i;
      assertEquals(first + i, event.path("revision").asLong(-1), at + ": revision");
      assertEquals(types.get(i), event.path("type").asText(), at + ": type");
      assertEquals(ids.get(i), token(event.path("id").asText()), at + ": id");
      assertEquals(subject[0], event.path("aggregate").path("type").asText(), at + ": aggregate type");
      assertEquals(subject[1], token(event.path("aggregate").path("key").asText()), at + ": aggregate key");
      assertTrue(event.path("data").isObject(), at + ": data");
      assertTrue(event.path("metadata").path("causationId").isTextual(), at + ": causationId");
      events.add(event);
    }
    return new Command(message.getSeq(), subject[0], body.get(0).path("aggregate").path("key").asText(), first, events,
        headers.getFirst("Nats-Expected-Last-Subject-Sequence"));
  }

  /** A key written as a subject token: every byte but {@code A-Z a-z 0-9 - _} as {@code ~XX}. */
  static String token(String key) {
    if (key.isEmpty()) {
      return "~";
    }
    StringBuilder token = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        token.append(c);
      } else {
        token.append('~').append(String.format("%02X", b & 0xff));
      }
    }
    return token.toString();
  }

  /** Every stored command that counts (none set aside), in stream order. */
  List<Command> commands() {
    return commands;
  }

  /** The events of one aggregate, oldest first. */
  List<JsonNode> events(String aggregateType, String key) {
    List<JsonNode> events = new ArrayList<>();
    for (Command command : commands) {
      if (command.aggregateType().equals(aggregateType) && command.key().equals(key)) {
        events.addAll(command.events());
      }
    }
    return events;
  }

  /** The {@code causationId} of every stored event (the {@code messageId} of the command that made it), each with its receipt. */
  Map<String, String> receiptByCausation() {
    Map<String, String> causes = new LinkedHashMap<>();
    for (Command command : commands) {
      for (JsonNode event : command.events()) {
        causes.put(event.path("metadata").path("causationId").asText(), command.key());
      }
    }
    return causes;
  }

  /** The sum of the {@code lineTotal}s of a receipt's stored {@code item-added} events. */
  BigDecimal addedTotal(String key) {
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode event : events("receipt", key)) {
      if (event.path("type").asText().equals("item-added")) {
        total = total.add(event.path("data").path("lineTotal").decimalValue());
      }
    }
    return total;
  }
}
