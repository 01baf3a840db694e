package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One class with {@code @EventHandler} methods, and the subscriptions that wire them.
 *
 * @param handlerClass the class that declares the handlers
 * @param subscriptions the generated wiring ({@code StockHandlersSubscriptions})
 * @param handlers the handlers in declaration order
 */
public record ConsumerModel(ClassName handlerClass, ClassName subscriptions, List<EventHandlerModel> handlers) {
  public ConsumerModel {
    handlers = List.copyOf(handlers);
  }
}
