package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a service on a package ({@code package-info.java}). Every {@link Aggregate} in the package
 * (and its sub-packages that declare no service of their own) belongs to this service.
 *
 * <pre>{@code
 * @Service(name = "receipts", version = "1.0.0", title = "Receipt Service")
 * package com.example.receipts;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface Service {
  /** Wire name of the service: {@code ^[a-z][a-z0-9-]*$}, 1 to 50 characters. First token of every subject. */
  String name();

  /** Semantic version of the service, such as {@code 1.0.0}; reported by {@code $SRV.INFO}. */
  String version();

  /** Human title, shown as the micro service description. Defaults to the name. */
  String title() default "";

  /**
   * Whether this package is the service's API: its aggregate records, commands, events (and the
   * reducers on the records), compiled without any {@link CommandHandler}. The processor then
   * generates what callers need (subjects, codecs, validators, the client, the service descriptor
   * and its JSON Schemas) and no stub; the module that implements the service depends on the API
   * jar, declares the handlers and gets the stub. Without it, every command needs a handler in the
   * same compilation, so a forgotten handler is always an error.
   */
  boolean api() default false;
}
