package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * One {@code @EventHandler} method, and the generated client method that feeds it.
 *
 * @param method the handler's name
 * @param event the type it takes: an event record, or the type every event of the aggregate shares
 * @param aggregate the aggregate record whose events it receives
 * @param client the aggregate's generated client ({@code ReceiptClient})
 * @param clientMethod the client's subscribing method for {@code event} ({@code onItemAdded}, {@code onEvent})
 * @param takesRecorded whether the handler takes the {@code RecordedEvent} as its second parameter
 * @param durable the durable subscriber's name; empty for a live subscription
 * @param startNow whether a new durable subscriber starts with the events stored after it first subscribes
 */
public record EventHandlerModel(String method, TypeName event, ClassName aggregate, ClassName client, String clientMethod,
    boolean takesRecorded, Optional<String> durable, boolean startNow) {}
