/**
 * Test support for wee-events services: real {@code nats-server} processes (or containers) on free
 * ports, clusters, and the JUnit extension that starts them.
 */
module com.weegigs.events.testing {
  // NatsServer hands out jnats Options and Connections; NatsServerExtension is a JUnit extension.
  requires transitive io.nats.jnats;
  requires transitive org.junit.jupiter.api;
  // ContainerNatsServer only; testcontainers has no Automatic-Module-Name, so its name comes from the jar.
  requires testcontainers;
  requires com.github.dockerjava.api;

  exports com.weegigs.events.testing;
}
