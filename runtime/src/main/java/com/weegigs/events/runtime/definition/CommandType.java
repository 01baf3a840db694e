package com.weegigs.events.runtime.definition;

import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.validation.Validator;
import java.util.Objects;

/**
 * A command as both sides of the wire know it: its wire name, Java type, codec, validator, the
 * JSON Schema of its payload, and who may send it.
 *
 * @param name wire name, such as {@code add-item}
 * @param javaType the command record
 * @param codec its JSON codec
 * @param validator its constraint checks
 * @param schema the JSON Schema of the payload, as a JSON document
 * @param access who may send it ({@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}); the
 *     service enforces it when it authenticates requests
 * @param <C> the command record
 */
public record CommandType<C>(String name, Class<C> javaType, JsonCodec<C> codec, Validator<C> validator, String schema,
    Access access) {
  public CommandType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(schema, "schema");
    if (!Names.isValidName(name)) {
      throw new IllegalArgumentException("command name '" + name + "' is not valid: " + Names.NAME_RULE);
    }
  }

  /** A command every authenticated caller may send (no access annotation). */
  public CommandType(String name, Class<C> javaType, JsonCodec<C> codec, Validator<C> validator, String schema) {
    this(name, javaType, codec, validator, schema, Access.PERMIT_ALL);
  }
}
