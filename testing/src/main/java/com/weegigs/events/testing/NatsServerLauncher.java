package com.weegigs.events.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Decides how to run a server: the {@code nats-server} binary named by {@code NATS_SERVER_BIN},
 * else the first one on the {@code PATH} or in the usual install folders; else a Docker container;
 * else a failure that says how to install {@code nats-server}.
 */
final class NatsServerLauncher {
  /** The environment variable naming the binary. */
  static final String BINARY_VARIABLE = "NATS_SERVER_BIN";

  private static final String BINARY_NAME = "nats-server";
  private static final List<Path> USUAL_FOLDERS =
      List.of(Path.of("/usr/sbin"), Path.of("/usr/local/bin"), Path.of("/usr/bin"), Path.of("/opt/homebrew/bin"));

  private final Function<String, String> environment;
  private final List<Path> usualFolders;
  private final BooleanSupplier dockerAvailable;

  NatsServerLauncher(Function<String, String> environment, List<Path> usualFolders, BooleanSupplier dockerAvailable) {
    this.environment = environment;
    this.usualFolders = List.copyOf(usualFolders);
    this.dockerAvailable = dockerAvailable;
  }

  /** A launcher that reads the real environment and asks Testcontainers about Docker. */
  static NatsServerLauncher fromEnvironment() {
    // A lambda, not a method reference: Testcontainers is loaded only when there is no binary.
    return new NatsServerLauncher(System::getenv, USUAL_FOLDERS, () -> ContainerNatsServer.dockerAvailable());
  }

  /** Starts one server: a process when a binary is found, a container when Docker is available. */
  NatsServer launch() {
    Optional<Path> binary = locateBinary();
    if (binary.isPresent()) {
      return ProcessNatsServer.launch(binary.get());
    }
    if (dockerAvailable.getAsBoolean()) {
      return ContainerNatsServer.launch();
    }
    throw new NatsServerException(missingServerMessage(true));
  }

  /** The binary, or a failure that says how to install one (clusters need the binary). */
  Path requireBinary() {
    return locateBinary().orElseThrow(() -> new NatsServerException(missingServerMessage(false)));
  }

  /**
   * The binary named by {@code NATS_SERVER_BIN}, else found on the {@code PATH} or in the usual
   * folders.
   *
   * @throws NatsServerException when {@code NATS_SERVER_BIN} names something that is not an
   *     executable file: silently using another server would hide the mistake
   */
  Optional<Path> locateBinary() {
    String configured = environment.apply(BINARY_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured.trim());
      if (path.getParent() == null) {
        // A bare name such as "nats-server-2.10" is looked up on the PATH like a shell would.
        Optional<Path> onPath = searchFolders().stream()
            .map(folder -> folder.resolve(path))
            .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
            .findFirst();
        if (onPath.isPresent()) {
          return onPath;
        }
      }
      if (Files.isRegularFile(path) && Files.isExecutable(path)) {
        return Optional.of(path);
      }
      throw new NatsServerException(
          BINARY_VARIABLE + " is set to '" + configured + "', which is not an executable file. "
              + "Point it at a nats-server binary or unset it to search the PATH.");
    }
    for (Path folder : searchFolders()) {
      Path candidate = folder.resolve(BINARY_NAME);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private List<Path> searchFolders() {
    List<Path> folders = new ArrayList<>();
    String path = environment.apply("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          folders.add(Path.of(entry));
        }
      }
    }
    folders.addAll(usualFolders);
    return folders;
  }

  private static String missingServerMessage(boolean dockerConsidered) {
    return "No nats-server binary found: " + BINARY_VARIABLE + " is not set and there is none on the PATH or in "
        + "/usr/sbin, /usr/local/bin, /usr/bin"
        + (dockerConsidered
            ? ", and Docker is not available to run the " + ContainerNatsServer.IMAGE + " image instead. "
            : " (a cluster needs the binary; Docker is not used for clusters). ")
        + "Install nats-server: 'apt-get install -y nats-server' on Debian or Ubuntu, "
        + "'brew install nats-server' on macOS, or a release from https://github.com/nats-io/nats-server/releases; "
        + "or set " + BINARY_VARIABLE + " to the path of a nats-server binary.";
  }
}
