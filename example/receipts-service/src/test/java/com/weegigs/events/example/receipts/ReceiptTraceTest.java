package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.fixtures.TestTelemetry;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The trace of one command of the receipts scenario, from the generated client through the service
 * to a live listener, rendered as the text tree the README shows.
 */
@NatsTest
class ReceiptTraceTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void addingAnItemIsOneTraceFromTheCallToTheListener(NatsServer server) throws Exception {
    TestTelemetry telemetry = new TestTelemetry();
    TestServices.Running service = TestServices.receipts(server, builder -> builder.withOpenTelemetry(telemetry.sdk()));
    try (ServiceClient connection = ServiceClient.builder("receipts").url(server.url())
        .withOpenTelemetry(telemetry.sdk()).build()) {
      ReceiptClient client = ReceiptClient.create(connection);
      EventSubscription added = client.onItemAdded(event -> {});
      client.blocking().addItem("r-1", new AddItem("Coffee", new BigDecimal("4.50"), 2));
      // the service's span ends after its reply and its events have gone; the listener's after the listener
      telemetry.awaitSpan("process receipts.command.receipt.add-item", WAIT);
      telemetry.awaitSpan("process receipts.events.receipt.item-added", WAIT);
      added.close();

      assertEquals("""
          send receipts.command.receipt.add-item (CLIENT)
          └─ process receipts.command.receipt.add-item (SERVER)
             ├─ validate add-item
             ├─ load receipt [history, 0 events replayed]
             ├─ handle add-item
             ├─ append receipt
             └─ publish receipts.events.receipt.item-added (PRODUCER)
                └─ process receipts.events.receipt.item-added (CONSUMER)
          """, tree(telemetry.spans()));
    } finally {
      service.close();
      telemetry.close();
    }
  }

  /** The spans as a tree: each root, then its children in the order they started. */
  static String tree(List<SpanData> spans) {
    StringBuilder text = new StringBuilder();
    spans.stream().filter(span -> !span.getParentSpanContext().isValid())
        .forEach(root -> render(spans, root, "", "", text));
    return text.toString();
  }

  private static void render(List<SpanData> spans, SpanData span, String lead, String indent, StringBuilder text) {
    text.append(lead).append(span.getName());
    String source = span.getAttributes().get(AttributeKey.stringKey("wee.load.source"));
    if (source != null) {
      text.append(" [").append(source).append(", ")
          .append(span.getAttributes().get(AttributeKey.longKey("wee.events.replayed"))).append(" events replayed]");
    }
    if (!span.getKind().name().equals("INTERNAL")) {
      text.append(" (").append(span.getKind()).append(')');
    }
    text.append('\n');
    List<SpanData> children = spans.stream().filter(child -> child.getParentSpanId().equals(span.getSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).collect(Collectors.toList());
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      render(spans, children.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), text);
    }
  }
}
