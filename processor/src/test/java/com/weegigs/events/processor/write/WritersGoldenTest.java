package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.ServiceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares every generated source with its golden file under {@code src/test/resources/golden/},
 * as exact text. After an intended change to the writers, regenerate the golden files with
 * <pre>mvn -pl processor test -Dtest=WritersGoldenTest -Dwee.golden.update=true</pre>
 * and review the diff before committing it.
 */
class WritersGoldenTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("wee.golden.update");

  static List<JavaFile> generate(ServiceModel service) {
    List<JavaFile> files = new ArrayList<>();
    for (AggregateModel aggregate : service.aggregates()) {
      files.addAll(Writers.forAggregate(service, aggregate));
    }
    files.addAll(Writers.forService(service));
    return files;
  }

  static Stream<Arguments> generatedFiles() {
    List<Arguments> arguments = new ArrayList<>();
    for (ServiceModel service : List.of(TestModels.receipts(), TestModels.shop(), TestModels.edge())) {
      for (JavaFile file : generate(service)) {
        arguments.add(Arguments.of(file.packageName() + "." + file.typeSpec().name(), file));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedFiles")
  void matchesGoldenFile(String name, JavaFile file) throws IOException {
    Path golden = GOLDEN.resolve(name.replace('.', '/') + ".java");
    String actual = file.toString();
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dwee.golden.update=true to create it");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, name + " differs from " + golden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedFiles")
  void sameModelGivesSameText(String name, JavaFile file) {
    String again = generatedFiles()
        .map(arguments -> (JavaFile) arguments.get()[1])
        .filter(other -> (other.packageName() + "." + other.typeSpec().name()).equals(name))
        .findFirst()
        .orElseThrow()
        .toString();
    assertEquals(file.toString(), again);
  }
}
