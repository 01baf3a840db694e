package com.weegigs.events.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every catalogue entry, with its current text (surefire runs in the module directory). */
class ReadmeTest {
  @Test
  void everyIdIsDocumented() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Message entry : Message.values()) {
      assertTrue(readme.contains("| `" + entry.id() + "` | " + entry.kind().name().toLowerCase(java.util.Locale.ROOT) + " |"),
          entry.id() + " is not in processor/README.md");
      String message = entry.template().replace("%s", "…").replace("|", "\\|");
      assertTrue(readme.contains("| " + message + " |"), entry.id() + ": README text differs from the catalogue: " + message);
    }
  }
}
