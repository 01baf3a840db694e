/**
 * The receipts example: a till receipt as an event-sourced aggregate, served over NATS.
 *
 * <p>Everything in this package is what a user of wee-events writes by hand. The annotation
 * processor reads it when the code is compiled and generates, next to it, {@code ReceiptSubjects},
 * {@code ReceiptCodecs}, {@code ReceiptValidators}, {@code ReceiptStub}, {@code ReceiptClient} (with
 * {@code NatsReceiptClient}), the same for {@link com.weegigs.events.example.receipts.Supplier}, and
 * {@code ReceiptsService}, the service descriptor that {@code $SRV.INFO} reports.
 *
 * <p>{@link com.weegigs.events.example.receipts.Main} runs the service ({@code serve}) or a scripted
 * client session against it ({@code demo}).
 */
@Service(name = "receipts", version = "1.0.0", title = "Receipt Service")
package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Service;
