package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.fixtures.Counters.ADD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
  /** Each thread reuses one generator: documents in turn come out exactly as from a new generator. */
  @Test
  void documentsWrittenOneAfterAnotherAreEachWhole() throws Exception {
    AggregateId id = new AggregateId("counter", "c-1");
    for (int i = 0; i < 5; i++) {
      byte[] reused = Requests.encodeCommandRequest(id, ADD, new Add(i + 1), null);
      java.io.ByteArrayOutputStream fresh = new java.io.ByteArrayOutputStream();
      try (com.fasterxml.jackson.core.JsonGenerator generator = Envelopes.JSON.createGenerator(fresh)) {
        generator.writeStartObject();
        generator.writeFieldName("aggregateId");
        WireFields.writeAggregateId(generator, id);
        generator.writeFieldName("command");
        ADD.codec().write(generator, new Add(i + 1));
        generator.writeEndObject();
      }
      assertEquals(fresh.toString(StandardCharsets.UTF_8), new String(reused, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aWriterThatFailsOrLeavesItsDocumentOpenSpoilsNoLaterDocument() {
    assertThrows(java.io.UncheckedIOException.class, () -> Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeStringField("half", "written");
      throw new java.io.IOException("failed part-way");
    }));
    assertEquals("{\"whole\":1}", new String(Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeNumberField("whole", 1);
      generator.writeEndObject();
    }), StandardCharsets.UTF_8));

    assertThrows(IllegalStateException.class, () -> Envelopes.encode(generator -> {
      generator.writeStartArray();
      generator.writeStartObject();
    }));
    assertEquals("[2]", new String(Envelopes.encode(generator -> {
      generator.writeStartArray();
      generator.writeNumber(2);
      generator.writeEndArray();
    }), StandardCharsets.UTF_8));
  }

  /** A codec that encodes a document of its own while the thread's document is being written. */
  @Test
  void aDocumentWrittenInsideAnotherIsWholeAndSoIsTheOuterOne() {
    byte[] outer = Envelopes.encode(generator -> {
      generator.writeStartObject();
      byte[] inner = Envelopes.encode(nested -> {
        nested.writeStartObject();
        nested.writeNumberField("inner", 1);
        nested.writeEndObject();
      });
      generator.writeStringField("inner", new String(inner, StandardCharsets.UTF_8));
      generator.writeEndObject();
    });
    assertEquals("{\"inner\":\"{\\\"inner\\\":1}\"}", new String(outer, StandardCharsets.UTF_8));
  }

  /**
   * A document larger than the generator's own buffer passes through the thread's sink; a small
   * one is copied straight from the generator. Either way, in any order, the bytes are the whole
   * document and nothing of the one before.
   */
  @Test
  void documentsLargerThanTheGeneratorsBufferAndSmallOnesInTurnAreEachWhole() {
    for (int size : new int[] {10, 100_000, 3, 20_000, 7_990, 8_010, 1}) {
      String text = "x".repeat(size);
      byte[] encoded = Envelopes.encode(generator -> {
        generator.writeStartObject();
        generator.writeStringField("text", text);
        generator.writeEndObject();
      });
      assertEquals("{\"text\":\"" + text + "\"}", new String(encoded, StandardCharsets.UTF_8), "size " + size);
    }
  }
}
