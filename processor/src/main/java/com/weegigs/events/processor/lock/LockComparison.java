package com.weegigs.events.processor.lock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a committed schema lock with a new one and lists the {@link Change}s a reader of stored
 * events or a caller of a command would notice; a pure function of the two JSON trees.
 *
 * <p>Rules. An aggregate, event or command of the old lock must still be there under its wire name
 * (an event or command whose record is still declared under another wire name is renamed). An
 * event whose version went up is compatible by declaration (its upcasters read the old shape); one
 * whose version went down is a change; one at the same version, and every command, must read every
 * value its old shape held: no new required component, no optional component made required, and no
 * component whose type narrowed. A type is read from the schema: a whole number may widen ({@code
 * byte} to {@code short} to {@code int} to {@code long} to {@code BigInteger}, the ranges of
 * {@code byte} and {@code short} read from their bounds) or become any number; a {@code UUID},
 * {@code Instant}, {@code LocalDate} or enum may become a {@code String}; an enum may gain
 * constants; a {@code List} and a {@code Set} may swap; nested records, elements and map values are
 * compared the same way, whatever the records are called. Constraints are not compared (the codecs
 * do not check them when reading), nor is the state (it is rebuilt from the events).
 * Removing a component is compatible: readers ignore the field old data still carries.
 */
final class LockComparison {
  private final List<Change> changes = new ArrayList<>();

  private LockComparison() {}

  /**
   * The changes from {@code committed} to {@code current}, aggregates, events and commands in
   * wire-name order.
   *
   * @throws LockJson.SyntaxException when {@code committed} is JSON but not a lock
   */
  static List<Change> compare(Object committed, Map<String, Object> current) throws LockJson.SyntaxException {
    LockComparison comparison = new LockComparison();
    Map<String, Object> old = object(committed, "the lock");
    Map<String, Object> oldAggregates = member(old, "aggregates", "the lock");
    Map<String, Object> newAggregates = member(current, "aggregates", "the lock");
    for (Map.Entry<String, Object> entry : new TreeMap<>(oldAggregates).entrySet()) {
      String aggregate = entry.getKey();
      String where = "aggregate " + aggregate;
      Map<String, Object> oldAggregate = object(entry.getValue(), where);
      Object newAggregate = newAggregates.get(aggregate);
      if (newAggregate == null) {
        comparison.changes.add(new Change.AggregateRemoved(aggregate, string(oldAggregate, "javaName", where)));
        continue;
      }
      comparison.records(Change.Subject.EVENT, aggregate, member(oldAggregate, "events", where),
          member(object(newAggregate, where), "events", where));
      comparison.records(Change.Subject.COMMAND, aggregate, member(oldAggregate, "commands", where),
          member(object(newAggregate, where), "commands", where));
    }
    return List.copyOf(comparison.changes);
  }

  private void records(Change.Subject subject, String aggregate, Map<String, Object> old, Map<String, Object> current)
      throws LockJson.SyntaxException {
    boolean events = subject == Change.Subject.EVENT;
    for (Map.Entry<String, Object> entry : new TreeMap<>(old).entrySet()) {
      String wireName = entry.getKey();
      String where = (events ? "event " : "command ") + wireName + " of aggregate " + aggregate;
      Map<String, Object> oldRecord = object(entry.getValue(), where);
      String javaName = string(oldRecord, "javaName", where);
      Object found = current.get(wireName);
      if (found == null) {
        changes.add(renamed(subject, aggregate, wireName, javaName, old, current)
            .orElse(new Change.Removed(subject, aggregate, wireName, javaName)));
        continue;
      }
      Map<String, Object> newRecord = object(found, where);
      int oldVersion = events ? version(oldRecord, where) : 1;
      int newVersion = events ? version(newRecord, where) : 1;
      Change.Record record = new Change.Record(subject, aggregate, wireName, string(newRecord, "javaName", where), newVersion);
      if (newVersion < oldVersion) {
        changes.add(new Change.VersionLowered(record, oldVersion));
      } else if (newVersion == oldVersion) {
        new Shapes(record, member(oldRecord, "schema", where), member(newRecord, "schema", where)).compare();
      }
    }
  }

  /** The record of {@code javaName} under a wire name that the old lock does not have, if any. */
  private static java.util.Optional<Change> renamed(Change.Subject subject, String aggregate, String wireName, String javaName,
      Map<String, Object> old, Map<String, Object> current) {
    for (Map.Entry<String, Object> entry : new TreeMap<>(current).entrySet()) {
      if (!old.containsKey(entry.getKey()) && entry.getValue() instanceof Map<?, ?> record && javaName.equals(record.get("javaName"))) {
        int version = record.get("version") instanceof BigDecimal number ? number.intValue() : 1;
        return java.util.Optional.of(new Change.Renamed(new Change.Record(subject, aggregate, entry.getKey(), javaName, version), wireName));
      }
    }
    return java.util.Optional.empty();
  }

