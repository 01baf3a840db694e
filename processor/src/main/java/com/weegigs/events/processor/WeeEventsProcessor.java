package com.weegigs.events.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.weegigs.events.processor.build.ModelBuilder.BuiltAggregate;
import com.weegigs.events.processor.build.ModelBuilder.BuiltService;
import com.weegigs.events.processor.build.ModelBuilder;
import com.weegigs.events.processor.lock.SchemaLock;
import com.weegigs.events.processor.lock.SchemaLocks;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.step.ApiAggregates;
import com.weegigs.events.processor.step.Declarations;
import com.weegigs.events.processor.step.Step;
import com.weegigs.events.processor.step.Steps;
import com.weegigs.events.processor.validate.ConsumerValidator;
import com.weegigs.events.processor.write.PermissionsWriter;
import com.weegigs.events.processor.write.Writers;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The wee-events annotation processor. Each round it reads our annotations with the {@link Steps}
 * (service, aggregate, command, event, then the methods), defers the whole round to the next one
 * while any referenced type is unresolved (another processor may generate it), then validates each
 * aggregate and builds the models of those free of errors with {@link ModelBuilder}, and writes,
 * through the {@link Filer}, the files {@link Writers} makes for every service and aggregate free
 * of errors: the sources, and per service its schema lock and its AsyncAPI document
 * ({@code META-INF/wee-events/{service}.asyncapi.json}).
 *
 * <p>Its one option, {@code wee.schemaLockDir}, names where the committed schema locks are
 * ({@link SchemaLocks}). All declarations of one service must be visible in the same round (they
 * are, unless another processor generates annotated types), except the API of a service declared
 * {@code @Service(api = true)}: the module that implements it reads the API's records from the class
 * path ({@link ApiAggregates}) and writes only their stubs.
 */
@AutoService(Processor.class)
public final class WeeEventsProcessor extends AbstractProcessor {
  /** Qualified names of the roots (types and packages) deferred to the next round. */
  private final Set<String> deferredTypes = new LinkedHashSet<>();
  private final Set<String> deferredPackages = new LinkedHashSet<>();
  /** What was unresolved in the last round that deferred, for the final report. */
  private final Map<String, String[]> unresolved = new LinkedHashMap<>();

  /** Classes of event handlers waiting for an aggregate client this processor writes in an earlier round. */
  private final Set<String> waitingConsumers = new LinkedHashSet<>();

  private Reporter reporter;

