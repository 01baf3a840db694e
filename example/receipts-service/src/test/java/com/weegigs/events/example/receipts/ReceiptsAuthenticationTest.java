package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.UnauthenticatedException;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receipts service with per-request authentication, called through the generated client with
 * a bearer token: the token's subject is the events' {@code userId}, whatever the caller says.
 */
@NatsTest
class ReceiptsAuthenticationTest {
  private static final byte[] SECRET = "the receipts service's HS256 secret, 32+ bytes".getBytes(StandardCharsets.UTF_8);
  private static final String ISSUER = "https://login.example.com/";

  private final NatsServer server;

  ReceiptsAuthenticationTest(NatsServer server) {
    this.server = server;
  }

  @Test
  void theGeneratedClientSendsTheTokenAndTheSubjectIsTheUserId() throws Exception {
    try (TestServices.Running service = TestServices.receipts(server,
            builder -> builder.withAuthentication(AuthenticationConfig.hmac(SECRET, ISSUER, "receipts")));
        ServiceClient client = ServiceClient.builder("receipts").url(server.url())
            .withBearerToken(() -> token("till-7", "cashier")).build();
        ServiceClient anonymous = ServiceClient.builder("receipts").url(server.url()).build()) {
      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();

      CommandResult<Receipt, ReceiptEvent> added = receipts.addItem("r-1", new AddItem("Tea", new BigDecimal("2.50"), 1),
          CallOptions.DEFAULT.withUserId("someone-else"));

      assertEquals("till-7", added.events().get(0).metadata().userId());
      assertEquals(1, receipts.get("r-1").revision());
      assertThrows(UnauthenticatedException.class,
          () -> ReceiptClient.create(anonymous).blocking().get("r-1"));
      assertEquals(1, service.service().eventStore().revision(ReceiptCodecs.TYPE,
          new com.weegigs.events.runtime.AggregateId("receipt", "r-1")), "the refused query changed nothing");
    }
  }

  private static String token(String subject, String... roles) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
          .issuer(ISSUER).audience("receipts").subject(subject)
          .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("roles", List.of(roles)).build());
      jwt.sign(new MACSigner(SECRET));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
