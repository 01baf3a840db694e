package com.weegigs.events.runtime.connection;

import com.weegigs.events.runtime.internal.client.Pem;
import io.nats.client.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a connection authenticates to NATS, one of: {@link UserPassword}, {@link Token},
 * {@link NKeySeed} or {@link CredentialsFile} (a user JWT with its NKey seed, for servers in
 * operator mode). Given to {@code NatsService.Builder.withAuth} or {@code ServiceClient.Builder.withAuth};
 * each record checks its values when made, files included, so a bad setting fails where it is
 * configured rather than at the first connection. {@code toString()} never shows a secret.
 */
public sealed interface NatsAuth permits NatsAuth.UserPassword, NatsAuth.Token, NatsAuth.NKeySeed, NatsAuth.CredentialsFile {

  /** A user and password ({@code authorization { users: [...] }} in the server's configuration). */
  static UserPassword userPassword(String user, String password) {
    return new UserPassword(user, password);
  }

  /** A token ({@code authorization { token: ... }}). */
  static Token token(String token) {
    return new Token(token);
  }

  /** An NKey user seed ({@code SU...}); the server lists its public key ({@code U...}). */
  static NKeySeed nkeySeed(String seed) {
    return new NKeySeed(seed);
  }

  /**
   * An NKey user seed read from a file (its first line that starts with {@code SU}).
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no user seed
   */
  static NKeySeed nkeySeedFile(Path file) {
    String text = readSetting("NKeySeed", "seed file", file);
    for (String line : text.split("\\R")) {
      if (line.strip().startsWith("SU")) {
        return new NKeySeed(line.strip());
      }
    }
    throw new IllegalArgumentException("invalid NKeySeed: seed file " + file + " holds no NKey user seed (a line starting with SU)");
  }

  /** A credentials file ({@code .creds}: a user JWT and its NKey seed, as {@code nsc} writes them). */
  static CredentialsFile credentials(Path file) {
    return new CredentialsFile(file);
  }

  /**
   * A user and password.
   *
   * @param user not blank
   * @param password not empty
   */
  record UserPassword(String user, String password) implements NatsAuth {
    /** @throws IllegalArgumentException naming every problem */
    public UserPassword {
      List<String> problems = new ArrayList<>();
      if (user == null || user.isBlank()) {
        problems.add("user must not be blank");
      }
      if (password == null || password.isEmpty()) {
        problems.add("password must not be empty");
      }
      throwIfAny("UserPassword", problems);
    }

    @Override
    public String toString() {
      return "UserPassword[user=" + user + ", password=***]";
    }
  }

  /**
   * A token.
   *
   * @param token not blank
   */
  record Token(String token) implements NatsAuth {
    /** @throws IllegalArgumentException when the token is blank */
    public Token {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("invalid Token: token must not be blank");
      }
    }

    @Override
    public String toString() {
      return "Token[***]";
    }
  }

  /**
   * An NKey user seed: the connection signs the server's nonce with it.
   *
   * @param seed an NKey user seed, {@code SU...}
   */
  record NKeySeed(String seed) implements NatsAuth {
    /** @throws IllegalArgumentException when the seed is not an NKey user seed */
    public NKeySeed {
      if (seed == null || seed.isBlank()) {
        throw new IllegalArgumentException("invalid NKeySeed: seed must not be blank");
      }
      userKey("NKeySeed", "seed", seed);
    }

    /** The public key ({@code U...}) the server's configuration lists for this seed. */
    public String publicKey() {
      try {
        return new String(userKey("NKeySeed", "seed", seed).getPublicKey());
      } catch (java.security.GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot derive the public key of an NKey seed", e);
      }
    }

    @Override
    public String toString() {
      return "NKeySeed[" + publicKey() + "]";
    }
  }

  /**
   * A credentials file: a user JWT and the NKey seed it was issued to, between the
   * {@code -----BEGIN NATS USER JWT-----} and {@code -----BEGIN USER NKEY SEED-----} markers.
   *
   * @param path a readable file holding both
   */
  record CredentialsFile(Path path) implements NatsAuth {
    /** @throws IllegalArgumentException when the file cannot be read or lacks the JWT or the seed */
    public CredentialsFile {
      String text = readSetting("CredentialsFile", "path", path);
      List<String> problems = new ArrayList<>();
      String jwt = Pem.natsBlock(text, "JWT");
      if (jwt == null || jwt.split("\\.").length != 3) {
        problems.add("path " + path + " holds no user JWT (a -----BEGIN NATS USER JWT----- block)");
      }
      String seed = Pem.natsBlock(text, "SEED");
      if (seed == null) {
        problems.add("path " + path + " holds no NKey seed (a -----BEGIN USER NKEY SEED----- block)");
      } else {
        try {
          userKey("CredentialsFile", "the seed in " + path, seed);
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage().substring("invalid CredentialsFile: ".length()));
        }
      }
      throwIfAny("CredentialsFile", problems);
    }
  }

  /** Reads a file setting, or throws naming the setting and why. */
  private static String readSetting(String record, String setting, Path file) {
    if (file == null) {
      throw new IllegalArgumentException("invalid " + record + ": " + setting + " must be given");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("invalid " + record + ": " + setting + " " + file + " does not exist or is not a file");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid " + record + ": " + setting + " " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Decodes a user seed, or throws naming the setting. */
  private static NKey userKey(String record, String setting, String seed) {
    NKey key;
    try {
      key = NKey.fromSeed(seed.strip().toCharArray());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid " + record + ": " + setting + " is not an NKey seed (SU...)", e);
    }
    if (key.getType() != NKey.Type.USER) {
      throw new IllegalArgumentException("invalid " + record + ": " + setting + " is an NKey seed of a " + key.getType()
          + ", not of a user (SU...)");
    }
    return key;
  }

  private static void throwIfAny(String record, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid " + record + ": " + String.join("; ", problems));
    }
  }
}
