package com.weegigs.events.processor.write;

/**
 * Writes a JSON text as a Java text block whose value is exactly that text: the source is split into
 * lines of at most {@link #WIDTH} characters after commas between JSON values, each line but the last
 * ending in {@code \} so that no line break enters the value. A generated JSON Schema stays readable
 * in the source while the string the runtime serves is the compact JSON it always was.
 */
final class JsonTextBlock {
  /** Longest line of JSON text, before Java escapes and the indentation of the generated code. */
  static final int WIDTH = 90;

  private JsonTextBlock() {}

  /**
   * The text block literal of {@code json}, from its opening {@code """} to its closing one; a token
   * longer than a line gets a line of its own.
   */
  static String of(String json) {
    StringBuilder out = new StringBuilder("\"\"\"\n");
    int lineStart = 0;
    int lastBreak = -1;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == ',') {
        if (i + 1 - lineStart > WIDTH && lastBreak > lineStart) {
          line(out, json, lineStart, lastBreak);
          lineStart = lastBreak;
        }
        lastBreak = i + 1;
      }
    }
    if (json.length() - lineStart > WIDTH && lastBreak > lineStart) {
      line(out, json, lineStart, lastBreak);
      lineStart = lastBreak;
    }
    escape(out, json, lineStart, json.length());
    return out.append("\"\"\"").toString();
  }

  private static void line(StringBuilder out, String json, int start, int end) {
    escape(out, json, start, end);
    out.append("\\\n");
  }

  /**
   * Appends {@code json[start, end)} as text block content: a backslash doubled, and a double quote
   * escaped where it would be the third in a row or the last character (which would meet the closing
   * delimiter).
   */
  private static void escape(StringBuilder out, String json, int start, int end) {
    int quotes = 0;
    for (int i = start; i < end; i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
        quotes = 0;
      } else if (c == '"') {
        if (quotes == 2 || i == json.length() - 1) {
          out.append("\\\"");
          quotes = 0;
        } else {
          out.append('"');
          quotes++;
        }
      } else {
        out.append(c);
        quotes = 0;
      }
    }
  }
}
