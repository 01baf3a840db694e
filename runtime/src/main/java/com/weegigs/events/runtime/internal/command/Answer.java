package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.RecordedEvent;
import java.util.List;

/**
 * Where the command core sends what one command came to; the transport implements it (NATS: the
 * reply to the request, then one notification per stored event).
 */
public interface Answer {
  /** Sends {@code reply} to the caller; called exactly once per command. */
  void reply(Reply reply);

  /**
   * Publishes the events the command stored, after {@link #reply}. Called only when there are
   * events, while the aggregate is still locked, so one aggregate's events go out in the order they
   * were stored. A failure to publish must not throw: the store holds the events, and publications
   * are notifications.
   *
   * @param events the stored events, in order
   * @param wireForms each event's wire form (the recorded event JSON of the wire contract), in the same order
   */
  void publish(List<RecordedEvent<?>> events, byte[][] wireForms);

  /**
   * Says, before {@code execute} returns, that the command goes on after it: {@link #reply} and
   * {@link #publish} will come from another thread, once the store has appended. A transport keeps
   * what it holds for the request (its admission permit) until the reply.
   */
  default void later() {}
}
