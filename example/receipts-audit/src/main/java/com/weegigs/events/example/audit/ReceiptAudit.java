package com.weegigs.events.example.audit;

import com.weegigs.events.example.receipts.ReceiptClient;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.EventSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps an audit trail of receipts: one line for every receipt event, as it is recorded. It knows
 * the receipts service only through its API jar: the generated {@link ReceiptClient}'s typed live
 * subscriptions ({@code onItemAdded}, {@code onItemRemoved}, ...), one per event it reacts to.
 */
public final class ReceiptAudit implements AutoCloseable {
  /** Every line starts with this, so the audit's output stands out in a shared transcript. */
  public static final String PREFIX = "audit: ";

  private final List<EventSubscription> subscriptions = new ArrayList<>();

  private ReceiptAudit() {}

  /**
   * Subscribes to every receipt event and writes a line to {@code trail} for each, from the
   * subscriptions' threads. Each event type has a subscription of its own, which delivers in order;
   * lines of different types may interleave in any order, and each names the event's revision.
   *
   * @param receipts the receipts client
   * @param trail where each line goes
   * @return the running audit; close it to unsubscribe
   */
  public static ReceiptAudit start(ReceiptClient receipts, Consumer<String> trail) {
    ReceiptAudit audit = new ReceiptAudit();
    audit.subscriptions.add(receipts.onItemAdded(event -> trail.accept(line(event, "item added: " + event.data().name() + " "
        + event.data().price().toPlainString() + " x " + event.data().quantity() + " = " + event.data().lineTotal().toPlainString()
        + " " + event.data().currency()))));
    audit.subscriptions.add(receipts.onItemRemoved(event -> trail.accept(line(event, "item removed: " + event.data().name()
        + ", refund " + event.data().refundAmount().toPlainString()))));
    audit.subscriptions.add(receipts.onReceiptFinalized(event -> trail.accept(line(event, "finalized: "
        + event.data().itemCount() + " line(s), total " + event.data().finalTotal().toPlainString()))));
    audit.subscriptions.add(receipts.onReceiptVoided(event -> trail.accept(line(event, "voided ("
        + (event.data().reason() == null ? "no reason given" : event.data().reason()) + "), total "
        + event.data().voidedTotal().toPlainString()))));
    return audit;
  }

  /** The subjects it listens on, one per event. */
  public List<String> subjects() {
    return subscriptions.stream().map(EventSubscription::subject).toList();
  }

  /** The line for {@code event}: receipt key, revision, what happened. */
  static String line(RecordedEvent<?> event, String what) {
    return PREFIX + "receipt '" + event.aggregate().key() + "' #" + event.revision() + " " + what;
  }

  /** Unsubscribes. */
  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
  }
}
