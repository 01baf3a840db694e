package com.weegigs.events.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodeContextTest {
  @Test
  void buildsJsonPathsFromFieldsAndIndexes() {
    DecodeContext context = new DecodeContext();
    assertFalse(context.hasViolations());
    context.violation("top", "a");
    context.push("items");
    for (int i = 0; i < 20; i++) {
      context.pushIndex(i); // deeper than the initial stack, and popped again
      context.pop();
    }
    context.pushIndex(2);
    context.push("name");
    context.violation("b");
    context.pop();
    context.violation("price", "c");
    context.pop();
    context.pop();
    context.violation("d");
    assertEquals(List.of(new Violation("top", "a"), new Violation("items[2].name", "b"), new Violation("items[2].price", "c"),
        new Violation("", "d")), context.violations());
    assertEquals(4, context.violationCount());
  }

  @Test
  void pathsStartBelowTheRoot() {
    DecodeContext context = new DecodeContext("command");
    context.violation("quantity", "is required");
    context.pushIndex(0);
    assertEquals("command[0]", context.path());
    context.pop();
    assertEquals("command", context.path());
    assertEquals(List.of(new Violation("command.quantity", "is required")), context.violations());
  }

  @Test
  void popWithoutPushIsABug() {
    assertThrows(IllegalStateException.class, () -> new DecodeContext().pop());
  }
}
