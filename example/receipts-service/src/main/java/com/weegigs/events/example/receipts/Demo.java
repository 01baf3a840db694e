package com.weegigs.events.example.receipts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.ValidationFailedException;
import com.weegigs.events.runtime.validation.Violation;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The scripted client session of {@code java -jar receipts-example.jar demo}: what a client in
 * another service does with the generated {@link ReceiptClient}, printed as a transcript. Lines
 * starting with {@code >} are requests, {@code <} their replies, {@code *} events the live
 * subscription received.
 */
final class Demo {
  private static final Duration EVENT_WAIT = Duration.ofSeconds(5);
  private static final Duration SERVING_AGAIN_WAIT = Duration.ofSeconds(60);

  private final Connection connection;
  private final PrintStream out;
  /** Who calls, when the service authenticates requests; {@code null} when it does not. */
  private final Callers callers;

  /**
   * @param connection the NATS connection to run the session on (the caller's; not closed here)
   * @param out where the transcript goes
   */
  Demo(Connection connection, PrintStream out) {
    this(connection, out, null);
  }

  /**
   * @param connection the NATS connection to run the session on (the caller's; not closed here)
   * @param out where the transcript goes
   * @param callers the till and the manager whose bearer tokens the session sends, or {@code null}
   *     for a service that does not authenticate requests (the session then never voids)
   */
  Demo(Connection connection, PrintStream out, Callers callers) {
    this.connection = connection;
    this.out = out;
    this.callers = callers;
  }

  /**
   * One caller of an authenticating service.
   *
   * @param name who it is, for the transcript ({@code till-1 (roles: clerk)})
   * @param token its bearer token, asked for on every request
   */
  record Caller(String name, Supplier<String> token) {}

  /**
   * The callers of a session against a service that authenticates requests.
   *
   * @param till sends every request, and is refused the void
   * @param manager voids the receipt
   */
  record Callers(Caller till, Caller manager) {}

  /** Which part of the session to run: all of it, or the halves before and after a restart of the service. */
  enum Part {
    /** The whole session. */
    WHOLE,
    /** Two items added and the receipt read: what a restart of the service must keep. */
    BEFORE_RESTART,
    /** The same receipt read again, then the rest of the session on it. */
    AFTER_RESTART
  }

  /** Runs the whole session on a new receipt; returns normally when every step behaved as the example's rules say. */
  void run() throws Exception {
    run(Part.WHOLE, "till-1 " + Instant.now().getEpochSecond());
  }

  /**
   * Runs one part of the session on the receipt {@code key}; returns normally when every step
   * behaved as the example's rules say.
   */
  void run(Part part, String key) throws Exception {
    try (ServiceClient service = callers == null ? ServiceClient.create(connection, "receipts")
        : ServiceClient.builder("receipts").connection(connection).withBearerToken(callers.till().token()).build()) {
      ReceiptClient client = ReceiptClient.create(service);
      ReceiptClient.Blocking receipts = client.blocking();
      List<RecordedEvent<ReceiptEvent>> seen = Collections.synchronizedList(new ArrayList<>());

      out.println("== Receipt Service demo on " + connection.getConnectedUrl() + ", receipt '" + key + "'"
          + (part == Part.AFTER_RESTART ? ", second half" : ""));
      if (callers != null) {
        out.println("   a bearer token on every request: " + callers.till().name() + "; the void also as "
            + callers.manager().name());
      }
      // the secure session voids the receipt as well: one more event where the session ends
      int expected = (part == Part.WHOLE ? 4 : 2) + (callers != null && part != Part.BEFORE_RESTART ? 1 : 0);
      try (EventSubscription events = client.onEvent(seen::add)) {
        out.println("   live events: subscribed to " + events.subject());
        connection.flush(Duration.ofSeconds(5));
        out.println();

        if (part == Part.AFTER_RESTART) {
          request("get (what the first half stored)");
          show(getOnceServing(receipts, key));
        } else {
          step("add-item Coffee 4.50 x 2", () -> receipts.addItem(key, new AddItem("Coffee", money("4.50"), 2)));
          step("add-item Muffin 3.25 x 1", () -> receipts.addItem(key, new AddItem("Muffin", money("3.25"), 1)));
          request("get");
          show(receipts.get(key));
        }
        if (part != Part.BEFORE_RESTART) {
          step("add-item with a blank name, a negative price and no quantity",
              () -> receipts.addItem(key, new AddItem(" ", money("-1"), 0)));
          step("remove-item Tea", () -> receipts.removeItem(key, new RemoveItem("Tea")));
          step("remove-item Coffee", () -> receipts.removeItem(key, new RemoveItem("Coffee")));
          step("finalize", () -> receipts.finalizeCommand(key, new Finalize()));
          step("add-item Tea 4.99 x 2 (after finalize)", () -> receipts.addItem(key, new AddItem("Tea", money("4.99"), 2)));
          if (callers != null) {
            VoidReceipt wrongTable = new VoidReceipt("wrong table");
            refused("void-receipt 'wrong table' as " + callers.till().name(), ErrorCode.FORBIDDEN,
                () -> receipts.voidReceipt(key, wrongTable));
            step("void-receipt 'wrong table' as " + callers.manager().name(), () -> receipts.voidReceipt(key, wrongTable,
                CallOptions.DEFAULT.withBearerToken(callers.manager().token().get())));
          }
        }

        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (seen.size() < expected && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(20);
        }
        out.println();
        out.println("== events the live subscription received (" + seen.size() + ")");
        synchronized (seen) {
          for (RecordedEvent<ReceiptEvent> event : seen) {
            out.println("*  #" + event.revision() + " " + event.type() + " " + describe(event.data()));
          }
        }
        if (seen.size() < expected) {
          throw new IllegalStateException("expected " + expected + " events, the subscription received " + seen.size());
        }
      }
      out.println();
      serviceInfo(part != Part.BEFORE_RESTART);
    }
  }

