package com.weegigs.events.runtime.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubjectsTest {
  @Test
  void subjectsFollowTheWireContract() {
    assertEquals("receipts.command.receipt.add-item", Subjects.command("receipts", "receipt", "add-item"));
    assertEquals("receipts.query.receipt.get", Subjects.query("receipts", "receipt"));
    assertEquals("receipts.events.receipt.item-added", Subjects.event("receipts", "receipt", "item-added"));
    assertEquals("receipts.events.receipt.*", Subjects.eventsOf("receipts", "receipt"));
    assertEquals("receipts.events.>", Subjects.allEvents("receipts"));
    assertEquals("receipts.health", Subjects.health("receipts"));
  }
}
