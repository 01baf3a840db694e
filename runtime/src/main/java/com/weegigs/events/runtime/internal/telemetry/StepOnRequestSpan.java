package com.weegigs.events.runtime.internal.telemetry;

import com.weegigs.events.runtime.service.SpanDetail;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * A step of a request recorded on the request's own span ({@link SpanDetail#REQUEST}): what the step
 * sets (attributes, events, its status, an exception) goes onto the request's span, and ending the
 * step ends nothing; a context it is stored in holds the request's span. {@link Telemetry#startSpan}
 * hands one out where {@link SpanDetail#STEPS} would start a child span, so the code of a step is
 * the same in both.
 */
final class StepOnRequestSpan implements Span {
  private final Span request;

  StepOnRequestSpan(Span request) {
    this.request = request;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    request.setAttribute(key, value);
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    request.addEvent(name, attributes);
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    request.addEvent(name, attributes, timestamp, unit);
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    request.setStatus(statusCode, description);
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    request.recordException(exception, additionalAttributes);
    return this;
  }

  /** The request's span keeps its own name. */
  @Override
  public Span updateName(String name) {
    return this;
  }

  /** The request's span ends with the request, not with the step. */
  @Override
  public void end() {}

  @Override
  public void end(long timestamp, TimeUnit unit) {}

  /** A context with a step in it has the request's span: the step is never a span of its own. */
  @Override
  public Context storeInContext(Context context) {
    return context.with(request);
  }

  @Override
  public SpanContext getSpanContext() {
    return request.getSpanContext();
  }

  @Override
  public boolean isRecording() {
    return request.isRecording();
  }
}
