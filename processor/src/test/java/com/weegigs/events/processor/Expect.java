package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;

/** Assertions shared by the diagnostics tests: exact counts, text, file and line. */
final class Expect {
  private Expect() {}

  /** Exactly one error, and no warning: {@code message} in {@code file} on the line containing {@code line}. */
  static void onlyError(Domain domain, String message, String file, String line) {
    Compilation compilation = domain.compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation).hadErrorContaining(message).inFile(domain.file(file)).onLineContaining(line);
  }

  /** Success with exactly one warning: {@code message} in {@code file} on the line containing {@code line}. */
  static void onlyWarning(Domain domain, String message, String file, String line) {
    Compilation compilation = domain.compile();
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining(message).inFile(domain.file(file)).onLineContaining(line);
  }
}
