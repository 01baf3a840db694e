package com.weegigs.events.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.AggregateRole;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ConsumerModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ServiceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the model into Java source, and into the JSON documents of a service (its schemas, its
 * AsyncAPI document). The only entry point the processor calls; every writer sees the
 * model alone, never an {@code Element}, and the same model always gives the same text.
 *
 * <p>Every generated type carries {@code @WeeGenerated} (class retention, so coverage tools skip it)
 * and, unless the caller says it is not available, {@code @javax.annotation.processing.Generated}.
 * That annotation lives in module {@code java.compiler}: a processor compiling a named module that
 * does not read {@code java.compiler} should pass {@code generatedAnnotation = false}. A type that
 * refers to the user's declarations carries {@code @SuppressWarnings} only when
 * {@link AggregateModel#deprecatedUses()} names the deprecation warnings it would otherwise raise.
 */
public final class Writers {
  private Writers() {}

  /**
   * The sources generated for one aggregate, with {@code @Generated}, in this order:
   * {@code ReceiptSubjects}, {@code ReceiptCodecs}, {@code ReceiptValidators}, {@code ReceiptStub},
   * {@code ReceiptClient}, {@code NatsReceiptClient}, {@code ReceiptFixture}.
   *
   * @param service the service the aggregate belongs to
   * @param aggregate a validated aggregate
   * @return the files to write
   * @throws IllegalArgumentException when the model is inconsistent (a bug in the processor: report it)
   */
  public static List<JavaFile> forAggregate(ServiceModel service, AggregateModel aggregate) {
    return forAggregate(service, aggregate, true);
  }

  /**
   * The sources generated for one aggregate, as {@link #forAggregate(ServiceModel, AggregateModel)}.
   *
   * @param service the service the aggregate belongs to
   * @param aggregate a validated aggregate
   * @param generatedAnnotation whether to add {@code @javax.annotation.processing.Generated}
   * @return the files to write
   * @throws IllegalArgumentException when the model is inconsistent (a bug in the processor: report it)
   */
  public static List<JavaFile> forAggregate(ServiceModel service, AggregateModel aggregate, boolean generatedAnnotation) {
    return forAggregate(service, aggregate, generatedAnnotation, AggregateRole.COMPLETE);
  }

  /**
   * The sources this compilation generates for one aggregate, as
   * {@link #forAggregate(ServiceModel, AggregateModel)}, for its role: every one of them for
   * {@link AggregateRole#COMPLETE}, all but the stub for the {@link AggregateRole#API} of a service,
   * and only the stub for its {@link AggregateRole#IMPLEMENTATION}, whose stub refers to the types
   * the API jar holds.
   *
   * @param service the service the aggregate belongs to
   * @param aggregate a validated aggregate
   * @param generatedAnnotation whether to add {@code @javax.annotation.processing.Generated}
   * @param role what the compilation holds of the aggregate
   * @return the files to write
   * @throws IllegalArgumentException when the model is inconsistent (a bug in the processor: report it)
   */
  public static List<JavaFile> forAggregate(ServiceModel service, AggregateModel aggregate, boolean generatedAnnotation,
      AggregateRole role) {
    AggregateConstants constants = new AggregateConstants(aggregate);
    List<JavaFile> files = new ArrayList<>();
    if (role != AggregateRole.IMPLEMENTATION) {
      files.add(SubjectsWriter.write(service, aggregate, generatedAnnotation));
      files.add(CodecsWriter.write(service, aggregate, constants, generatedAnnotation));
      files.add(ValidatorsWriter.write(aggregate, constants, generatedAnnotation));
    }
    if (role != AggregateRole.API) {
      files.add(StubWriter.write(aggregate, constants, generatedAnnotation));
    }
    if (role != AggregateRole.IMPLEMENTATION) {
      files.addAll(ClientWriter.write(aggregate, constants, generatedAnnotation));
    }
    if (role != AggregateRole.API) {
      // the fixture runs the stub, so it is written where the stub is
      files.add(FixtureWriter.write(aggregate, generatedAnnotation));
    }
    return List.copyOf(files);
  }

  /**
   * The sources generated once per service, with {@code @Generated}: {@code ReceiptsService}.
   *
   * @param service a validated service with its aggregates
   * @return the files to write
   */
  public static List<JavaFile> forService(ServiceModel service) {
    return forService(service, true);
  }

  /**
   * The sources generated once per service: {@code ReceiptsService}.
   *
   * @param service a validated service with its aggregates
   * @param generatedAnnotation whether to add {@code @javax.annotation.processing.Generated}
   * @return the files to write
   */
  public static List<JavaFile> forService(ServiceModel service, boolean generatedAnnotation) {
    return List.of(ServiceWriter.write(service, generatedAnnotation));
  }

  /**
   * The AsyncAPI 3.0.0 document of a service ({@link AsyncApiWriter}): every subject of the wire
   * contract as a channel with its operation, and every body's JSON Schema, as pretty JSON text.
   *
   * @param service a validated service with its aggregates
   * @return the document's text, ending in a line break
   */
  public static String asyncApi(ServiceModel service) {
    return AsyncApiWriter.document(service);
  }

  /** The file name of the AsyncAPI document of the service {@code service} ({@code receipts.asyncapi.json}). */
  public static String asyncApiFileName(String service) {
    return AsyncApiWriter.fileName(service);
  }

  /**
   * The source generated for one class with {@code @EventHandler} methods: {@code StockHandlersSubscriptions}.
   *
   * @param consumer a validated class of event handlers
   * @param generatedAnnotation whether to add {@code @javax.annotation.processing.Generated}
   * @return the file to write
   */
  public static JavaFile forConsumer(ConsumerModel consumer, boolean generatedAnnotation) {
    return SubscriptionsWriter.write(consumer, generatedAnnotation);
  }

  /**
   * The JSON Schemas of one aggregate, exactly as its generated codecs serve them (compact JSON
   * text); the schema lock records them.
   *
   * @param state the state's schema
   * @param commands each command's schema by wire name, in the model's order
   * @param events each event's schema by wire name, in the model's order
   */
  public record AggregateSchemas(String state, Map<String, String> commands, Map<String, String> events) {
    public AggregateSchemas {
      commands = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(commands));
      events = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }
  }

  /**
   * The JSON Schemas of {@code aggregate}, the same text the generated {@code CommandType},
   * {@code EventType} and {@code AggregateType} constants carry.
   *
   * @param aggregate a validated aggregate
   * @return its schemas
   */
  public static AggregateSchemas schemas(AggregateModel aggregate) {
    Map<ClassName, RecordShape> records = new AggregateConstants(aggregate).records();
    Map<String, String> commands = new LinkedHashMap<>();
    for (CommandModel command : aggregate.commands()) {
      commands.put(command.wireName(), SchemaWriter.schema(command.shape(), records, CodecsWriter.commandDescription(aggregate, command)));
    }
    Map<String, String> events = new LinkedHashMap<>();
    for (EventModel event : aggregate.events()) {
      events.put(event.wireName(), SchemaWriter.schema(event.shape(), records, CodecsWriter.eventDescription(aggregate, event)));
    }
    return new AggregateSchemas(SchemaWriter.schema(aggregate.state(), records, CodecsWriter.stateDescription(aggregate)), commands, events);
  }
}
