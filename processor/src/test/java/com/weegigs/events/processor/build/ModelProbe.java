package com.weegigs.events.processor.build;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.weegigs.events.processor.Reporter;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.step.Declarations;
import com.weegigs.events.processor.step.Step;
import com.weegigs.events.processor.step.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Runs the processor's front end (the steps and the {@link ModelBuilder}, no writers) inside javac
 * and keeps the services it builds, for tests of the model itself.
 */
public final class ModelProbe extends AbstractProcessor {
  private final List<ModelBuilder.BuiltService> built = new ArrayList<>();

  private ModelProbe() {}

  /** The services built from {@code sources}, which must compile without warnings. */
  public static List<ModelBuilder.BuiltService> build(List<JavaFileObject> sources) {
    ModelProbe probe = new ModelProbe();
    Compilation compilation = javac().withProcessors(probe).compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return List.copyOf(probe.built);
  }

  /** The one service built from {@code sources}, which must be free of errors. */
  public static ServiceModel service(List<JavaFileObject> sources) {
    List<ModelBuilder.BuiltService> services = build(sources);
    if (services.size() != 1 || !services.get(0).clean()) {
      throw new AssertionError("expected one clean service, got " + services);
    }
    return services.get(0).model();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return AnnotationNames.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<Element> roots = Steps.annotatedRoots(annotations, round);
    if (roots.isEmpty()) {
      return false;
    }
    Declarations declarations = new Declarations();
    for (Step step : Steps.all(processingEnv)) {
      step.read(roots, declarations);
    }
    built.addAll(new ModelBuilder(processingEnv, new Reporter(processingEnv.getMessager())).build(declarations));
    return false;
  }
}
