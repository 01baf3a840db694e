package com.weegigs.events.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a catalogue entry has no test: every {@link Message} must be named by a
 * {@link Covers} annotation on some test method in this module's compiled tests. Also keeps ids
 * unique and well formed.
 */
class CatalogueCoverageTest {
  @Test
  void everyMessageHasATest() throws Exception {
    Set<Message> covered = EnumSet.noneOf(Message.class);
    for (Class<?> type : testClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        Covers covers = method.getAnnotation(Covers.class);
        if (covers != null) {
          covered.add(covers.value());
        }
      }
    }
    Set<Message> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
    assertEquals(Set.of(), missing, "catalogue entries without a compile-testing test");
  }

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (Message message : Message.values()) {
      assertEquals(true, message.id().matches("WEE-\\d{3,4}"), message.id());
      assertEquals(true, ids.add(message.id()), "duplicate id " + message.id());
    }
  }

  private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
    Path root = Path.of(Covers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", ""))
          .map(CatalogueCoverageTest::load)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, CatalogueCoverageTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
