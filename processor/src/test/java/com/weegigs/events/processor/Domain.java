package com.weegigs.events.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * A small valid domain (service {@code shop}, aggregate {@code Cart} with one command and one event)
 * that a test changes one file of to provoke one message.
 */
final class Domain {
  private final Map<String, String> sources = new LinkedHashMap<>();

  private Domain() {}

  /** The valid domain. */
  static Domain valid() {
    return new Domain()
        .with("test.package-info", """
            @Service(name = "shop", version = "1.0.0")
            package test;

            import com.weegigs.events.annotations.Service;
            """)
        .with("test.Cart", """
            package test;

            import com.weegigs.events.annotations.*;

            @Aggregate
            public record Cart(String id, int count) {
              @Initial
              static Cart open(String key) {
                return new Cart(key, 0);
              }

              @Reducer
              Cart on(ItemAdded event) {
                return new Cart(id, count + 1);
              }
            }
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;

            @Command(aggregate = Cart.class)
            public record AddItem(@NotBlank String name) {}
            """)
        .with("test.ItemAdded", """
            package test;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Cart.class)
            public record ItemAdded(String name) {}
            """)
        .with("test.CartHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            public final class CartHandlers {
              @CommandHandler
              ItemAdded addItem(Cart state, AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """);
  }

  /** Replaces (or adds) the source of {@code qualifiedName}. */
  Domain with(String qualifiedName, String source) {
    sources.put(qualifiedName, source);
    return this;
  }

  /** Removes the source of {@code qualifiedName}. */
  Domain without(String qualifiedName) {
    sources.remove(qualifiedName);
    return this;
  }

  /** The file object of {@code qualifiedName}, for {@code inFile(...)}. */
  JavaFileObject file(String qualifiedName) {
    return JavaFileObjects.forSourceString(qualifiedName, sources.get(qualifiedName));
  }

  /** Compiles every source with the processor. */
  Compilation compile() {
    return javac()
        .withProcessors(new WeeEventsProcessor())
        .compile(sources.keySet().stream().map(this::file).toList());
  }
}
