package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.EventHandler;
import com.weegigs.events.runtime.RecordedEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A consumer of the receipts service's events, as a user writes one: each {@code @EventHandler}
 * method takes an event record or the sealed {@link ReceiptEvent}, optionally with its
 * {@link RecordedEvent}, and the generated {@code ReceiptAuditorSubscriptions.subscribe(client, auditor)}
 * subscribes them all. Each handler notes what it got in a queue of its own, for the test to read.
 */
public class ReceiptAuditor {
  final BlockingQueue<String> liveAdded = new LinkedBlockingQueue<>();
  final BlockingQueue<String> liveAll = new LinkedBlockingQueue<>();
  final BlockingQueue<String> liveSuppliers = new LinkedBlockingQueue<>();
  final BlockingQueue<String> storedAll = new LinkedBlockingQueue<>();
  final BlockingQueue<String> storedRemoved = new LinkedBlockingQueue<>();
  final BlockingQueue<String> storedSinceStart = new LinkedBlockingQueue<>();

  /** Each line added, live. */
  @EventHandler
  void itemAdded(ItemAdded event) {
    liveAdded.add(event.name());
  }

  /** Every receipt event, live, with where it was recorded. */
  @EventHandler
  void receiptEvent(ReceiptEvent event, RecordedEvent<ReceiptEvent> recorded) {
    liveAll.add(describe(event) + "@" + recorded.aggregate().key() + "/" + recorded.revision());
  }

  /** Suppliers registered, live: a second aggregate of the same service. */
  @EventHandler
  void supplierRegistered(SupplierRegistered event) {
    liveSuppliers.add(event.id() + " " + event.name());
  }

  /** Every stored receipt event, durably, from the first. */
  @EventHandler(durable = "auditor-all")
  void storedEvent(ReceiptEvent event, RecordedEvent<? extends ReceiptEvent> recorded) {
    storedAll.add(recorded.type() + "@" + recorded.revision());
  }

  /** Every stored removal, durably, from the first. */
  @EventHandler(durable = "auditor-removed")
  void storedRemoval(ItemRemoved event) {
    storedRemoved.add(event.name() + " " + event.refundAmount().toPlainString());
  }

  /** Lines stored after this subscriber first subscribed. */
  @EventHandler(durable = "auditor-new-lines", start = EventHandler.Start.NOW)
  void storedSinceStart(ItemAdded event, RecordedEvent<ItemAdded> recorded) {
    storedSinceStart.add(event.name() + "@" + recorded.revision());
  }

  private static String describe(ReceiptEvent event) {
    if (event instanceof ItemAdded added) {
      return "added " + added.name();
    }
    if (event instanceof ItemRemoved removed) {
      return "removed " + removed.name();
    }
    return event instanceof ReceiptFinalized ? "finalized" : "voided";
  }
}
