package com.weegigs.events.processor.write;

import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ServiceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The least NATS permissions of a service's own user and of a user that calls it, from the model
 * alone: the subjects of {@code docs/wire-contract.md} ("Subjects", "Service discovery", "Durable
 * events on JetStream") for this service's aggregates and commands. Written as
 * {@code META-INF/wee-events/{service}.permissions.conf} (nats-server configuration: one variable
 * per role, for a user's {@code permissions}: the service, a client, a client with durable
 * subscribers) and {@code {service}.permissions.json} (the same lists).
 *
 * <p>The service's subjects cover both stores: the JetStream store's stream and buckets are named
 * as {@code JetStreamStoreConfig.forService} names them by default ({@code wee-events-{service}},
 * {@code wee-store.{service}}, {@code wee-outcomes-{service}}, {@code wee-snapshots-{service}}); a
 * service that renames them adapts the lists. Replies go to the requester's inbox, which
 * {@code allow_responses} permits without a publish right on every inbox.
 */
public final class PermissionsWriter {
  private static final String INBOXES = "_INBOX.>";
  private static final List<String> DISCOVERY_VERBS = List.of("PING", "INFO", "STATS");

  private PermissionsWriter() {}

  /**
   * One role's allow lists.
   *
   * @param publish the subjects it may publish to
   * @param subscribe the subjects it may subscribe to
   * @param allowResponses whether it may reply to the requests it receives
   */
  public record Permissions(List<String> publish, List<String> subscribe, boolean allowResponses) {
    public Permissions {
      publish = List.copyOf(publish);
      subscribe = List.copyOf(subscribe);
    }
  }

  /** The resource file of the nats-server configuration: {@code META-INF/wee-events/{service}.permissions.conf}. */
  public static String confFileName(String service) {
    return service + ".permissions.conf";
  }

  /** The resource file of the JSON form: {@code META-INF/wee-events/{service}.permissions.json}. */
  public static String jsonFileName(String service) {
    return service + ".permissions.json";
  }

  /** The variable of the service's user in the configuration: {@code RECEIPTS_SERVICE} for {@code receipts}. */
  public static String serviceVariable(String service) {
    return variable(service) + "_SERVICE";
  }

  /** The variable of a client's user in the configuration: {@code RECEIPTS_CLIENT} for {@code receipts}. */
  public static String clientVariable(String service) {
    return variable(service) + "_CLIENT";
  }

  /** The variable of a client with durable subscribers: {@code RECEIPTS_SUBSCRIBER} for {@code receipts}. */
  public static String subscriberVariable(String service) {
    return variable(service) + "_SUBSCRIBER";
  }

  /** What the service's own user needs: its endpoints, discovery, its events, and its JetStream store. */
  public static Permissions service(ServiceModel service) {
    String name = service.name();
    List<String> publish = new ArrayList<>();
    publish.add(name + ".events.>");
    String stream = "wee-events-" + name;
    publish.add("$JS.API.INFO");
    addStream(publish, stream);
    publish.add("wee-store." + name + ".>");
    for (String bucket : List.of("wee-outcomes-" + name, "wee-snapshots-" + name)) {
      addStream(publish, "KV_" + bucket);
      publish.add("$KV." + bucket + ".>");
    }

    List<String> subscribe = new ArrayList<>(endpoints(service));
    for (String verb : DISCOVERY_VERBS) {
      subscribe.add("$SRV." + verb);
      subscribe.add("$SRV." + verb + "." + name);
      subscribe.add("$SRV." + verb + "." + name + ".*");
    }
    subscribe.add("$JS.EVENT.ADVISORY.STREAM.LEADER_ELECTED." + stream);
    subscribe.add(INBOXES);
    return new Permissions(publish, subscribe, true);
  }

  /** What a client of the service needs: its endpoints and discovery to call, its live events, and inboxes for replies. */
  public static Permissions client(ServiceModel service) {
    String name = service.name();
    List<String> publish = new ArrayList<>(endpoints(service));
    for (String verb : DISCOVERY_VERBS) {
      publish.add("$SRV." + verb + "." + name);
    }
    return new Permissions(publish, List.of(name + ".events.>", INBOXES), false);
  }

  /**
   * What a client with durable subscribers needs: the client's subjects, and a durable pull
   * consumer on the service's stream (its JetStream API, pulls and acks) with the dead-letter
   * subjects {@code wee-dead.{service}.>}.
   */
  public static Permissions subscriber(ServiceModel service) {
    String name = service.name();
    String stream = "wee-events-" + name;
    Permissions client = client(service);
    List<String> publish = new ArrayList<>(client.publish());
    publish.addAll(List.of("$JS.API.INFO", "$JS.API.STREAM.NAMES", "$JS.API.STREAM.INFO." + stream,
        "$JS.API.CONSUMER.*." + stream, "$JS.API.CONSUMER.*." + stream + ".>",
        "$JS.API.CONSUMER.MSG.NEXT." + stream + ".>", "$JS.ACK." + stream + ".>", "wee-dead." + name + ".>"));
    return new Permissions(publish, client.subscribe(), false);
  }

  /** The nats-server configuration text: a variable per role, for {@code permissions: $RECEIPTS_SERVICE}. */
  public static String conf(ServiceModel service) {
    StringBuilder out = new StringBuilder();
    out.append("# NATS permissions of service ").append(service.name()).append(' ').append(service.version())
        .append(", written by wee-events from its declarations.\n")
        .append("# Use them in a user's permissions: permissions: $").append(serviceVariable(service.name()))
        .append(" (the service's own user), permissions: $").append(clientVariable(service.name()))
        .append(" (a client's), permissions: $").append(subscriberVariable(service.name()))
        .append(" (a client with durable subscribers).\n")
        .append("# The JetStream store is assumed to keep JetStreamStoreConfig.forService(\"").append(service.name())
        .append("\")'s default stream and bucket names.\n\n");
    role(out, serviceVariable(service.name()), service(service));
    out.append('\n');
    role(out, clientVariable(service.name()), client(service));
    out.append('\n');
    role(out, subscriberVariable(service.name()), subscriber(service));
    return out.toString();
  }

  /** The same lists as JSON. */
  public static String json(ServiceModel service) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"service\": ");
    JsonStrings.quote(out, service.name());
    out.append(",\n  \"version\": ");
    JsonStrings.quote(out, service.version());
    out.append(",\n  \"service_permissions\": ");
    json(out, service(service));
    out.append(",\n  \"client_permissions\": ");
    json(out, client(service));
    out.append(",\n  \"subscriber_permissions\": ");
    json(out, subscriber(service));
    out.append("\n}\n");
    return out.toString();
  }

  private static List<String> endpoints(ServiceModel service) {
    String name = service.name();
    List<String> subjects = new ArrayList<>();
    for (AggregateModel aggregate : service.aggregates()) {
      for (CommandModel command : aggregate.commands()) {
        subjects.add(name + ".command." + aggregate.wireName() + "." + command.wireName());
      }
      subjects.add(name + ".query." + aggregate.wireName() + ".get");
    }
    subjects.add(name + ".health");
    subjects.add(name + ".info");
    subjects.add(name + ".stats");
    return subjects;
  }

  /** The JetStream API subjects of one stream, as the store and jnats' KV and stream calls use them. */
  private static void addStream(List<String> subjects, String stream) {
    subjects.add("$JS.API.STREAM.*." + stream);
    subjects.add("$JS.API.STREAM.MSG.GET." + stream);
    subjects.add("$JS.API.DIRECT.GET." + stream);
    subjects.add("$JS.API.DIRECT.GET." + stream + ".>");
    subjects.add("$JS.API.CONSUMER.*." + stream);
    subjects.add("$JS.API.CONSUMER.*." + stream + ".>");
    subjects.add("$JS.API.CONSUMER.MSG.NEXT." + stream + ".>");
    subjects.add("$JS.ACK." + stream + ".>");
    subjects.add("$JS.FC." + stream + ".>");
  }

  private static void role(StringBuilder out, String variable, Permissions permissions) {
    out.append(variable).append(" = {\n");
    list(out, "publish", permissions.publish());
    list(out, "subscribe", permissions.subscribe());
    if (permissions.allowResponses()) {
      out.append("  allow_responses: true\n");
    }
    out.append("}\n");
  }

  private static void list(StringBuilder out, String direction, List<String> subjects) {
    out.append("  ").append(direction).append(": {\n    allow: [\n");
    for (String subject : subjects) {
      out.append("      ");
      JsonStrings.quote(out, subject);
      out.append('\n');
    }
    out.append("    ]\n  }\n");
  }

  private static void json(StringBuilder out, Permissions permissions) {
    out.append("{\n    \"publish\": {\"allow\": ");
    jsonList(out, permissions.publish());
    out.append("},\n    \"subscribe\": {\"allow\": ");
    jsonList(out, permissions.subscribe());
    out.append("},\n    \"allow_responses\": ").append(permissions.allowResponses()).append("\n  }");
  }

  private static void jsonList(StringBuilder out, List<String> subjects) {
    out.append('[');
    for (int i = 0; i < subjects.size(); i++) {
      out.append(i == 0 ? "\n      " : ",\n      ");
      JsonStrings.quote(out, subjects.get(i));
    }
    out.append("\n    ]");
  }

  private static String variable(String service) {
    return service.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
