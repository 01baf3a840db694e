package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ServiceModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI 3.0.0 document of a service: every subject of the wire contract
 * ({@code docs/wire-contract.md}) as a channel, what the service does on it as an operation (it
 * receives requests and replies, and sends events), and every body as a JSON Schema (draft 2020-12).
 * Made from the model alone; the same model gives the same bytes.
 *
 * <p>Layout, for a service {@code receipts} with an aggregate {@code receipt}:
 *
 * <ul>
 *   <li>channels and operations {@code receipt.command.add-item}, {@code receipt.query},
 *       {@code receipt.events.item-added}, {@code health}, {@code info}, {@code stats}, and for each
 *       of {@code ping}, {@code info} and {@code stats} the three micro subjects
 *       {@code srv.ping} ({@code $SRV.PING}), {@code srv.ping.service} ({@code $SRV.PING.receipts})
 *       and {@code srv.ping.instance} ({@code $SRV.PING.receipts.{id}}); a request's reply goes to
 *       the request's reply subject, the channel {@code receipt.reply} (address {@code null}), and
 *       the like;
 *   <li>messages in {@code components.messages}, each body's schema in
 *       {@code components.schemas} as a Multi Format Schema Object whose {@code schemaFormat} is
 *       {@value #SCHEMA_FORMAT}: the payloads exactly as the generated codecs serve them
 *       ({@code receipt.command.add-item.payload}, {@code receipt.event.item-added.data},
 *       {@code receipt.state}), and the contract's envelopes around them.
 * </ul>
 *
 * <p>An embedded payload schema is the codec's schema without {@code $schema} (the
 * {@code schemaFormat} says the draft) and with its references made absolute within the document
 * ({@code #/$defs/Item} becomes {@code #/components/schemas/receipt.state/schema/$defs/Item}), as
 * AsyncAPI tools resolve every {@code $ref} against the document.
 */
final class AsyncApiWriter {
  /** The {@code schemaFormat} of every schema in the document: JSON Schema draft 2020-12. */
  static final String SCHEMA_FORMAT = "application/schema+json;version=2020-12";
  /** The wire contract's version that the document describes. */
  static final String WIRE_VERSION = "1.1";
  /** The error codes of the wire contract, in its order, with their numbers. */
  static final Map<String, Integer> ERROR_CODES = errorCodes();
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String MICRO = "io.nats.micro.v1.";
  /** The queue group the instances of a service share unless it is configured otherwise. */
  private static final String QUEUE_GROUP = "q";

  private final ServiceModel service;
  private final Map<String, Object> channels = new LinkedHashMap<>();
  private final Map<String, Object> operations = new LinkedHashMap<>();
  private final Map<String, Object> messages = new LinkedHashMap<>();
  private final Map<String, Object> schemas = new LinkedHashMap<>();

  private AsyncApiWriter(ServiceModel service) {
    this.service = service;
  }

  /** The file name of the document of {@code service} ({@code receipts.asyncapi.json}). */
  static String fileName(String service) {
    return service + ".asyncapi.json";
  }

  /** The document of {@code service}, as pretty JSON text ending in a line break. */
  static String document(ServiceModel service) {
    return JsonPrinter.pretty(new AsyncApiWriter(service).tree());
  }

  private Map<String, Object> tree() {
    sharedSchemasAndMessages();
    for (AggregateModel aggregate : service.aggregates()) {
      aggregate(aggregate);
    }
    serviceSubjects();
    microSubjects();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("asyncapi", "3.0.0");
    document.put("info", obj(
        "title", service.title(),
        "version", service.version(),
        "description", "The NATS interface of the " + service.name() + " service, wire contract version " + WIRE_VERSION
            + " (docs/wire-contract.md of wee-events): commands and queries are request/reply, events are published. Every body is"
            + " JSON in UTF-8. Written by the wee-events annotation processor when the service was compiled."));
    document.put("defaultContentType", "application/json");
    document.put("channels", channels);
    document.put("operations", operations);
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", schemas);
    components.put("messages", messages);
    document.put("components", components);
    return document;
  }

  // ---- per aggregate

  private void aggregate(AggregateModel aggregate) {
    String type = aggregate.wireName();
    Map<ClassName, RecordShape> records = new AggregateConstants(aggregate).records();
    schema(type + ".aggregate-id", obj(
        "title", "aggregate id",
        "description", "an aggregate of type " + type + ": its type and its key (a non-empty UTF-8 string of at most 256 bytes)",
        "type", "object",
        "properties", obj("type", obj("const", type), "key", obj("type", "string", "minLength", 1L)),
        "required", list("type", "key")));
    payload(type + ".state", aggregate.state(), records, CodecsWriter.stateDescription(aggregate));

    List<Object> recordedEvents = new ArrayList<>();
    for (EventModel event : aggregate.events()) {
      recordedEvents.add(ref(schemaRef(type + ".event." + event.wireName())));
    }
    Map<String, Object> entity = obj(
        "title", "entity",
        "description", "the success reply: the aggregate's state at its revision (0 for one without events yet), and for a command the"
            + " events it recorded",
        "type", "object",
        "properties", obj(
            "aggregate", ref(schemaRef(type + ".aggregate-id")),
            "type", obj("const", type),
            "revision", obj("type", "integer", "minimum", 0L),
            "state", ref(schemaRef(type + ".state")),
            "events", obj("type", "array", "items", recordedEvents.isEmpty() ? obj("not", obj()) : obj("oneOf", recordedEvents))),
        "required", list("aggregate", "type", "revision", "state"));
    schema(type + ".entity", entity);
    message(type + ".entity", "entity of " + type, "The aggregate's state: the success reply of its commands and its query.",
        type + ".entity", "reply-headers");

    String reply = type + ".reply";
    for (CommandModel command : aggregate.commands()) {
      command(aggregate, command, records);
    }

    schema(type + ".query.request", obj(
        "title", "query request",
        "type", "object",
        "properties", obj("aggregateId", ref(schemaRef(type + ".aggregate-id"))),
        "required", list("aggregateId")));
    String query = type + ".query";
    message(query + ".request", "get " + type, "Asks for the current state of one " + type + ".", query + ".request", "request-headers");
    requestReply(query, Subjects.query(service.name(), type), "get " + type,
        "Answers the current state of one " + type + (aggregate.hasInitialState() ? "" : "; NOT_FOUND when it has no events yet") + ".",
        obj("request", ref("#/components/messages/" + query + ".request")), reply, List.of("entity", "error"), true);
    channel(reply, null, "replies about " + type,
        "The reply to a request about a " + type + ": the request's reply subject (an inbox), so its address is not known beforehand.",
        obj("entity", ref("#/components/messages/" + type + ".entity"), "error", ref("#/components/messages/error")), null);

    for (EventModel event : aggregate.events()) {
      event(aggregate, event, records);
    }
  }

  private void command(AggregateModel aggregate, CommandModel command, Map<ClassName, RecordShape> records) {
    String type = aggregate.wireName();
    String id = type + ".command." + command.wireName();
    payload(id + ".payload", command.shape(), records, CodecsWriter.commandDescription(aggregate, command));
    schema(id + ".request", obj(
        "title", "command request",
        "description", "command " + command.wireName() + " to an aggregate of type " + type,
        "type", "object",
        "properties", obj(
            "aggregateId", ref(schemaRef(type + ".aggregate-id")),
            "command", ref(schemaRef(id + ".payload")),
            "metadata", ref(schemaRef("command-metadata"))),
        "required", list("aggregateId", "command")));
    message(id + ".request", command.wireName(), "Command " + command.wireName() + " to one " + type + ".", id + ".request",
        "request-headers");
    requestReply(id, Subjects.command(service.name(), type, command.wireName()), command.wireName() + " (" + type + ")",
        "Runs command " + command.wireName() + " on one " + type + ". The reply is the entity with the events the command recorded,"
            + " or an error: VALIDATION_FAILED lists every broken constraint, REJECTED names the business rule.",
        obj("request", ref("#/components/messages/" + id + ".request")), type + ".reply", List.of("entity", "error"), true);
  }

  private void event(AggregateModel aggregate, EventModel event, Map<ClassName, RecordShape> records) {
    String type = aggregate.wireName();
    String id = type + ".event." + event.wireName();
    payload(id + ".data", event.shape(), records, CodecsWriter.eventDescription(aggregate, event));
    Map<String, Object> properties = obj(
        "id", obj("type", "string", "minLength", 1L),
        "aggregate", ref(schemaRef(type + ".aggregate-id")),
        "type", obj("const", event.wireName()));
    List<Object> required = list("id", "aggregate", "type", "revision", "timestamp", "data", "metadata");
    if (event.version() > 1) {
      properties.put("version", obj("const", (long) event.version()));
      required.add(3, "version");
    } else {
      properties.put("version", obj("const", 1L, "description", "absent: version 1 is never written"));
    }
    properties.put("revision", obj("type", "integer", "minimum", 1L));
    properties.put("timestamp", obj("type", "string", "format", "date-time"));
    properties.put("data", ref(schemaRef(id + ".data")));
    properties.put("metadata", ref(schemaRef("event-metadata")));
    schema(id, obj(
        "title", "recorded event",
        "description", "event " + event.wireName() + " of an aggregate of type " + type + ", as recorded"
            + (event.version() > 1 ? " (data of version " + event.version() + ")" : ""),
        "type", "object",
        "properties", properties,
        "required", required));
    String channelId = type + ".events." + event.wireName();
    message(channelId, event.wireName(), "Event " + event.wireName() + " of one " + type + ", as recorded.", id, "reply-headers");
    channel(channelId, Subjects.event(service.name(), type, event.wireName()), event.wireName() + " (" + type + ")",
        "Published after the reply of the command that recorded it; at most once (a durable subscriber reads the event store"
            + " instead).",
        obj("event", ref("#/components/messages/" + channelId)), null);
    operations.put(channelId, obj(
        "action", "send",
        "channel", ref("#/channels/" + channelId),
        "title", "publish " + event.wireName(),
        "messages", list(ref("#/channels/" + channelId + "/messages/event"))));
  }

  // ---- the service's own subjects and the micro protocol

  private void serviceSubjects() {
    String name = service.name();
    requestReply("health", name + ".health", "health", "The health of one instance: the worst status of its checks.",
        obj("request", ref("#/components/messages/empty")), "health-reply", List.of("report"), true);
    channel("health-reply", null, "health replies", "The health request's reply subject.",
        obj("report", ref("#/components/messages/health-report")), null);
    requestReply("info", name + ".info", "info", "The service document, the same from every instance (one answers).",
        obj("request", ref("#/components/messages/empty")), "info-reply", List.of("document"), true);
    channel("info-reply", null, "info replies", "The info request's reply subject.",
        obj("document", ref("#/components/messages/service-document")), null);
    requestReply("stats", name + ".stats", "stats",
        "Every instance answers with its own counters (no queue group): send with a reply subject and collect the replies for a"
            + " moment, as for $SRV.STATS.",
        obj("request", ref("#/components/messages/empty")), "stats-reply", List.of("stats"), false);
    channel("stats-reply", null, "stats replies", "The stats request's reply subject, where every instance answers.",
        obj("stats", ref("#/components/messages/service-stats")), null);
  }

  private void microSubjects() {
    for (String verb : List.of("PING", "INFO", "STATS")) {
      String lower = verb.toLowerCase(java.util.Locale.ROOT);
      String reply = "srv." + lower + ".reply";
      String response = "srv." + lower + "-response";
      String text = "NATS micro " + verb + " (ADR-32): every instance answers with its " + MICRO + lower + "_response.";
      requestReply("srv." + lower, "$SRV." + verb, "$SRV." + verb, text + " Every micro service on the connection answers.",
          obj("request", ref("#/components/messages/empty")), reply, List.of("response"), false);
      requestReply("srv." + lower + ".service", "$SRV." + verb + "." + service.name(), "$SRV." + verb + "." + service.name(), text,
          obj("request", ref("#/components/messages/empty")), reply, List.of("response"), false);
      Map<String, Object> parameters = obj("id", obj("description", "the instance's micro service id, as $SRV.INFO reports it"));
      requestReply("srv." + lower + ".instance", "$SRV." + verb + "." + service.name() + ".{id}",
          "$SRV." + verb + "." + service.name() + ".{id}", "NATS micro " + verb + " (ADR-32) of one instance.",
          obj("request", ref("#/components/messages/empty")), reply, List.of("response"), false, parameters);
      channel(reply, null, "$SRV." + verb + " replies", "The reply subject of a $SRV." + verb + " request; every instance answers.",
          obj("response", ref("#/components/messages/" + response)), null);
    }
  }

  // ---- the contract's shared shapes

  private void sharedSchemasAndMessages() {
    schema("command-metadata", obj(
        "title", "command metadata",
        "description", "optional, as is each field; the service fills in what is missing",
        "type", "object",
        "properties", obj(
            "messageId", obj("type", "string", "minLength", 1L, "description", "the command's identity: sent twice, it takes effect once"),
            "correlationId", obj("type", "string"),
            "causationId", obj("type", "string"),
            "timestamp", obj("type", "string", "format", "date-time"),
            "userId", obj("type", "string"),
            "expectedRevision", obj("type", "integer", "minimum", 0L,
                "description", "fail with CONFLICT unless the aggregate is at this revision"))));
    schema("event-metadata", obj(
        "title", "event metadata",
        "type", "object",
        "properties", obj(
            "correlationId", obj("type", "string"),
            "causationId", obj("type", "string", "description", "the messageId of the command that recorded the event"),
            "userId", obj("type", "string"))));

    List<Object> codes = new ArrayList<>(ERROR_CODES.keySet());
    schema("error", obj(
        "title", "error reply",
        "type", "object",
        "properties", obj("error", obj(
            "type", "object",
            "properties", obj(
                "code", obj("enum", codes),
                "message", obj("type", "string"),
                "details", obj(
                    "type", "object",
                    "description", "VALIDATION_FAILED: violations; REJECTED: reason (the rule's kebab-case name); RATE_LIMITED:"
                        + " retryAfterMs",
                    "properties", obj(
                        "violations", obj("type", "array", "items", obj(
                            "type", "object",
                            "properties", obj("path", obj("type", "string"), "message", obj("type", "string")),
                            "required", list("path", "message"))),
                        "reason", obj("type", "string"),
                        "retryAfterMs", obj("type", "integer", "minimum", 0L)))),
            "required", list("code", "message"))),
        "required", list("error")));
    Map<String, Object> trace = obj(
        "traceparent", obj("type", "string", "description", "W3C trace context"),
        "tracestate", obj("type", "string"),
        "baggage", obj("type", "string"));
    Map<String, Object> requestHeaders = new LinkedHashMap<>(trace);
    requestHeaders.put("Nats-Msg-Id", obj("type", "string", "description", "the command's messageId, when the body has none"));
    requestHeaders.put("Authorization", obj("type", "string", "pattern", "^Bearer ", "description", "when authentication is on"));
    requestHeaders.put("Wee-Deadline", obj("type", "string", "pattern", "^[0-9]+$",
        "description", "the caller's deadline, milliseconds since the epoch; work past it stops with TIMEOUT"));
    schema("request-headers", obj(
        "title", "request headers",
        "description", "every header is optional; a request without headers is the normal case",
        "type", "object", "properties", requestHeaders));
    schema("reply-headers", obj(
        "title", "reply headers",
        "description", "only the trace context, when the request brought one",
        "type", "object", "properties", trace));
    Map<String, Object> errorHeaders = new LinkedHashMap<>();
    List<Object> numbers = new ArrayList<>();
    ERROR_CODES.values().stream().distinct().forEach(number -> numbers.add(String.valueOf(number)));
    errorHeaders.put("Nats-Service-Error-Code", obj("enum", numbers));
    errorHeaders.put("Nats-Service-Error", obj("type", "string", "description", "a short human text"));
    errorHeaders.putAll(trace);
    schema("error-headers", obj(
        "title", "error reply headers (ADR-32)",
        "type", "object",
        "properties", errorHeaders,
        "required", list("Nats-Service-Error-Code", "Nats-Service-Error")));
    message("error", "error", "An error reply: the ADR-32 headers and the error envelope.", "error", "error-headers");
    messages.put("empty", obj(
        "name", "empty",
        "title", "empty request",
        "summary", "An empty request; any body is ignored."));

    Map<String, Object> status = obj("enum", list("ok", "degraded", "down"));
    schema("health-report", obj(
        "title", "health report",
        "type", "object",
        "properties", obj(
            "status", status,
            "service", obj("type", "string"),
            "version", obj("type", "string"),
            "aggregates", obj("type", "array", "items", obj("type", "string")),
            "checks", obj("type", "array", "items", obj(
                "type", "object",
                "properties", obj(
                    "name", obj("type", "string"),
                    "status", status,
                    "durationMs", obj("type", "number", "minimum", 0L),
                    "message", obj("type", "string")),
                "required", list("name", "status", "durationMs")))),
        "required", list("status", "service", "version", "checks")));
    message("health-report", "health report", "The instance's health: ok, degraded or down, with each check.", "health-report",
        "reply-headers");

    Map<String, Object> jsonSchema = obj("type", "object", "description", "a JSON Schema, produced when the code was compiled");
    Map<String, Object> subject = obj("type", "string");
    schema("service-document", obj(
        "title", "service document",
        "type", "object",
        "properties", obj(
            "name", obj("const", service.name()),
            "version", obj("type", "string"),
            "title", obj("type", "string"),
            "wire", obj("type", "string"),
            "aggregates", obj("type", "array", "items", obj(
                "type", "object",
                "properties", obj(
                    "type", obj("type", "string"),
                    "query", obj("type", "object", "properties", obj("subject", subject, "schema", jsonSchema),
                        "required", list("subject", "schema")),
                    "stateSchema", jsonSchema,
                    "commands", obj("type", "array", "items", obj("type", "object",
                        "properties", obj("name", obj("type", "string"), "subject", subject, "schema", jsonSchema),
                        "required", list("name", "subject", "schema"))),
                    "events", obj("type", "array", "items", obj("type", "object",
                        "properties", obj("type", obj("type", "string"), "subject", subject, "schema", jsonSchema),
                        "required", list("type", "subject", "schema")))),
                "required", list("type", "query", "stateSchema", "commands", "events")))),
        "required", list("name", "version", "title", "wire", "aggregates")));
    message("service-document", "service document", "Name, version, title, and every aggregate with its subjects and schemas.",
        "service-document", "reply-headers");

    Map<String, Object> count = obj("type", "integer", "minimum", 0L);
    Map<String, Object> outcomes = new LinkedHashMap<>();
    List<Object> outcomeNames = new ArrayList<>();
    outcomes.put("OK", count);
    outcomeNames.add("OK");
    for (String code : ERROR_CODES.keySet()) {
      outcomes.put(code, count);
      outcomeNames.add(code);
    }
    schema("service-stats", obj(
        "title", "instance stats",
        "type", "object",
        "properties", withInstance(obj(
            "started", obj("type", "string", "format", "date-time"),
            "aggregates", obj("type", "array", "items", obj(
                "type", "object",
                "properties", obj(
                    "type", obj("type", "string"),
                    "commands", obj("type", "object", "properties", outcomes, "required", outcomeNames),
                    "conflicts", count, "retries", count, "rehydrations", count, "rehydrationNanos", count,
                    "cacheHits", count, "cacheMisses", count),
                "required", list("type", "commands", "conflicts", "retries", "rehydrations", "rehydrationNanos", "cacheHits",
                    "cacheMisses"))))),
        "required", list("name", "id", "version", "started", "aggregates")));
    message("service-stats", "instance stats", "One instance's counters since it started.", "service-stats", "reply-headers");

    microSchemas();
  }

  private void microSchemas() {
    Map<String, Object> metadata = obj("type", "object", "additionalProperties", obj("type", "string"));
    Map<String, Object> identity = withInstance(obj("metadata", metadata));
    List<Object> identityRequired = list("type", "name", "id", "version");
    for (String verb : List.of("ping", "info", "stats")) {
      Map<String, Object> properties = obj("type", obj("const", MICRO + verb + "_response"));
      properties.putAll(identity);
      List<Object> required = new ArrayList<>(identityRequired);
      if (verb.equals("info")) {
        properties.put("description", obj("type", "string"));
        properties.put("endpoints", obj("type", "array", "items", obj(
            "type", "object",
            "properties", endpoint(obj(
                "metadata", obj("type", "object", "description", "wee.kind, wee.aggregate, wee.command for a command, and wee.schema:"
                    + " the JSON Schema of the request payload, as text", "additionalProperties", obj("type", "string")))),
            "required", list("name", "subject"))));
        required.add("endpoints");
      } else if (verb.equals("stats")) {
        Map<String, Object> count = obj("type", "integer", "minimum", 0L);
        properties.put("started", obj("type", "string", "format", "date-time"));
        properties.put("endpoints", obj("type", "array", "items", obj(
            "type", "object",
            "properties", endpoint(obj(
                "num_requests", count,
                "num_errors", count,
                "last_error", obj("type", "string"),
                "processing_time", count,
                "average_processing_time", count)),
            "required", list("name", "subject", "num_requests", "num_errors", "last_error", "processing_time",
                "average_processing_time"))));
        required.add("started");
        required.add("endpoints");
      }
      String id = "srv." + verb + "-response";
      schema(id, obj("title", MICRO + verb + "_response", "type", "object", "properties", properties, "required", required));
      message(id, MICRO + verb + "_response", "The NATS micro " + verb + " response of one instance.", id, null);
    }
  }

  // ---- building blocks

  /** {@code properties} after the members that name a micro endpoint: its name, subject and queue group. */
  private static Map<String, Object> endpoint(Map<String, Object> properties) {
    Map<String, Object> endpoint = obj("name", obj("type", "string"), "subject", obj("type", "string"), "queue_group", obj("type", "string"));
    endpoint.putAll(properties);
    return endpoint;
  }

  /** {@code properties} after the members that name one instance: the service's name, the instance's id, the version. */
  private Map<String, Object> withInstance(Map<String, Object> properties) {
    Map<String, Object> instance = obj("name", obj("const", service.name()), "id", obj("type", "string"), "version", obj("type", "string"));
    instance.putAll(properties);
    return instance;
  }

  /**
   * A request/reply channel at {@code address} and the operation by which the service receives on it
   * and replies; {@code queued} when the instances share the subject in the queue group.
   */
  private void requestReply(String id, String address, String title, String description, Map<String, Object> channelMessages,
      String replyChannel, List<String> replyMessages, boolean queued) {
    requestReply(id, address, title, description, channelMessages, replyChannel, replyMessages, queued, null);
  }

  private void requestReply(String id, String address, String title, String description, Map<String, Object> channelMessages,
      String replyChannel, List<String> replyMessages, boolean queued, Map<String, Object> parameters) {
    channel(id, address, title, null, channelMessages, parameters);
    List<Object> requests = new ArrayList<>();
    for (String message : channelMessages.keySet()) {
      requests.add(ref("#/channels/" + id + "/messages/" + message));
    }
    List<Object> replies = new ArrayList<>();
    for (String message : replyMessages) {
      replies.add(ref("#/channels/" + replyChannel + "/messages/" + message));
    }
    Map<String, Object> operation = obj(
        "action", "receive",
        "channel", ref("#/channels/" + id),
        "title", title,
        "description", description,
        "messages", requests,
        "reply", obj("channel", ref("#/channels/" + replyChannel), "messages", replies));
    if (queued) {
      // the default queue group; NatsService.Builder can name another
      operation.put("bindings", obj("nats", obj("queue", QUEUE_GROUP, "bindingVersion", "0.1.0")));
    }
    operations.put(id, operation);
  }

  private void channel(String id, String address, String title, String description, Map<String, Object> channelMessages,
      Map<String, Object> parameters) {
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("address", address); // null: a reply subject, known only when the request arrives
    channel.put("title", title);
    if (description != null) {
      channel.put("description", description);
    }
    channel.put("messages", channelMessages);
    if (parameters != null) {
      channel.put("parameters", parameters);
    }
    channels.put(id, channel);
  }

  private void message(String id, String title, String summary, String payloadSchema, String headersSchema) {
    Map<String, Object> message = obj("name", id, "title", title, "summary", summary, "contentType", "application/json");
    if (headersSchema != null) {
      message.put("headers", ref("#/components/schemas/" + headersSchema));
    }
    message.put("payload", ref("#/components/schemas/" + payloadSchema));
    messages.put(id, message);
  }

  /** A schema of the contract, under {@code id}. */
  private void schema(String id, Map<String, Object> schema) {
    schemas.put(id, obj("schemaFormat", SCHEMA_FORMAT, "schema", schema));
  }

  /** The schema the generated codecs serve for {@code shape}, embedded under {@code id}. */
  private void payload(String id, RecordShape shape, Map<ClassName, RecordShape> records, String description) {
    Map<String, Object> tree = SchemaWriter.tree(shape, records, description);
    tree.remove("$schema");
    @SuppressWarnings("unchecked")
    Map<String, Object> embedded = (Map<String, Object>) embed(tree, schemaRef(id));
    schema(id, embedded);
  }

  /** A copy of {@code value} whose local references point into the document at {@code base}, and whose numbers are plain. */
  private static Object embed(Object value, String base) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> member : map.entrySet()) {
        String key = member.getKey().toString();
        if (key.equals("$ref") && member.getValue() instanceof String pointer && pointer.startsWith("#")) {
          copy.put(key, base + pointer.substring(1));
        } else {
          copy.put(key, embed(member.getValue(), base));
        }
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object element : list) {
        copy.add(embed(element, base));
      }
      return copy;
    }
    if (value instanceof SchemaWriter.RawNumber number) {
      return new BigDecimal(number.text());
    }
    return value;
  }

  private static String schemaRef(String id) {
    return SCHEMAS + id + "/schema";
  }

  private static Map<String, Object> ref(String pointer) {
    return obj("$ref", pointer);
  }

  /** An object of the members {@code name, value, name, value, ...}, in that order. */
  private static Map<String, Object> obj(Object... members) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < members.length; i += 2) {
      object.put((String) members[i], members[i + 1]);
    }
    return object;
  }

  private static List<Object> list(Object... items) {
    return new ArrayList<>(List.of(items));
  }

  private static Map<String, Integer> errorCodes() {
    Map<String, Integer> codes = new LinkedHashMap<>();
    codes.put("INVALID_REQUEST", 400);
    codes.put("VALIDATION_FAILED", 400);
    codes.put("UNAUTHENTICATED", 401);
    codes.put("FORBIDDEN", 403);
    codes.put("NOT_FOUND", 404);
    codes.put("CONFLICT", 409);
    codes.put("PAYLOAD_TOO_LARGE", 413);
    codes.put("REJECTED", 422);
    codes.put("RATE_LIMITED", 429);
    codes.put("INTERNAL", 500);
    codes.put("UNAVAILABLE", 503);
    codes.put("TIMEOUT", 504);
    return java.util.Collections.unmodifiableMap(codes);
  }

  /** The subjects of the wire contract. */
  private static final class Subjects {
    static String command(String service, String aggregate, String command) {
      return service + ".command." + aggregate + "." + command;
    }

    static String query(String service, String aggregate) {
      return service + ".query." + aggregate + ".get";
    }

    static String event(String service, String aggregate, String event) {
      return service + ".events." + aggregate + "." + event;
    }
  }
}
