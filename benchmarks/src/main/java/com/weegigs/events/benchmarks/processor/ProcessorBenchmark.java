package com.weegigs.events.benchmarks.processor;

import static com.weegigs.events.benchmarks.Medians.median;

import com.weegigs.events.benchmarks.RunOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code processor}: how much of javac's time the annotation processor takes on a large code base.
 *
 * <ol>
 *   <li>{@link AggregateSourceGenerator} writes {@code --aggregates} (200) aggregates into a temporary
 *       directory.
 *   <li>(a) javac compiles them with the processor on {@code -processorpath}: javac's whole job
 *       in a user's build.
 *   <li>(b) javac compiles the same sources plus the sources (a) generated, with {@code -proc:none}:
 *       the same compilation work without the processor.
 *   <li>The processor's own time is a − b; its share is (a − b) ÷ a.
 *   <li>(c) javac compiles the sources of (b) with a processor that generates one tiny class and does
 *       nothing else ({@link OneClassProcessor}): (c − b) ÷ c is javac's floor, the share that any
 *       processor generating sources costs, since javac enters every source again in each round.
 * </ol>
 *
 * Both run in this JVM through {@code javax.tools} (as Maven and Gradle run javac), with the same
 * options. The first (a), which produces the sources (b) needs, also loads and warms javac and the
 * processor and is not measured, nor are the first (b) and (c); then (b), (a) and (c) take turns
 * {@code --repeats} times and the medians are taken. javac gives {@code -processorpath} a class loader of its own, but that loader asks
 * javac's (this JVM's class path) first, and the processor is on that path too: its classes, and
 * the JIT's work on them, carry over from one compile to the next, as they do in a build daemon; a
 * one-shot build also pays to load and warm them.
 *
 * <p>The headline figures are the CPU time this JVM spends during each compile (javac and the
 * processors on the calling thread, plus the garbage collector and the JIT working for them;
 * nothing else runs here), which other work on a shared machine disturbs far less than wall-clock
 * time. Every compile starts from a collected heap ({@link System#gc()} before it, outside the
 * measurement), so that no compile pays for collecting the garbage the one before left behind.
 * Beside them: the CPU time of the compiling thread alone (javac and the processor, without the
 * work of the collector's and the JIT's own threads), and wall-clock times.
 *
 * <p>Class path and processor path default to this JVM's class path (the shaded benchmarks jar
 * holds the annotations, the runtime, jakarta.validation and the processor); {@code --classpath}
 * and {@code --processor-path} override them.
 *
 * <p>For profiling only, {@code --time-process on} hands javac the processors of the processor path
 * itself, each wrapped to count the compiling thread's CPU time and allocation inside its
 * {@code init} and {@code process}, and prints them for each measured (a): how much of a − b is
 * the processor's own code (with the {@code Filer} and the {@code Elements} it calls) and how much
 * is javac's extra work around it. Off by default: the suite never sets it, and its figures do not
 * depend on it.
 */