  /**
   * Reads the receipt, waiting (at most {@link #SERVING_AGAIN_WAIT}) while the service answers
   * {@code UNAVAILABLE} or does not answer: after a fault its store may need a moment (a cluster
   * electing a new leader) before it serves again. Prints the wait, so the transcript shows it.
   */
  private Entity<Receipt> getOnceServing(ReceiptClient.Blocking receipts, String key) throws InterruptedException {
    long start = System.nanoTime();
    boolean waited = false;
    while (true) {
      try {
        Entity<Receipt> receipt = receipts.get(key);
        if (waited) {
          out.printf("   (served again after %.1f s)%n", (System.nanoTime() - start) / 1e9);
        }
        return receipt;
      } catch (ServiceException e) {
        boolean passing = e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.TIMEOUT;
        if (!passing || System.nanoTime() - start > SERVING_AGAIN_WAIT.toNanos()) {
          out.println("<  " + e.code() + " (" + e.code().number() + "): " + e.getMessage());
          throw e;
        }
        if (!waited) {
          out.println("<  " + e.code() + " (" + e.code().number() + "): " + e.getMessage() + " (waiting for it to serve again)");
          waited = true;
        }
        TimeUnit.MILLISECONDS.sleep(250);
      }
    }
  }

  /** Sends one command and prints its outcome, whether it succeeded or was refused. */
  private void step(String description, Supplier<CommandResult<Receipt, ReceiptEvent>> command) {
    request(description);
    try {
      CommandResult<Receipt, ReceiptEvent> result = command.get();
      for (RecordedEvent<? extends ReceiptEvent> event : result.events()) {
        out.println("<  recorded " + event.type() + " " + describe(event.data()));
      }
      show(result.entity());
    } catch (ValidationFailedException e) {
      out.println("<  " + e.code() + " (" + e.code().number() + "): " + e.getMessage());
      for (Violation violation : e.violations()) {
        out.println("     " + violation.path() + ": " + violation.message());
      }
    } catch (RejectedException e) {
      out.println("<  " + e.code() + " (" + e.code().number() + ") " + e.reason() + ": " + e.getMessage());
    } catch (ServiceException e) {
      out.println("<  " + e.code() + " (" + e.code().number() + "): " + e.getMessage());
      throw e;
    }
  }

  /**
   * Sends one command that the service must refuse with {@code code}, and prints the refusal.
   *
   * @throws IllegalStateException when it succeeded or was refused otherwise
   */
  private void refused(String description, ErrorCode code, Supplier<CommandResult<Receipt, ReceiptEvent>> command) {
    request(description);
    try {
      command.get();
    } catch (ServiceException e) {
      out.println("<  " + e.code() + " (" + e.code().number() + "): " + e.getMessage());
      if (e.code() != code) {
        throw e;
      }
      return;
    }
    throw new IllegalStateException(description + ": expected " + code + ", but the service accepted it");
  }

