package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The permissions resources the processor writes next to the schema lock: the nats-server
 * configuration of the service's user and a client's, and the same lists as JSON. (That a service
 * and a client run under exactly these permissions on a real server is the example's
 * {@code LeastPrivilegeTest}.)
 */
class PermissionsResourceTest {
  private static final String DIRECTORY = "META-INF/wee-events";

  @Test
  void theClientMayCallTheEndpointsAndDiscoveryAndHearTheEvents() throws IOException {
    String conf = resource("shop.permissions.conf");
    String client = conf.substring(conf.indexOf("SHOP_CLIENT = {"), conf.indexOf("SHOP_SUBSCRIBER = {"));
    assertEquals("""
        SHOP_CLIENT = {
          publish: {
            allow: [
              "shop.command.cart.add-item"
              "shop.query.cart.get"
              "shop.health"
              "shop.info"
              "shop.stats"
              "$SRV.PING.shop"
              "$SRV.INFO.shop"
              "$SRV.STATS.shop"
            ]
          }
          subscribe: {
            allow: [
              "shop.events.>"
              "_INBOX.>"
            ]
          }
        }

        """, client);
  }

  @Test
  void aDurableSubscriberMayAlsoConsumeTheServicesStreamAndDeadLetter() throws IOException {
    String conf = resource("shop.permissions.conf");
    String subscriber = conf.substring(conf.indexOf("SHOP_SUBSCRIBER = {"));
    List<String> publish = subjects(subscriber.substring(subscriber.indexOf("publish:"), subscriber.indexOf("subscribe:")));
    assertEquals(List.of("shop.command.cart.add-item", "shop.query.cart.get", "shop.health", "shop.info", "shop.stats",
        "$SRV.PING.shop", "$SRV.INFO.shop", "$SRV.STATS.shop", "$JS.API.INFO", "$JS.API.STREAM.NAMES",
        "$JS.API.STREAM.INFO.wee-events-shop", "$JS.API.CONSUMER.*.wee-events-shop", "$JS.API.CONSUMER.*.wee-events-shop.>",
        "$JS.API.CONSUMER.MSG.NEXT.wee-events-shop.>", "$JS.ACK.wee-events-shop.>", "wee-dead.shop.>"), publish);
    assertEquals(List.of("shop.events.>", "_INBOX.>"), subjects(subscriber.substring(subscriber.indexOf("subscribe:"))));
  }

  @Test
  void theServiceMayServeItsEndpointsPublishItsEventsAndUseItsStoreOnly() throws IOException {
    String conf = resource("shop.permissions.conf");
    assertTrue(conf.startsWith("# NATS permissions of service shop 1.0.0, written by wee-events from its declarations.\n"), conf);
    String service = conf.substring(conf.indexOf("SHOP_SERVICE = {"), conf.indexOf("SHOP_CLIENT = {"));
    assertEquals(List.of("shop.command.cart.add-item", "shop.query.cart.get", "shop.health", "shop.info", "shop.stats",
        "$SRV.PING", "$SRV.PING.shop", "$SRV.PING.shop.*", "$SRV.INFO", "$SRV.INFO.shop", "$SRV.INFO.shop.*",
        "$SRV.STATS", "$SRV.STATS.shop", "$SRV.STATS.shop.*", "$JS.EVENT.ADVISORY.STREAM.LEADER_ELECTED.wee-events-shop",
        "_INBOX.>"), subjects(service.substring(service.indexOf("subscribe:"))));
    List<String> publish = subjects(service.substring(service.indexOf("publish:"), service.indexOf("subscribe:")));
    assertEquals("shop.events.>", publish.get(0));
    assertTrue(publish.contains("wee-store.shop.>"), publish.toString());
    assertTrue(publish.contains("$KV.wee-outcomes-shop.>") && publish.contains("$KV.wee-snapshots-shop.>"), publish.toString());
    for (String subject : publish) {
      assertTrue(subject.startsWith("shop.") || subject.equals("$JS.API.INFO") || subject.contains("-shop") || subject.contains(".shop."),
          "a publish right outside the service's own subjects: " + subject);
    }
    assertTrue(service.contains("  allow_responses: true\n"), service);
  }

  @Test
  void theJsonHoldsTheSameLists() throws IOException {
    String conf = resource("shop.permissions.conf");
    String json = resource("shop.permissions.json");
    List<String> fromJson = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getParsingContext().inArray()) {
          fromJson.add(parser.getText());
        }
      }
    }
    assertEquals(subjects(conf), fromJson);
    assertTrue(json.startsWith("{\n  \"service\": \"shop\",\n  \"version\": \"1.0.0\",\n  \"service_permissions\": {"), json);
  }

  /** The quoted subjects of a configuration text, in order. */
  private static List<String> subjects(String conf) {
    List<String> subjects = new ArrayList<>();
    for (String line : conf.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
        subjects.add(trimmed.substring(1, trimmed.length() - 1));
      }
    }
    return subjects;
  }

  private static String resource(String name) throws IOException {
    Compilation compilation = Domain.valid().compile();
    assertThat(compilation).succeededWithoutWarnings();
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, DIRECTORY, name)
        .orElseThrow(() -> new AssertionError("no " + name + " written")).getCharContent(false).toString();
  }
}
