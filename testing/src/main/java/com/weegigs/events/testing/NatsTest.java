package com.weegigs.events.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that runs against real {@code nats-server} processes: registers
 * {@link NatsServerExtension}, so parameters of type {@link NatsServer} and {@link NatsCluster} are
 * injected, and tags the tests {@code nats}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(NatsServerExtension.class)
@Tag("nats")
public @interface NatsTest {}
