package com.weegigs.events.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Schema;
import com.weegigs.events.annotations.Service;
import com.weegigs.events.processor.WeeEventsProcessor;
import com.weegigs.events.processor.model.ConstraintModel.Kind;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.validation.Violation;
import io.nats.client.Connection;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated validator and the JSON Schema of a command agree, constraint by constraint: for
 * every kind of constraint the processor supports, on each kind of value it applies to, a payload
 * the validator accepts is valid under the schema, and one it refuses is not. The command
 * {@code Check} below has one constrained field per case; each row changes one field of a payload
 * that both accept.
 *
 * <p>The rows marked as a gap are where the two differ, as the processor README lists ("What the
 * JSON Schemas cannot say"): they assert the difference, so a change that closes one shows here.
 */
class ConstraintSchemaAgreementTest {
  private static final String ABSENT = null;
  private static final String CHECK = """
      package test;

      import com.weegigs.events.annotations.*;
      import jakarta.validation.Valid;
      import jakarta.validation.constraints.*;
      import java.math.BigDecimal;
      import java.math.BigInteger;
      import java.util.*;

      @Command(aggregate = Probe.class)
      public record Check(
          @NotNull String notNull,
          @NotBlank String notBlank,
          @NotEmpty String notEmptyText,
          @NotEmpty List<String> notEmptyList,
          @NotEmpty Map<String, Integer> notEmptyMap,
          @Size(min = 2, max = 4) String sizeText,
          @Size(min = 1, max = 2) Set<String> sizeSet,
          @Size(max = 1) Map<String, Integer> sizeMap,
          @Min(10) int min,
          @Max(10) Long max,
          @Positive BigDecimal positive,
          @PositiveOrZero double positiveOrZero,
          @Negative Integer negative,
          @NegativeOrZero BigInteger negativeOrZero,
          @DecimalMin(value = "0.5", inclusive = false) BigDecimal decimalMin,
          @DecimalMax("9.75") double decimalMax,
          @Pattern(regexp = "[A-Z]{2}-[0-9]+") String pattern,
          @Email String email,
          Optional<@Size(max = 3) String> optional,
          List<@NotBlank String> elements,
          @Valid Part part,
          Part unchecked) {}
      """;
  private static final String BASE = """
      {"notNull":"x","notBlank":"x","notEmptyText":"x","notEmptyList":["x"],"notEmptyMap":{"a":1},"sizeText":"abc",\
      "sizeSet":["a"],"sizeMap":{},"min":10,"max":10,"positive":0.01,"positiveOrZero":0,"negative":-1,"negativeOrZero":0,\
      "decimalMin":0.51,"decimalMax":9.75,"pattern":"AB-12","email":"ann@example.com","optional":"abc","elements":["a"],\
      "part":{"label":"p"},"unchecked":{"label":"u"}}""";

  private static CommandType<Object> check;
  private static Schema schema;

  /**
   * One case: {@code field} set to {@code json} ({@link #ABSENT} leaves it out), and whether the
   * validator and the schema accept the payload then. {@code kind} is the constraint it exercises.
   */
  record Row(Kind kind, String field, String json, boolean validator, boolean schema) {
    boolean gap() {
      return validator != schema;
    }

    @Override
    public String toString() {
      return kind + " " + field + "=" + json + (gap() ? " (gap)" : "");
    }
  }

  private static Row accepted(Kind kind, String field, String json) {
    return new Row(kind, field, json, true, true);
  }

  private static Row refused(Kind kind, String field, String json) {
    return new Row(kind, field, json, false, false);
  }

  /** A difference the README lists: the validator's outcome, then the schema's. */
  private static Row gap(Kind kind, String field, String json, boolean validator, boolean schema) {
    return new Row(kind, field, json, validator, schema);
  }

  static Stream<Row> rows() {
    return Stream.of(
        accepted(Kind.NOT_NULL, "notNull", "\"\""),
        refused(Kind.NOT_NULL, "notNull", "null"),
        refused(Kind.NOT_NULL, "notNull", ABSENT),
        accepted(Kind.NOT_BLANK, "notBlank", "\" a \""),
        refused(Kind.NOT_BLANK, "notBlank", "\"\""),
        refused(Kind.NOT_BLANK, "notBlank", "\" \\t\\n \""),
        refused(Kind.NOT_BLANK, "notBlank", ABSENT),
        // Java's Character.isWhitespace counts the information separators as white space; no regex \s does
        gap(Kind.NOT_BLANK, "notBlank", "\"\\u001c\"", false, true),
        accepted(Kind.NOT_EMPTY, "notEmptyText", "\" \""),
        refused(Kind.NOT_EMPTY, "notEmptyText", "\"\""),
        refused(Kind.NOT_EMPTY, "notEmptyText", "null"),
        refused(Kind.NOT_EMPTY, "notEmptyList", "[]"),
        refused(Kind.NOT_EMPTY, "notEmptyList", "null"),
        // absent reads as an empty list, which the validator refuses; the schema follows the decoder, which allows absence
        gap(Kind.NOT_EMPTY, "notEmptyList", ABSENT, false, true),
        accepted(Kind.NOT_EMPTY, "notEmptyMap", "{\"a\":0}"),
        refused(Kind.NOT_EMPTY, "notEmptyMap", "{}"),
        accepted(Kind.SIZE, "sizeText", "\"ab\""),
        accepted(Kind.SIZE, "sizeText", "\"abcd\""),
        refused(Kind.SIZE, "sizeText", "\"a\""),
        refused(Kind.SIZE, "sizeText", "\"abcde\""),
        accepted(Kind.SIZE, "sizeText", ABSENT),
        // @Size counts UTF-16 units, JSON Schema counts characters: three emoji are 3 characters and 6 units
        gap(Kind.SIZE, "sizeText", "\"\\ud83d\\ude00\\ud83d\\ude00\\ud83d\\ude00\"", false, true),
        accepted(Kind.SIZE, "sizeSet", "[\"a\",\"b\"]"),
        refused(Kind.SIZE, "sizeSet", "[\"a\",\"b\",\"c\"]"),
        refused(Kind.SIZE, "sizeSet", "[]"),
        accepted(Kind.SIZE, "sizeMap", "{\"a\":1}"),
        refused(Kind.SIZE, "sizeMap", "{\"a\":1,\"b\":2}"),
        accepted(Kind.MIN, "min", "11"),
        refused(Kind.MIN, "min", "9"),
        refused(Kind.MIN, "min", ABSENT),
        accepted(Kind.MAX, "max", "-5"),
        refused(Kind.MAX, "max", "11"),
        accepted(Kind.MAX, "max", "null"),
        accepted(Kind.POSITIVE, "positive", "1E-9"),
        refused(Kind.POSITIVE, "positive", "0"),
        refused(Kind.POSITIVE, "positive", "-0.01"),
        accepted(Kind.POSITIVE_OR_ZERO, "positiveOrZero", "0.5"),
        refused(Kind.POSITIVE_OR_ZERO, "positiveOrZero", "-0.5"),
        accepted(Kind.NEGATIVE, "negative", "-2147483648"),
        refused(Kind.NEGATIVE, "negative", "0"),
        accepted(Kind.NEGATIVE_OR_ZERO, "negativeOrZero", "-123456789012345678901234567890"),
        refused(Kind.NEGATIVE_OR_ZERO, "negativeOrZero", "1"),
        accepted(Kind.DECIMAL_MIN, "decimalMin", "0.5000001"),
        refused(Kind.DECIMAL_MIN, "decimalMin", "0.5"),
        refused(Kind.DECIMAL_MIN, "decimalMin", "0.4"),
        accepted(Kind.DECIMAL_MAX, "decimalMax", "-9.75"),
        refused(Kind.DECIMAL_MAX, "decimalMax", "9.76"),
        accepted(Kind.PATTERN, "pattern", "\"ZZ-0\""),
        refused(Kind.PATTERN, "pattern", "\"ab-12\""),
        refused(Kind.PATTERN, "pattern", "\"XAB-12\""),
        refused(Kind.PATTERN, "pattern", "\"AB-12 \""),
        accepted(Kind.EMAIL, "email", "\"first.last+tag@mail.example.org\""),
        refused(Kind.EMAIL, "email", "\"ann\""),
        refused(Kind.EMAIL, "email", "\"ann@\""),
        refused(Kind.EMAIL, "email", "\"ann@@example.com\""),
        accepted(Kind.EMAIL, "email", "null"),
        // RFC 5321 (format "email") allows quoted local parts and address literals; @Email's rule does not
        gap(Kind.EMAIL, "email", "\"\\\"ann smith\\\"@example.com\"", false, true),
        gap(Kind.EMAIL, "email", "\"ann@[192.0.2.1]\"", false, true),
        accepted(Kind.SIZE, "optional", "\"abc\""),
        refused(Kind.SIZE, "optional", "\"abcd\""),
        accepted(Kind.SIZE, "optional", "null"),
        accepted(Kind.NOT_BLANK, "elements", "[\"a\",\"b\"]"),
        refused(Kind.NOT_BLANK, "elements", "[\"a\",\" \"]"),
        refused(Kind.NOT_BLANK, "elements", "[null]"),
        refused(Kind.NOT_BLANK, "part", "{\"label\":\" \"}"),
        accepted(Kind.NOT_BLANK, "part", "null"),
        // without @Valid the validator does not look into the record; its schema always describes it whole
        gap(Kind.NOT_BLANK, "unchecked", "{\"label\":\" \"}", true, false));
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() throws ReflectiveOperationException {
    Compilation compilation = Compiler.javac()
        .withProcessors(new WeeEventsProcessor())
        .withOptions("-Xlint:all,-processing")
        .withClasspath(CompiledModels.classpath(Service.class, NotBlank.class, JsonCodec.class,
            com.fasterxml.jackson.core.JsonParser.class, Connection.class))
        .compile(
            JavaFileObjects.forSourceString("test.package-info", """
                @Service(name = "agree", version = "1.0.0")
                package test;

                import com.weegigs.events.annotations.Service;
                """),
            JavaFileObjects.forSourceString("test.Probe", """
                package test;

                import com.weegigs.events.annotations.*;

                @Aggregate
                public record Probe(String id, int checks) {
                  @Initial
                  static Probe start(String key) {
                    return new Probe(key, 0);
                  }

                  @CommandHandler
                  Checked check(Check command) {
                    return new Checked();
                  }

                  @Reducer
                  Probe on(Checked event) {
                    return new Probe(id, checks + 1);
                  }
                }
                """),
            JavaFileObjects.forSourceString("test.Checked", """
                package test;

                import com.weegigs.events.annotations.*;

                @Event(aggregate = Probe.class)
                public record Checked() {}
                """),
            JavaFileObjects.forSourceString("test.Part", """
                package test;

                import jakarta.validation.constraints.*;

                public record Part(@NotBlank String label) {}
                """),
            JavaFileObjects.forSourceString("test.Check", CHECK));
    assertThat(compilation).succeeded();
    // the one warning is the point of the field "unchecked": a record with constraints held without @Valid
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[WEE-903] component unchecked of command Check holds Part");
    ClassLoader loader = new CompiledModels.CompiledClassLoader(compilation, ConstraintSchemaAgreementTest.class.getClassLoader());
    check = (CommandType<Object>) Class.forName("test.ProbeCodecs", true, loader).getField("CHECK").get(null);
    schema = JsonSchemas.schema(check.schema());
  }

  @Test
  void theBasePayloadIsAcceptedByBoth() throws Exception {
    assertEquals(List.of(), violations(BASE));
    assertEquals(List.of(), JsonSchemas.errors(schema, BASE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theValidatorAndTheSchemaDecideAsTheRowSays(Row row) throws Exception {
    String payload = with(row.field(), row.json());
    List<Violation> violations = violations(payload);
    List<String> errors = JsonSchemas.errors(schema, payload);
    assertEquals(row.validator(), violations.isEmpty(), () -> "validator on " + payload + ": " + violations);
    assertEquals(row.schema(), errors.isEmpty(), () -> "schema on " + payload + ": " + errors);
    if (!row.validator()) {
      String field = row.field();
      assertTrue(violations.stream().allMatch(violation -> violation.path().startsWith(field)), violations::toString);
    }
  }

  @Test
  void everyKindOfConstraintHasAnAcceptedAndARefusedRowOnWhichBothAgree() {
    Set<Kind> accepted = EnumSet.noneOf(Kind.class);
    Set<Kind> refused = EnumSet.noneOf(Kind.class);
    rows().filter(row -> !row.gap()).forEach(row -> (row.validator() ? accepted : refused).add(row.kind()));
    assertEquals(EnumSet.allOf(Kind.class), accepted);
    assertEquals(EnumSet.allOf(Kind.class), refused);
  }

  /**
   * The shop test model, whose commands hold records ({@code Line}, {@code Address}) under
   * {@code @Valid}: the validator and the schema in the model's AsyncAPI document (references into
   * its {@code $defs} resolved within the document) decide alike.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theShopModelsValidatorsAndItsDocumentsSchemasAgree() throws Exception {
    String document = Writers.asyncApi(TestModels.shop());
    String customer = "\"customer\":\"123e4567-e89b-12d3-a456-426614174000\",\"weight\":1,\"sequence\":0";
    Object[][] samples = {
        {"PLACE_ORDER", "place-order", "{" + customer + ",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":0.01}]}", true},
        {"PLACE_ORDER", "place-order", "{" + customer + ",\"lines\":[{\"sku\":\"\",\"quantity\":1,\"unitPrice\":1}]}", false},
        {"PLACE_ORDER", "place-order", "{" + customer + ",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":0}]}", false},
        {"PLACE_ORDER", "place-order", "{" + customer + ",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1}],"
            + "\"deliverTo\":{\"street\":\"1 Main St\",\"postcode\":\"20000\"}}", false},
        {"PLACE_ORDER", "place-order", "{" + customer + ",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1}],"
            + "\"deliverTo\":{\"street\":\"1 Main St\",\"postcode\":\"2000\"},\"weight\":100.5}", false},
        {"PAY", "pay", "{\"amount\":12.5}", true},
        {"PAY", "pay", "{\"amount\":0}", false},
        {"SHIP", "ship", "{\"to\":{\"street\":\"1 Main St\",\"postcode\":\"2000\"}}", true},
        {"SHIP", "ship", "{\"to\":{\"street\":\" \",\"postcode\":\"2000\"}}", false},
        {"SHIP", "ship", "{}", false}};
    for (Object[] sample : samples) {
      CommandType<Object> type = (CommandType<Object>) CompiledModels.constant("com.example.shop.OrderCodecs", (String) sample[0]);
      String payload = (String) sample[2];
      boolean accepted = (Boolean) sample[3];
      List<Violation> violations = violations(type, payload);
      assertEquals(accepted, violations.isEmpty(), () -> "validator on " + payload + ": " + violations);
      Schema inDocument = JsonSchemas.inDocument(document, "/components/schemas/order.command." + sample[1] + ".payload/schema");
      assertEquals(accepted, JsonSchemas.errors(inDocument, payload).isEmpty(), () -> "schema on " + payload);
    }
  }

  /** What decoding and then validating {@code json} reports: nothing when the command is accepted. */
  private static List<Violation> violations(String json) throws Exception {
    return violations(check, json);
  }

  private static List<Violation> violations(CommandType<Object> type, String json) throws Exception {
    DecodeContext context = new DecodeContext();
    Object command = CompiledModels.read(type.codec(), json, context);
    if (!context.violations().isEmpty()) {
      return context.violations();
    }
    return type.validator().validate(command);
  }

  /** The base payload with {@code field} set to {@code json}, or without it when {@code json} is {@link #ABSENT}. */
  private static String with(String field, String json) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String member : splitTopLevel(BASE.substring(1, BASE.length() - 1))) {
      int colon = member.indexOf(':');
      fields.put(member.substring(1, colon - 1), member.substring(colon + 1));
    }
    assertTrue(fields.containsKey(field), field);
    if (json == null) {
      fields.remove(field);
    } else {
      fields.put(field, json);
    }
    List<String> members = new ArrayList<>();
    fields.forEach((name, value) -> members.add("\"" + name + "\":" + value));
    return "{" + String.join(",", members) + "}";
  }

  /** The members of an object's body, split at the commas outside brackets and braces (the base has no commas in strings). */
  private static List<String> splitTopLevel(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(body.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(body.substring(start));
    return parts;
  }
}
