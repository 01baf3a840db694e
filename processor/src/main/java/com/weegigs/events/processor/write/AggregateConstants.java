package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.names.GeneratedNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every member name the writers of one aggregate share, decided once so that the stub and the client
 * refer to exactly the constants the codecs declare:
 *
 * <ul>
 *   <li>{@code ReceiptCodecs}: {@code ADD_ITEM} (a {@code CommandType}, from the command's wire name),
 *       {@code ITEM_ADDED} (an {@code EventType}; {@code ITEM_ADDED_EVENT} if a command took the name),
 *       {@code TYPE}, and {@code ITEM_CODEC} per record (from its simple name).
 *   <li>{@code ReceiptSubjects}: {@code SERVICE}, {@code AGGREGATE_TYPE}, {@code QUERY_GET},
 *       {@code HEALTH}, {@code ALL_COMMANDS}, {@code ALL_EVENTS}, {@code ADD_ITEM_COMMAND} per command
 *       and {@code ITEM_ADDED_EVENT} per event (the suffixes keep them apart from the fixed names).
 *   <li>{@code ReceiptClient}: {@code addItem} per command (lower camel case of the record's simple
 *       name, {@code finalizeCommand} for a name {@code GeneratedNames} reserves) and
 *       {@code onItemAdded} per event.
 * </ul>
 */
final class AggregateConstants {
  private final Map<String, String> commandTypes = new HashMap<>();
  private final Map<String, String> eventTypes = new HashMap<>();
  private final Map<ClassName, String> recordCodecs = new LinkedHashMap<>();
  private final Map<ClassName, String> codecClasses = new HashMap<>();
  private final Map<ClassName, RecordShape> records = new LinkedHashMap<>();
  private final Map<String, String> clientMethods = new HashMap<>();
  private final Map<String, String> listenerMethods = new HashMap<>();
  private final JavaNames.Allocator codecsMembers;

  AggregateConstants(AggregateModel aggregate) {
    records.put(aggregate.stateType(), aggregate.state());
    for (CommandModel command : aggregate.commands()) {
      records.putIfAbsent(command.shape().type(), command.shape());
    }
    for (EventModel event : aggregate.events()) {
      records.putIfAbsent(event.shape().type(), event.shape());
    }
    for (RecordShape nested : aggregate.nestedRecords()) {
      records.putIfAbsent(nested.type(), nested);
    }

    codecsMembers = new JavaNames.Allocator("TYPE");
    for (CommandModel command : aggregate.commands()) {
      commandTypes.put(command.wireName(), codecsMembers.allocate(JavaNames.upperSnake(command.wireName()), "_COMMAND"));
    }
    for (EventModel event : aggregate.events()) {
      eventTypes.put(event.wireName(), codecsMembers.allocate(JavaNames.upperSnake(event.wireName()), "_EVENT"));
    }
    JavaNames.Allocator classes = new JavaNames.Allocator(aggregate.names().codecs().simpleName());
    for (ClassName record : records.keySet()) {
      // A nested record is named with the types around it (ItemAdded.V1: ITEM_ADDED_V1_CODEC), so that
      // the V1 records of two events are told apart.
      String joined = String.join("", record.simpleNames());
      String base = JavaNames.upperSnake(joined);
      // Taken names (two records of one simple name, or a command called "item-codec") get a number.
      recordCodecs.put(record, codecsMembers.allocate(base + "_CODEC", ""));
      codecClasses.put(record, classes.allocate(joined + "Codec", ""));
    }

    JavaNames.Allocator clientNames = new JavaNames.Allocator(GeneratedNames.RESERVED_CLIENT_METHODS.toArray(String[]::new));
    for (CommandModel command : aggregate.commands()) {
      String preferred = JavaNames.lowerCamel(command.shape().type().simpleName());
      clientMethods.put(command.wireName(), clientNames.allocate(preferred, GeneratedNames.CLIENT_METHOD_SUFFIX));
    }
    for (EventModel event : aggregate.events()) {
      listenerMethods.put(event.wireName(), clientNames.allocate("on" + event.shape().type().simpleName(), "Event"));
    }
  }

  /** Allocator of further (private) member names of the codecs class. */
  JavaNames.Allocator codecsMembers() {
    return codecsMembers;
  }

  /** The {@code CommandType} constant of {@code command} in the codecs class. */
  String commandType(CommandModel command) {
    return commandTypes.get(command.wireName());
  }

  /** The {@code EventType} constant of {@code event} in the codecs class. */
  String eventType(EventModel event) {
    return eventTypes.get(event.wireName());
  }

  /** The public codec constant of a record, or {@code null} when the model does not know the record. */
  String recordCodec(ClassName record) {
    return recordCodecs.get(record);
  }

  /** The private nested class implementing a record's codec. */
  String codecClass(ClassName record) {
    return codecClasses.get(record);
  }

  /** Every record that gets a codec: the state, commands, events, then nested records. */
  Map<ClassName, RecordShape> records() {
    return records;
  }

  /** The subject constant of a command. */
  static String commandSubject(CommandModel command) {
    return JavaNames.upperSnake(command.wireName()) + "_COMMAND";
  }

  /** The subject constant of an event. */
  static String eventSubject(EventModel event) {
    return JavaNames.upperSnake(event.wireName()) + "_EVENT";
  }

  /** The client method sending {@code command}. */
  String clientMethod(CommandModel command) {
    return clientMethods.get(command.wireName());
  }

  /** The client method subscribing to {@code event}. */
  String listenerMethod(EventModel event) {
    return listenerMethods.get(event.wireName());
  }
}
