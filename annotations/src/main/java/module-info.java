/**
 * The annotations a wee-events domain is declared with ({@code @Service}, {@code @Aggregate},
 * {@code @Command}, {@code @Event}, {@code @CommandHandler}, {@code @Reducer}, {@code @Initial},
 * {@code @EventHandler}).
 * The annotation processor reads them at compile time; nothing here is needed at run time.
 */
module com.weegigs.events.annotations {
  exports com.weegigs.events.annotations;
}
