package com.weegigs.events.processor.lock;

import com.weegigs.events.processor.Message;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.Reporter;
import com.weegigs.events.processor.build.ModelBuilder.BuiltAggregate;
import com.weegigs.events.processor.build.ModelBuilder.BuiltService;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.Mirrors;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the {@linkplain SchemaLock schema lock} of each service to the class output, and compares
 * it with the lock committed with the last release, reporting every change that would make stored
 * events unreadable (an error) or break callers of a command (a warning) on the element that changed.
 *
 * <p>The committed lock, {@code src/main/resources/META-INF/wee-events/{service}.schema-lock.json},
 * is looked for in this order, and the first place that answers decides:
 *
 * <ol>
 *   <li>the directory named by the processor option {@value #OPTION}, when it is set (only there);
 *   <li>the source path, through the {@code Filer} (javac's {@code -sourcepath});
 *   <li>the resources directory of the usual build layout, found from where the class output is: a
 *       class output {@code <module>/target/classes} (Maven) or {@code <module>/build/classes/java/main}
 *       (Gradle) gives {@code <module>/src/main/resources/META-INF/wee-events/}.
 * </ol>
 *
 * <p>When none has it, there is nothing to compare with (a first release): the lock is written and
 * nothing is reported.
 */
public final class SchemaLocks {
  /** The processor option naming the directory that holds the committed locks. */
  public static final String OPTION = "wee.schemaLockDir";

  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  /** Locks written through {@code environment}'s {@code Filer}, problems reported through {@code reporter}. */
  public SchemaLocks(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  /**
   * Writes the lock of {@code service}, whose model holds every one of its aggregates free of
   * errors, and compares it with the committed lock when there is one.
   */
  public void writeAndCheck(BuiltService service) {
    Element[] origins = service.aggregates().stream().map(BuiltAggregate::element).toArray(Element[]::new);
    String name = service.model().name();
    String fileName = SchemaLock.fileName(name);
    Map<String, Object> lock = SchemaLock.tree(service.model());
    String option = environment.getOptions().get(OPTION);
    Optional<Committed> committed;
    if (option != null && !option.isBlank()) {
      write(name, LockJson.print(lock), origins, service.element());
      committed = read(Path.of(option.trim()).resolve(fileName));
    } else {
      // Read before writing: without -sourcepath javac searches the class path, which holds the class output.
      Optional<Committed> onSourcePath = onSourcePath(fileName);
      Optional<Path> written = write(name, LockJson.print(lock), origins, service.element());
      committed = onSourcePath.filter(found -> found.path().isEmpty() || !found.path().equals(written))
          .or(() -> written.flatMap(SchemaLocks::resourcesDirectory).flatMap(directory -> read(directory.resolve(fileName))));
    }
    committed.ifPresent(found -> compare(service, found, lock));
  }

  private Optional<Path> write(String service, String text, Element[] origins, Element serviceElement) {
    Filer filer = environment.getFiler();
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SchemaLock.DIRECTORY + "/" + SchemaLock.fileName(service),
          origins);
      try (Writer writer = file.openWriter()) {
        writer.write(text);
      }
      return path(file.toUri());
    } catch (IOException | RuntimeException e) {
      reporter.report(Messages.internalError(e, serviceElement.getSimpleName()), serviceElement);
      return Optional.empty();
    }
  }

  /**
   * The committed lock.
   *
   * @param where where it was found, as a message names it
   * @param text its text, {@code null} when the file is there but cannot be read
   * @param path the file, when it is one
   */
  record Committed(String where, String text, Optional<Path> path) {}

  /** The lock on the source path, through the {@code Filer}; under Maven there is none. */
  private Optional<Committed> onSourcePath(String fileName) {
    try {
      FileObject source = environment.getFiler().getResource(StandardLocation.SOURCE_PATH, "", SchemaLock.DIRECTORY + "/" + fileName);
      return Optional.of(new Committed(source.toUri().toString(), source.getCharContent(false).toString(), path(source.toUri())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not on the source path, or no source path
    }
  }

  private static Optional<Committed> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Committed(file.toString(), Files.readString(file, StandardCharsets.UTF_8), Optional.of(file)));
    } catch (IOException e) {
      return Optional.of(new Committed(file.toString(), null, Optional.of(file)));
    }
  }

  /**
   * {@code <module>/src/main/resources/META-INF/wee-events} when {@code written} (the lock in the
   * class output) is under {@code <module>/target/classes} or {@code <module>/build/classes/java/main}.
   */
  static Optional<Path> resourcesDirectory(Path written) {
    Path output = written;
    for (int i = 0; i < SchemaLock.DIRECTORY.split("/").length + 1 && output != null; i++) {
      output = output.getParent();
    }
    if (output == null) {
      return Optional.empty();
    }
    Path module = null;
    if (output.endsWith(Path.of("target", "classes"))) {
      module = output.getParent().getParent();
    } else if (output.endsWith(Path.of("build", "classes", "java", "main"))) {
      module = output.getParent().getParent().getParent().getParent();
    }
    return Optional.ofNullable(module).map(m -> m.resolve(Path.of("src", "main", "resources")).resolve(SchemaLock.DIRECTORY));
  }

  private static Optional<Path> path(URI uri) {
    try {
      return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void compare(BuiltService service, Committed committed, Map<String, Object> lock) {
    List<Change> changes;
    String lockVersion;
    try {
      if (committed.text() == null) {
        throw new LockJson.SyntaxException("the file cannot be read");
      }
      Object old = LockJson.parse(committed.text());
      changes = LockComparison.compare(old, lock);
      lockVersion = old instanceof Map<?, ?> map && map.get("version") instanceof String version ? version : "";
    } catch (LockJson.SyntaxException e) {
      reporter.report(Messages.lockUnreadable(committed.where(), e.getMessage()), service.element());
      return;
    }
    ServiceVersions versions = new ServiceVersions(service.model().name(), lockVersion, service.model().version());
    for (Change change : changes) {
      report(service, change, versions);
    }
  }

  /**
   * The versions a command warning names: the lock's, and the next major of the current one; no
   * warning when the current major is above the lock's already.
   */
  private record ServiceVersions(String service, String locked, String current) {
    boolean bumped() {
      return major(current) > major(locked);
    }

    String next() {
      return (major(current) + 1) + ".0.0";
    }

    private static int major(String version) {
      int dot = version.indexOf('.');
      try {
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /**
   * Reports {@code change} on the most precise element still there: the component, the record, the
   * aggregate record (for what is gone) or the service package (for a whole aggregate). A change to
   * a command is a warning, left out when the service's major version went up already.
   */
  private void report(BuiltService service, Change change, ServiceVersions versions) {
    Elements elements = environment.getElementUtils();
    String name = versions.service();
    String locked = versions.locked();
    String next = versions.next();
    if (change instanceof Change.AggregateRemoved removed) {
      reporter.report(Messages.aggregateRemoved(removed.aggregate(), simpleName(removed.javaName()), name), service.element());
      return;
    }
    boolean event = subject(change) == Change.Subject.EVENT;
    if (!event && versions.bumped()) {
      return;
    }
    if (change instanceof Change.Removed removed) {
      Element aggregate = aggregate(service, removed.aggregate());
      String owner = aggregate.getSimpleName().toString();
      String record = simpleName(removed.javaName());
      reporter.report(event ? Messages.eventRemoved(removed.wireName(), record, owner)
          : Messages.commandRemoved(removed.wireName(), record, owner, name, locked, next), aggregate);
    } else if (change instanceof Change.Renamed renamed) {
      Change.Record record = renamed.record();
      Element element = record(service, record, elements);
      String simple = element.getSimpleName().toString();
      report(event ? Messages.eventRenamed(simple, record.wireName(), renamed.lockWireName())
          : Messages.commandRenamed(simple, record.wireName(), renamed.lockWireName(), name, locked, next), element,
          event ? AnnotationNames.EVENT : AnnotationNames.COMMAND, "name");
    } else if (change instanceof Change.VersionLowered lowered) {
      Element element = record(service, lowered.record(), elements);
      report(Messages.eventVersionLowered(element.getSimpleName().toString(), lowered.record().version(), lowered.lockVersion()),
          element, AnnotationNames.EVENT, "version");
    } else if (change instanceof Change.RequiredAdded added) {
      Change.Record record = added.record();
      String simple = simpleName(record.javaName());
      reporter.report(event ? Messages.eventComponentAdded(simple, added.path(), record.wireName(), record.version())
          : Messages.commandComponentAdded(simple, added.path(), name, locked, next), component(service, record, added.path(), elements));
    } else if (change instanceof Change.NowRequired required) {
      Change.Record record = required.record();
      String simple = simpleName(record.javaName());
      reporter.report(event
          ? Messages.eventComponentNowRequired(required.path(), required.type(), simple, record.wireName(), record.version())
          : Messages.commandComponentChanged(required.path(), simple, "optional " + required.type(), "required " + required.type(), name,
              locked, next), component(service, record, required.path(), elements));
    } else if (change instanceof Change.TypeChanged changed) {
      Change.Record record = changed.record();
      String simple = simpleName(record.javaName());
      reporter.report(event
          ? Messages.eventComponentTypeChanged(changed.path(), simple, changed.from(), changed.to(), record.wireName(), record.version())
          : Messages.commandComponentChanged(changed.path(), simple, changed.from(), changed.to(), name, locked, next),
          component(service, record, changed.path(), elements));
    }
  }

  /** Reports on {@code member} of {@code annotation} on {@code element} where it is written, else on the element. */
  private void report(Message.Text message, Element element, String annotation, String member) {
    Optional<AnnotationMirror> mirror = Mirrors.find(element, annotation);
    AnnotationValue value = mirror.map(m -> Mirrors.explicitValue(m, member)).orElse(null);
    if (value != null) {
      reporter.report(message, element, mirror.get(), value);
    } else {
      reporter.report(message, element);
    }
  }

  private static Change.Subject subject(Change change) {
    return change instanceof Change.Removed removed ? removed.subject() : ((Change.OfRecord) change).record().subject();
  }

  /** The aggregate record of {@code wireName}, else the service package. */
  private static Element aggregate(BuiltService service, String wireName) {
    return service.aggregates().stream().filter(a -> a.model().wireName().equals(wireName)).<Element>map(BuiltAggregate::element)
        .findFirst().orElse(service.element());
  }

  /** The event or command record {@code record} names, else its aggregate's. */
  private static Element record(BuiltService service, Change.Record record, Elements elements) {
    TypeElement type = elements.getTypeElement(record.javaName());
    return type != null ? type : aggregate(service, record.aggregate());
  }

  /**
   * Where the record component that starts {@code path} ({@code item} of {@code item.sku}) is in the
   * source: its field, as javac places messages on a component's field and not on the component;
   * else the record.
   */
  private static Element component(BuiltService service, Change.Record changed, String path, Elements elements) {
    Element record = record(service, changed, elements);
    String first = path.split("[.\\[{]", 2)[0];
    return ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
        .filter(field -> field.getSimpleName().contentEquals(first))
        .<Element>map(field -> field)
        .findFirst().orElse(record);
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
