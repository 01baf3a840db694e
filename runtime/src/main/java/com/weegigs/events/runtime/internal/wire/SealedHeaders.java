package com.weegigs.events.runtime.internal.wire;

import io.nats.client.impl.Headers;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The headers of one outgoing message, filled and then {@linkplain #seal() sealed} before the
 * message is handed to jnats.
 *
 * <p>Why: jnats copies the headers of every message it publishes unless they say they are
 * read-only (so that a caller changing them afterwards cannot change what is sent), and a jnats
 * read-only {@code Headers} can only be made by copying another. Sealed headers report themselves
 * read-only and refuse every change, so jnats sends them as they are: one headers object per
 * message instead of two. What goes on the wire is the same.
 */
public final class SealedHeaders extends Headers {
  private boolean sealed;

  /** Empty headers to fill. */
  public SealedHeaders() {
    super();
  }

  /** Refuses every later change; returns these headers. */
  public SealedHeaders seal() {
    sealed = true;
    return this;
  }

  /** Whether {@link #seal()} was called. */
  @Override
  public boolean isReadOnly() {
    return sealed;
  }

  @Override
  public SealedHeaders add(String key, String... values) {
    checkOpen();
    super.add(key, values);
    return this;
  }

  @Override
  public SealedHeaders add(String key, Collection<String> values) {
    checkOpen();
    super.add(key, values);
    return this;
  }

  @Override
  public SealedHeaders put(String key, String... values) {
    checkOpen();
    super.put(key, values);
    return this;
  }

  @Override
  public SealedHeaders put(String key, Collection<String> values) {
    checkOpen();
    super.put(key, values);
    return this;
  }

  @Override
  public SealedHeaders put(Map<String, List<String>> map) {
    checkOpen();
    super.put(map);
    return this;
  }

  @Override
  public void remove(String... keys) {
    checkOpen();
    super.remove(keys);
  }

  @Override
  public void remove(Collection<String> keys) {
    checkOpen();
    super.remove(keys);
  }

  @Override
  public void clear() {
    checkOpen();
    super.clear();
  }

  private void checkOpen() {
    if (sealed) {
      throw new UnsupportedOperationException("these headers are sealed: they may already be on their way");
    }
  }
}
