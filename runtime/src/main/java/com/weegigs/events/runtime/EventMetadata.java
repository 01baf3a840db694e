package com.weegigs.events.runtime;

/**
 * Metadata recorded with each event.
 *
 * @param correlationId the correlation id of the command that produced the event
 * @param causationId the {@code messageId} of the command that produced the event
 * @param userId who sent that command, or {@code null}
 */
public record EventMetadata(String correlationId, String causationId, String userId) {}
