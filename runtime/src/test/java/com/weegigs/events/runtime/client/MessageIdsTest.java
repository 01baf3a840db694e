package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  @Test
  void idsFromManyThreadsAreUlidsAndNeverRepeat() throws Exception {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 25_000; i++) {
          ids.add(MessageIds.next());
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(100_000, ids.size());
    for (String id : ids) {
      assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{26}"), id);
    }
  }
}
