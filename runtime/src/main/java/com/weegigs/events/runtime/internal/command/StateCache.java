package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.AggregateId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current state of recently used aggregates of one type, least recently used dropped first.
 * An entry is only a starting point: the caller brings it up to date with the events stored after
 * its revision, so a stale entry (another instance wrote) costs a short catch-up, never a wrong state.
 *
 * <p>A large cache is split into {@value #STRIPES} stripes by the aggregate's hash, each its own
 * least-recently-used map under its own lock, so commands for different aggregates running on
 * different threads rarely wait for each other; the least recently used entry is dropped within
 * its stripe. A small cache (under {@value #STRIPED_FROM} entries) is one map, exactly LRU.
 */
final class StateCache<S> {
  /** A state and the revision it is at; {@code state} is {@code null} for an aggregate that does not exist. */
  record Current<S>(long revision, S state) {}

  static final int STRIPE_BITS = 4;
  static final int STRIPES = 1 << STRIPE_BITS;
  static final int STRIPED_FROM = 1024;

  private final int maxAggregates;
  private final Stripe<S>[] stripes;

  @SuppressWarnings("unchecked")
  StateCache(int maxAggregates) {
    this.maxAggregates = maxAggregates;
    int count = maxAggregates >= STRIPED_FROM ? STRIPES : 1;
    this.stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      // the stripes' capacities add up to maxAggregates
      stripes[i] = new Stripe<>(maxAggregates / count + (i < maxAggregates % count ? 1 : 0));
    }
  }

  Current<S> get(AggregateId id) {
    if (maxAggregates == 0) {
      return null;
    }
    Stripe<S> stripe = stripe(id);
    synchronized (stripe) {
      return stripe.get(id);
    }
  }

  void put(AggregateId id, Current<S> current) {
    if (maxAggregates == 0 || current.state() == null) {
      return;
    }
    Stripe<S> stripe = stripe(id);
    synchronized (stripe) {
      Current<S> existing = stripe.get(id);
      // never replace a newer state with an older one (a query may race a command)
      if (existing == null || existing.revision() <= current.revision()) {
        stripe.put(id, current);
      }
    }
  }

  void remove(AggregateId id) {
    Stripe<S> stripe = stripe(id);
    synchronized (stripe) {
      stripe.remove(id);
    }
  }

  private Stripe<S> stripe(AggregateId id) {
    return stripes[stripeOf(id)];
  }

  /** Which stripe keeps {@code id}. */
  int stripeOf(AggregateId id) {
    if (stripes.length == 1) {
      return 0;
    }
    // the top bits: a stripe's own hash table indexes by the low ones, and striping by those too
    // left each stripe using one bucket in sixteen (long chains, then tree bins)
    return id.hashCode() >>> (Integer.SIZE - STRIPE_BITS);
  }

  /** One access-ordered map that drops its least recently used entry past its capacity. */
  private static final class Stripe<S> extends LinkedHashMap<AggregateId, Current<S>> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    Stripe(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<AggregateId, Current<S>> eldest) {
      return size() > capacity;
    }
  }
}
