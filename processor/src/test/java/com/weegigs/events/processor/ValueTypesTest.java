package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Every supported component type makes a domain whose generated code compiles without warnings. */
class ValueTypesTest {
  @Test
  void everySupportedType() {
    Domain domain = Domain.valid()
        .with("test.Colour", """
            package test;

            public enum Colour { DARK_RED, BLUE }
            """)
        .with("test.Note", """
            package test;

            import jakarta.validation.constraints.*;

            public record Note(@NotBlank String text) {}
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.Valid;
            import jakarta.validation.constraints.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;

            @Command(aggregate = Cart.class)
            public record AddItem(
                @NotBlank String name,
                boolean gift, byte b, short s, @Min(1) int quantity, long l, float f, @Positive double d,
                Boolean gift2, Byte b2, Short s2, Integer i2, @NotNull @Max(10) Long l2, Float f2, Double d2,
                @DecimalMin(value = "0.01", inclusive = false) BigDecimal price, BigInteger big, UUID id, Instant at,
                LocalDate on, Colour colour, @Valid Note note, @Size(max = 3) List<String> tags, Set<Colour> colours,
                @NotEmpty Map<String, Integer> counts, Optional<String> comment, @Valid List<Note> notes,
                @Valid Map<String, List<Optional<Note>>> deep, @Email String email, @Pattern(regexp = "[a-z]+") String code,
                @NegativeOrZero int debt, @Negative long below, @PositiveOrZero BigDecimal zero,
                @DecimalMax("99.5") BigDecimal cap) {}
            """)
        .with("test.CartHandlers", Sources.CART_HANDLERS);
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs");
    assertThat(compilation).generatedSourceFile("test.CartValidators");
  }

  @Test
  @Covers(Message.UNSUPPORTED_COMPONENT_TYPE)
  void charIsRefused() {
    Domain domain = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;

        @Command(aggregate = Cart.class)
        public record AddItem(String name,
            char initial) {}
        """);
    Expect.onlyError(domain, "[WEE-504] component initial of AddItem has the type char, which the generated JSON codec"
        + " cannot encode, because JSON has no character type (use a String); use", "test.AddItem", "char initial");
  }

  @Test
  void everyConstraintOnEveryTypeItAppliesTo() {
    Domain domain = Domain.valid()
        .with("test.Note", """
            package test;

            import jakarta.validation.constraints.*;

            public record Note(@NotBlank @Size(min = 1, max = 20) String text) {}
            """)
        .with("test.ItemAdded", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;

            @Event(aggregate = Cart.class)
            public record ItemAdded(@NotBlank String name) {}
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.Valid;
            import jakarta.validation.constraints.*;
            import java.math.*;
            import java.util.*;

            @Command(aggregate = Cart.class)
            public record AddItem(
                @NotBlank(message = "give it a name") String name,
                @NotEmpty @Size(min = 1, max = 5) Set<String> labels,
                @Size(max = 2, message = "at most {max} notes") @Valid List<Note> notes,
                @NotEmpty Map<String, String> attributes,
                @NotEmpty String code,
                @Min(-5) @Max(5) BigInteger big,
                @Min(0) BigDecimal exact,
                @Min(1) @Max(9) byte small, @Min(1) short medium, @Max(100) Integer boxed, @Min(1) Long boxedLong,
                @DecimalMin("0.5") double ratio, @DecimalMax(value = "10", inclusive = false) Float boxedFloat,
                @DecimalMin("1") long whole, @DecimalMax("1e3") BigDecimal thousand,
                @Positive Float pf, @PositiveOrZero Short ps, @Negative Byte nb, @NegativeOrZero BigInteger nz,
                @Positive double pd, @Negative float nf,
                @Email @Pattern(regexp = ".+@example[.]com") String work,
                @Pattern(regexp = "(?i)\\\\d{3}[a-z]") String digits,
                @NotNull Optional<String> maybe,
                @NotNull Boolean flag) {}
            """);
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartValidators");
  }

  @Test
  @Covers(Message.ENUM_WIRE_VALUE_CLASH)
  void enumConstantsSharingAWireValue() {
    Domain domain = Domain.valid()
        .with("test.Size", """
            package test;

            public enum Size { Small, SMALL, LARGE }
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;

            @Command(aggregate = Cart.class)
            public record AddItem(String name,
                Size size) {}
            """);
    Expect.onlyError(domain, "[WEE-508] enum Size, the type of component size of AddItem, has the constants Small and SMALL,"
        + " which are both \"small\" on the wire (a constant's name in lower case, with '_' as '-'); rename one of them",
        "test.AddItem", "Size size");
  }

  /** One root cause, one error: the enum is reported once however many components hold it. */
  @Test
  @Covers(Message.ENUM_WIRE_VALUE_CLASH)
  void enumClashInsideContainersIsReportedOnce() {
    Domain domain = Domain.valid()
        .with("test.Stage", """
            package test;

            public enum Stage { IN_PROGRESS, DONE, In_Progress }
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import java.util.*;

            @Command(aggregate = Cart.class)
            public record AddItem(String name,
                Map<String, List<Optional<Stage>>> stages) {}
            """)
        .with("test.ItemAdded", """
            package test;

            import com.weegigs.events.annotations.*;
            import java.util.Set;

            @Event(aggregate = Cart.class)
            public record ItemAdded(String name, Set<Stage> stages) {}
            """);
    Expect.onlyError(domain, "[WEE-508] enum Stage, the type of component stages of AddItem, has the constants IN_PROGRESS"
        + " and In_Progress, which are both \"in-progress\" on the wire", "test.AddItem", "Map<String, List<Optional<Stage>>> stages");
  }

  /**
   * The runtime lower-cases a constant and writes '_' as '-' without collapsing, so {@code FOO_BAR}
   * ("foo-bar") and {@code FOO__BAR} ("foo--bar") are distinct and compile.
   */
  @Test
  void enumConstantsDistinctOnTheWireCompile() {
    Domain domain = Domain.valid()
        .with("test.Mode", """
            package test;

            public enum Mode { FOO_BAR, FOO__BAR, FooBar }
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;

            @Command(aggregate = Cart.class)
            public record AddItem(String name, Mode mode) {}
            """);
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs");
  }
}
