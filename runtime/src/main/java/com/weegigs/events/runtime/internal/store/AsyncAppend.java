package com.weegigs.events.runtime.internal.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.store.AppendResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A store that keeps wire forms ({@link WireFormAppend}) and can append without holding the
 * caller's thread for the store's round trip: the command core hands the append over and answers
 * the command when it completes, so a worker is not parked while the store stores. Not part of
 * the store SPI: the command core checks for it once.
 *
 * <p>Where the future completes matters, since the core goes on from there: with {@link
 * AppendResult.Appended} on any thread (the store's own, which must not be held up: the core only
 * answers and publishes there); with any other result, or exceptionally, only on a thread that may
 * block (the caller's, when the store decided at once, or one of the store's own for its slower
 * paths), since the core then reads, retries or rebuilds a reply there.
 */
public interface AsyncAppend extends WireFormAppend {
  /**
   * Appends as {@link WireFormAppend#append}, completing later. Failures to reach the store come as
   * {@link com.weegigs.events.runtime.store.EventStoreUnavailableException}, thrown at once when the
   * store knows before sending anything, else as the future's failure.
   */
  CompletableFuture<AppendResult> appendAsync(AggregateType<?, ?> type, AggregateId id, long expectedRevision,
      String messageId, List<RecordedEvent<?>> events, byte[][] wireForms);
}