public final class ProcessorBenchmark {
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  /** javac runs the compile, processors included, on the thread that calls the task. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ProcessorBenchmark() {}

  /**
   * What the scenario measured.
   *
   * @param aggregates aggregates compiled
   * @param sourceFiles hand-written source files
   * @param generatedFiles source files the processor generated
   * @param withProcessorMillis median javac CPU time with the processor (a)
   * @param withoutProcessorMillis median javac CPU time over all sources with {@code -proc:none} (b)
   * @param withProcessorWallMillis median wall-clock time of (a)
   * @param withoutProcessorWallMillis median wall-clock time of (b)
   * @param withProcessorThreadMillis median CPU time of the compiling thread in (a)
   * @param withoutProcessorThreadMillis median CPU time of the compiling thread in (b)
   * @param floorMillis median javac CPU time of (c), with a processor that generates one class
   * @param floorThreadMillis median CPU time of the compiling thread in (c)
   * @param repeats how many (a), (b) and (c) compiles the medians come from
   */
  public record Result(
      int aggregates,
      int sourceFiles,
      int generatedFiles,
      double withProcessorMillis,
      double withoutProcessorMillis,
      double withProcessorWallMillis,
      double withoutProcessorWallMillis,
      double withProcessorThreadMillis,
      double withoutProcessorThreadMillis,
      double floorMillis,
      double floorThreadMillis,
      int repeats) {

    /** The processor's own time, a − b. */
    public double processorMillis() {
      return withProcessorMillis - withoutProcessorMillis;
    }

    /** The processor's share of javac's time, (a − b) ÷ a. */
    public double processorShare() {
      return processorMillis() / withProcessorMillis;
    }

    /** The processor's share of the compiling thread's CPU time, (a − b) ÷ a. */
    public double threadProcessorShare() {
      return (withProcessorThreadMillis - withoutProcessorThreadMillis) / withProcessorThreadMillis;
    }

    /** javac's floor: the share of (c) that is not (b)'s work, (c − b) ÷ c. */
    public double floorShare() {
      return (floorMillis - withoutProcessorMillis) / floorMillis;
    }

    /** javac's floor on the compiling thread, (c − b) ÷ c. */
    public double threadFloorShare() {
      return (floorThreadMillis - withoutProcessorThreadMillis) / floorThreadMillis;
    }

    /** The {@code RESULT} line. */
    public String resultLine() {
      return String.format(
          Locale.ROOT,
          "RESULT scenario=processor aggregates=%d source_files=%d generated_files=%d"
              + " javac_with_processor_ms=%.0f javac_proc_none_ms=%.0f processor_ms=%.0f"
              + " processor_share=%.3f wall_with_processor_ms=%.0f wall_proc_none_ms=%.0f"
              + " wall_processor_share=%.3f thread_with_processor_ms=%.0f thread_proc_none_ms=%.0f"
              + " thread_processor_share=%.3f javac_floor_ms=%.0f floor_share=%.3f"
              + " thread_floor_ms=%.0f thread_floor_share=%.3f repeats=%d",
          aggregates,
          sourceFiles,
          generatedFiles,
          withProcessorMillis,
          withoutProcessorMillis,
          processorMillis(),
          processorShare(),
          withProcessorWallMillis,
          withoutProcessorWallMillis,
          (withProcessorWallMillis - withoutProcessorWallMillis) / withProcessorWallMillis,
          withProcessorThreadMillis,
          withoutProcessorThreadMillis,
          threadProcessorShare(),
          floorMillis,
          floorShare(),
          floorThreadMillis,
          threadFloorShare(),
          repeats);
    }
  }

