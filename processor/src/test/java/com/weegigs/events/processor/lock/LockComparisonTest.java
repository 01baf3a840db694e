package com.weegigs.events.processor.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The comparison of two locks as a pure function of their JSON, one type change at a time: each case
 * is a property schema before and after, in an event at the same version.
 */
class LockComparisonTest {
  private static final Change.Record ITEM_ADDED = new Change.Record(Change.Subject.EVENT, "cart", "item-added", "test.ItemAdded", 1);

  @Test
  void wideningAndLooseningAreCompatible() throws Exception {
    assertCompatible("{\"type\": \"integer\", \"minimum\": -128, \"maximum\": 127}", "{\"type\": \"integer\", \"format\": \"int32\"}");
    assertCompatible("{\"type\": \"integer\", \"format\": \"int32\"}", "{\"type\": \"integer\", \"format\": \"int64\"}");
    assertCompatible("{\"type\": \"integer\", \"format\": \"int64\"}", "{\"type\": \"integer\"}");
    assertCompatible("{\"type\": \"integer\", \"format\": \"int64\"}", "{\"type\": [\"number\", \"null\"]}");
    assertCompatible("{\"type\": \"string\", \"format\": \"uuid\"}", "{\"type\": \"string\"}");
    assertCompatible("{\"type\": \"string\", \"enum\": [\"a\"]}", "{\"anyOf\": [{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}, {\"type\": \"null\"}]}");
    assertCompatible("{\"type\": \"string\", \"enum\": [\"a\"]}", "{\"type\": \"string\", \"minLength\": 1}");
    assertCompatible("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}",
        "{\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"uniqueItems\": true}");
    assertCompatible("{\"type\": \"string\", \"maxLength\": 5}", "{\"type\": \"string\", \"pattern\": \"\\\\S\"}");
  }

  @Test
  void narrowingIsATypeChangeNamedInJavasWords() throws Exception {
    assertChanged("{\"type\": \"integer\", \"format\": \"int64\"}", "{\"type\": \"integer\", \"format\": \"int32\"}", "long", "int");
    assertChanged("{\"type\": \"number\"}", "{\"type\": \"integer\"}", "a decimal number", "BigInteger");
    assertChanged("{\"type\": \"string\"}", "{\"type\": \"string\", \"format\": \"date\"}", "String", "LocalDate");
    assertChanged("{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}", "{\"type\": \"string\", \"enum\": [\"a\"]}",
        "an enum of a, b", "an enum of a");
    assertChanged("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}", "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}",
        "List of String", "Map of String");
    assertChanged("{\"type\": \"boolean\"}", "{\"type\": \"string\"}", "boolean", "String");
  }

  @Test
  void nestedRecordsAreComparedByShapeWhateverTheirNames() throws Exception {
    String old = schema("{\"$ref\": \"#/$defs/Line\"}", "\"Line\": {\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\"}}}");
    String renamed = schema("{\"$ref\": \"#/$defs/Entry\"}",
        "\"Entry\": {\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\"}, \"n\": {\"type\": \"integer\"}},"
            + " \"required\": [\"n\"]}");
    assertEquals(List.of(new Change.RequiredAdded(ITEM_ADDED, "p.n")), compare(old, renamed));
  }

  @Test
  void aRecursiveRecordIsComparedOnce() throws Exception {
    String tree = schema("{\"$ref\": \"#/$defs/Node\"}",
        "\"Node\": {\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/$defs/Node\"}, \"v\": {\"type\": \"string\"}}}");
    assertEquals(List.of(), compare(tree, tree));
  }

  @Test
  void aLockWithoutAggregatesIsNotALock() {
    assertThrows(LockJson.SyntaxException.class, () -> LockComparison.compare(Map.of("format", 1), lock("{}")));
    assertThrows(LockJson.SyntaxException.class, () -> LockComparison.compare(List.of(), lock("{}")));
  }

  @Test
  void printingWhatWasReadGivesTheSameText() throws Exception {
    String text = "{\n  \"a\": [1, \"x\\n\", true, null],\n  \"b\": {},\n  \"c\": [\n    {\n      \"d\": 0.01\n    }\n  ]\n}\n";
    assertEquals(text, LockJson.print(LockJson.parse(text)));
    LockJson.SyntaxException error = assertThrows(LockJson.SyntaxException.class, () -> LockJson.parse("{\"a\": 1,\n \"a\": 2}"));
    assertEquals("the member \"a\" appears twice at line 2, column 2", error.getMessage());
  }

  private static void assertCompatible(String from, String to) throws Exception {
    assertEquals(List.of(), compare(schema(from, ""), schema(to, "")), from + " -> " + to);
  }

  private static void assertChanged(String from, String to, String fromText, String toText) throws Exception {
    assertEquals(List.of(new Change.TypeChanged(ITEM_ADDED, "p", fromText, toText)), compare(schema(from, ""), schema(to, "")));
  }

  /** An event schema with the one property {@code p} and these {@code $defs} members. */
  private static String schema(String property, String defs) {
    return "{\"type\": \"object\", \"properties\": {\"p\": " + property + "}" + (defs.isEmpty() ? "" : ", \"$defs\": {" + defs + "}") + "}";
  }

  private static List<Change> compare(String oldSchema, String newSchema) throws Exception {
    return LockComparison.compare(LockJson.parse(lockText(oldSchema)), lock(newSchema));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lock(String schema) throws Exception {
    return (Map<String, Object>) LockJson.parse(lockText(schema));
  }

  private static String lockText(String schema) {
    return "{\"aggregates\": {\"cart\": {\"javaName\": \"test.Cart\", \"events\": {\"item-added\": {\"javaName\": \"test.ItemAdded\","
        + " \"version\": 1, \"schema\": " + schema + "}}, \"commands\": {}}}}";
  }
}
