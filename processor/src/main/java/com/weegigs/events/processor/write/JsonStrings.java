package com.weegigs.events.processor.write;

/** JSON string literals, as every JSON text the processor writes quotes them (its schemas and the schema lock). */
public final class JsonStrings {
  private JsonStrings() {}

  /** Appends {@code text} to {@code out} as a JSON string literal, quotes included. */
  public static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
