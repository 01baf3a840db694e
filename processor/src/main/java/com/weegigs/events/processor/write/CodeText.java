package com.weegigs.events.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link CodeBlock} as {@link CodeBlock.Builder} does, with the same format strings
 * ({@code $T}, {@code $N}, {@code $S}, {@code $L}, {@code $$}, {@code $>}, {@code $<}), and renders to
 * the same text, but hands JavaPoet that text in as few pieces as it can.
 *
 * <p>Why: JavaPoet's {@code CodeWriter} splits every piece it emits at line breaks with a regular
 * expression, twice per file (its first pass only collects imports). A method body built with
 * {@code CodeBlock.Builder} is one piece per placeholder and per stretch of text between them, plus
 * the {@code ";\n"} of every statement: most of the processor's rendering time went there. Here
 * names ({@code $N}), strings that need no escaping ({@code $S}), plain literals ({@code $L}) and the
 * text around them are joined into one {@code $L} piece until the next type ({@code $T}, which
 * JavaPoet must see to import it) or indent change. A string literal is escaped here as JavaPoet
 * escapes it (a JSON Schema is one piece instead of a piece per character); one with line breaks or
 * other control characters is left to JavaPoet.
 *
 * <p>A statement that stays on one line is written without JavaPoet's statement markers
 * ({@code $[}, {@code $]}): they only indent the continuation lines of a statement that spans several,
 * so the text is the same. A statement that may span lines keeps them.
 */
final class CodeText {
  /** The format handed to JavaPoet: {@code $L} for each stretch of text, and what must stay JavaPoet's. */
  private final StringBuilder format = new StringBuilder();
  private final List<Object> args = new ArrayList<>();
  /** Text not yet added to {@link #format}. */
  private final StringBuilder text = new StringBuilder();
  /** Whether everything added so far renders on the current line (no line break, no JavaPoet-escaped string). */
  private boolean singleLine = true;

  /** An empty block. */
  CodeText() {}

  /** A block of {@code format} with {@code args}, as {@link CodeBlock#of}. */
  static CodeText of(String format, Object... args) {
    return new CodeText().add(format, args);
  }

  /** The block of {@code format} with {@code args}, for JavaPoet: {@code CodeText.of(format, args).build()}. */
  static CodeBlock block(String format, Object... args) {
    return of(format, args).build();
  }

  /** The block of one statement, for JavaPoet: {@code new CodeText().addStatement(format, args).build()}. */
  static CodeBlock statement(String format, Object... args) {
    return new CodeText().addStatement(format, args).build();
  }

  /** Adds code, as {@link CodeBlock.Builder#add(String, Object...)}; a {@code CodeText} argument of {@code $L} is added inline. */
  CodeText add(String format, Object... args) {
    int next = 0;
    int p = 0;
    while (p < format.length()) {
      char c = format.charAt(p);
      if (c != '$') {
        int end = format.indexOf('$', p);
        if (end < 0) {
          end = format.length();
        }
        appendText(format, p, end);
        p = end;
        continue;
      }
      if (p + 1 >= format.length()) {
        throw new IllegalArgumentException("dangling $ at the end of \"" + format + "\"");
      }
      char placeholder = format.charAt(p + 1);
      p += 2;
      switch (placeholder) {
        case '$' -> text.append('$');
        case '>', '<' -> mark(placeholder);
        case 'T' -> passThrough('T', argument(format, args, next++));
        case 'N' -> appendText(name(argument(format, args, next++)));
        case 'S' -> string(argument(format, args, next++));
        case 'L' -> literal(argument(format, args, next++));
        default -> throw new IllegalArgumentException("unsupported placeholder $" + placeholder + " in \"" + format + "\"");
      }
    }
    if (next != args.length) {
      throw new IllegalArgumentException((args.length - next) + " unused arguments for \"" + format + "\"");
    }
    return this;
  }

  /** Adds a statement, as {@link CodeBlock.Builder#addStatement(String, Object...)}. */
  CodeText addStatement(String format, Object... args) {
    if (!mayContinueOnNextLine(format, args)) {
      return add(format, args).appendText(";\n");
    }
    mark('[');
    add(format, args).appendText(";\n");
    mark(']');
    return this;
  }

  /** Opens a block, as {@link CodeBlock.Builder#beginControlFlow(String, Object...)}. */
  CodeText beginControlFlow(String controlFlow, Object... args) {
    add(controlFlow, args).appendText(" {\n");
    mark('>');
    return this;
  }

