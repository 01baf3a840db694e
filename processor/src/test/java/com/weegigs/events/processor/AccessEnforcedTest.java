package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generated code wires the access rules and the runtime enforces them: a domain with
 * {@code @RolesAllowed} on a command, compiled by the processor and hosted on a real nats-server.
 */
@NatsTest
class AccessEnforcedTest {
  private static final byte[] SECRET = "a shared secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final NatsServer server;

  AccessEnforcedTest(NatsServer server) {
    this.server = server;
  }

  @Test
  void aGeneratedStubIsForbiddenToCallersWithoutTheRoleAndRefusedWithoutAuthentication() throws Exception {
    Domain domain = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;
        import jakarta.annotation.security.RolesAllowed;
        import jakarta.validation.constraints.*;

        @RolesAllowed("clerk")
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name) {}
        """);
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new ElementConstraintsTest.CompiledClasses(compilation);
    ServiceDescriptor descriptor = (ServiceDescriptor) loader.loadClass("test.ShopService").getField("DESCRIPTOR").get(null);
    Class<?> handlers = loader.loadClass("test.CartHandlers");
    AggregateDefinition<?, ?> definition = (AggregateDefinition<?, ?>) loader.loadClass("test.CartStub")
        .getMethod("definition", handlers).invoke(null, handlers.getConstructor().newInstance());

    try (NatsService unauthenticated = NatsService.builder(descriptor).natsUrl(server.url()).aggregate(definition).start();
        Connection client = server.connect()) {
      assertEquals("401", add(client, token("bob", "clerk")).getHeaders().getFirst("Nats-Service-Error-Code"),
          "a service that does not authenticate cannot verify the role");
    }

    try (NatsService service = NatsService.builder(descriptor).natsUrl(server.url())
            .withAuthentication(com.weegigs.events.runtime.service.AuthenticationConfig.hmac(SECRET, "issuer", "shop"))
            .aggregate(definition).start();
        Connection client = server.connect()) {
      assertEquals("403", add(client, token("ann")).getHeaders().getFirst("Nats-Service-Error-Code"));
      Message added = add(client, token("bob", "clerk"));
      assertEquals(null, added.getHeaders(), () -> new String(added.getData(), StandardCharsets.UTF_8));
      assertTrue(new String(added.getData(), StandardCharsets.UTF_8).contains("\"userId\":\"bob\""));
    }
  }

  private Message add(Connection client, String token) throws Exception {
    String body = "{\"aggregateId\":{\"type\":\"cart\",\"key\":\"c-1\"},\"command\":{\"name\":\"tea\"}}";
    return client.requestWithTimeout("shop.command.cart.add-item", new Headers().put("Authorization", "Bearer " + token),
        body.getBytes(StandardCharsets.UTF_8), TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String token(String subject, String... roles) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .issuer("issuer").audience("shop").subject(subject)
        .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("roles", List.of(roles)).build());
    jwt.sign(new MACSigner(SECRET));
    return jwt.serialize();
  }
}
