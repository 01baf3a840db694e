package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * Names of the per-aggregate generated types, all decided in {@code GeneratedNames} and documented
 * in the README.
 *
 * @param subjects subject constants ({@code ReceiptSubjects})
 * @param codecs codecs and the {@code AggregateType} ({@code ReceiptCodecs})
 * @param validators constraint checks ({@code ReceiptValidators})
 * @param stub the service stub building the {@code AggregateDefinition} ({@code ReceiptStub})
 * @param client the typed client interface ({@code ReceiptClient})
 * @param natsClient its NATS implementation ({@code NatsReceiptClient})
 * @param fixture the given/when/then test fixture over the stub ({@code ReceiptFixture})
 */
public record AggregateNames(
    ClassName subjects, ClassName codecs, ClassName validators, ClassName stub, ClassName client, ClassName natsClient,
    ClassName fixture) {}
