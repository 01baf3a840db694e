package com.weegigs.events.runtime.service;

/**
 * The NATS queue group every endpoint subscribes in, so instances of a service share its load.
 *
 * @param name a subject token: 1 to 64 characters, no spaces, dots or wildcards
 */
public record QueueGroupConfig(String name) {
  /** The default queue group of the wire contract. */
  public static final String DEFAULT = "q";

  /** @throws IllegalArgumentException naming every problem */
  public QueueGroupConfig {
    new ConfigProblems("QueueGroupConfig")
        .check(name == null || name.isEmpty(), "name must not be empty")
        .check(name != null && name.length() > 64, "name must be at most 64 characters")
        .check(name != null && !name.matches("[^\\s.*>]*"), "name must not contain spaces, '.', '*' or '>'")
        .throwIfAny();
  }

  /** The default group {@code q}. */
  public static QueueGroupConfig defaults() {
    return new QueueGroupConfig(DEFAULT);
  }
}
