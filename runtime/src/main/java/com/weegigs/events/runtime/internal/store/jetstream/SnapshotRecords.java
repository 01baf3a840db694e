package com.weegigs.events.runtime.internal.store.jetstream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.wire.Envelopes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A snapshot in the snapshots bucket ({@code docs/wire-contract.md}, "Durable events on
 * JetStream"): {@code {"revision":…,"sequence":…,"fingerprint":…,"state":…}} under the key
 * {@code {aggregate-type}.{key token with "~" as "="}}. The fingerprint is the SHA-256 of the
 * state's JSON Schema, so a snapshot of another shape of the state is recognised and ignored
 * rather than mis-read.
 */
final class SnapshotRecords {
  /** A snapshot read back: the state at {@code revision}, whose last message is at {@code sequence}. */
  record Read<S>(long revision, long sequence, S state) {}

  private SnapshotRecords() {}

  /** The bucket key of {@code id}'s snapshot. */
  static String key(AggregateId id) {
    return id.type() + "." + bucketKey(id.key());
  }

  /** A key token usable as (part of) a key-value key: KV keys do not allow {@code ~}, and tokens never hold {@code =}. */
  static String bucketKey(String value) {
    return KeyTokens.encode(value).replace('~', '=');
  }

  /** The fingerprint of {@code type}'s state: the SHA-256 of its JSON Schema, in hex. */
  static String fingerprint(AggregateType<?, ?> type) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(type.stateSchema().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static <S> byte[] encode(AggregateType<S, ?> type, String fingerprint, long revision, long sequence, S state) {
    return Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeNumberField("revision", revision);
      generator.writeNumberField("sequence", sequence);
      generator.writeStringField("fingerprint", fingerprint);
      generator.writeFieldName("state");
      type.stateCodec().write(generator, state);
      generator.writeEndObject();
    });
  }

  /**
   * The snapshot in {@code bytes}, or {@code null} when it is not one of {@code fingerprint}'s
   * shape or cannot be read.
   */
  static <S> Read<S> decode(AggregateType<S, ?> type, String fingerprint, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try (JsonParser parser = Envelopes.JSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      long revision = -1;
      long sequence = -1;
      String found = null;
      S state = null;
      boolean hasState = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "revision" -> revision = parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
          case "sequence" -> sequence = parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
          case "fingerprint" -> found = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "state" -> {
            if (!fingerprint.equals(found)) {
              // written before the fingerprint or of another shape: never decode it
              return null;
            }
            DecodeContext context = new DecodeContext();
            state = type.stateCodec().read(parser, context);
            if (context.hasViolations()) {
              return null;
            }
            hasState = true;
          }
          default -> parser.skipChildren();
        }
      }
      if (!hasState || state == null || revision < 1 || sequence < 1) {
        return null;
      }
      return new Read<>(revision, sequence, state);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