  /** Runs the scenario. */
  public static Result run(RunOptions options) throws IOException {
    int aggregates = options.integer("aggregates", 200);
    int repeats = options.integer("repeats", 3);
    String classPath = options.string("classpath", System.getProperty("java.class.path"));
    String processorPath = options.string("processor-path", classPath);
    ProcessTimer timer = options.string("time-process", "off").equals("on") ? new ProcessTimer(processorPath) : null;
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("the processor scenario needs a JDK (no system Java compiler)");
    }
    Path work = Files.createTempDirectory("wee-processor-bench");
    try {
      Path sources = work.resolve("src");
      List<Path> written = AggregateSourceGenerator.write(sources, aggregates);
      System.out.printf(
          Locale.ROOT, "processor: %d aggregates, %d source files in %s%n", aggregates,
          written.size(), sources);

      // (a) once for its output, which (b) compiles too; it also loads and warms javac.
      Path generated = work.resolve("generated");
      Timing first = compileWithProcessor(javac, work, written, generated, classPath, processorPath, timer);
      List<Path> generatedFiles = javaFiles(generated);
      if (generatedFiles.isEmpty()) {
        throw new IllegalStateException("the processor generated no sources: is it on " + processorPath);
      }
      List<Path> all = new ArrayList<>(written);
      all.addAll(generatedFiles);
      System.out.printf(
          Locale.ROOT, "processor: generated %d files; first compile with processor %.0f ms%n",
          generatedFiles.size(), first.wallMillis());
      // (b) once, unmeasured, as (a) had its first compile: the first (b) ran 1.4 to 1.7 times
      // the CPU of later ones, which made the baseline dear and the processor's share look small
      Timing firstWithout = compileWithoutProcessor(javac, work, all, classPath);
      System.out.printf(
          Locale.ROOT, "processor: first compile with -proc:none %.0f ms%n", firstWithout.wallMillis());
      Timing firstFloor = compileWithOneClassProcessor(javac, work, all, classPath, work.resolve("floor-first"));
      System.out.printf(
          Locale.ROOT, "processor: first compile with a one-class processor %.0f ms%n", firstFloor.wallMillis());

      double[] withCpu = new double[repeats];
      double[] withoutCpu = new double[repeats];
      double[] withWall = new double[repeats];
      double[] withoutWall = new double[repeats];
      double[] withThread = new double[repeats];
      double[] withoutThread = new double[repeats];
      double[] floorCpu = new double[repeats];
      double[] floorThread = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        Timing b = compileWithoutProcessor(javac, work, all, classPath);
        if (timer != null) {
          timer.reset();
        }
        Timing a = compileWithProcessor(javac, work, written, work.resolve("generated-" + r),
            classPath, processorPath, timer);
        if (timer != null) {
          System.out.printf(
              Locale.ROOT, "processor: run %d: inside the processor %.0f ms of the compiling thread's CPU, %d MB allocated%n",
              r + 1, timer.nanos / 1e6, timer.bytes >> 20);
        }
        withCpu[r] = a.cpuMillis();
        withWall[r] = a.wallMillis();
        withoutCpu[r] = b.cpuMillis();
        withoutWall[r] = b.wallMillis();
        withThread[r] = a.threadMillis();
        withoutThread[r] = b.threadMillis();
        Timing c = compileWithOneClassProcessor(javac, work, all, classPath, work.resolve("floor-" + r));
        floorCpu[r] = c.cpuMillis();
        floorThread[r] = c.threadMillis();
        System.out.printf(
            Locale.ROOT,
            "processor: run %d: -proc:none %.0f ms (cpu %.0f ms, thread %.0f ms),"
                + " with processor %.0f ms (cpu %.0f ms, thread %.0f ms),"
            + " one-class processor %.0f ms (cpu %.0f ms, thread %.0f ms)%n",
            r + 1, b.wallMillis(), b.cpuMillis(), b.threadMillis(), a.wallMillis(), a.cpuMillis(),
            a.threadMillis(), c.wallMillis(), c.cpuMillis(), c.threadMillis());
      }
      return new Result(aggregates, written.size(), generatedFiles.size(), median(withCpu),
          median(withoutCpu), median(withWall), median(withoutWall), median(withThread),
          median(withoutThread), median(floorCpu), median(floorThread), repeats);
    } finally {
      delete(work);
    }
  }

  private static Timing compileWithProcessor(
      JavaCompiler javac, Path work, List<Path> sources, Path generated, String classPath,
      String processorPath, ProcessTimer timer) throws IOException {
    Files.createDirectories(generated);
    Path classes = Files.createTempDirectory(work, "classes-a");
    List<String> options = List.of(
        "--release", "17", "-encoding", "UTF-8", "-nowarn", "-implicit:none",
        "-classpath", classPath, "-processorpath", processorPath,
        "-d", classes.toString(), "-s", generated.toString());
    Timing timing = compile(javac, sources, options, timer == null ? null : timer.processors());
    delete(classes);
    return timing;
  }

  /**
   * {@code --time-process}: the processors of the processor path, found as javac finds them (the
   * service loader over a class loader of that path whose parent is this JVM's), each wrapped to
   * count what it costs the compiling thread.
   */
  static final class ProcessTimer {
    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;
    private final ClassLoader loader;
    long nanos;
    long bytes;

    ProcessTimer(String processorPath) throws IOException {
      List<java.net.URL> urls = new ArrayList<>();
      for (String entry : processorPath.split(java.io.File.pathSeparator)) {
        if (!entry.isEmpty()) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), ProcessorBenchmark.class.getClassLoader());
    }

    void reset() {
      nanos = 0;
      bytes = 0;
    }

    /** Fresh instances for one compile, as javac makes them. */
    List<Processor> processors() {
      List<Processor> timed = new ArrayList<>();
      for (Processor processor : java.util.ServiceLoader.load(Processor.class, loader)) {
        timed.add(new Timed(processor));
      }
      if (timed.isEmpty()) {
        throw new IllegalStateException("no annotation processor on the processor path");
      }
      return timed;
    }

    /** Runs {@code step} and adds the compiling thread's CPU time and allocation during it. */
    private <T> T count(java.util.function.Supplier<T> step) {
      long start = THREADS.getCurrentThreadCpuTime();
      long allocated = ALLOCATION.getCurrentThreadAllocatedBytes();
      try {
        return step.get();
      } finally {
        nanos += THREADS.getCurrentThreadCpuTime() - start;
        bytes += ALLOCATION.getCurrentThreadAllocatedBytes() - allocated;
      }
    }

    /** One processor, counted. */
    private final class Timed implements Processor {
      private final Processor processor;

      Timed(Processor processor) {
        this.processor = processor;
      }

      @Override
      public Set<String> getSupportedOptions() {
        return processor.getSupportedOptions();
      }

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return processor.getSupportedAnnotationTypes();
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return processor.getSupportedSourceVersion();
      }

      @Override
      public void init(javax.annotation.processing.ProcessingEnvironment environment) {
        count(() -> {
          processor.init(environment);
          return null;
        });
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return count(() -> processor.process(annotations, round));
      }

      @Override
      public Iterable<? extends javax.annotation.processing.Completion> getCompletions(
          javax.lang.model.element.Element element, javax.lang.model.element.AnnotationMirror annotation,
          javax.lang.model.element.ExecutableElement member, String userText) {
        return processor.getCompletions(element, annotation, member, userText);
      }
    }
  }

  private static Timing compileWithoutProcessor(
      JavaCompiler javac, Path work, List<Path> sources, String classPath) throws IOException {
    Path classes = Files.createTempDirectory(work, "classes-b");
    List<String> options = List.of(
        "--release", "17", "-encoding", "UTF-8", "-nowarn", "-implicit:none", "-proc:none",
        "-classpath", classPath, "-d", classes.toString());
    Timing timing = compile(javac, sources, options, null);
    delete(classes);
    return timing;
  }

  /** (c): the sources of (b) with {@link OneClassProcessor} as the only processor. */
  private static Timing compileWithOneClassProcessor(
      JavaCompiler javac, Path work, List<Path> sources, String classPath, Path generated) throws IOException {
    Files.createDirectories(generated);
    Path classes = Files.createTempDirectory(work, "classes-c");
    List<String> options = List.of(
        "--release", "17", "-encoding", "UTF-8", "-nowarn", "-implicit:none",
        "-classpath", classPath, "-d", classes.toString(), "-s", generated.toString());
    Timing timing = compile(javac, sources, options, List.of(new OneClassProcessor()));
    delete(classes);
    return timing;
  }

  /**
   * The least a processor that generates sources can do: one empty class in its first round. javac
   * then enters every source again for the next round, as it does for any processor that generates
   * sources, which is the floor under the processor's share.
   */
  @SupportedAnnotationTypes("*")
  static final class OneClassProcessor extends AbstractProcessor {
    private boolean written;

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("wee.bench.floor.Floor").openWriter()) {
          out.write("package wee.bench.floor;\n\n/** Written by the processor benchmark's floor compile. */\n"
              + "public final class Floor {}\n");
        } catch (IOException e) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write the floor class: " + e);
        }
      }
      return false;
    }
  }

  /**
   * One compile's wall-clock time, this JVM's CPU time meanwhile and the compiling thread's own CPU
   * time, in milliseconds.
   */
  record Timing(double wallMillis, double cpuMillis, double threadMillis) {}

  /** One compile; {@code processors}, when given, are the only ones javac runs. */
  private static Timing compile(JavaCompiler javac, List<Path> sources, List<String> options,
      List<? extends Processor> processors) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromPaths(sources);
      StringWriter out = new StringWriter();
      // Collect what the previous compile left, so that this one pays for its own garbage only.
      System.gc();
      long threadStart = THREADS.getCurrentThreadCpuTime();
      long cpuStart = PROCESS.getProcessCpuTime();
      long start = System.nanoTime();
      JavaCompiler.CompilationTask task = javac.getTask(out, files, diagnostics, options, null, units);
      if (processors != null) {
        task.setProcessors(processors);
      }
      boolean ok = task.call();
      long elapsed = System.nanoTime() - start;
      long cpu = PROCESS.getProcessCpuTime() - cpuStart;
      long thread = THREADS.getCurrentThreadCpuTime() - threadStart;
      if (!ok) {
        StringBuilder message = new StringBuilder("javac failed:\n").append(out);
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .limit(20)
            .forEach(d -> message.append(d).append('\n'));
        throw new IllegalStateException(message.toString());
      }
      return new Timing(elapsed / 1e6, cpu / 1e6, thread / 1e6);
    }
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
