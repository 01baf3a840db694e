package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.weegigs.events.processor.Expect.onlyError;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Event versions and upcasters: WEE-7xx, and the chains the processor accepts. */
class UpcasterDiagnosticsTest {
  /** {@code ItemAdded} at {@code version}, with {@code members} in its body. */
  private static Domain itemAdded(String version, String members) {
    return Domain.valid().with("test.ItemAdded", """
        package test;

        import com.weegigs.events.annotations.*;
        import java.util.Map;

        @Event(aggregate = Cart.class, version = %s)
        public record ItemAdded(String name) {
        %s
        }
        """.formatted(version, members));
  }

  private static final String V1 = """
        public record V1(String title) {}
      """;

  private static final String UPCAST_V1 = """
        @Upcaster(from = 1)
        static ItemAdded upcast(V1 old) {
          return new ItemAdded(old.title());
        }
      """;

  @Test
  void versionTwoWithARecordUpcasterCompiles() {
    Compilation compilation = itemAdded("2", V1 + UPCAST_V1).compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs").contentsAsUtf8String()
        .contains("Upcasts.read(CartCodecs.ITEM_ADDED_V1_CODEC).then(ItemAdded::upcast)");
  }

  @Test
  void versionThreeMixingBothFormsCompiles() {
    Domain domain = itemAdded("3", V1 + """
          @Upcaster(from = 1)
          static Map<String, Object> renameTitle(Map<String, Object> json) {
            json.put("label", json.remove("title"));
            return json;
          }

          public record V2(String label) {}

          @Upcaster(from = 2)
          static ItemAdded upcast(V2 old) {
            return new ItemAdded(old.label());
          }
        """);
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs").contentsAsUtf8String()
        .contains("Upcasts.tree().then(ItemAdded::renameTitle).decode(CartCodecs.ITEM_ADDED_V2_CODEC).then(ItemAdded::upcast)");
  }

