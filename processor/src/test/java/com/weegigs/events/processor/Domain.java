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
        .with("test.package-info", Sources.SERVICE)
        .with("test.Cart", Sources.CART)
        .with("test.AddItem", Sources.ADD_ITEM)
        .with("test.ItemAdded", Sources.ITEM_ADDED)
        .with("test.CartHandlers", Sources.CART_HANDLERS);
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

  /** Every source's text by qualified name, in the order added. */
  Map<String, String> sourceTexts() {
    return java.util.Collections.unmodifiableMap(sources);
  }

  /** Every source, as file objects. */
  java.util.List<JavaFileObject> sources() {
    return sources.keySet().stream().map(this::file).toList();
  }

  /** Compiles every source with the processor. */
  Compilation compile() {
    return javac()
        .withProcessors(new WeeEventsProcessor())
        .compile(sources.keySet().stream().map(this::file).toList());
  }
}
