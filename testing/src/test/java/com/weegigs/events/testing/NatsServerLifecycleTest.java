package com.weegigs.events.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsServerLifecycleTest {

  @Test
  void closeStopsTheServerClosesConnectionsAndDeletesTheDirectory() {
    NatsServer server = NatsServer.launch();
    Path directory = server.workDirectory();
    int port = server.port();
    Connection connection = server.connect();
    assertTrue(Files.isDirectory(directory));
    assertTrue(accepts(port));

    server.close();

    assertFalse(server.isRunning());
    assertFalse(accepts(port));
    assertFalse(Files.exists(directory));
    assertEquals(Connection.Status.CLOSED, connection.getStatus());
    server.close();
  }

  @Test
  void aKilledServerComesBackOnItsPortWithItsStreams() throws Exception {
    try (NatsServer server = NatsServer.launch()) {
      Connection connection = server.connect();
      connection.jetStreamManagement().addStream(StreamConfiguration.builder()
          .name("KEPT").subjects("kept.>").storageType(StorageType.File).build());
      connection.jetStream().publish("kept.one", new byte[] {1});

      server.kill();
      assertFalse(server.isRunning());
      assertFalse(accepts(server.port()));

      server.start();
      assertEquals(1, server.connect().jetStreamManagement().getStreamInfo("KEPT").getStreamState().getMsgCount());
    }
  }

  @Test
  void twoServersGetDifferentPortsAndDirectories() {
    try (NatsServer first = NatsServer.launch(); NatsServer second = NatsServer.launch()) {
      assertTrue(first.port() != second.port());
      assertTrue(!first.workDirectory().equals(second.workDirectory()));
    }
  }

  @Test
  void aServerThatDiesAtStartupIsReportedWithTheTailOfItsLog(@TempDir Path folder) throws IOException {
    Path fake = folder.resolve("nats-server");
    Files.writeString(fake, "#!/bin/sh\necho 'fatal: something is badly configured'\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

    NatsServerException failure = assertThrows(NatsServerException.class, () -> ProcessNatsServer.launch(fake));

    assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
    assertTrue(failure.getMessage().contains("fatal: something is badly configured"), failure.getMessage());
  }

  @Test
  void withoutABinaryOrDockerTheFailureSaysHowToInstallNatsServer(@TempDir Path emptyFolder) {
    NatsServerLauncher launcher = new NatsServerLauncher(
        Map.of("PATH", emptyFolder.toString())::get, List.of(emptyFolder), () -> false);

    NatsServerException failure = assertThrows(NatsServerException.class, launcher::launch);

    assertTrue(failure.getMessage().contains("apt-get install -y nats-server"), failure.getMessage());
    assertTrue(failure.getMessage().contains("NATS_SERVER_BIN"), failure.getMessage());
    assertTrue(failure.getMessage().contains("Docker is not available"), failure.getMessage());
  }

  @Test
  void aBinaryVariableThatIsNotExecutableIsReportedRatherThanIgnored(@TempDir Path folder) {
    String missing = folder.resolve("no-such-nats-server").toString();
    NatsServerLauncher launcher = new NatsServerLauncher(
        Map.of("NATS_SERVER_BIN", missing)::get, List.of(), () -> true);

    NatsServerException failure = assertThrows(NatsServerException.class, launcher::launch);

    assertTrue(failure.getMessage().contains(missing), failure.getMessage());
  }

  @Test
  void findsTheBinaryOnThePath(@TempDir Path folder) throws IOException {
    Path binary = folder.resolve("nats-server");
    Files.writeString(binary, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    NatsServerLauncher launcher = new NatsServerLauncher(
        Map.of("PATH", "/nonexistent:" + folder)::get, List.of(), () -> false);

    assertEquals(binary, launcher.locateBinary().orElseThrow());
  }

  @Test
  void aBareBinaryNameInTheVariableIsLookedUpOnThePath(@TempDir Path folder) throws IOException {
    Path binary = folder.resolve("nats-server-custom");
    Files.writeString(binary, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    NatsServerLauncher launcher = new NatsServerLauncher(
        Map.of("NATS_SERVER_BIN", "nats-server-custom", "PATH", folder.toString())::get, List.of(), () -> false);

    assertEquals(binary, launcher.locateBinary().orElseThrow());
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
