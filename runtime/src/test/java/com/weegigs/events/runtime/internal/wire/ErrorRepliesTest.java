package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.internal.wire.WireSamples.text;
import static com.weegigs.events.runtime.internal.wire.WireSamples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.validation.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorRepliesTest {
  @Test
  void errorBodyRoundTripsWithPlainValues() {
    Map<String, Object> details = Map.of("violations", List.of(Map.of("path", "price", "message", "too low")),
        "reason", "r", "n", 5, "flag", true, "x", 1.5);
    byte[] body = ErrorReplies.encodeError(ErrorCode.VALIDATION_FAILED, "command add is not valid", details);
    ErrorReplies.ErrorReply reply = ErrorReplies.decodeError(body);
    assertEquals("VALIDATION_FAILED", reply.code());
    assertEquals(ErrorCode.VALIDATION_FAILED, reply.errorCode());
    assertEquals("command add is not valid", reply.message());
    assertEquals(details, reply.details());
    assertEquals(List.of(new Violation("price", "too low")), reply.violations());

    ErrorReplies.ErrorReply unknown = ErrorReplies.decodeError(utf8("{\"error\":{\"code\":\"TEAPOT\",\"message\":\"m\"}}"));
    assertNull(unknown.errorCode());
    assertEquals(Map.of(), unknown.details());
    assertEquals("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no\",\"details\":{}}}",
        text(ErrorReplies.encodeError(new ServiceException(ErrorCode.NOT_FOUND, "no"))));
  }
}
