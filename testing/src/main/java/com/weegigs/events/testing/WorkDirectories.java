package com.weegigs.events.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories and log files of test servers. */
final class WorkDirectories {
  private static final int TAIL_BYTES = 64 * 1024;

  private WorkDirectories() {}

  /** A new temporary directory, deleted on JVM exit if the owner does not delete it first. */
  static Path create(String prefix) {
    try {
      Path directory = Files.createTempDirectory(prefix);
      ProcessReaper.registerDirectory(directory);
      return directory;
    } catch (IOException e) {
      throw new NatsServerException("cannot create a temporary directory for nats-server: " + e.getMessage(), e);
    }
  }

  /** Deletes a directory tree, ignoring what cannot be deleted (a test must not fail on cleanup). */
  static void delete(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // Best effort: leftovers in the temp folder are harmless.
        }
      });
    } catch (IOException | UncheckedIOException ignored) {
      // Best effort, as above.
    }
    ProcessReaper.unregisterDirectory(directory);
  }

  /** The size of a file, 0 when it does not exist. */
  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0L;
    } catch (IOException e) {
      return 0L;
    }
  }

  /** The text of a file from a byte offset on, empty when it does not exist. */
  static String readFrom(Path file, long offset) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (offset >= length) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
      in.seek(offset);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last {@code lines} lines of a file, empty when it does not exist. */
  static String tail(Path file, int lines) {
    long size = size(file);
    String text = readFrom(file, Math.max(0, size - TAIL_BYTES));
    return lastLines(text, lines);
  }

  /** The last {@code lines} lines of a text. */
  static String lastLines(String text, int lines) {
    String[] all = text.split("\r?\n");
    int from = Math.max(0, all.length - Math.max(0, lines));
    return String.join("\n", Arrays.asList(all).subList(from, all.length));
  }
}
