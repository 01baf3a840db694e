package com.weegigs.events.runtime.internal.store.jetstream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.Envelopes;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stored form of one command on JetStream, as {@code docs/wire-contract.md} ("Durable events
 * on JetStream") documents it: one message per command on its aggregate's store subject
 * ({@code {prefix}.{aggregate-type}.{key-token}}, the key through {@link KeyTokens}), holding all
 * of the command's events so a command is stored whole or not at all.
 *
 * <ul>
 *   <li>body: a JSON array of the command's recorded events, each in the wire contract's recorded
 *       event form, oldest first;
 *   <li>{@value #EVENT_IDS}: the events' ids, each through {@link KeyTokens}, comma-separated, in order;
 *   <li>{@value #EVENT_TYPES}: the events' type names, comma-separated, in order;
 *   <li>{@value #REVISIONS}: {@code first-last}, the revisions of the first and last event;
 *   <li>{@code Nats-Msg-Id}: the command's {@code messageId} (JetStream's de-duplication);
 *   <li>{@code Nats-Expected-Last-Subject-Sequence}: the subject's last sequence the writer saw;
 *   <li>{@code traceparent}, {@code tracestate}, {@code baggage}: the W3C trace context of the
 *       command's append, only when it has a trace (see {@link Telemetry#store}).
 * </ul>
 *
 * <p>Encoding and decoding live here together so the store and the durable subscriptions read
 * the same format. Decoding checks the message as a whole: a message that is not ours (a stranger
 * published to a store subject) is refused with {@link NotACommandMessage}, never half read.
 */
public final class CommandMessages {
  /** Header: the events' ids, comma-separated, each through {@link KeyTokens}. */
  public static final String EVENT_IDS = "Wee-Event-Ids";
  /** Header: the events' type names, comma-separated. */
  public static final String EVENT_TYPES = "Wee-Event-Types";
  /** Header: {@code first-last}, the revisions of the command's first and last event. */
  public static final String REVISIONS = "Wee-Revisions";
  /** Header JetStream de-duplicates on. */
  public static final String MSG_ID = "Nats-Msg-Id";
  /** Header JetStream checks the subject's last sequence against. */
  public static final String EXPECTED_LAST_SUBJECT_SEQUENCE = "Nats-Expected-Last-Subject-Sequence";

  private CommandMessages() {}

  /** A message on a store subject that is not a command message of this format. */
  public static final class NotACommandMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotACommandMessage(String message) {
      super(message);
    }

    NotACommandMessage(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The revisions of a command message's first and last event. */
  public record Revisions(long first, long last) {}

  /** The store subject of {@code id} under {@code prefix} (such as {@code wee-store.receipts}). */
  public static String subject(String prefix, AggregateId id) {
    return prefix + "." + id.type() + "." + KeyTokens.encode(id.key());
  }

  /**
   * The aggregate whose store subject {@code subject} is, under {@code prefix}.
   *
   * @throws NotACommandMessage when {@code subject} is not a store subject under {@code prefix}
   */
  public static AggregateId aggregate(String prefix, String subject) {
    if (!subject.startsWith(prefix + ".")) {
      throw new NotACommandMessage("subject '" + subject + "' is not under '" + prefix + "'");
    }
    String rest = subject.substring(prefix.length() + 1);
    int dot = rest.indexOf('.');
    if (dot <= 0 || rest.indexOf('.', dot + 1) >= 0) {
      throw new NotACommandMessage("subject '" + subject + "' is not {prefix}.{aggregate-type}.{key-token}");
    }
    try {
      return new AggregateId(rest.substring(0, dot), KeyTokens.decode(rest.substring(dot + 1)));
    } catch (IllegalArgumentException e) {
      throw new NotACommandMessage("subject '" + subject + "' names no aggregate: " + e.getMessage(), e);
    }
  }

  /**
   * The headers of a command message.
   *
   * @param messageId the command's {@code messageId}, or {@code null}
   * @param expectedLastSubjectSequence the subject's last sequence the append expects (0: no message yet)
   * @param events the command's events, non-empty
   */
  public static Headers headers(String messageId, long expectedLastSubjectSequence, List<RecordedEvent<?>> events) {
    StringBuilder ids = new StringBuilder(events.size() * 28);
    StringBuilder types = new StringBuilder(events.size() * 16);
    for (int i = 0; i < events.size(); i++) {
      RecordedEvent<?> event = events.get(i);
      if (i > 0) {
        ids.append(',');
        types.append(',');
      }
      ids.append(KeyTokens.encode(event.id()));
      types.append(event.type());
    }
    Headers headers = new Headers();
    if (messageId != null) {
      headers.put(MSG_ID, messageId);
    }
    headers.put(EXPECTED_LAST_SUBJECT_SEQUENCE, Long.toString(expectedLastSubjectSequence));
    headers.put(EVENT_IDS, ids.toString());
    headers.put(EVENT_TYPES, types.toString());
    headers.put(REVISIONS, events.get(0).revision() + "-" + events.get(events.size() - 1).revision());
    // the append runs in the command's span: a durable subscriber continues it, however late
    Telemetry.store(headers);
    return headers;
  }

  /** The body of a command message from each event's wire form (the recorded event JSON). */
  public static byte[] body(byte[][] wireForms) {
    int length = 1 + Math.max(1, wireForms.length);
    for (byte[] form : wireForms) {
      length += form.length;
    }
    byte[] body = new byte[length];
    int at = 0;
    body[at++] = '[';
    for (int i = 0; i < wireForms.length; i++) {
      if (i > 0) {
        body[at++] = ',';
      }
      System.arraycopy(wireForms[i], 0, body, at, wireForms[i].length);
      at += wireForms[i].length;
    }
    body[at++] = ']';
    return at == length ? body : Arrays.copyOf(body, at);
  }

  /** Each event's wire form, encoded with {@code type}'s codecs. */
  public static byte[][] wireForms(AggregateType<?, ?> type, List<RecordedEvent<?>> events) {
    byte[][] forms = new byte[events.size()][];
    for (int i = 0; i < forms.length; i++) {
      forms[i] = RecordedEvents.encodeRecordedEvent(type, events.get(i));
    }
    return forms;
  }

  /**
   * The revisions a command message's headers declare, or {@code null} when it declares none (not
   * our message).
   */
  public static Revisions revisions(Headers headers) {
    String value = headers == null ? null : headers.getFirst(REVISIONS);
    if (value == null) {
      return null;
    }
    int dash = value.indexOf('-');
    try {
      long first = Long.parseLong(value.substring(0, dash));
      long last = Long.parseLong(value.substring(dash + 1));
      return first >= 1 && last >= first ? new Revisions(first, last) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The events of a command message read from JetStream.
   *
   * @throws NotACommandMessage when the message is not a command message of {@code type}
   */
  public static List<RecordedEvent<?>> decode(AggregateType<?, ?> type, Message message) {
    List<RecordedEvent<?>> events = decode(type, message.getHeaders(), message.getData());
    AggregateId aggregate = events.get(0).aggregate();
    String subject = message.getSubject();
    if (subject != null && !subject.endsWith("." + aggregate.type() + "." + KeyTokens.encode(aggregate.key()))) {
      throw new NotACommandMessage("the events are of " + aggregate + ", not of subject '" + subject + "'");
    }
    return events;
  }

  /**
   * The events of a command message, from its headers and body: the body read with {@code type}'s
   * codecs, and checked against the headers (same count, ids, types and revisions, one aggregate,
   * revisions without gaps).
   *
   * @throws NotACommandMessage when the message is not a command message of {@code type}
   */
  public static List<RecordedEvent<?>> decode(AggregateType<?, ?> type, Headers headers, byte[] body) {
    Revisions revisions = revisions(headers);
    if (revisions == null) {
      throw new NotACommandMessage("no valid " + REVISIONS + " header");
    }
    List<RecordedEvent<?>> events = new ArrayList<>((int) Math.min(64, revisions.last() - revisions.first() + 1));
    if (body == null || body.length == 0) {
      throw new NotACommandMessage("empty body");
    }
    try (JsonParser parser = Envelopes.JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new NotACommandMessage("body is not a JSON array");
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        events.add(RecordedEvents.decodeRecordedEvent(body, start, end - start, type));
      }
      if (token != JsonToken.END_ARRAY || parser.nextToken() != null) {
        throw new NotACommandMessage("body is not a JSON array of recorded events");
      }
    } catch (IOException e) {
      throw new NotACommandMessage("body is not valid JSON", e);
    } catch (NotACommandMessage e) {
      throw e;
    } catch (RuntimeException e) {
      throw new NotACommandMessage("an event cannot be read as " + type.name() + ": " + e.getMessage(), e);
    }
    check(type, headers, revisions, events);
    return List.copyOf(events);
  }

  private static void check(AggregateType<?, ?> type, Headers headers, Revisions revisions, List<RecordedEvent<?>> events) {
    if (events.isEmpty() || events.size() != revisions.last() - revisions.first() + 1) {
      throw new NotACommandMessage(events.size() + " events do not match " + REVISIONS + " " + revisions.first()
          + "-" + revisions.last());
    }
    String ids = headers.getFirst(EVENT_IDS);
    String types = headers.getFirst(EVENT_TYPES);
    String[] idTokens = ids == null ? new String[0] : ids.split(",", -1);
    String[] typeNames = types == null ? new String[0] : types.split(",", -1);
    if (idTokens.length != events.size() || typeNames.length != events.size()) {
      throw new NotACommandMessage(EVENT_IDS + " and " + EVENT_TYPES + " do not list the body's " + events.size()
          + " events");
    }
    AggregateId aggregate = events.get(0).aggregate();
    if (!aggregate.type().equals(type.name())) {
      throw new NotACommandMessage("the events are of " + aggregate.type() + ", not " + type.name());
    }
    for (int i = 0; i < events.size(); i++) {
      RecordedEvent<?> event = events.get(i);
      if (event.revision() != revisions.first() + i || !event.aggregate().equals(aggregate)
          || !event.type().equals(typeNames[i]) || !KeyTokens.encode(event.id()).equals(idTokens[i])) {
        throw new NotACommandMessage("event " + (i + 1) + " of the body does not match the headers");
      }
    }
  }
}