  /** Creates the processor (the compiler does this through the service loader). */
  public WeeEventsProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    reporter = new Reporter(processingEnv.getMessager());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return AnnotationNames.ALL;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SchemaLocks.OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      reportUnresolved();
      consumers(List.of(), true);
      return false;
    }
    List<Element> roots = roots(annotations, round);
    if (roots.isEmpty()) {
      consumers(List.of(), false);
      return false;
    }
    try {
      Declarations declarations = new Declarations();
      for (Step step : Steps.all(processingEnv)) {
        step.read(roots, declarations);
      }
      if (!declarations.unresolved().isEmpty()) {
        defer(roots, declarations);
        return false;
      }
      ApiAggregates.read(processingEnv.getElementUtils(), declarations);
      unresolved.clear();
      if (!declarations.aggregates().isEmpty()
          && processingEnv.getElementUtils().getTypeElement(AnnotationNames.RUNTIME_DEFINITION) == null) {
        // Without this, javac would print dozens of "cannot find symbol" errors in generated files.
        Element first = declarations.aggregates().get(0).element();
        reporter.report(Messages.runtimeMissing(first.getSimpleName()), first);
        return false;
      }
      for (BuiltService service : new ModelBuilder(processingEnv, reporter).build(declarations)) {
        write(service);
      }
      consumers(declarations.eventHandlers(), false);
    } catch (RuntimeException e) {
      reporter.report(Messages.internalError(e, roots.get(0).getSimpleName()), roots.get(0));
    }
    return false;
  }

  /**
   * Checks and wires the classes of this round's {@code @EventHandler} methods and those that waited
   * for a client; a class whose aggregate's client is not there yet waits for the next round, and
   * on the {@code lastChance} that is an error.
   */
  private void consumers(List<ExecutableElement> eventHandlers, boolean lastChance) {
    Set<String> names = new LinkedHashSet<>(waitingConsumers);
    for (ExecutableElement method : eventHandlers) {
      names.add(name(method));
    }
    waitingConsumers.clear();
    Elements elements = processingEnv.getElementUtils();
    ConsumerValidator validator = new ConsumerValidator(processingEnv);
    for (String name : names) {
      TypeElement type = elements.getTypeElement(name);
      if (type == null) {
        continue;
      }
      try {
        ConsumerValidator.Result result = validator.validate(type, lastChance);
        if (result.waiting()) {
          waitingConsumers.add(name);
          continue;
        }
        reporter.print(List.of(result.report()));
        if (result.model().isPresent()) {
          boolean generated = elements.getTypeElement("javax.annotation.processing.Generated") != null;
          writeFile(processingEnv.getFiler(), Writers.forConsumer(result.model().get(), generated), type);
        }
      } catch (RuntimeException e) {
        reporter.report(Messages.internalError(e, type.getSimpleName()), type);
      }
    }
  }

  /**
   * The packages and types to read this round: those carrying our annotations or declaring a method
   * that does, plus the ones deferred from the last round, in a stable order.
   */
  private List<Element> roots(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Elements elements = processingEnv.getElementUtils();
    Map<String, Element> roots = new LinkedHashMap<>();
    for (String name : deferredTypes) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        roots.put(name, type);
      }
    }
    for (String name : deferredPackages) {
      PackageElement pkg = elements.getPackageElement(name);
      if (pkg != null) {
        roots.put(name, pkg);
      }
    }
    deferredTypes.clear();
    deferredPackages.clear();
    for (Element root : Steps.annotatedRoots(annotations, round)) {
      roots.putIfAbsent(name(root), root);
    }
    List<Element> sorted = new ArrayList<>(roots.values());
    sorted.sort(Comparator.comparing(WeeEventsProcessor::name));
    return sorted;
  }

  private void defer(List<Element> roots, Declarations declarations) {
    for (Element root : roots) {
      (root instanceof PackageElement ? deferredPackages : deferredTypes).add(name(root));
    }
    unresolved.clear();
    declarations.unresolved().forEach((element, type) ->
        unresolved.put(name(element) + "#" + element.getSimpleName(), new String[] {describe(element), type}));
  }

  /** At the end: whatever never resolved is an error on its element, never dropped silently. */
  private void reportUnresolved() {
    Elements elements = processingEnv.getElementUtils();
    Set<String> reported = new java.util.HashSet<>();
    for (Map.Entry<String, String[]> entry : unresolved.entrySet()) {
      if (!reported.add(entry.getValue()[1])) {
        continue; // One error per missing type.
      }
      String key = entry.getKey();
      String owner = key.substring(0, key.indexOf('#'));
      Element element = elements.getTypeElement(owner);
      if (element == null) {
        element = elements.getPackageElement(owner);
      }
      if (element != null) {
        reporter.report(Messages.unresolvedType(entry.getValue()[0], entry.getValue()[1]), element);
      }
    }
    unresolved.clear();
  }

  private void write(BuiltService service) {
    Filer filer = processingEnv.getFiler();
    Elements elements = processingEnv.getElementUtils();
    // In a named module that does not read java.compiler the annotation is not there to use.
    boolean generated = elements.getTypeElement("javax.annotation.processing.Generated") != null;
    for (BuiltAggregate aggregate : service.aggregates()) {
      try {
        for (JavaFile file : Writers.forAggregate(service.model(), aggregate.model(), generated, aggregate.role())) {
          writeFile(filer, file, aggregate.origin());
        }
      } catch (RuntimeException e) {
        reporter.report(Messages.internalError(e, aggregate.element().getSimpleName()), aggregate.origin());
      }
    }
    if (service.declaredInRound() && service.clean()) {
      try {
        for (JavaFile file : Writers.forService(service.model(), generated)) {
          writeFile(filer, file, service.element());
        }
        new SchemaLocks(processingEnv, reporter).writeAndCheck(service);
        writeAsyncApi(filer, service);
        writePermissions(filer, service);
      } catch (RuntimeException e) {
        reporter.report(Messages.internalError(e, service.element().getQualifiedName()), service.element());
      }
    }
  }

  /**
   * Writes the service's AsyncAPI document to {@code META-INF/wee-events/{service}.asyncapi.json}
   * in the class output, beside its schema lock; it comes from every aggregate of the service.
   */
  private void writeAsyncApi(Filer filer, BuiltService service) {
    Element[] origins = service.aggregates().stream().map(BuiltAggregate::element).toArray(Element[]::new);
    String name = SchemaLock.DIRECTORY + "/" + Writers.asyncApiFileName(service.model().name());
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name, origins);
      try (Writer writer = file.openWriter()) {
        writer.write(Writers.asyncApi(service.model()));
      }
    } catch (IOException e) {
      reporter.report(Messages.internalError(e, service.element().getSimpleName()), service.element());
    }
  }

  /** Writes the service's NATS permissions, as nats-server configuration and as JSON, next to its schema lock. */
  private void writePermissions(Filer filer, BuiltService service) {
    Element[] origins = service.aggregates().stream().map(BuiltAggregate::element).toArray(Element[]::new);
    String name = service.model().name();
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put(PermissionsWriter.confFileName(name), PermissionsWriter.conf(service.model()));
    resources.put(PermissionsWriter.jsonFileName(name), PermissionsWriter.json(service.model()));
    for (Map.Entry<String, String> resource : resources.entrySet()) {
      try {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SchemaLock.DIRECTORY + "/" + resource.getKey(), origins);
        try (Writer writer = file.openWriter()) {
          writer.write(resource.getValue());
        }
      } catch (IOException e) {
        reporter.report(Messages.internalError(e, service.element().getQualifiedName()), service.element());
      }
    }
  }

  /** Writes {@code file} with exactly one originating element (writers never see elements). */
  private void writeFile(Filer filer, JavaFile file, Element originatingElement) {
    String name = file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
    try {
      // JavaPoet writes in many small pieces; into memory first, then to the file in one write.
      StringBuilder text = new StringBuilder(16 * 1024);
      file.writeTo(text);
      JavaFileObject source = filer.createSourceFile(name, originatingElement);
      try (Writer writer = source.openWriter()) {
        writer.append(text);
      }
    } catch (IOException e) {
      reporter.report(Messages.internalError(e, originatingElement.getSimpleName()), originatingElement);
    }
  }

  /** A root's qualified name; for a method, its type's. */
  private static String name(Element element) {
    if (element instanceof TypeElement type) {
      return type.getQualifiedName().toString();
    }
    if (element instanceof PackageElement pkg) {
      return pkg.getQualifiedName().toString();
    }
    return name(element.getEnclosingElement());
  }

  private static String describe(Element element) {
    if (element instanceof ExecutableElement method) {
      return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    }
    return element.getSimpleName().toString();
  }
}
