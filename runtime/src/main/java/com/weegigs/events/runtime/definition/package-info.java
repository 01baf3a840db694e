/**
 * What an aggregate and a service are: {@link com.weegigs.events.runtime.definition.AggregateType}
 * (names, codecs and schemas, shared by service and client),
 * {@link com.weegigs.events.runtime.definition.CommandType} and
 * {@link com.weegigs.events.runtime.definition.EventType}, the behaviour a service hosts
 * ({@link com.weegigs.events.runtime.definition.AggregateDefinition}) and
 * {@link com.weegigs.events.runtime.definition.ServiceDescriptor}. The processor generates all of
 * them from the annotated domain.
 */
package com.weegigs.events.runtime.definition;
