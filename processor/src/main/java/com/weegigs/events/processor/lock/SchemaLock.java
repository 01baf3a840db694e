package com.weegigs.events.processor.lock;

import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.processor.write.Writers;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema lock of a service: every shape it stores or accepts, as the JSON text written to
 * {@code META-INF/wee-events/{service}.schema-lock.json}. Made from the model alone; the same model
 * gives the same bytes.
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "service": "receipts",
 *   "version": "1.0.0",
 *   "aggregates": {
 *     "receipt": {
 *       "javaName": "com.example.receipts.Receipt",
 *       "state": { ...JSON Schema... },
 *       "events": { "item-added": { "javaName": "...", "version": 1, "schema": { ... } }, ... },
 *       "commands": { "add-item": { "javaName": "...", "schema": { ... } }, ... }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Aggregates, events and commands are sorted by wire name; each schema is the one the generated
 * codecs serve ({@link Writers#schemas}), with its members in the order the processor writes them.
 */
public final class SchemaLock {
  /** Where the lock lives, under the class output and under the resources. */
  public static final String DIRECTORY = "META-INF/wee-events";
  /** The version of the lock's own layout. */
  static final int FORMAT = 1;

  private SchemaLock() {}

  /** The lock file's name for the service {@code service} ({@code receipts.schema-lock.json}). */
  public static String fileName(String service) {
    return service + ".schema-lock.json";
  }

  /** The lock of {@code service}, as text. */
  public static String text(ServiceModel service) {
    return LockJson.print(tree(service));
  }

  /** The lock of {@code service}, as a JSON tree ({@link LockJson}'s kinds of value). */
  static Map<String, Object> tree(ServiceModel service) {
    Map<String, Object> lock = new LinkedHashMap<>();
    lock.put("format", BigDecimal.valueOf(FORMAT));
    lock.put("service", service.name());
    lock.put("version", service.version());
    Map<String, Object> aggregates = new LinkedHashMap<>();
    for (AggregateModel aggregate : sorted(service.aggregates(), AggregateModel::wireName)) {
      aggregates.put(aggregate.wireName(), aggregate(aggregate));
    }
    lock.put("aggregates", aggregates);
    return lock;
  }

  private static Map<String, Object> aggregate(AggregateModel aggregate) {
    Writers.AggregateSchemas schemas = Writers.schemas(aggregate);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("javaName", aggregate.stateType().canonicalName());
    tree.put("state", schema(schemas.state()));
    Map<String, Object> events = new LinkedHashMap<>();
    for (EventModel event : sorted(aggregate.events(), EventModel::wireName)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("javaName", event.shape().type().canonicalName());
      entry.put("version", BigDecimal.valueOf(event.version()));
      entry.put("schema", schema(schemas.events().get(event.wireName())));
      events.put(event.wireName(), entry);
    }
    tree.put("events", events);
    Map<String, Object> commands = new LinkedHashMap<>();
    for (CommandModel command : sorted(aggregate.commands(), CommandModel::wireName)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("javaName", command.shape().type().canonicalName());
      entry.put("schema", schema(schemas.commands().get(command.wireName())));
      commands.put(command.wireName(), entry);
    }
    tree.put("commands", commands);
    return tree;
  }

  /** The schema text as a tree, so the lock shows it indented. */
  private static Object schema(String json) {
    try {
      return LockJson.parse(json);
    } catch (LockJson.SyntaxException e) {
      throw new IllegalStateException("the processor wrote a JSON Schema it cannot read back: " + e.getMessage(), e);
    }
  }

  private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> key) {
    return items.stream().sorted(Comparator.comparing(key)).toList();
  }
}
