package com.weegigs.events.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.definition.CommandType;
import io.nats.client.Connection;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * The generated sources of the test models, compiled once with the hand-written domain records
 * ({@code src/test/resources/domain}) and the runtime, with {@code -Xlint:all,-processing -Werror},
 * and loaded for the tests that run them.
 */
final class CompiledModels {
  private static final JsonFactory JSON = new JsonFactory();
  private static ClassLoader loader;

  private CompiledModels() {}

  /** The loader of the compiled classes; compiles them on first use. */
  static synchronized ClassLoader loader() {
    if (loader == null) {
      loader = new CompiledClassLoader(compile(), CompiledModels.class.getClassLoader());
    }
    return loader;
  }

  /** The value of the public static field {@code field} of the compiled class {@code type}. */
  static Object constant(String type, String field) throws ReflectiveOperationException {
    return Class.forName(type, true, loader()).getField(field).get(null);
  }

  /** The codec of a {@code CommandType} constant, or the constant itself when it is a codec. */
  @SuppressWarnings("unchecked")
  static JsonCodec<Object> codec(Object typeConstant) {
    if (typeConstant instanceof CommandType<?> command) {
      return (JsonCodec<Object>) command.codec();
    }
    return (JsonCodec<Object>) typeConstant;
  }

  /** Reads {@code json} with {@code codec}, its violations into {@code context}. */
  static Object read(JsonCodec<Object> codec, String json, DecodeContext context) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      return codec.read(parser, context);
    }
  }

  /** Writes {@code value} with {@code codec}, as JSON text. */
  static String write(JsonCodec<Object> codec, Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      codec.write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Compilation compile() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (var service : List.of(TestModels.receipts(), TestModels.shop(), TestModels.edge())) {
      for (JavaFile file : WritersGoldenTest.generate(service)) {
        sources.add(file.toJavaFileObject());
      }
    }
    Path domain = Path.of("src", "test", "resources", "domain");
    try (Stream<Path> files = Files.walk(domain)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String name = domain.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.java$", "");
        sources.add(JavaFileObjects.forSourceString(name, Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Compilation compilation = Compiler.javac()
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(classpath(JsonCodec.class, JsonParser.class, Connection.class, com.weegigs.events.annotations.Service.class,
            jakarta.validation.constraints.NotBlank.class))
        .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  /** The jars (or class directories) holding {@code members}, for a compile class path. */
  static List<File> classpath(Class<?>... members) {
    List<File> files = new ArrayList<>();
    for (Class<?> member : members) {
      try {
        files.add(new File(member.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return files;
  }

  /** Loads the classes of a compile-testing {@link Compilation}. */
  static final class CompiledClassLoader extends ClassLoader {
    private final Compilation compilation;

    CompiledClassLoader(Compilation compilation, ClassLoader parent) {
      super(parent);
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = name.replace('.', '/') + ".class";
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().endsWith("/" + path)) {
          try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}
