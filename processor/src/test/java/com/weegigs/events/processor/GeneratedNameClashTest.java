package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name the processor would generate that an existing type already has is a clash, wherever that
 * type comes from: another file of the package, a class file on the class path (unless we made it),
 * or another processor in an earlier round. These cases guard any cheaper way of finding existing
 * types (a listing of the package, a cache) against missing one of them or going stale between
 * rounds.
 */
class GeneratedNameClashTest {
  private static final String CLASH = "[WEE-205] the type %1$s that wee-events generates for %2$s clashes with the"
      + " existing class %1$s; rename that class, or the aggregate record %2$s";

  @Test
  void typeDeclaredInAFileOfAnotherNameIsTaken() {
    Domain domain = Domain.valid().with("test.Other", """
        package test;

        public class Other {}

        class CartStub {}
        """);
    Expect.onlyError(domain, CLASH.formatted("CartStub", "Cart"), "test.Cart", "public record Cart");
  }

  @Test
  void compiledTypeOnTheClassPathIsTaken(@TempDir Path classes) throws IOException {
    compileInto(classes, "test.CartCodecs", "package test;\n\npublic final class CartCodecs {}\n");
    Compilation compilation = javac()
        .withClasspath(classPathWith(classes))
        .withProcessors(new WeeEventsProcessor())
        .compile(Domain.valid().sources());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(CLASH.formatted("CartCodecs", "Cart"));
  }

  /** A class file carries our class-retention marker ({@code @Generated} is source-only). */
  @Test
  void compiledTypeWeGeneratedBeforeIsNotAClash(@TempDir Path classes) throws IOException {
    compileInto(classes, "test.CartCodecs", """
        package test;

        @com.weegigs.events.runtime.internal.generated.WeeGenerated
        public final class CartCodecs {}
        """);
    Compilation compilation = javac()
        .withClasspath(classPathWith(classes))
        .withProcessors(new WeeEventsProcessor())
        .compile(Domain.valid().sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs");
  }

  /**
   * In its first round another processor generates an aggregate and, beside it, a class taking one
   * of the names we generate for it. The first round checks the names of {@code Cart} in package
   * {@code test}; the second must see the class that appeared there since.
   */
  @Test
  void aLaterRoundSeesTypesGeneratedInEarlierRounds() {
    Compilation compilation = javac()
        .withProcessors(new WeeEventsProcessor(), new WishlistGenerator())
        .compile(Domain.valid().sources());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(CLASH.formatted("WishlistClient", "Wishlist"));
  }

  /** Generates, in its first round, the aggregate {@code test.Wishlist} and a class {@code test.WishlistClient}. */
  private static final class WishlistGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      write("test.Wishlist", """
          package test;

          import com.weegigs.events.annotations.*;

          @Aggregate
          public record Wishlist(String id, int count) {
            @Initial
            static Wishlist open(String key) {
              return new Wishlist(key, 0);
            }

            @Reducer
            Wishlist on(WishAdded event) {
              return new Wishlist(id, count + 1);
            }
          }
          """);
      write("test.AddWish", """
          package test;

          import com.weegigs.events.annotations.*;

          @Command(aggregate = Wishlist.class)
          public record AddWish(String name) {}
          """);
      write("test.WishAdded", """
          package test;

          import com.weegigs.events.annotations.*;

          @Event(aggregate = Wishlist.class)
          public record WishAdded(String name) {}
          """);
      write("test.WishlistHandlers", """
          package test;

          import com.weegigs.events.annotations.*;

          public final class WishlistHandlers {
            @CommandHandler
            WishAdded addWish(Wishlist state, AddWish command) {
              return new WishAdded(command.name());
            }
          }
          """);
      write("test.WishlistClient", "package test;\n\npublic class WishlistClient {}\n");
      return false;
    }

    private void write(String name, String source) {
      try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        writer.write(source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Compiles one source into {@code classes} with plain javac, as an earlier build would have. */
  private static void compileInto(Path classes, String qualifiedName, String source) throws IOException {
    Path sources = Files.createTempDirectory("wee-names");
    Path file = sources.resolve(qualifiedName.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
      boolean ok = compiler.getTask(null, files, null, List.of("-d", classes.toString(), "-proc:none",
          "-classpath", System.getProperty("java.class.path")), null,
          files.getJavaFileObjectsFromPaths(List.of(file))).call();
      assertTrue(ok, "compiling " + qualifiedName);
    }
  }

  /** This JVM's class path (annotations, runtime, jakarta.validation) plus {@code classes}. */
  static List<File> classPathWith(Path classes) {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    path.add(classes.toFile());
    return path;
  }
}
