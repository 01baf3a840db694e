package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Event;

/**
 * A supplier was registered ({@code supplier-registered}).
 *
 * @param id the supplier's key
 * @param name its trading name
 */
@Event(aggregate = Supplier.class)
public record SupplierRegistered(String id, String name) {}