  /** The comparison of one record's old and new JSON Schema. */
  private final class Shapes {
    private final Change.Record record;
    private final Map<String, Object> oldRoot;
    private final Map<String, Object> newRoot;
    /** Pairs of records compared already, so a recursive record is compared once. */
    private final Set<List<String>> compared = new HashSet<>();

    Shapes(Change.Record record, Map<String, Object> oldRoot, Map<String, Object> newRoot) {
      this.record = record;
      this.oldRoot = oldRoot;
      this.newRoot = newRoot;
    }

    void compare() {
      compared.add(List.of("#", "#"));
      properties(oldRoot, newRoot, "");
    }

    private void properties(Map<String, Object> old, Map<String, Object> current, String prefix) {
      Map<?, ?> oldProperties = map(old.get("properties"));
      Map<?, ?> newProperties = map(current.get("properties"));
      List<?> oldRequired = list(old.get("required"));
      List<?> newRequired = list(current.get("required"));
      for (Map.Entry<?, ?> property : newProperties.entrySet()) {
        String name = property.getKey().toString();
        String path = prefix + name;
        boolean required = newRequired.contains(name);
        if (!oldProperties.containsKey(name)) {
          if (required) {
            changes.add(new Change.RequiredAdded(record, path));
          }
        } else if (required && !oldRequired.contains(name)) {
          changes.add(new Change.NowRequired(record, path, describe(property.getValue(), newRoot)));
        } else {
          value(oldProperties.get(name), property.getValue(), path);
        }
      }
    }

    private void value(Object oldValue, Object newValue, String path) {
      Map<?, ?> old = nonNull(oldValue);
      Map<?, ?> current = nonNull(newValue);
      if (old.get("$ref") instanceof String oldRef && current.get("$ref") instanceof String newRef) {
        if (compared.add(List.of(oldRef, newRef))) {
          properties(resolve(oldRoot, oldRef), resolve(newRoot, newRef), path + ".");
        }
        return;
      }
      if (!compatible(old, current)) {
        changes.add(new Change.TypeChanged(record, path, describe(old, oldRoot), describe(current, newRoot)));
        return;
      }
      switch (kind(old)) {
        case ARRAY -> value(old.get("items"), current.get("items"), path + "[]");
        case MAP -> value(old.get("additionalProperties"), current.get("additionalProperties"), path + "{}");
        default -> {
          // A plain value: compatible is all there is to know.
        }
      }
    }
  }

  /** What a schema describes, as far as reading it goes. */
  private enum Kind {
    BOOLEAN, INTEGER, NUMBER, STRING, ENUM, ARRAY, MAP, RECORD, OTHER
  }

  private static Kind kind(Map<?, ?> schema) {
    if (schema.containsKey("$ref")) {
      return Kind.RECORD;
    }
    if (schema.containsKey("enum")) {
      return Kind.ENUM;
    }
    Object type = schema.get("type");
    if (!(type instanceof String name)) {
      return Kind.OTHER;
    }
    return switch (name) {
      case "boolean" -> Kind.BOOLEAN;
      case "integer" -> Kind.INTEGER;
      case "number" -> Kind.NUMBER;
      case "string" -> Kind.STRING;
      case "array" -> Kind.ARRAY;
      case "object" -> schema.containsKey("additionalProperties") ? Kind.MAP : Kind.OTHER;
      default -> Kind.OTHER;
    };
  }

  /** Whether every value {@code old} describes reads as {@code current} (nested shapes aside). */
  private static boolean compatible(Map<?, ?> old, Map<?, ?> current) {
    Kind to = kind(current);
    return switch (kind(old)) {
      case BOOLEAN, NUMBER, ARRAY, MAP -> to == kind(old);
      case INTEGER -> to == Kind.NUMBER || (to == Kind.INTEGER && width(current) >= width(old));
      case STRING -> to == Kind.STRING && (typeFormat(current) == null || typeFormat(current).equals(typeFormat(old)));
      case ENUM -> (to == Kind.STRING && typeFormat(current) == null)
          || (to == Kind.ENUM && list(current.get("enum")).containsAll(list(old.get("enum"))));
      case RECORD -> to == Kind.RECORD;
      case OTHER -> old.equals(current);
    };
  }

