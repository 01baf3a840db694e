package com.weegigs.events.processor.step;

import com.weegigs.events.processor.read.AggregateAnnotation;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.MemberAnnotation;
import com.weegigs.events.processor.read.Mirrors;
import com.weegigs.events.processor.read.ServiceAnnotation;
import com.weegigs.events.processor.read.SourceText;
import com.weegigs.events.processor.read.UpcasterAnnotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** The steps, one per annotation, in the order they run: service, aggregate, command, event, then the methods. */
public final class Steps {
  private Steps() {}

  /**
   * The packages and types of this round that carry one of {@code annotations} or declare a method
   * that does, each once, in the order javac reports them.
   */
  public static List<Element> annotatedRoots(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return List.of();
    }
    Set<Element> roots = new LinkedHashSet<>();
    // One walk over the round's elements for all our annotations; javac walks them once per call.
    for (Element element : round.getElementsAnnotatedWithAny(annotations.toArray(new TypeElement[0]))) {
      roots.add(element instanceof ExecutableElement ? element.getEnclosingElement() : element);
    }
    return List.copyOf(roots);
  }

  /**
   * The class a {@code Class} member names, as written in the source ({@code Reciept}), for the error
   * about it if it never resolves; a description of the member when the source is not at hand.
   */
  private static String writtenClass(ProcessingEnvironment environment, Element element, javax.lang.model.element.AnnotationMirror mirror,
      String member) {
    javax.lang.model.element.AnnotationValue value = Mirrors.explicitValue(mirror, member);
    String written = value == null ? "" : SourceText.of(environment, element, mirror, value).orElse("");
    written = written.endsWith(".class") ? written.substring(0, written.length() - ".class".length()) : written;
    return written.isEmpty() ? "the class named in its " + member + " attribute" : written;
  }

  /** The ordered list of steps. */
  public static List<Step> all(ProcessingEnvironment environment) {
    Elements elements = environment.getElementUtils();
    return List.of(
        new ServiceStep(elements),
        new AggregateStep(elements),
        new MemberStep(environment, AnnotationNames.COMMAND),
        new MemberStep(environment, AnnotationNames.EVENT),
        new MethodStep(AnnotationNames.INITIAL),
        new MethodStep(AnnotationNames.REDUCER),
        new MethodStep(AnnotationNames.COMMAND_HANDLER),
        new UpcasterStep(environment),
        new MethodStep(AnnotationNames.EVENT_HANDLER));
  }

  /** Reads {@code @Service} packages. */
  record ServiceStep(Elements elements) implements Step {
    @Override
    public String annotation() {
      return AnnotationNames.SERVICE;
    }

    @Override
    public void read(List<Element> roots, Declarations declarations) {
      for (Element root : roots) {
        if (root instanceof PackageElement pkg && Mirrors.has(pkg, annotation())) {
          declarations.services.add(new Declarations.ServiceDeclaration(pkg, ServiceAnnotation.read(elements, pkg)));
        }
      }
    }
  }

  /** Reads {@code @Aggregate} types. */
  record AggregateStep(Elements elements) implements Step {
    @Override
    public String annotation() {
      return AnnotationNames.AGGREGATE;
    }

    @Override
    public void read(List<Element> roots, Declarations declarations) {
      for (Element root : roots) {
        if (root instanceof TypeElement type && Mirrors.has(type, annotation())) {
          declarations.aggregates.add(new Declarations.AggregateDeclaration(type, AggregateAnnotation.read(elements, type)));
          Resolution.unresolvedInRecord(type).ifPresent(name -> declarations.unresolved.put(type, name));
        }
      }
    }
  }

  /** Reads {@code @Command} or {@code @Event} types. */
  record MemberStep(ProcessingEnvironment environment, String annotation) implements Step {
    @Override
    public void read(List<Element> roots, Declarations declarations) {
      Elements elements = environment.getElementUtils();
      for (Element root : roots) {
        if (root instanceof TypeElement type && Mirrors.has(type, annotation)) {
          MemberAnnotation read = MemberAnnotation.read(elements, type, annotation);
          if (Mirrors.explicitValue(read.mirror(), "aggregate") == null) {
            continue; // javac itself reports the missing required attribute.
          }
          var declaration = new Declarations.MemberDeclaration(type, read);
          (annotation.equals(AnnotationNames.COMMAND) ? declarations.commands : declarations.events).add(declaration);
          if (read.aggregate().isEmpty() || read.aggregate().get().getKind() == javax.lang.model.type.TypeKind.ERROR) {
            declarations.unresolved.put(type, writtenClass(environment, type, read.mirror(), "aggregate"));
          } else {
            Resolution.unresolvedInRecord(type).ifPresent(name -> declarations.unresolved.put(type, name));
          }
        }
      }
    }
  }

  /** Reads {@code @Upcaster} methods. */
  record UpcasterStep(ProcessingEnvironment environment) implements Step {
    @Override
    public String annotation() {
      return AnnotationNames.UPCASTER;
    }

    @Override
    public void read(List<Element> roots, Declarations declarations) {
      Elements elements = environment.getElementUtils();
      for (Element root : roots) {
        if (!(root instanceof TypeElement type)) {
          continue;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
          if (!Mirrors.has(method, annotation())) {
            continue;
          }
          UpcasterAnnotation read = UpcasterAnnotation.read(elements, method);
          declarations.upcasters.add(new Declarations.UpcasterDeclaration(method, read));
          if (read.unresolvedEvent()) {
            declarations.unresolved.put(method, writtenClass(environment, method, read.mirror(), "event"));
          } else {
            MethodStep.unresolved(method).ifPresent(name -> declarations.unresolved.put(method, name));
          }
        }
      }
    }
  }

  /** Reads {@code @CommandHandler}, {@code @Reducer}, {@code @Initial} or {@code @EventHandler} methods. */
  record MethodStep(String annotation) implements Step {
    @Override
    public void read(List<Element> roots, Declarations declarations) {
      for (Element root : roots) {
        if (!(root instanceof TypeElement type)) {
          continue;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
          if (!Mirrors.has(method, annotation)) {
            continue;
          }
          switch (annotation) {
            case AnnotationNames.COMMAND_HANDLER -> declarations.handlers.add(method);
            case AnnotationNames.REDUCER -> declarations.reducers.add(method);
            case AnnotationNames.EVENT_HANDLER -> declarations.eventHandlers.add(method);
            default -> declarations.initials.add(method);
          }
          unresolved(method).ifPresent(name -> declarations.unresolved.put(method, name));
        }
      }
    }

    static Optional<String> unresolved(ExecutableElement method) {
      Optional<String> found = Resolution.unresolved(method.getReturnType());
      for (VariableElement parameter : method.getParameters()) {
        if (found.isPresent()) {
          break;
        }
        found = Resolution.unresolved(parameter.asType());
      }
      return found;
    }
  }
}
