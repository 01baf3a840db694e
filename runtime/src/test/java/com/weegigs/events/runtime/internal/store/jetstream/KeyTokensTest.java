package com.weegigs.events.runtime.internal.store.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every key lands on one subject token and comes back unchanged. */
class KeyTokensTest {

  /** A token is one subject token: printable ASCII, no separators or wildcards, not empty. */
  private static void assertOneToken(String key, String token) {
    assertFalse(token.isEmpty(), key);
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      assertTrue(c > ' ' && c < 127 && c != '.' && c != '*' && c != '>', "key '" + key + "' gave token '" + token + "'");
    }
  }

  @Test
  void plainKeysAreTheirOwnToken() {
    assertEquals("r-42", KeyTokens.encode("r-42"));
    assertEquals("Order_7", KeyTokens.encode("Order_7"));
  }

  @Test
  void everythingElseIsEscapedAsUtf8Bytes() {
    assertEquals("a~2Eb", KeyTokens.encode("a.b"));
    assertEquals("~2A~3E~20~00", KeyTokens.encode("*> \0"));
    assertEquals("~7E", KeyTokens.encode("~"));
    assertEquals("caf~C3~A9", KeyTokens.encode("café"));
    assertEquals("~", KeyTokens.encode(""));
  }

  @Test
  void awkwardKeysRoundTrip() {
    for (String key : List.of("a.b", "*", ">", "a b", "\0", "~", "~41", "café", "日本", "😀", "a..b", "-", "",
        "x".repeat(AggregateId.MAX_KEY_BYTES), "é".repeat(AggregateId.MAX_KEY_BYTES / 2))) {
      String token = KeyTokens.encode(key);
      assertOneToken(key, token);
      assertEquals(key, KeyTokens.decode(token));
    }
  }

  @Test
  void randomKeysRoundTripOnOneToken() {
    Random random = new Random(20261207L);
    for (int run = 0; run < 20_000; run++) {
      String key = randomKey(random);
      String token = KeyTokens.encode(key);
      assertOneToken(key, token);
      assertEquals(key, KeyTokens.decode(token), () -> "key " + key.codePoints().boxed().toList());
    }
  }

  @Test
  void distinctKeysHaveDistinctTokens() {
    Random random = new Random(7L);
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (int run = 0; run < 20_000; run++) {
      String key = randomKey(random);
      String earlier = seen.putIfAbsent(KeyTokens.encode(key), key);
      assertTrue(earlier == null || earlier.equals(key), "two keys share a token: " + key + " and " + earlier);
    }
  }

  @Test
  void tokensThisEncodingNeverWritesAreRefused() {
    for (String token : List.of("", "a.b", "a~", "a~4", "~41", "~2e", "~zz", "é", "~C3")) {
      assertThrows(IllegalArgumentException.class, () -> KeyTokens.decode(token), token);
    }
  }

  /** A key of up to the contract's byte limit, mixing ASCII, separators, controls and non-ASCII. */
  private static String randomKey(Random random) {
    StringBuilder key = new StringBuilder();
    int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 256 : 24);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(6);
      int codePoint;
      if (kind == 0) {
        codePoint = ".*> ~\0\t,".charAt(random.nextInt(8));
      } else if (kind == 1) {
        codePoint = random.nextInt(128);
      } else if (kind == 2) {
        codePoint = 0x80 + random.nextInt(0x780);
      } else if (kind == 3) {
        do {
          codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
        } while (Character.getType(codePoint) == Character.SURROGATE || Character.getType(codePoint) == Character.UNASSIGNED);
      } else {
        codePoint = "abcXYZ019-_".charAt(random.nextInt(11));
      }
      key.appendCodePoint(codePoint);
    }
    String result = key.toString();
    while (result.getBytes(StandardCharsets.UTF_8).length > AggregateId.MAX_KEY_BYTES) {
      result = result.substring(0, result.offsetByCodePoints(0, result.codePointCount(0, result.length()) - 1));
    }
    return result;
  }
}
