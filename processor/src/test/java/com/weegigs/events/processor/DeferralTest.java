package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A command whose component type another processor generates is not resolvable in the first round;
 * the processor defers it by name and builds it in the next round, without any message.
 */
class DeferralTest {
  /** Generates {@code test.Note} in its first round, as a processor such as Immutables would. */
  private static final class NoteGenerator extends AbstractProcessor {
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
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("test.Note").openWriter()) {
          writer.write("package test;\n\npublic record Note(String text) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void typeGeneratedInALaterRoundIsWaitedFor() {
    Domain domain = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;
        import jakarta.validation.constraints.*;

        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name, Note note) {}
        """);
    Compilation compilation = javac()
        .withProcessors(new WeeEventsProcessor(), new NoteGenerator())
        .compile(domain.sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs");
    assertThat(compilation).generatedSourceFile("test.ShopService");
  }
}
