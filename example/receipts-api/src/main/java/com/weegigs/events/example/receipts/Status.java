package com.weegigs.events.example.receipts;

import java.util.Locale;

/** Where a receipt is in its life. On the wire: {@code open}, {@code closed}, {@code voided}. */
public enum Status {
  /** Items may be added and removed. */
  OPEN,
  /** Finalized: the total is final and no item may change. */
  CLOSED,
  /** Cancelled; nothing may happen to it any more. */
  VOIDED;

  /** The name this status has on the wire and in messages, such as {@code closed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
