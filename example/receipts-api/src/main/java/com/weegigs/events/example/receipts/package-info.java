/**
 * The receipts service's API: a till receipt and a supplier as event-sourced aggregates, their
 * commands and their events, without a single handler ({@code api = true}).
 *
 * <p>Everything in this package is what a user of wee-events writes by hand. The annotation
 * processor reads it when this module is compiled and generates, next to it,
 * {@code ReceiptSubjects}, {@code ReceiptCodecs}, {@code ReceiptValidators}, {@code ReceiptClient}
 * (with {@code NatsReceiptClient}), the same for {@link com.weegigs.events.example.receipts.Supplier},
 * and {@code ReceiptsService}, the service descriptor that {@code $SRV.INFO} reports. Callers (such
 * as the audit service) depend on this jar alone; the receipts service module depends on it, holds
 * the handlers, and gets {@code ReceiptStub} and {@code SupplierStub}.
 */
@Service(name = "receipts", version = "1.0.0", title = "Receipt Service", api = true)
package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Service;
