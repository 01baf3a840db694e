package com.weegigs.events.example.audit;

import com.weegigs.events.annotations.EventHandler;
import com.weegigs.events.example.receipts.ItemAdded;
import com.weegigs.events.example.receipts.ItemRemoved;
import com.weegigs.events.example.receipts.ReceiptEvent;
import com.weegigs.events.example.receipts.ReceiptFinalized;
import com.weegigs.events.example.receipts.ReceiptVoided;
import com.weegigs.events.runtime.RecordedEvent;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps an audit trail of receipts: one line for every receipt event the receipts service stores.
 * It knows the service only through its API jar: its one {@code @EventHandler} is the durable
 * subscriber {@value #DURABLE}, and the generated {@code ReceiptAuditSubscriptions.subscribe(client,
 * audit)} subscribes it through the API jar's {@code ReceiptClient}.
 *
 * <p>Durable, the audit misses nothing across its own restarts: what the service stores while it is
 * down comes when it starts again, in the order stored, from where it stopped (the first time, from
 * the first event). It needs the service's stream, which the service creates when it starts on
 * JetStream. Delivery is at least once: an audit stopped before acknowledging may write a line again.
 */
public final class ReceiptAudit {
  /** Every line starts with this, so the audit's output stands out in a shared transcript. */
  public static final String PREFIX = "audit: ";
  /** The durable subscriber's name: every audit instance and restart shares its position. */
  public static final String DURABLE = "receipts-audit";

  private final Consumer<String> trail;

  /**
   * An audit that writes its lines to {@code trail}, from the subscription's thread.
   *
   * @param trail where each line goes
   */
  public ReceiptAudit(Consumer<String> trail) {
    this.trail = Objects.requireNonNull(trail, "trail");
  }

  /** Every stored receipt event, in the order stored: one line each, naming the event's revision. */
  @EventHandler(durable = DURABLE)
  void recorded(ReceiptEvent event, RecordedEvent<? extends ReceiptEvent> recorded) {
    trail.accept(line(recorded, describe(event)));
  }

  /** What happened, as the line says it. */
  private static String describe(ReceiptEvent event) {
    if (event instanceof ItemAdded added) {
      return "item added: " + added.name() + " " + added.price().toPlainString() + " x " + added.quantity() + " = "
          + added.lineTotal().toPlainString() + " " + added.currency();
    }
    if (event instanceof ItemRemoved removed) {
      return "item removed: " + removed.name() + ", refund " + removed.refundAmount().toPlainString();
    }
    if (event instanceof ReceiptFinalized finalized) {
      return "finalized: " + finalized.itemCount() + " line(s), total " + finalized.finalTotal().toPlainString();
    }
    ReceiptVoided voided = (ReceiptVoided) event;
    return "voided (" + (voided.reason() == null ? "no reason given" : voided.reason()) + "), total "
        + voided.voidedTotal().toPlainString();
  }

  /** The line for {@code event}: receipt key, revision, what happened. */
  static String line(RecordedEvent<?> event, String what) {
    return PREFIX + "receipt '" + event.aggregate().key() + "' #" + event.revision() + " " + what;
  }
}
