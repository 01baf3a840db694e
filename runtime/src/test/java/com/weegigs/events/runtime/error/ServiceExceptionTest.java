package com.weegigs.events.runtime.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.weegigs.events.runtime.validation.Violation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceExceptionTest {

  @Test
  void everyCodeHasItsOwnSubclassCarryingCodeMessageAndDetails() {
    Set<Class<?>> types = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      ServiceException exception = ServiceException.of(code, "text", Map.of("k", "v"));
      assertEquals(code, exception.code());
      assertEquals("text", exception.getMessage());
      assertEquals("v", exception.details().get("k"));
      assertNotEquals(ServiceException.class, exception.getClass());
      types.add(exception.getClass());
    }
    assertEquals(ErrorCode.values().length, types.size());
  }

  @Test
  void detailsKeepJsonNulls() {
    Map<String, Object> details = new HashMap<>();
    details.put("field", null);

    assertEquals(details, ServiceException.of(ErrorCode.INTERNAL, "x", details).details());
  }

  @Test
  void validationViolationsRoundTripThroughDetails() {
    List<Violation> violations = List.of(new Violation("price", "must be greater than or equal to 0"));
    ValidationFailedException original = new ValidationFailedException("command add-item is not valid", violations);

    ValidationFailedException rebuilt = (ValidationFailedException) ServiceException.of(
        ErrorCode.VALIDATION_FAILED, original.getMessage(), original.details());

    assertEquals(violations, rebuilt.violations());
  }

  @Test
  void rejectedAndRateLimitedExposeTheirDetails() {
    assertEquals("item-not-found",
        ((RejectedException) ServiceException.of(ErrorCode.REJECTED, "x", Map.of("reason", "item-not-found"))).reason());
    assertEquals(250L,
        ((RateLimitedException) ServiceException.of(ErrorCode.RATE_LIMITED, "x", Map.of("retryAfterMs", 250))).retryAfterMs());
    assertEquals(250L, new RateLimitedException("x", 250).retryAfterMs());
  }
}