  private void request(String description) {
    out.println(">  " + description);
  }

  private void show(Entity<Receipt> entity) {
    Receipt receipt = entity.state();
    StringBuilder line = new StringBuilder("<  receipt '")
        .append(receipt.id()).append("' revision ").append(entity.revision())
        .append(", ").append(receipt.status().wireName())
        .append(", total ").append(receipt.total().toPlainString());
    if (!receipt.items().isEmpty()) {
      line.append(":");
      for (Item item : receipt.items()) {
        line.append(' ').append(item.name()).append(' ').append(item.price().toPlainString())
            .append(" x ").append(item.quantity()).append(';');
      }
      line.setLength(line.length() - 1);
    }
    out.println(line);
  }

  private static String describe(ReceiptEvent event) {
    if (event instanceof ItemAdded added) {
      return added.name() + " " + added.price().toPlainString() + " x " + added.quantity()
          + " = " + added.lineTotal().toPlainString();
    } else if (event instanceof ItemRemoved removed) {
      return removed.name() + ", refund " + removed.refundAmount().toPlainString();
    } else if (event instanceof ReceiptFinalized finalized) {
      return "final total " + finalized.finalTotal().toPlainString() + ", " + finalized.itemCount() + " line(s)";
    } else if (event instanceof ReceiptVoided voided) {
      return "'" + voided.reason() + "', voided total " + voided.voidedTotal().toPlainString();
    }
    return event.toString();
  }

  /**
   * Asks {@code $SRV.INFO.receipts} with a plain NATS request, as any NATS tool would, and prints
   * the instance that answered and, when asked, the endpoints.
   */
  private void serviceInfo(boolean endpoints) throws Exception {
    request("$SRV.INFO.receipts (a plain NATS request)");
    Message reply = connection.request("$SRV.INFO.receipts", new byte[0], Duration.ofSeconds(5));
    if (reply == null) {
      throw new IllegalStateException("no reply to $SRV.INFO.receipts");
    }
    Info info = Info.read(reply.getData());
    out.println("<  " + info.type + ": " + info.name + " " + info.version + " (instance " + info.id + ")");
    if (!endpoints) {
      return;
    }
    info.endpoints.sort(java.util.Comparator.comparing((String[] endpoint) -> endpoint[0]));
    for (String[] endpoint : info.endpoints) {
      out.println("     " + endpoint[0] + "  [" + endpoint[1] + ", queue group " + endpoint[2] + "]");
    }
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  /** The few fields of an {@code io.nats.micro.v1.info_response} the transcript shows, read with jackson-core. */
  private static final class Info {
    String type = "";
    String name = "";
    String version = "";
    String id = "";
    final List<String[]> endpoints = new ArrayList<>();

    static Info read(byte[] json) throws IOException {
      Info info = new Info();
      try (JsonParser parser = new JsonFactory().createParser(json)) {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (field) {
            case "type" -> info.type = parser.getValueAsString("");
            case "name" -> info.name = parser.getValueAsString("");
            case "version" -> info.version = parser.getValueAsString("");
            case "id" -> info.id = parser.getValueAsString("");
            case "endpoints" -> {
              expect(value, JsonToken.START_ARRAY);
              while (parser.nextToken() == JsonToken.START_OBJECT) {
                info.endpoints.add(readEndpoint(parser));
              }
            }
            default -> parser.skipChildren();
          }
        }
      }
      return info;
    }

    /** {subject, wee.kind, queue group} of one endpoint. */
    private static String[] readEndpoint(JsonParser parser) throws IOException {
      String[] endpoint = {"", "", ""};
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "subject" -> endpoint[0] = parser.getValueAsString("");
          case "queue_group" -> endpoint[2] = parser.getValueAsString("");
          case "metadata" -> {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String key = parser.currentName();
              parser.nextToken();
              if (key.equals("wee.kind")) {
                endpoint[1] = parser.getValueAsString("");
              } else {
                parser.skipChildren();
              }
            }
          }
          default -> parser.skipChildren();
        }
      }
      return endpoint;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
      if (actual != expected) {
        throw new IOException("$SRV.INFO reply: expected " + expected + " but found " + actual);
      }
    }
  }
}
