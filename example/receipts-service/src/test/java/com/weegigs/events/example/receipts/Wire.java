package com.weegigs.events.example.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Raw NATS requests, as a client that has never seen our Java code would send them: bytes in,
 * headers and JSON out. The tests use it to check the wire contract independently of the
 * generated client.
 */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  static final String SERVICE = "receipts";
  static final String ADD_ITEM = "receipts.command.receipt.add-item";
  static final String REMOVE_ITEM = "receipts.command.receipt.remove-item";
  static final String FINALIZE = "receipts.command.receipt.finalize";
  static final String VOID_RECEIPT = "receipts.command.receipt.void-receipt";
  static final String GET_RECEIPT = "receipts.query.receipt.get";
  static final String REGISTER_SUPPLIER = "receipts.command.supplier.register-supplier";
  static final String RENAME_SUPPLIER = "receipts.command.supplier.rename-supplier";
  static final String GET_SUPPLIER = "receipts.query.supplier.get";

  private Wire() {}

  /** A reply: its headers and body, with the ADR-32 error headers and the JSON body read out. */
  record Reply(Headers headers, byte[] body) {
    /** The body as JSON. */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("reply is not JSON: " + text(), e);
      }
    }

    /** The body as text. */
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the service answered with an error (the ADR-32 header is present). */
    boolean isError() {
      return headers != null && headers.getFirst("Nats-Service-Error-Code") != null;
    }

    /** The {@code Nats-Service-Error-Code} header as a number, or 0 when it is absent. */
    int errorNumber() {
      String value = headers == null ? null : headers.getFirst("Nats-Service-Error-Code");
      return value == null ? 0 : Integer.parseInt(value);
    }

    /** The {@code Nats-Service-Error} header. */
    String errorText() {
      return headers == null ? null : headers.getFirst("Nats-Service-Error");
    }

    /** {@code error.code} of the body. */
    String code() {
      return json().path("error").path("code").asText(null);
    }

    /** {@code error.message} of the body. */
    String message() {
      return json().path("error").path("message").asText(null);
    }

    /** {@code error.details} of the body. */
    JsonNode details() {
      return json().path("error").path("details");
    }

    /** A description for assertion messages. */
    @Override
    public String toString() {
      return (isError() ? "error " + errorNumber() + " (" + errorText() + ") " : "ok ") + text();
    }
  }

  /** Sends a request and waits for its reply. */
  static Reply request(Connection connection, String subject, byte[] body, Headers headers) {
    try {
      return requestAsync(connection, subject, body, headers).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("no reply on " + subject + ": " + e, e);
    }
  }

  /** Sends a request without waiting; the future fails when no reply comes within {@link #TIMEOUT}. */
  static CompletableFuture<Reply> requestAsync(Connection connection, String subject, byte[] body, Headers headers) {
    return requestAsync(connection, subject, body, headers, TIMEOUT);
  }

  /** Sends a request without waiting; the future fails when no reply comes within {@code timeout}. */
  static CompletableFuture<Reply> requestAsync(
      Connection connection, String subject, byte[] body, Headers headers, Duration timeout) {
    Message message = NatsMessage.builder().subject(subject).headers(headers).data(body).build();
    return connection.requestWithTimeout(message, timeout).thenApply(reply -> new Reply(reply.getHeaders(), reply.getData()));
  }

  /** Sends a JSON request and waits for its reply. */
  static Reply request(Connection connection, String subject, String json) {
    return request(connection, subject, json.getBytes(StandardCharsets.UTF_8), null);
  }

  /** Sends a JSON request with headers and waits for its reply. */
  static Reply request(Connection connection, String subject, String json, Headers headers) {
    return request(connection, subject, json.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** A command request envelope for {@code type}/{@code key}, with {@code command} as its payload. */
  static ObjectNode commandRequest(String type, String key, JsonNode command) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.putObject("aggregateId").put("type", type).put("key", key);
    request.set("command", command);
    return request;
  }

  /** An {@code add-item} payload. */
  static ObjectNode addItem(String name, String price, int quantity) {
    ObjectNode command = JsonNodeFactory.instance.objectNode();
    command.put("name", name);
    command.put("price", new java.math.BigDecimal(price));
    command.put("quantity", quantity);
    return command;
  }

  /** A query request envelope. */
  static ObjectNode queryRequest(String type, String key) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.putObject("aggregateId").put("type", type).put("key", key);
    return request;
  }

  /** Writes JSON as a string. */
  static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
