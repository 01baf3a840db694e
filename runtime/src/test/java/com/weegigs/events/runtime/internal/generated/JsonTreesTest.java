package com.weegigs.events.runtime.internal.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON tree a JSON-form upcaster works on: JDK types, exact numbers, and back to the same text. */
class JsonTreesTest {
  private static final JsonFactory JSON = new JsonFactory();

  private static Object read(String text) throws IOException {
    try (JsonParser parser = JSON.createParser(text)) {
      parser.nextToken();
      return JsonTrees.read(parser);
    }
  }

  private static String write(Object tree) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      JsonTrees.write(generator, tree);
    }
    return out.toString();
  }

  @Test
  void readsJdkTypesWithExactNumbersAndWritesTheSameText() throws IOException {
    String text = "{\"price\":4.50,\"count\":3,\"huge\":123456789012345678901234567890,\"name\":\"Tea\",\"ok\":true,"
        + "\"none\":null,\"tags\":[\"a\",{\"b\":false}]}";
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("price", new BigDecimal("4.50"));
    expected.put("count", 3L);
    expected.put("huge", new BigInteger("123456789012345678901234567890"));
    expected.put("name", "Tea");
    expected.put("ok", true);
    expected.put("none", null);
    expected.put("tags", Arrays.asList("a", Map.of("b", false)));
    Object tree = read(text);
    assertEquals(expected, tree);
    assertEquals(text, write(tree));
  }

  @Test
  void theTreeIsMutable() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) read("{\"title\":\"x\",\"tags\":[]}");
    tree.put("label", tree.remove("title"));
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) tree.get("tags");
    tags.add(1);
    assertEquals("{\"tags\":[1],\"label\":\"x\"}", write(tree));
  }

  @Test
  void writesAnyNumberAndCollectionButNothingElse() throws IOException {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("int", 1);
    tree.put("double", 1.5);
    tree.put("set", new ArrayList<>(List.of((short) 2)));
    assertEquals("{\"int\":1,\"double\":1.5,\"set\":[2]}", write(tree));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> write(Map.of("id", UUID.randomUUID())));
    assertEquals("cannot write UUID as JSON: use Map, List, String, a number, Boolean or null", error.getMessage());
  }
}
