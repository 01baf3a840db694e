package com.weegigs.events.runtime.service;

/**
 * The opt-in HTTP health endpoint of a service, for orchestrators that probe over HTTP: on the
 * JDK's built-in HTTP server, {@code GET /health/live} answers 200 while the process serves, and
 * {@code GET /health/ready} runs the health checks and answers 200 for {@code ok} or
 * {@code degraded}, 503 for {@code down}, with the same JSON body as {@code {service}.health}.
 *
 * @param bindAddress the host name or address to listen on; loopback by default, so nothing is
 *     reachable from outside unless asked for (such as {@code 0.0.0.0} in a container)
 * @param port the port, 0 to 65535; 0 takes any free port (read it from the service once started)
 */
public record HttpHealthConfig(String bindAddress, int port) {
  /** The default bind address: loopback only. */
  public static final String LOOPBACK = "127.0.0.1";

  /** @throws IllegalArgumentException naming every problem */
  public HttpHealthConfig {
    new ConfigProblems("HttpHealthConfig")
        .check(bindAddress == null || bindAddress.isBlank(), "bindAddress must not be blank")
        .check(port < 0 || port > 65535, "port must be 0 to 65535, was " + port)
        .throwIfAny();
  }

  /** The endpoint on loopback at {@code port} (0: any free port). */
  public static HttpHealthConfig onPort(int port) {
    return new HttpHealthConfig(LOOPBACK, port);
  }

  /** This configuration listening on {@code address} instead. */
  public HttpHealthConfig withBindAddress(String address) {
    return new HttpHealthConfig(address, port);
  }
}
