package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.CommandHandler;
import com.weegigs.events.runtime.CommandContext;

/**
 * The rules of a {@link Supplier}: static handlers, because they need nothing but the state and the
 * command (the stub calls them without an instance).
 */
public final class SupplierHandlers {
  private SupplierHandlers() {}

  /** {@code register-supplier}: a creating handler, run only while the supplier has no events. */
  @CommandHandler
  public static SupplierRegistered register(RegisterSupplier command, CommandContext context) {
    return new SupplierRegistered(context.aggregateId().key(), command.name());
  }

  /** {@code rename-supplier}: only for a supplier that exists. */
  @CommandHandler
  public static SupplierRenamed rename(Supplier state, RenameSupplier command) {
    return new SupplierRenamed(command.name());
  }
}
