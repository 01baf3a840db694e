package com.weegigs.events.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JSON Schema written as a text block has exactly the value of the compact JSON the schema writer
 * gives: what the runtime serves on the wire does not depend on how the source is laid out.
 */
class JsonTextBlockTest {
  /** Text that a careless text block would change: escapes, quotes in a row, white space, long tokens. */
  private static final List<String> TRICKY = List.of(
      "{}",
      "{\"pattern\":\"\\\\S\",\"other\":\"\\\\\\\\\",\"quote\":\"\\\"\\\"\\\"\"}",
      "{\"a\":\"\",\"b\":\"\\\"\",\"c\":[\"\",\"\",\"\"]}",
      "{\"tab\":\"\\t\",\"line\":\"\\n\",\"unicode\":\"\\u0001 caf\u00e9 \\\\u0041\",\"spaces\":\"  , ,  \"}",
      "{\"long\":\"" + "x".repeat(200) + "\",\"short\":1,\"next\":\"" + "y, ".repeat(60) + "\",\"end\":true}",
      "{\"numbers\":[" + "1234567,".repeat(40) + "0]}",
      "[\"ends with a quote\"]");

  @Test
  void trickyTextKeepsItsValueThroughJavac() throws Exception {
    StringBuilder source = new StringBuilder("package test;\n\npublic final class Blocks {\n  public static final String[] VALUES = {\n");
    for (String json : TRICKY) {
      source.append("      ").append(JsonTextBlock.of(json).replace("\n", "\n      ")).append(",\n");
    }
    source.append("  };\n}\n");
    Compilation compilation = Compiler.javac()
        .withOptions("-Xlint:all", "-Werror")
        .compile(JavaFileObjects.forSourceString("test.Blocks", source.toString()));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledModels.CompiledClassLoader(compilation, getClass().getClassLoader());
    String[] values = (String[]) Class.forName("test.Blocks", true, loader).getField("VALUES").get(null);
    assertEquals(TRICKY, List.of(values));
  }

  @Test
  void linesBreakAfterCommasBetweenValuesWithinTheWidth() {
    String json = TRICKY.get(5);
    List<String> lines = JsonTextBlock.of(json).lines().toList();
    assertEquals("\"\"\"", lines.get(0));
    assertTrue(lines.size() > 4, () -> String.join("\n", lines));
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertTrue(line.endsWith(",\\"), line);
      assertTrue(line.length() <= JsonTextBlock.WIDTH + 1, line);
    }
    assertTrue(lines.get(lines.size() - 1).endsWith("0]}\"\"\""));
  }

  @Test
  void aTokenLongerThanALineGetsALineOfItsOwn() {
    List<String> lines = JsonTextBlock.of(TRICKY.get(4)).lines().toList();
    assertEquals("{\"long\":\"" + "x".repeat(200) + "\",\\", lines.get(1));
    assertEquals("\"short\":1,\\", lines.get(2));
  }

  @Test
  void everyGeneratedSchemaIsTheSchemaWritersText() throws Exception {
    ClassLoader loader = CompiledModels.loader();
    for (ServiceModel service : List.of(TestModels.receipts(), TestModels.shop(), TestModels.edge())) {
      for (AggregateModel aggregate : service.aggregates()) {
        AggregateConstants constants = new AggregateConstants(aggregate);
        Class<?> codecs = Class.forName(aggregate.names().codecs().canonicalName(), true, loader);
        String of = " of aggregate " + aggregate.wireName();
        for (CommandModel command : aggregate.commands()) {
          CommandType<?> type = (CommandType<?>) codecs.getField(constants.commandType(command)).get(null);
          assertEquals(SchemaWriter.schema(command.shape(), constants.records(), "command " + command.wireName() + of), type.schema());
        }
        for (EventModel event : aggregate.events()) {
          EventType<?> type = (EventType<?>) codecs.getField(constants.eventType(event)).get(null);
          assertEquals(SchemaWriter.schema(event.shape(), constants.records(), "event " + event.wireName() + of), type.schema());
        }
        AggregateType<?, ?> type = (AggregateType<?, ?>) codecs.getField("TYPE").get(null);
        assertEquals(SchemaWriter.schema(aggregate.state(), constants.records(), "state" + of), type.stateSchema());
      }
    }
  }
}
