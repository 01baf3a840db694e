package com.weegigs.events.runtime.internal.wire;

import io.nats.client.impl.Headers;
import io.nats.client.support.ByteArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The headers of one outgoing message, filled and then {@linkplain #seal() sealed} before the
 * message is handed to jnats.
 *
 * <p>Why: every command sends three messages with three to five headers each, and jnats'
 * {@code Headers} (a {@code HashMap} of {@code ArrayList}s plus a second map of lengths) was a
 * large share of the service's CPU and of what it allocates per command. These headers keep
 * their entries in two small arrays and write themselves straight into the buffer jnats sends,
 * applying jnats' own rules to every key and value. jnats copies the headers of every message it
 * publishes unless they say they are read-only; sealed headers report themselves read-only and
 * refuse every change, so jnats sends them as they are. Every public method of {@code Headers} is
 * answered from this class's entries (the superclass holds none), and what goes on the wire is
 * what jnats would have written, entries in the order they were first put.
 */
public final class SealedHeaders extends Headers {
  private static final byte[] VERSION_LINE = "NATS/1.0\r\n".getBytes(StandardCharsets.US_ASCII);
  /** The version line before the entries and the empty line after them. */
  private static final int FRAME_BYTES = VERSION_LINE.length + 2;

  private String[] keys = new String[6];
  private String[] values = new String[6];
  private int count;
  /** Bytes of the entries, {@code key:value\r\n} each. */
  private int entryBytes;
  private boolean sealed;
  private byte[] serialized;

  /** Empty headers to fill. */
  public SealedHeaders() {
    // read-only and empty: the superclass allocates no maps of its own and is never asked
    super(null, true, null);
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

  // ------------------------------------------------------------------ changes

  @Override
  public SealedHeaders add(String key, String... values) {
    checkOpen();
    return values == null ? this : add(key, Arrays.asList(values));
  }

  @Override
  public SealedHeaders add(String key, Collection<String> values) {
    checkOpen();
    if (values == null || values.isEmpty()) {
      return this;
    }
    checkKey(key);
    for (String value : values) {
      if (value != null) {
        checkValue(value);
      }
    }
    for (String value : values) {
      if (value != null) {
        append(key, value);
      }
    }
    return this;
  }

  /** Sets {@code key} to one value: the common case, without a collection. */
  public SealedHeaders put(String key, String value) {
    checkOpen();
    checkKey(key);
    if (value == null) {
      return this;
    }
    checkValue(value);
    removeKey(key);
    append(key, value);
    return this;
  }

  @Override
  public SealedHeaders put(String key, String... values) {
    checkOpen();
    return values == null ? this : put(key, Arrays.asList(values));
  }

  @Override
  public SealedHeaders put(String key, Collection<String> values) {
    checkOpen();
    if (values == null || values.isEmpty()) {
      return this;
    }
    checkKey(key);
    boolean any = false;
    for (String value : values) {
      if (value != null) {
        checkValue(value);
        any = true;
      }
    }
    // as jnats: values that are all null leave the key as it was
    if (any) {
      removeKey(key);
      for (String value : values) {
        if (value != null) {
          append(key, value);
        }
      }
    }
    return this;
  }

  @Override
  public SealedHeaders put(Map<String, List<String>> map) {
    checkOpen();
    if (map != null) {
      map.forEach((key, list) -> put(key, list));
    }
    return this;
  }

  @Override
  public void remove(String... keys) {
    checkOpen();
    if (keys != null) {
      remove(Arrays.asList(keys));
    }
  }

  @Override
  public void remove(Collection<String> keys) {
    checkOpen();
    if (keys != null) {
      for (String key : keys) {
        removeKey(key);
      }
    }
  }

  @Override
  public void clear() {
    checkOpen();
    Arrays.fill(keys, 0, count, null);
    Arrays.fill(values, 0, count, null);
    count = 0;
    entryBytes = 0;
    serialized = null;
  }

  private void append(String key, String value) {
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    keys[count] = key;
    values[count] = value;
    count++;
    entryBytes += key.length() + value.length() + 3;
    serialized = null;
  }

  private void removeKey(String key) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        entryBytes -= keys[i].length() + values[i].length() + 3;
        serialized = null;
      } else {
        keys[kept] = keys[i];
        values[kept] = values[i];
        kept++;
      }
    }
    Arrays.fill(keys, kept, count, null);
    Arrays.fill(values, kept, count, null);
    count = kept;
  }

  private void checkOpen() {
    if (sealed) {
      throw new UnsupportedOperationException("these headers are sealed: they may already be on their way");
    }
  }

  /** jnats' rule for keys: printable US-ASCII without the colon. */
  private static void checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("Header key cannot be null or empty.");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        throw new IllegalArgumentException("Header key has invalid character: 0x" + Integer.toHexString(c));
      }
    }
  }

  /** jnats' rule for values: US-ASCII without CR or LF. */
  private static void checkValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 127 || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("Header value has invalid character: 0x" + Integer.toHexString(c));
      }
    }
  }

  // ------------------------------------------------------------------ reading

  @Override
  public int size() {
    return keySet().size();
  }

  @Override
  public boolean isEmpty() {
    return count == 0;
  }

  @Override
  public boolean containsKey(String key) {
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean containsKeyIgnoreCase(String key) {
    for (int i = 0; i < count; i++) {
      if (keys[i].equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<String> keySet() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(keys).subList(0, count)));
  }

  @Override
  public Set<String> keySetIgnoreCase() {
    Set<String> lower = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      lower.add(keys[i].toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(lower);
  }

  @Override
  public List<String> get(String key) {
    List<String> found = null;
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        if (found == null) {
          found = new ArrayList<>(1);
        }
        found.add(values[i]);
      }
    }
    return found == null ? null : Collections.unmodifiableList(found);
  }

  @Override
  public String getFirst(String key) {
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public String getLast(String key) {
    for (int i = count - 1; i >= 0; i--) {
      if (keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public List<String> getIgnoreCase(String key) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (keys[i].equalsIgnoreCase(key)) {
        found.add(values[i]);
      }
    }
    return Collections.unmodifiableList(found);
  }

  @Override
  public void forEach(BiConsumer<String, List<String>> action) {
    toMap().forEach(action);
  }

  @Override
  public Set<Map.Entry<String, List<String>>> entrySet() {
    return toMap().entrySet();
  }

  @Override
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      map.computeIfAbsent(keys[i], key -> new ArrayList<>(1)).add(values[i]);
    }
    map.replaceAll((key, list) -> Collections.unmodifiableList(list));
    return Collections.unmodifiableMap(map);
  }

  // ------------------------------------------------------------------ the wire form

  @Override
  public boolean isDirty() {
    return serialized == null;
  }

  @Override
  public int serializedLength() {
    return entryBytes + FRAME_BYTES;
  }

  @Override
  public byte[] getSerialized() {
    if (serialized == null) {
      byte[] bytes = new byte[serializedLength()];
      serializeToArray(0, bytes);
      serialized = bytes;
    }
    return serialized;
  }

  /** As jnats' (which its own tests use): appends the wire form to {@code builder}. */
  @Override
  @Deprecated
  public ByteArrayBuilder appendSerialized(ByteArrayBuilder builder) {
    builder.append(getSerialized());
    return builder;
  }

  @Override
  public int serializeToArray(int destPosition, byte[] dest) {
    int at = destPosition;
    System.arraycopy(VERSION_LINE, 0, dest, at, VERSION_LINE.length);
    at += VERSION_LINE.length;
    for (int i = 0; i < count; i++) {
      at = writeAscii(keys[i], dest, at);
      dest[at++] = ':';
      at = writeAscii(values[i], dest, at);
      dest[at++] = '\r';
      dest[at++] = '\n';
    }
    dest[at++] = '\r';
    dest[at] = '\n';
    return serializedLength();
  }

  /** Keys and values were checked to be US-ASCII when they were put. */
  private static int writeAscii(String text, byte[] dest, int at) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      dest[at + i] = (byte) text.charAt(i);
    }
    return at + length;
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Headers headers && toMap().equals(headers.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(keys[i]).append(':').append(values[i]).append("; ");
    }
    return text.length() == 0 ? "" : text.substring(0, text.length() - 1);
  }
}
