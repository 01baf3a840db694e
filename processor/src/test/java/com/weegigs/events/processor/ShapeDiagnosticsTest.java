package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static com.weegigs.events.processor.Expect.onlyError;

import com.google.testing.compile.Compilation;
import javax.lang.model.util.Elements;
import org.junit.jupiter.api.Test;

/** The shape of declarations, aggregate references and the processor's own failures: WEE-5xx, WEE-6xx, WEE-0xx. */
class ShapeDiagnosticsTest {
  private static Domain withAddItem(String declaration) {
    return Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;
        import jakarta.validation.*;
        import jakarta.validation.constraints.*;
        import java.time.Instant;
        import java.util.*;

        %s
        """.formatted(declaration));
  }

  @Test
  @Covers(Message.NOT_A_RECORD)
  void commandThatIsAClass() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public final class AddItem {
          String name() {
            return "";
          }
        }
        """);
    onlyError(domain, "[WEE-501] @Command AddItem is a class, not a record; declare it as `record AddItem(...)`",
        "test.AddItem", "public final class AddItem");
  }

  @Test
  @Covers(Message.GENERIC_RECORD)
  void genericCommand() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem<T>(String name) {}
        """).with("test.CartHandlers", Sources.CART_HANDLERS.replace("AddItem command", "AddItem<?> command"));
    onlyError(domain, "[WEE-502] Command AddItem declares type parameters <T>; the generated codecs need concrete types:"
        + " remove them", "test.AddItem", "public record AddItem<T>");
  }

  @Test
  @Covers(Message.NOT_ACCESSIBLE)
  void privateNestedCommand() {
    Domain domain = Domain.valid().with("test.Commands", """
        package test;

        import com.weegigs.events.annotations.*;

        public final class Commands {
          @Command(aggregate = Cart.class)
          private record Empty(String reason) {}
        }
        """);
    onlyError(domain, "[WEE-503] Command Empty is private, so the generated code in package test cannot use it; make it"
        + " package-private or public", "test.Commands", "private record Empty");
  }

  @Test
  @Covers(Message.UNSUPPORTED_COMPONENT_TYPE)
  void componentTheCodecCannotEncode() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            Map<Integer, String> notes) {}
        """);
    onlyError(domain, "[WEE-504] component notes of AddItem has the type Map<Integer, String>, which the generated JSON"
        + " codec cannot encode, because Map keys must be String; use primitives and their boxes, String, BigDecimal,"
        + " BigInteger, UUID, Instant, LocalDate, enums, records, List, Set, Map with String keys or Optional of these",
        "test.AddItem", "Map<Integer, String> notes");
  }

  @Test
  @Covers(Message.CONSTRAINT_NOT_APPLICABLE)
  void minOnString() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(
            @Min(1) String name) {}
        """);
    onlyError(domain, "[WEE-505] @Min on component name of AddItem does not apply to String; @Min applies to whole"
        + " numbers (byte, short, int, long, their boxes, BigInteger, BigDecimal): remove it or use @Size for a length or"
        + " @NotEmpty", "test.AddItem", "@Min(1) String name");
  }

  @Test
  @Covers(Message.UNSUPPORTED_CONSTRAINT)
  void constraintTheValidatorsDoNotCheck() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name,
            @Future Instant deliverBy) {}
        """);
    onlyError(domain, "[WEE-506] @Future on component deliverBy of AddItem is not checked by the generated validators; use"
        + " NotNull, NotBlank, NotEmpty, Size, Min, Max, Positive, PositiveOrZero, Negative, NegativeOrZero, DecimalMin,"
        + " DecimalMax, Pattern or Email, or check it in the handler", "test.AddItem", "@Future Instant deliverBy");
  }

  @Test
  @Covers(Message.INVALID_CONSTRAINT_ATTRIBUTE)
  void patternThatDoesNotCompile() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(
            @Pattern(regexp = "[a-") String name) {}
        """);
    onlyError(domain, "[WEE-507] @Pattern on component name of AddItem has an invalid regexp: \"[a-\" is not a regular"
        + " expression (", "test.AddItem", "regexp = \"[a-\"");
  }

  @Test
  @Covers(Message.INVALID_CONSTRAINT_ATTRIBUTE)
  void sizeWithMaxBelowMin() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(
            @Size(min = 5, max = 2) String name) {}
        """);
    onlyError(domain, "[WEE-507] @Size on component name of AddItem has an invalid max: 2 is less than min 5; make max at"
        + " least min", "test.AddItem", "@Size(min = 5, max = 2)");
  }

  @Test
  @Covers(Message.INVALID_CONSTRAINT_ATTRIBUTE)
  void patternFlagsAreRefused() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(
            @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE) String name) {}
        """);
    onlyError(domain, "[WEE-507] @Pattern on component name of AddItem has an invalid flags: the generated validators do"
        + " not read flags; write them inline in the regexp instead, such as \"(?i)[a-z]+\"", "test.AddItem",
        "flags = Pattern.Flag.CASE_INSENSITIVE");
  }

  @Test
  @Covers(Message.INVALID_CONSTRAINT_ATTRIBUTE)
  void validationGroupsAreRefused() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(
            @NotBlank(groups = jakarta.validation.groups.Default.class) String name) {}
        """);
    onlyError(domain, "[WEE-507] @NotBlank on component name of AddItem has an invalid groups: the generated validators"
        + " check every constraint of a command every time; remove groups", "test.AddItem", "groups = ");
  }

  @Test
  @Covers(Message.NOT_AN_AGGREGATE)
  void commandNamingARecordThatIsNotAnAggregate() {
    Domain domain = withAddItem("""
        @Command(aggregate = Kart.class)
        public record AddItem(String name) {}

        record Kart(String id) {}
        """);
    onlyError(domain, "[WEE-601] @Command AddItem names Kart as its aggregate, but Kart is not annotated @Aggregate; did"
        + " you mean Cart?", "test.AddItem", "aggregate = Kart.class");
  }

  @Test
  @Covers(Message.AGGREGATE_COMPILED_SEPARATELY)
  void commandOfAnAggregateFromTheClassPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path classes) throws Exception {
    // First compilation: the aggregate alone (its event and handler with it).
    Domain first = Domain.valid().without("test.AddItem").without("test.CartHandlers");
    Compilation compiled = javac().compile(first.sources());
    assertThat(compiled).succeeded();
    for (javax.tools.JavaFileObject file : compiled.generatedFiles()) {
      if (file.getKind() == javax.tools.JavaFileObject.Kind.CLASS) {
        java.nio.file.Path target = classes.resolve(file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", ""));
        java.nio.file.Files.createDirectories(target.getParent());
        try (var in = file.openInputStream()) {
          java.nio.file.Files.copy(in, target);
        }
      }
    }
    // Second compilation: a command of that aggregate, with the aggregate only on the class path.
    Domain second = Domain.valid().without("test.Cart").without("test.ItemAdded").without("test.CartHandlers")
        .without("test.package-info");
    java.util.List<java.io.File> classpath = new java.util.ArrayList<>();
    classpath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    Compilation compilation = javac().withClasspath(classpath).withProcessors(new WeeEventsProcessor()).compile(second.sources());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[WEE-603] @Command AddItem names Cart, which was compiled separately; an"
        + " aggregate is compiled together with its commands, events and handlers: move AddItem into the source set of Cart")
        .inFile(second.file("test.AddItem")).onLineContaining("aggregate = Cart.class");
  }

  @Test
  @Covers(Message.AGGREGATE_WITHOUT_SERVICE)
  void aggregateOutsideAnyService() {
    Domain domain = Domain.valid().without("test.package-info");
    onlyError(domain, "[WEE-602] aggregate Cart is not in a service: neither package test nor a package above it has a"
        + " package-info.java with @Service; add `@Service(name = \"...\", version = \"1.0.0\")` to package-info.java",
        "test.Cart", "public record Cart");
  }

  @Test
  @Covers(Message.UNRESOLVED_TYPE)
  void typeThatNeverResolves() {
    Domain domain = withAddItem("""
        @Command(aggregate = Cart.class)
        public record AddItem(String name, Missing extra) {}
        """);
    Compilation compilation = domain.compile();
    assertThat(compilation).failed();
    // javac's own "cannot find symbol" and ours.
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(domain.file("test.AddItem"))
        .onLineContaining("Missing extra");
    assertThat(compilation).hadErrorContaining("[WEE-002] AddItem refers to Missing, which could not be resolved by the"
        + " end of compilation; check the import or the spelling, or make sure the processor that generates it runs")
        .inFile(domain.file("test.AddItem")).onLineContaining("public record AddItem");
  }

  @Test
  @Covers(Message.UNRESOLVED_TYPE)
  void aggregateClassThatNeverResolves() {
    Domain domain = withAddItem("""
        @Command(aggregate = Missing.class)
        public record AddItem(String name) {}
        """);
    Compilation compilation = domain.compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(domain.file("test.AddItem"))
        .onLineContaining("Missing.class");
    assertThat(compilation).hadErrorContaining("[WEE-002] AddItem refers to Missing, which could not be resolved")
        .inFile(domain.file("test.AddItem")).onLineContaining("public record AddItem");
  }

  @Test
  @Covers(Message.RUNTIME_MISSING)
  void runtimeNotOnTheClassPath() throws Exception {
    Domain domain = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;

        @Command(aggregate = Cart.class)
        public record AddItem(String name) {}
        """);
    java.io.File annotations = new java.io.File(
        com.weegigs.events.annotations.Aggregate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Compilation compilation = javac()
        .withClasspath(java.util.List.of(annotations))
        .withProcessors(new WeeEventsProcessor())
        .compile(domain.sources());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[WEE-003] the wee-events runtime is not on the class path, and the code"
        + " generated for Cart needs it; add the dependency com.weegigs.events:wee-events-runtime")
        .inFile(domain.file("test.Cart")).onLineContaining("public record Cart");
  }

  @Test
  @Covers(Message.INTERNAL_ERROR)
  void internalFailureBecomesAnError() {
    Domain domain = Domain.valid();
    Compilation compilation = javac()
        .withProcessors(failingElements(new WeeEventsProcessor()))
        .compile(domain.sources());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[WEE-001] internal error in wee-events processor, please report:"
        + " java.lang.IllegalStateException: simulated failure while processing test")
        .inFile(domain.file("test.package-info")).onLineContaining("package test;");
  }

  /**
   * Runs the real processor with an {@link Elements} that fails when asked for a package, to check
   * that an exception inside the processor becomes an error on an element rather than a crash.
   */
  private static Wrapped failingElements(WeeEventsProcessor delegate) {
    return new Wrapped(delegate, "getElementUtils", real -> Wrapped.proxy(Elements.class, (Elements) real, (method, arguments) -> {
      if (method.getName().equals("getPackageElement")) {
        throw new IllegalStateException("simulated failure");
      }
      return null;
    }));
  }
}
