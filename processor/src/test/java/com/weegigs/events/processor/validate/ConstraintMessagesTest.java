package com.weegigs.events.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.processor.model.ConstraintModel.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard English messages, with their placeholders, for every supported constraint. */
class ConstraintMessagesTest {
  @Test
  void standardMessages() {
    Map<String, Object> none = Map.of();
    assertEquals("must not be null", ConstraintReader.defaultMessage(Kind.NOT_NULL, none));
    assertEquals("must not be blank", ConstraintReader.defaultMessage(Kind.NOT_BLANK, none));
    assertEquals("must not be empty", ConstraintReader.defaultMessage(Kind.NOT_EMPTY, none));
    assertEquals("size must be between {min} and {max}", ConstraintReader.defaultMessage(Kind.SIZE, none));
    assertEquals("must be greater than or equal to {value}", ConstraintReader.defaultMessage(Kind.MIN, none));
    assertEquals("must be less than or equal to {value}", ConstraintReader.defaultMessage(Kind.MAX, none));
    assertEquals("must be greater than 0", ConstraintReader.defaultMessage(Kind.POSITIVE, none));
    assertEquals("must be greater than or equal to 0", ConstraintReader.defaultMessage(Kind.POSITIVE_OR_ZERO, none));
    assertEquals("must be less than 0", ConstraintReader.defaultMessage(Kind.NEGATIVE, none));
    assertEquals("must be less than or equal to 0", ConstraintReader.defaultMessage(Kind.NEGATIVE_OR_ZERO, none));
    assertEquals("must be greater than or equal to {value}", ConstraintReader.defaultMessage(Kind.DECIMAL_MIN, Map.of("inclusive", true)));
    assertEquals("must be greater than {value}", ConstraintReader.defaultMessage(Kind.DECIMAL_MIN, Map.of("inclusive", false)));
    assertEquals("must be less than or equal to {value}", ConstraintReader.defaultMessage(Kind.DECIMAL_MAX, Map.of("inclusive", true)));
    assertEquals("must be less than {value}", ConstraintReader.defaultMessage(Kind.DECIMAL_MAX, Map.of("inclusive", false)));
    assertEquals("must match \"{regexp}\"", ConstraintReader.defaultMessage(Kind.PATTERN, none));
    assertEquals("must be a well-formed email address", ConstraintReader.defaultMessage(Kind.EMAIL, none));
  }
}
