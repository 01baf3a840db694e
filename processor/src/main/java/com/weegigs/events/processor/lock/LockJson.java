package com.weegigs.events.processor.lock;

import com.weegigs.events.processor.write.JsonPrinter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a schema lock: a small reader and a pretty printer, so the processor needs no JSON
 * library on its path. Objects are {@code LinkedHashMap}s (members in the order written), arrays
 * {@code List}s, numbers {@link BigDecimal}s, and {@code null}, strings and booleans themselves.
 * The printer writes the same text for the same tree: two spaces of indentation, one member a line,
 * arrays of plain values on one line, and a final line break.
 */
final class LockJson {
  private final String text;
  private int at;

  private LockJson(String text) {
    this.text = text;
  }

  /** A JSON text that cannot be read, with where it went wrong. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  /** Reads {@code text}, one JSON value with nothing after it but white space. */
  static Object parse(String text) throws SyntaxException {
    LockJson reader = new LockJson(text);
    Object value = reader.value();
    reader.space();
    if (reader.at < text.length()) {
      throw reader.error("unexpected text after the end");
    }
    return value;
  }

  /** The pretty text of {@code value}, ending in a line break. */
  static String print(Object value) {
    return JsonPrinter.pretty(value);
  }

  private Object value() throws SyntaxException {
    space();
    if (at >= text.length()) {
      throw error("unexpected end of the text");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() throws SyntaxException {
    Map<String, Object> object = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return object;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("expected a member name in quotes");
      }
      int nameAt = at;
      String name = string();
      space();
      expect(':');
      if (object.put(name, value()) != null) {
        at = nameAt;
        throw error("the member \"" + name + "\" appears twice");
      }
      space();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return object;
      }
    }
  }

  private List<Object> array() throws SyntaxException {
    List<Object> array = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return array;
    }
    while (true) {
      array.add(value());
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String string() throws SyntaxException {
    StringBuilder out = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        if (at >= text.length()) {
          break;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case '"', '\\', '/' -> out.append(escaped);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("a \\u escape needs four hex digits");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException e) {
              throw error("a \\u escape needs four hex digits");
            }
            at += 4;
          }
          default -> throw error("unknown escape \\" + escaped);
        }
      } else if (c < 0x20) {
        throw error("a control character inside a string");
      } else {
        out.append(c);
      }
    }
    throw error("a string is not closed");
  }

  private BigDecimal number() throws SyntaxException {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    try {
      return new BigDecimal(text.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw error("\"" + text.substring(start, Math.min(text.length(), start + 20)) + "\" is not a number");
    }
  }

  private Object literal(String word, Object value) throws SyntaxException {
    if (!text.startsWith(word, at)) {
      throw error("unexpected word");
    }
    at += word.length();
    return value;
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) throws SyntaxException {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  /** An error at the current position, as line and column counted from 1. */
  private SyntaxException error(String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SyntaxException(what + " at line " + line + ", column " + column);
  }
}
