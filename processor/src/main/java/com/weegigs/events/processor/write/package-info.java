/**
 * The writers: they turn the model ({@code com.weegigs.events.processor.model}) into Java source with
 * JavaPoet, and never look at an {@code Element}. {@link com.weegigs.events.processor.write.Writers}
 * is the only entry point.
 *
 * <p>Per aggregate ({@code Receipt}, service {@code receipts}):
 *
 * <ul>
 *   <li>{@code ReceiptSubjects}: {@code SERVICE}, {@code AGGREGATE_TYPE}, {@code ADD_ITEM_COMMAND} per
 *       command, {@code QUERY_GET}, {@code ITEM_ADDED_EVENT} per event, {@code HEALTH},
 *       {@code ALL_COMMANDS} and {@code ALL_EVENTS} ({@code receipts.events.receipt.*}).
 *   <li>{@code ReceiptCodecs}: {@code RECEIPT_CODEC}, {@code ADD_ITEM_CODEC}, {@code ITEM_CODEC}... (a
 *       {@code JsonCodec} per record), {@code ADD_ITEM} (a {@code CommandType}), {@code ITEM_ADDED} (an
 *       {@code EventType}; {@code ITEM_ADDED_EVENT} when a command has the same wire name) and
 *       {@code TYPE} (the {@code AggregateType}). JSON Schemas (draft 2020-12) are string literals in the
 *       command, event and aggregate types.
 *   <li>{@code ReceiptValidators}: {@code validate(AddItem)} per command and per record a command
 *       reaches through {@code @Valid}.
 *   <li>{@code ReceiptStub}: {@code definition(ReceiptHandlers receiptHandlers)}, one parameter per
 *       handler class (none when every handler is static or on the aggregate).
 *   <li>{@code ReceiptClient} with {@code addItem(key, command)}, {@code get(key)},
 *       {@code onItemAdded(listener)}, {@code onEvent(listener)}, {@code blocking()} and
 *       {@code create(ServiceClient)}; {@code NatsReceiptClient} implements it.
 * </ul>
 *
 * <p>Per service: {@code ReceiptsService.DESCRIPTOR}. A name that would collide with another generated
 * name or a Java keyword gets a suffix ({@code TYPE_COMMAND}, {@code defaultCommand}); see
 * {@code AggregateConstants}. Decoding rules (missing, null and mistyped values) are those of the
 * runtime's generated-code support ({@code ScalarReaders}, {@code JsonRecords}).
 */
package com.weegigs.events.processor.write;
