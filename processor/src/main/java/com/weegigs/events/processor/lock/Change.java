package com.weegigs.events.processor.lock;

/**
 * One change between the committed schema lock and the new one that a reader or a caller would
 * notice. Compatible changes are not changes here: {@link LockComparison} finds only these.
 */
sealed interface Change {
  /** Whether a change is to an event (stored data) or a command (callers). */
  enum Subject {
    /** An event: stored data. */
    EVENT,
    /** A command: callers of the service. */
    COMMAND
  }

  /** A change to one event or command that is still declared. */
  sealed interface OfRecord extends Change {
    /** The event or command, as the new lock has it. */
    Record record();
  }

  /**
   * An event or command of the new lock whose shape changed.
   *
   * @param subject event or command
   * @param aggregate the aggregate's wire name
   * @param wireName its wire name
   * @param javaName its record's qualified name
   * @param version the event's version (1 for a command)
   */
  record Record(Subject subject, String aggregate, String wireName, String javaName, int version) {}

  /**
   * A required component that the old shape did not have.
   *
   * @param record where
   * @param path the component, and the components of nested records below it ({@code item.sku},
   *     {@code lines[].sku}, {@code prices{}.amount})
   */
  record RequiredAdded(Record record, String path) implements OfRecord {}

  /**
   * A component that was optional and is now required.
   *
   * @param record where
   * @param path the component, as {@link RequiredAdded#path()}
   * @param type its type, as a message names it
   */
  record NowRequired(Record record, String path, String type) implements OfRecord {}

  /**
   * A component whose type no longer reads every value the old one held.
   *
   * @param record where
   * @param path the component, as {@link RequiredAdded#path()}
   * @param from the old type, as a message names it
   * @param to the new one
   */
  record TypeChanged(Record record, String path, String from, String to) implements OfRecord {}

  /**
   * An event or command of the old lock that no record of this aggregate declares any more.
   *
   * @param subject event or command
   * @param aggregate the aggregate's wire name
   * @param wireName its wire name in the old lock
   * @param javaName its record's qualified name in the old lock
   */
  record Removed(Subject subject, String aggregate, String wireName, String javaName) implements Change {}

  /**
   * An event or command whose record is still declared, under another wire name.
   *
   * @param record where, with the new wire name
   * @param lockWireName the wire name in the old lock
   */
  record Renamed(Record record, String lockWireName) implements OfRecord {}

  /**
   * An event whose version went down.
   *
   * @param record where, with the new version
   * @param lockVersion the version in the old lock
   */
  record VersionLowered(Record record, int lockVersion) implements OfRecord {}

  /**
   * An aggregate of the old lock that the service no longer declares.
   *
   * @param aggregate its wire name
   * @param javaName its state record's qualified name in the old lock
   */
  record AggregateRemoved(String aggregate, String javaName) implements Change {}
}