  /** The bits of a whole number: 8, 16, 32, 64, or {@code Integer.MAX_VALUE} for a {@code BigInteger}. */
  private static int width(Map<?, ?> schema) {
    Object format = schema.get("format");
    if ("int32".equals(format)) {
      return 32;
    }
    if ("int64".equals(format)) {
      return 64;
    }
    if (schema.get("minimum") instanceof BigDecimal min && schema.get("maximum") instanceof BigDecimal max) {
      if (min.compareTo(BigDecimal.valueOf(Byte.MIN_VALUE)) >= 0 && max.compareTo(BigDecimal.valueOf(Byte.MAX_VALUE)) <= 0) {
        return 8;
      }
      if (min.compareTo(BigDecimal.valueOf(Short.MIN_VALUE)) >= 0 && max.compareTo(BigDecimal.valueOf(Short.MAX_VALUE)) <= 0) {
        return 16;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The format of a string that is a type ({@code uuid}, {@code date-time}, {@code date}), else {@code null}. */
  private static String typeFormat(Map<?, ?> schema) {
    Object format = schema.get("format");
    return "uuid".equals(format) || "date-time".equals(format) || "date".equals(format) ? (String) format : null;
  }

  /** The type a schema describes, in the words of Java: {@code int}, {@code List of Item}, ... */
  private static String describe(Object value, Map<String, Object> root) {
    Map<?, ?> schema = nonNull(value);
    return switch (kind(schema)) {
      case BOOLEAN -> "boolean";
      case INTEGER -> switch (width(schema)) {
        case 8 -> "byte";
        case 16 -> "short";
        case 32 -> "int";
        case 64 -> "long";
        default -> "BigInteger";
      };
      case NUMBER -> "a decimal number";
      case STRING -> switch (String.valueOf(typeFormat(schema))) {
        case "uuid" -> "UUID";
        case "date-time" -> "Instant";
        case "date" -> "LocalDate";
        default -> "String";
      };
      case ENUM -> "an enum of " + String.join(", ", list(schema.get("enum")).stream().map(String::valueOf).toList());
      case ARRAY -> (Boolean.TRUE.equals(schema.get("uniqueItems")) ? "Set of " : "List of ") + describe(schema.get("items"), root);
      case MAP -> "Map of " + describe(schema.get("additionalProperties"), root);
      case RECORD -> {
        String ref = (String) schema.get("$ref");
        yield ref.equals("#") ? String.valueOf(root.get("title")) : ref.substring(ref.lastIndexOf('/') + 1);
      }
      case OTHER -> "another type";
    };
  }

  /** The schema without its {@code null}: {@code ["string", "null"]} as {@code "string"}, {@code anyOf [X, null]} as X. */
  private static Map<?, ?> nonNull(Object value) {
    Map<?, ?> schema = map(value);
    if (schema.get("anyOf") instanceof List<?> any && any.size() == 2 && any.contains(Map.of("type", "null"))) {
      return map(any.get(any.get(0).equals(Map.of("type", "null")) ? 1 : 0));
    }
    if (schema.get("type") instanceof List<?> types && types.contains("null")) {
      List<?> others = types.stream().filter(t -> !"null".equals(t)).toList();
      Map<Object, Object> copy = new java.util.LinkedHashMap<>(schema);
      copy.put("type", others.size() == 1 ? others.get(0) : others);
      return copy;
    }
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> root, String ref) {
    if (ref.equals("#")) {
      return root;
    }
    String prefix = "#/$defs/";
    if (ref.startsWith(prefix) && map(root.get("$defs")).get(ref.substring(prefix.length())) instanceof Map<?, ?> def) {
      return (Map<String, Object>) def;
    }
    return Map.of();
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where) throws LockJson.SyntaxException {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new LockJson.SyntaxException(where + " is not a JSON object");
  }

  private static Map<String, Object> member(Map<String, Object> object, String name, String where) throws LockJson.SyntaxException {
    return object(object.get(name), "\"" + name + "\" of " + where);
  }

  private static String string(Map<String, Object> object, String name, String where) throws LockJson.SyntaxException {
    if (object.get(name) instanceof String text) {
      return text;
    }
    throw new LockJson.SyntaxException("\"" + name + "\" of " + where + " is not a string");
  }

  private static int version(Map<String, Object> object, String where) throws LockJson.SyntaxException {
    if (object.get("version") instanceof BigDecimal number && number.signum() > 0 && number.stripTrailingZeros().scale() <= 0) {
      return number.intValueExact();
    }
    throw new LockJson.SyntaxException("\"version\" of " + where + " is not a whole number from 1");
  }
}
