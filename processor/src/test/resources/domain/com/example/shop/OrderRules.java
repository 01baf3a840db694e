package com.example.shop;

import com.weegigs.events.runtime.CommandContext;
import java.util.List;

public final class OrderRules {
  private OrderRules() {}

  static List<Object> place(PlaceOrder command, CommandContext context) {
    return List.of(new OrderPlaced(context.aggregateId().key(), command.customer(), context.now(), command.lines(), command.note()));
  }
}
