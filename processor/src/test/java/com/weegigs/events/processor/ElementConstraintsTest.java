package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.weegigs.events.processor.Expect.onlyError;
import static com.weegigs.events.processor.Expect.onlyWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Constraints and {@code @Valid} on type arguments ({@code List<@NotBlank String>},
 * {@code List<@Valid Line>}): checked on every element by the generated validators, described in
 * the JSON Schema, and refused where the validators would not look.
 */
class ElementConstraintsTest {
  private static Domain withAddItem(String declaration) {
    return Domain.valid()
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.*;
            import jakarta.validation.constraints.*;
            import java.math.BigDecimal;
            import java.util.*;

            """ + declaration)
        .with("test.Line", """
            package test;

            import jakarta.validation.constraints.*;

            public record Line(@NotBlank String sku) {}
            """);
  }

  private static final String ADD_ITEM = """
      @Command(aggregate = Cart.class)
      public record AddItem(
          @NotBlank String name,
          @NotEmpty List<@NotBlank @Size(max = 5) String> tags,
          Set<@Pattern(regexp = "[a-z]+") String> codes,
          Map<String, @PositiveOrZero @NotNull Integer> stock,
          Optional<@Email String> contact,
          List<@Valid Line> lines,
          List<@DecimalMin("0.01") BigDecimal> prices) {}
      """;

  @Test
  void everyElementIsCheckedWithItsPath() throws Exception {
    Compilation compilation = withAddItem(ADD_ITEM).compile();
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClasses(compilation);
    Class<?> addItem = loader.loadClass("test.AddItem");
    Class<?> line = loader.loadClass("test.Line");
    Method validate = loader.loadClass("test.CartValidators").getMethod("validate", addItem);
    Constructor<?> newAddItem = addItem.getDeclaredConstructors()[0];
    Object lineOk = line.getDeclaredConstructors()[0].newInstance("a-1");
    Object lineBlank = line.getDeclaredConstructors()[0].newInstance(" ");

    Object valid = newAddItem.newInstance("tea", List.of("hot", "green"), Set.of("abc"), Map.of("tea", 0),
        Optional.of("ann@example.com"), List.of(lineOk), List.of(new java.math.BigDecimal("1.50")));
    assertEquals(List.of(), validate.invoke(null, valid));

    Map<String, Integer> stock = new LinkedHashMap<>();
    stock.put("tea", -1);
    stock.put("coffee", null);
    Object invalid = newAddItem.newInstance("tea", Arrays.asList("ok", " ", "toolong", null), Set.of("ABC"), stock,
        Optional.of("not an address"), List.of(lineOk, lineBlank), List.of(new java.math.BigDecimal("0")));
    @SuppressWarnings("unchecked")
    List<Violation> violations = (List<Violation>) validate.invoke(null, invalid);
    Map<String, String> byPath = new HashMap<>();
    violations.forEach(v -> byPath.merge(v.path(), v.message(), (a, b) -> a + " | " + b));
    assertEquals(Map.of(
        "tags[1]", "must not be blank",
        "tags[2]", "size must be between 0 and 5",
        "tags[3]", "must not be blank",
        "codes[0]", "must match \"[a-z]+\"",
        "stock.tea", "must be greater than or equal to 0",
        "stock.coffee", "must not be null",
        "contact", "must be a well-formed email address",
        "lines[1].sku", "must not be blank",
        "prices[0]", "must be greater than or equal to 0.01"), byPath, violations::toString);
  }

  @Test
  void theSchemaDescribesTheElements() throws IOException {
    Compilation compilation = withAddItem(ADD_ITEM).compile();
    assertThat(compilation).succeededWithoutWarnings();
    String codecs = compilation.generatedSourceFile("test.CartCodecs").orElseThrow().getCharContent(true).toString();
    // the schema is a text block in the generated source, its lines joined by a trailing backslash
    String joined = codecs.replaceAll("\\\\\n\\s*", "");
    assertTrue(joined.contains("\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\","
        + "\"minLength\":1,\"pattern\":\"\\\\\\\\S\",\"maxLength\":5},\"minItems\":1}"), codecs);
    assertTrue(joined.contains("\"additionalProperties\":{\"type\":\"integer\",\"format\":\"int32\","
        + "\"minimum\":0}"), codecs);
  }

  @Test
  void validOnTheTypeArgumentCascadesWithoutAWarning() {
    Compilation compilation = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name, List<@Valid Line> lines) {}
        """).compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartValidators")
        .contentsAsUtf8String().contains("context.cascadeEach(\"lines\", value.lines(), CartValidators::check);");
  }

  @Test
  @Covers(Message.VALID_WITHOUT_EFFECT)
  void validOnATypeArgumentWithoutRecords() {
    onlyWarning(withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            List<@Valid String> tags) {}
        """), "[WEE-902] @Valid on component tags of AddItem has no effect: List<String> holds no record to validate;"
        + " remove @Valid", "test.AddItem", "List<@Valid String> tags");
  }

  @Test
  @Covers(Message.CONSTRAINT_NOT_APPLICABLE)
  void constraintOnATypeArgumentItDoesNotApplyTo() {
    onlyError(withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            List<@NotBlank Integer> counts) {}
        """), "[WEE-505] @NotBlank on component counts of AddItem does not apply to Integer; @NotBlank applies to"
        + " String: remove it or use @NotNull", "test.AddItem", "List<@NotBlank Integer> counts");
  }

  @Test
  @Covers(Message.UNSUPPORTED_CONSTRAINT)
  void unsupportedConstraintOnATypeArgument() {
    onlyError(withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            List<@AssertTrue Boolean> flags) {}
        """), "[WEE-506] @AssertTrue on component flags of AddItem is not checked by the generated validators",
        "test.AddItem", "List<@AssertTrue Boolean> flags");
  }

  @Test
  @Covers(Message.CONSTRAINT_TOO_DEEP)
  void constraintInsideANestedTypeArgument() {
    onlyError(withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            List<List<@NotBlank String>> rows) {}
        """), "[WEE-509] @NotBlank on String in component rows of AddItem is not checked: the generated validators"
        + " read constraints on a component and on the type argument of its List, Set or Optional or the value type"
        + " argument of its Map, not on Map keys or further in; hold the values in a record with its own constraints,"
        + " or check them in the handler", "test.AddItem", "List<List<@NotBlank String>> rows");
  }

  @Test
  void constraintOnAMapKeyIsRefused() {
    onlyError(withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            Map<@NotBlank String, Integer> stock) {}
        """), "[WEE-509] @NotBlank on String in component stock of AddItem is not checked", "test.AddItem",
        "Map<@NotBlank String, Integer> stock");
  }

  @Test
  void validReachesRecordsHeldDeeper() throws Exception {
    Compilation compilation = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            @Valid List<List<Line>> rows,
            Map<String, List<Optional<@Valid Line>>> byDay) {}
        """).compile();
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClasses(compilation);
    Class<?> addItem = loader.loadClass("test.AddItem");
    Constructor<?> newLine = loader.loadClass("test.Line").getDeclaredConstructors()[0];
    Method validate = loader.loadClass("test.CartValidators").getMethod("validate", addItem);
    Object ok = newLine.newInstance("a-1");
    Object blank = newLine.newInstance("");
    Object command = addItem.getDeclaredConstructors()[0].newInstance("tea",
        List.of(List.of(ok), List.of(ok, blank)), Map.of("mon", List.of(Optional.empty(), Optional.of(blank))));
    @SuppressWarnings("unchecked")
    List<Violation> violations = (List<Violation>) validate.invoke(null, command);
    assertEquals(List.of("rows[1][1].sku", "byDay.mon[1].sku"), violations.stream().map(Violation::path).toList(),
        violations::toString);
  }

  /** The classes a compilation wrote, loaded over the test's class path (runtime, annotations). */
  static final class CompiledClasses extends ClassLoader {
    private final Map<String, JavaFileObject> classes = new HashMap<>();

    CompiledClasses(Compilation compilation) {
      super(ElementConstraintsTest.class.getClassLoader());
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          // /CLASS_OUTPUT/test/AddItem.class
          String path = file.toUri().getPath();
          String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(), path.length() - ".class".length());
          classes.put(name.replace('/', '.'), file);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = classes.get(name);
      if (file == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
