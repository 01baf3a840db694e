package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Event;

/**
 * A supplier was renamed ({@code supplier-renamed}).
 *
 * @param name the new trading name
 */
@Event(aggregate = Supplier.class)
public record SupplierRenamed(String name) {}