  /** Closes a block and opens the next, as {@link CodeBlock.Builder#nextControlFlow(String, Object...)}. */
  CodeText nextControlFlow(String controlFlow, Object... args) {
    mark('<');
    appendText("} ").add(controlFlow, args).appendText(" {\n");
    mark('>');
    return this;
  }

  /** Closes a block, as {@link CodeBlock.Builder#endControlFlow()}. */
  CodeText endControlFlow() {
    mark('<');
    return appendText("}\n");
  }

  /** Adds a line comment, as {@link MethodSpec.Builder#addComment(String, Object...)}. */
  CodeText addComment(String format, Object... args) {
    return appendText("// ").add(format, args).appendText("\n");
  }

  /** The block for JavaPoet. */
  CodeBlock build() {
    flush();
    return CodeBlock.builder().add(format.toString(), args.toArray()).build();
  }

  /**
   * Whether a statement may span lines: then it keeps JavaPoet's statement markers, which indent its
   * continuation lines. Decided before it is added, so that a one-line statement joins the text around it.
   */
  private static boolean mayContinueOnNextLine(String format, Object[] args) {
    if (format.indexOf('\n') >= 0) {
      return true;
    }
    for (Object arg : args) {
      if (arg instanceof CodeBlock
          || (arg instanceof CodeText code && !code.singleLine)
          || (arg instanceof String s && s.indexOf('\n') >= 0)) {
        return true;
      }
    }
    return false;
  }

  /** Adds {@code other} inline: its text joins ours where they meet. */
  private void append(CodeText other) {
    int a = 0;
    for (int p = 0; p < other.format.length(); p += 2) {
      char kind = other.format.charAt(p + 1);
      switch (kind) {
        case 'L' -> {
          Object arg = other.args.get(a++);
          if (arg instanceof String s) {
            text.append(s);
          } else {
            passThrough(kind, arg);
          }
        }
        case 'T', 'S' -> passThrough(kind, other.args.get(a++));
        default -> mark(kind);
      }
    }
    text.append(other.text);
    singleLine &= other.singleLine;
  }

  private CodeText appendText(CharSequence s) {
    return appendText(s, 0, s.length());
  }

  private CodeText appendText(CharSequence s, int start, int end) {
    for (int i = start; i < end && singleLine; i++) {
      if (s.charAt(i) == '\n') {
        singleLine = false;
      }
    }
    text.append(s, start, end);
    return this;
  }

  /** Hands JavaPoet an indent or statement marker ({@code $>}, {@code $<}, {@code $[}, {@code $]}). */
  private void mark(char marker) {
    flush();
    format.append('$').append(marker);
  }

  /** Hands JavaPoet a placeholder and its argument. */
  private void passThrough(char placeholder, Object arg) {
    flush();
    format.append('$').append(placeholder);
    args.add(arg);
  }

  private void flush() {
    if (text.length() > 0) {
      format.append("$L");
      args.add(text.toString());
      text.setLength(0);
    }
  }

  private void string(Object arg) {
    if (arg == null) {
      appendText("null");
    } else if (arg instanceof String s && !hasControlCharacters(s)) {
      // JavaPoet's escaping of such a string, which it does one character (and one String) at a time:
      // a backslash and a double quote get a backslash, everything else stays as it is.
      text.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          text.append('\\');
        }
        text.append(c);
      }
      text.append('"');
    } else {
      // Line breaks and other control characters: JavaPoet escapes them, and splits the literal at line breaks.
      passThrough('S', arg);
      singleLine = singleLine && arg instanceof String s && s.indexOf('\n') < 0;
    }
  }

  private void literal(Object arg) {
    if (arg instanceof CodeText code) {
      append(code);
    } else if (arg instanceof String || arg instanceof Number || arg instanceof Boolean || arg instanceof Character) {
      appendText(String.valueOf(arg));
    } else {
      passThrough('L', arg);
      singleLine = false; // A CodeBlock may hold line breaks; JavaPoet renders it.
    }
  }

  /** Whether {@code s} holds a character JavaPoet writes as an escape sequence other than {@code \\} and {@code \"}. */
  private static boolean hasControlCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String name(Object arg) {
    if (arg instanceof String s) {
      return s;
    }
    if (arg instanceof ParameterSpec parameter) {
      return parameter.name();
    }
    if (arg instanceof FieldSpec field) {
      return field.name();
    }
    if (arg instanceof MethodSpec method) {
      return method.name();
    }
    throw new IllegalArgumentException("expected a name but was " + arg);
  }

  private static Object argument(String format, Object[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException("too few arguments for \"" + format + "\"");
    }
    return args[index];
  }
}
