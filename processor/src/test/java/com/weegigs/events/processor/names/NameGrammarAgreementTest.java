package com.weegigs.events.processor.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.internal.generated.ContainerCodecs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor checks names and derives enum wire values at compile time ({@link WireNames}); the
 * runtime checks the same names and encodes the same enums when it runs ({@link Names},
 * {@link ContainerCodecs#wireName}). A name the processor accepts must not be refused at run time, nor the
 * other way round: the same tables go through both, and each must give the expected answer.
 */
class NameGrammarAgreementTest {
  private static final List<String> VALID_NAMES = List.of(
      "a", "receipts", "add-item", "item2-added", "receipt-v2", "a-", "a--b", "z9", "x".repeat(50));

  private static final List<String> INVALID_NAMES = Arrays.asList(
      null, "", "A", "Add", "addItem", "1a", "-a", "9", "a_b", "a.b", "a*", "a>", "a b", " a", "a\n", "a\t",
      "caf\u00e9", "\u00e9t\u00e9", "\uff41", "a/b", "a:b", "x".repeat(51), "add-item!");

  private static final List<String> VALID_VERSIONS = List.of(
      "1.0.0", "0.0.1", "10.20.30", "2.1.0-rc.1", "1.0.0-alpha", "1.0.0-0.3.7", "1.0.0-x-y");

  private static final List<String> INVALID_VERSIONS = Arrays.asList(
      null, "", "1", "1.0", "v1.0.0", "1.0.0-RC1", "1.0.0+build", "1.0.0-", " 1.0.0", "1.0.0 ", "1.0.0.0",
      "\u0661.\u0660.\u0660", "1.0.0-r c");

  /** Constants whose wire values a different rule would change: underscores, mixed case, digits, letters beyond ASCII. */
  private enum Sample { OPEN, IN_PROGRESS, InProgress, A_B_C, X1, _LEADING, TRAILING_, \u00c9T\u00c9, TITLE_\u0130 }

  @Test
  void namesAreJudgedAlikeAtCompileTimeAndRunTime() {
    List<String> problems = new ArrayList<>();
    check(problems, VALID_NAMES, true);
    check(problems, INVALID_NAMES, false);
    assertEquals(List.of(), problems);
  }

  @Test
  void versionsAreJudgedAlikeAtCompileTimeAndRunTime() {
    List<String> problems = new ArrayList<>();
    for (String version : VALID_VERSIONS) {
      agree(problems, "version", version, true, WireNames.isValidVersion(version), Names.isValidVersion(version));
    }
    for (String version : INVALID_VERSIONS) {
      agree(problems, "version", version, false, WireNames.isValidVersion(version), Names.isValidVersion(version));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theRuleAndItsLimitAreTheSame() {
    assertEquals(Names.MAX_NAME_LENGTH, WireNames.MAX_NAME_LENGTH);
    assertEquals(Names.NAME_RULE, WireNames.NAME_RULE);
  }

  @Test
  void enumConstantsHaveTheSameWireValueAtCompileTimeAndRunTime() {
    for (Sample constant : Sample.values()) {
      assertEquals(ContainerCodecs.wireName(constant), WireNames.enumWireValue(constant.name()), constant.name());
    }
    assertEquals("in-progress", WireNames.enumWireValue("IN_PROGRESS"));
    assertEquals("inprogress", WireNames.enumWireValue("InProgress"));
  }

  private static void check(List<String> problems, List<String> names, boolean expected) {
    for (String name : names) {
      agree(problems, "name", name, expected, WireNames.isValidName(name), Names.isValidName(name));
      // The processor's explanation must agree with its own verdict.
      agree(problems, "name problem", name, expected, WireNames.nameProblem(name).isEmpty(), WireNames.isValidName(name));
    }
  }

  private static void agree(List<String> problems, String what, String value, boolean expected, boolean processor, boolean runtime) {
    if (processor != expected || runtime != expected) {
      problems.add(what + " " + (value == null ? "null" : "\"" + value + "\"") + ": expected " + expected
          + ", processor " + processor + ", runtime " + runtime);
    }
  }
}
