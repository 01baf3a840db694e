package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import com.weegigs.events.processor.build.ModelProbe;
import com.weegigs.events.processor.model.ServiceModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The golden files are rendered from the hand-built {@link TestModels}; this checks that the
 * processor builds exactly those models from the annotated domain sources under
 * {@code src/test/resources/domain/}, so the goldens cannot drift from what the processor does.
 */
class GoldenModelTest {
  private static final Path DOMAIN = Path.of("src", "test", "resources", "domain");

  @Test
  void receiptsModelIsWhatTheProcessorBuilds() throws IOException {
    assertEquals(TestModels.receipts(), built(TestModels.RECEIPTS));
  }

  private static ServiceModel built(String packageName) throws IOException {
    Path directory = DOMAIN.resolve(packageName.replace('.', File.separatorChar));
    try (Stream<Path> files = Files.list(directory)) {
      List<JavaFileObject> sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(GoldenModelTest::source).toList();
      return ModelProbe.service(sources);
    }
  }

  private static JavaFileObject source(Path file) {
    String name = DOMAIN.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.java$", "");
    try {
      return JavaFileObjects.forSourceString(name, Files.readString(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
