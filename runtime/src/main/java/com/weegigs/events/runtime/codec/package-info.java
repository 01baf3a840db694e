/**
 * Streaming JSON encoding without reflection: {@link com.weegigs.events.runtime.codec.JsonCodec}
 * (one per command, event and state record, generated) and
 * {@link com.weegigs.events.runtime.codec.DecodeContext}, which collects every decoding violation
 * with its JSON path so that one bad request reports all its problems at once.
 */
package com.weegigs.events.runtime.codec;
