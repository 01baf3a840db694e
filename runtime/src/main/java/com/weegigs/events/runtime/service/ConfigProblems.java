package com.weegigs.events.runtime.service;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one configuration record so its constructor can name them all at once. */
final class ConfigProblems {
  private final String subject;
  private final List<String> problems = new ArrayList<>();

  ConfigProblems(String subject) {
    this.subject = subject;
  }

  /** Adds {@code problem} when {@code broken}. */
  ConfigProblems check(boolean broken, String problem) {
    if (broken) {
      problems.add(problem);
    }
    return this;
  }

  /** Throws an {@link IllegalArgumentException} naming every problem, if there is any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid " + subject + ": " + String.join("; ", problems));
    }
  }
}
