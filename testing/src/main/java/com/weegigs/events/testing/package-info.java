/**
 * Test support: real {@code nats-server} processes for JUnit 5 tests.
 *
 * <p>Annotate a test class with {@link com.weegigs.events.testing.NatsTest} and declare a
 * parameter of type {@link com.weegigs.events.testing.NatsServer} (one server with JetStream on a
 * free loopback port) or {@link com.weegigs.events.testing.NatsCluster} (three routed nodes). The
 * binary comes from {@code NATS_SERVER_BIN}, else the {@code PATH} (and {@code /usr/sbin},
 * {@code /usr/local/bin}); without one, a Testcontainers {@code nats:2.10-alpine} container is used
 * when Docker is available, otherwise the test fails with a message saying how to install
 * {@code nats-server}. Servers can be stopped and started again on the same port with the same
 * JetStream directory, for fault tests; every process is killed when the test (or the JVM) ends.
 */
package com.weegigs.events.testing;