  @Test
  void overloadedRecordUpcastersAndOnesInAnotherClassCompileWithEveryLint() {
    Domain domain = itemAdded("3", V1 + """
          public record V2(String label) {}

          @Upcaster(from = 1)
          static V2 upcast(V1 old) {
            return new V2(old.title());
          }
        """).with("test.Upcasters", """
        package test;

        import com.weegigs.events.annotations.*;

        final class Upcasters {
          @Upcaster(event = ItemAdded.class, from = 2)
          static ItemAdded upcast(ItemAdded.V2 old) throws IllegalStateException {
            return new ItemAdded(old.label());
          }
        }
        """);
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new WeeEventsProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(domain.sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs").contentsAsUtf8String()
        .contains("Upcasts.read(CartCodecs.ITEM_ADDED_V1_CODEC).then(ItemAdded::upcast).then(Upcasters::upcast)");
  }

  @Test
  void eventClassThatNeverResolves() {
    Domain domain = itemAdded("2", V1 + UPCAST_V1).with("test.Upcasters", """
        package test;

        import com.weegigs.events.annotations.*;

        final class Upcasters {
          @Upcaster(event = Missing.class, from = 1)
          static ItemAdded upcast(ItemAdded.V1 old) {
            return new ItemAdded(old.title());
          }
        }
        """);
    Compilation compilation = domain.compile();
    assertThat(compilation).failed();
    // javac's own "cannot find symbol" and ours.
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(domain.file("test.Upcasters"))
        .onLineContaining("Missing.class");
    assertThat(compilation).hadErrorContaining("[WEE-002] Upcasters.upcast refers to Missing, which could not be resolved")
        .inFile(domain.file("test.Upcasters")).onLineContaining("final class Upcasters");
  }

  @Test
  @Covers(Message.INVALID_EVENT_VERSION)
  void versionZero() {
    onlyError(itemAdded("0", ""), "[WEE-701] @Event(version = 0) of ItemAdded is not valid: versions start at 1; use 1 for the"
        + " first shape, and raise it by one for each change that needs an @Upcaster", "test.ItemAdded", "version = 0");
  }

  @Test
  @Covers(Message.UPCASTER_NOT_FOR_EVENT)
  void upcasterOfACommand() {
    Domain domain = Domain.valid().with("test.Upcasters", """
        package test;

        import com.weegigs.events.annotations.*;

        final class Upcasters {
          @Upcaster(event = AddItem.class, from = 1)
          static AddItem upcast(Cart old) {
            return new AddItem(old.id());
          }
        }
        """);
    onlyError(domain, "[WEE-702] @Upcaster Upcasters.upcast(Cart) is for AddItem, which is not an @Event record; name the event it"
        + " upcasts with @Upcaster(event = SomeEvent.class, from = ...)", "test.Upcasters", "event = AddItem.class");
  }

  @Test
  @Covers(Message.UPCASTER_NOT_FOR_EVENT)
  void upcasterInATypeThatIsNoEvent() {
    Domain domain = Domain.valid().with("test.Upcasters", """
        package test;

        import com.weegigs.events.annotations.*;

        final class Upcasters {
          @Upcaster(from = 1)
          static ItemAdded upcast(Cart old) {
            return new ItemAdded(old.id());
          }
        }
        """);
    onlyError(domain, "[WEE-702] @Upcaster Upcasters.upcast(Cart) is for Upcasters, which is not an @Event record; declare it"
        + " inside the event record it upcasts, or name the event with @Upcaster(event = SomeEvent.class, from = ...)",
        "test.Upcasters", "static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_VERSION_OUT_OF_RANGE)
  void upcasterFromTheCurrentVersion() {
    Domain domain = itemAdded("2", V1 + UPCAST_V1 + """
          @Upcaster(from = 2)
          static ItemAdded again(V1 old) {
            return new ItemAdded(old.title());
          }
        """);
    onlyError(domain, "[WEE-703] @Upcaster ItemAdded.again(V1) reads version 2 of ItemAdded, which is at version 2, so its"
        + " upcasters read versions 1 to 1; remove it, or raise @Event(version) of ItemAdded to 3 if the record has changed again",
        "test.ItemAdded", "from = 2");
  }

  @Test
  @Covers(Message.UPCASTER_VERSION_OUT_OF_RANGE)
  void upcasterOfAnEventAtVersionOne() {
    onlyError(itemAdded("1", V1 + UPCAST_V1), "[WEE-703] @Upcaster ItemAdded.upcast(V1) reads version 1 of ItemAdded, which is"
        + " at version 1, so its upcasters read versions 1 to 0; remove it, or raise @Event(version) of ItemAdded to 2 if the"
        + " record has changed again", "test.ItemAdded", "from = 1");
  }

  @Test
  @Covers(Message.DUPLICATE_UPCASTER)
  void twoUpcastersForOneStep() {
    Domain domain = itemAdded("2", V1 + UPCAST_V1 + """
          @Upcaster(from = 1)
          static Map<String, Object> fromJson(Map<String, Object> json) {
            return json;
          }
        """);
    onlyError(domain, "[WEE-704] event ItemAdded already has an @Upcaster from version 1, ItemAdded.upcast(V1); each step has"
        + " exactly one upcaster: remove one of them", "test.ItemAdded", "fromJson(");
  }

  @Test
  @Covers(Message.MISSING_UPCASTER)
  void gapInTheChain() {
    Domain domain = itemAdded("3", """
          public record V2(String label) {}

          @Upcaster(from = 2)
          static ItemAdded upcast(V2 old) {
            return new ItemAdded(old.label());
          }
        """);
    onlyError(domain, "[WEE-705] event ItemAdded is at version 3, but nothing upcasts version 1, so events stored at that version"
        + " cannot be read; add `@Upcaster(event = ItemAdded.class, from = 1) static ItemAdded.V2 upcast(ItemAdded.V1 old)`",
        "test.ItemAdded", "version = 3");
  }

  @Test
  @Covers(Message.MISSING_UPCASTER)
  void noUpcasterAtAll() {
    onlyError(itemAdded("3", ""), "[WEE-705] event ItemAdded is at version 3, but nothing upcasts version 1, 2, so events stored"
        + " at those versions cannot be read; add `@Upcaster(event = ItemAdded.class, from = 1) static ItemAdded.V2"
        + " upcast(ItemAdded.V1 old)` and one for each other version", "test.ItemAdded", "version = 3");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_SIGNATURE)
  void instanceUpcaster() {
    onlyError(itemAdded("2", V1 + """
          @Upcaster(from = 1)
          ItemAdded upcast(V1 old) {
            return new ItemAdded(old.title());
          }
        """), "[WEE-706] @Upcaster ItemAdded.upcast(V1) is not static; make it static (an upcaster is `static Next upcast(Older"
        + " older)` or `static Map<String, Object> upcast(Map<String, Object> json)`)", "test.ItemAdded", "ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_SIGNATURE)
  void privateUpcaster() {
    onlyError(itemAdded("2", V1 + """
          @Upcaster(from = 1)
          private static ItemAdded upcast(V1 old) {
            return new ItemAdded(old.title());
          }
        """), "[WEE-706] @Upcaster ItemAdded.upcast(V1) is private, so the generated CartCodecs cannot call it; make it"
        + " package-private or public", "test.ItemAdded", "private static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_SIGNATURE)
  void upcasterInAnotherPackageNotPublic() {
    Domain domain = itemAdded("2", V1).with("other.Upcasters", """
        package other;

        import com.weegigs.events.annotations.*;
        import test.ItemAdded;

        public final class Upcasters {
          @Upcaster(event = ItemAdded.class, from = 1)
          static ItemAdded upcast(ItemAdded.V1 old) {
            return new ItemAdded(old.title());
          }
        }
        """);
    onlyError(domain, "[WEE-706] @Upcaster Upcasters.upcast(V1) is not visible from the generated CartCodecs in package test;"
        + " make it public", "other.Upcasters", "static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_SIGNATURE)
  void genericUpcaster() {
    onlyError(itemAdded("2", V1 + """
          @Upcaster(from = 1)
          static <T> ItemAdded upcast(V1 old) {
            return new ItemAdded(old.title());
          }
        """), "[WEE-706] @Upcaster ItemAdded.upcast(V1) declares type parameters <T>; remove the type parameters",
        "test.ItemAdded", "static <T> ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_SIGNATURE)
  void upcasterWithTwoParameters() {
    onlyError(itemAdded("2", V1 + """
          @Upcaster(from = 1)
          static ItemAdded upcast(V1 old, String name) {
            return new ItemAdded(name);
          }
        """), "[WEE-706] @Upcaster ItemAdded.upcast(V1, String) takes 2 parameters; take exactly one", "test.ItemAdded",
        "static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_PARAMETER)
  void upcasterTakingAClass() {
    onlyError(itemAdded("2", """
          @Upcaster(from = 1)
          static ItemAdded upcast(String old) {
            return new ItemAdded(old);
          }
        """), "[WEE-707] @Upcaster ItemAdded.upcast(String) takes String, which is neither a record nor Map<String, Object>; take"
        + " the record of version 1 of ItemAdded (such as a nested `record V1(...)`), or its JSON as Map<String, Object>",
        "test.ItemAdded", "static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_PARAMETER)
  void upcasterTakingTheEventItself() {
    onlyError(itemAdded("2", """
          @Upcaster(from = 1)
          static ItemAdded upcast(ItemAdded old) {
            return old;
          }
        """), "[WEE-707] @Upcaster ItemAdded.upcast(ItemAdded) takes ItemAdded, the current version of the event; take the"
        + " record of version 1 of ItemAdded (such as a nested `record V1(...)`), or its JSON as Map<String, Object>",
        "test.ItemAdded", "static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_PARAMETER)
  void upcasterTakingAPrivateRecord() {
    onlyError(itemAdded("2", """
          private record V1(String title) {}

          @Upcaster(from = 1)
          static ItemAdded upcast(V1 old) {
            return new ItemAdded(old.title());
          }
        """), "[WEE-707] @Upcaster ItemAdded.upcast(V1) takes V1, which is private, so the generated codec cannot read it;"
        + " make it package-private or public", "test.ItemAdded", "static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_RETURN)
  void jsonUpcasterReturningARecord() {
    onlyError(itemAdded("2", """
          @Upcaster(from = 1)
          static ItemAdded upcast(Map<String, Object> json) {
            return new ItemAdded((String) json.get("title"));
          }
        """), "[WEE-708] @Upcaster ItemAdded.upcast(Map<String, Object>) returns ItemAdded; an upcaster that takes"
        + " Map<String, Object> returns the JSON of version 2 as Map<String, Object>", "test.ItemAdded", "static ItemAdded upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_RETURN)
  void lastUpcasterNotReturningTheEvent() {
    onlyError(itemAdded("2", V1 + """
          @Upcaster(from = 1)
          static V1 upcast(V1 old) {
            return old;
          }
        """), "[WEE-708] @Upcaster ItemAdded.upcast(V1) returns V1; it makes version 2, the current version of ItemAdded:"
        + " return ItemAdded", "test.ItemAdded", "static V1 upcast(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_RETURN)
  void upcasterNotReturningWhatTheNextTakes() {
    onlyError(itemAdded("3", V1 + """
          public record V2(String label) {}

          public record Other(String label) {}

          @Upcaster(from = 1)
          static Other first(V1 old) {
            return new Other(old.title());
          }

          @Upcaster(from = 2)
          static ItemAdded second(V2 old) {
            return new ItemAdded(old.label());
          }
        """), "[WEE-708] @Upcaster ItemAdded.first(V1) returns Other; the next upcaster, ItemAdded.second(V2), takes V2: return"
        + " V2, or make one of them work on JSON", "test.ItemAdded", "static Other first(");
  }

  @Test
  @Covers(Message.UPCASTER_BAD_RETURN)
  void recordUpcasterReturningJson() {
    onlyError(itemAdded("2", V1 + """
          @Upcaster(from = 1)
          static Map<String, Object> upcast(V1 old) {
            return Map.of("name", old.title());
          }
        """), "[WEE-708] @Upcaster ItemAdded.upcast(V1) returns Map<String, Object>; an upcaster that takes a record returns the"
        + " record of version 2", "test.ItemAdded", "upcast(V1 old)");
  }

  @Test
  @Covers(Message.UPCASTER_CHECKED_EXCEPTION)
  void upcasterThrowingACheckedException() {
    onlyError(itemAdded("2", V1 + """
          @Upcaster(from = 1)
          static ItemAdded upcast(V1 old) throws java.io.IOException {
            return new ItemAdded(old.title());
          }
        """), "[WEE-709] @Upcaster ItemAdded.upcast(V1) declares throws IOException; upcasters are pure and must not throw"
        + " checked exceptions: remove the throws clause, or catch IOException and wrap it in an unchecked exception",
        "test.ItemAdded", "static ItemAdded upcast(");
  }

  @Test
  void olderRecordFollowsTheComponentRules() {
    Compilation compilation = itemAdded("2", """
          public record V1(Object title) {}

          @Upcaster(from = 1)
          static ItemAdded upcast(V1 old) {
            return new ItemAdded(String.valueOf(old.title()));
          }
        """).compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[WEE-504] component title of V1 has the type Object");
  }
}
