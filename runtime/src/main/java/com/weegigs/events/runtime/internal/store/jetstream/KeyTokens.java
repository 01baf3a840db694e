package com.weegigs.events.runtime.internal.store.jetstream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The reversible encoding of an aggregate key (or any string) into one NATS subject token, as
 * {@code docs/wire-contract.md} ("Durable events on JetStream") documents it: the key's UTF-8 bytes,
 * each unreserved ASCII character ({@code A-Z a-z 0-9 - _}) kept as it is and every other byte
 * written {@code ~XX} (two upper-case hex digits), {@code ~} itself included. No key escapes its
 * token: {@code .}, {@code *}, {@code >}, spaces, control characters and non-ASCII all become
 * {@code ~XX}. The empty string is written {@code ~} alone, since a subject token is never empty.
 *
 * <p>Readable rather than compact: a key such as {@code r-42} is its own token. A 256-byte key of
 * escaped bytes becomes 768 characters, well within the server's subject limits.
 */
public final class KeyTokens {
  private static final char ESCAPE = '~';
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private KeyTokens() {}

  /** The token of {@code key}. */
  public static String encode(String key) {
    if (key.isEmpty()) {
      return String.valueOf(ESCAPE);
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    StringBuilder token = null;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (kept(b)) {
        if (token != null) {
          token.append((char) b);
        }
      } else {
        if (token == null) {
          // the common key needs no escape: only build when one is needed
          token = new StringBuilder(bytes.length * 3);
          for (int j = 0; j < i; j++) {
            token.append((char) bytes[j]);
          }
        }
        token.append(ESCAPE).append(HEX[b >>> 4]).append(HEX[b & 0xf]);
      }
    }
    return token == null ? key : token.toString();
  }

  /**
   * The key {@code token} encodes.
   *
   * @throws IllegalArgumentException when {@code token} is not one this encoding writes
   */
  public static String decode(String token) {
    if (token.equals(String.valueOf(ESCAPE))) {
      return "";
    }
    if (token.isEmpty()) {
      throw new IllegalArgumentException("an empty token encodes no key");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == ESCAPE) {
        if (i + 2 >= token.length()) {
          throw new IllegalArgumentException("token '" + token + "' ends inside an escape");
        }
        int high = Character.digit(token.charAt(i + 1), 16);
        int low = Character.digit(token.charAt(i + 2), 16);
        if (high < 0 || low < 0 || Character.isLowerCase(token.charAt(i + 1)) || Character.isLowerCase(token.charAt(i + 2))) {
          throw new IllegalArgumentException("token '" + token + "' has a bad escape at " + i);
        }
        int b = high << 4 | low;
        if (kept(b)) {
          throw new IllegalArgumentException("token '" + token + "' escapes a character that is kept, at " + i);
        }
        bytes.write(b);
        i += 2;
      } else if (c < 128 && kept(c)) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("token '" + token + "' has a character that is always escaped, at " + i);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("token '" + token + "' is not UTF-8 once unescaped", e);
    }
  }

  private static boolean kept(int b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_';
  }
}
