package com.weegigs.events.processor.write;

import java.util.List;
import java.util.Map;

/**
 * Pretty JSON text of a tree of {@code Map}s (members in their order), {@code List}s, strings,
 * numbers, booleans and {@code null}: the form of every JSON file the processor writes for people to
 * read (the schema lock, the AsyncAPI document). The same tree gives the same text: two spaces of
 * indentation, one member a line, arrays of plain values on one line, and a final line break.
 */
public final class JsonPrinter {
  private JsonPrinter() {}

  /** The pretty text of {@code value}, ending in a line break. */
  public static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    print(out, value, "");
    return out.append('\n').toString();
  }

  private static void print(StringBuilder out, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      String inner = indent + "  ";
      out.append("{\n");
      boolean first = true;
      for (Map.Entry<?, ?> member : map.entrySet()) {
        if (!first) {
          out.append(",\n");
        }
        first = false;
        out.append(inner);
        JsonStrings.quote(out, member.getKey().toString());
        out.append(": ");
        print(out, member.getValue(), inner);
      }
      out.append('\n').append(indent).append('}');
    } else if (value instanceof List<?> list) {
      boolean plain = list.stream().noneMatch(element -> element instanceof Map<?, ?> || element instanceof List<?>);
      if (list.isEmpty() || plain) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          print(out, list.get(i), indent);
        }
        out.append(']');
        return;
      }
      String inner = indent + "  ";
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",\n").append(inner);
        print(out, list.get(i), inner);
      }
      out.append('\n').append(indent).append(']');
    } else if (value instanceof String string) {
      JsonStrings.quote(out, string);
    } else {
      out.append(value); // a Number (BigDecimal, Long, Integer), a Boolean or null
    }
  }
}
