package com.weegigs.events.runtime.internal.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import java.util.List;

/**
 * An {@link EventStore} that keeps each event in its wire form (the recorded event JSON of the wire
 * contract, as the service publishes it) and can take the bytes the service already wrote for its
 * reply instead of encoding the events again. Not part of the store SPI: the command core checks
 * for it once, and uses {@link EventStore#append} for every other store.
 */
public interface WireFormAppend {
  /**
   * Appends as {@link EventStore#append}, given also each event's wire form. The store keeps the
   * array and its byte arrays as they are; nobody changes them afterwards, and the service publishes
   * the same bytes.
   *
   * @param wireForms one per event, in the same order
   */
  AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
      List<RecordedEvent<?>> events, byte[][] wireForms);
}
