package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The root README's copy of the receipts' NATS permissions ("NATS permissions", the {@code conf}
 * block) is the file the processor generates into the API jar, so the two cannot drift apart
 * (surefire runs in the module directory).
 */
class ReadmePermissionsTest {
  private static final String GENERATED = "META-INF/wee-events/receipts.permissions.conf";

  @Test
  void theReadmeShowsTheGeneratedPermissions() throws IOException {
    String readme = Files.readString(Path.of("..", "..", "README.md"), StandardCharsets.UTF_8);
    String opening = "<summary><code>receipts.permissions.conf</code></summary>\n\n```conf\n";
    int start = readme.indexOf(opening);
    assertTrue(start >= 0, "README.md has no receipts.permissions.conf block");
    int end = readme.indexOf("```\n", start + opening.length());
    String shown = readme.substring(start + opening.length(), end);

    String generated;
    try (InputStream in = ReceiptsService.class.getClassLoader().getResourceAsStream(GENERATED)) {
      assertNotNull(in, GENERATED + " is not on the class path (the receipts API jar)");
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(generated, shown, "README.md's receipts.permissions.conf differs from the generated file: copy it from "
        + "example/receipts-api/target/classes/" + GENERATED);
  }
}
