package com.weegigs.events.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free loopback ports by binding port 0 and releasing it. Another process can take such a
 * port before the server binds it, so callers retry with new ports when the server reports that
 * the address is in use.
 */
final class FreePorts {
  private FreePorts() {}

  /** One free port. */
  static int pick() {
    return pick(1).get(0);
  }

  /** {@code count} distinct free ports: the sockets stay bound until all are chosen so none repeats. */
  static List<Integer> pick(int count) {
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
      }
      List<Integer> ports = new ArrayList<>(count);
      for (ServerSocket socket : sockets) {
        ports.add(socket.getLocalPort());
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // The port is released either way once the socket object is gone.
        }
      }
    }
  }
}
