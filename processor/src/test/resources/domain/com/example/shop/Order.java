package com.example.shop;

import com.weegigs.events.runtime.CommandContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record Order(String id, UUID customer, Instant placedAt, List<Line> lines, boolean paid) {
  public Order {
    if (id != null && id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
  }

  static Order start(OrderPlaced event) {
    return new Order(event.id(), event.customer(), event.placedAt(), event.lines(), false);
  }

  Order on(OrderPaid event) {
    return new Order(id, customer, placedAt, lines, true);
  }

  Order on(OrderShipped event) {
    return this;
  }

  OrderPaid pay(Pay command) {
    return new OrderPaid(command.amount());
  }

  static OrderShipped ship(Order state, Ship command, CommandContext context) {
    return new OrderShipped(command.to());
  }
}
