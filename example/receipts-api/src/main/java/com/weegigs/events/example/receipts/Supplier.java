package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Aggregate;
import com.weegigs.events.annotations.Reducer;

/**
 * A supplier the shop buys from: the state of the {@code supplier} aggregate.
 *
 * <p>Unlike a {@link Receipt}, a supplier has no initial state: it exists only once
 * {@code register-supplier} created it. Until then every other command and a get answer
 * {@code NOT_FOUND}; registering it a second time answers {@code CONFLICT}. Its handlers are in the
 * service module ({@code SupplierHandlers}); its reducers stay here, on the record.
 *
 * @param id the supplier's key
 * @param name its trading name
 */
@Aggregate(type = "supplier")
public record Supplier(String id, String name) {

  /** Starts a supplier from its registration. */
  @Reducer
  static Supplier on(SupplierRegistered event) {
    return new Supplier(event.id(), event.name());
  }

  /** Renames it. */
  @Reducer
  Supplier on(SupplierRenamed event) {
    return new Supplier(id, event.name());
  }
}
