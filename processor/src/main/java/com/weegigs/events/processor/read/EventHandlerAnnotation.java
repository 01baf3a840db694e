package com.weegigs.events.processor.read;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * What {@code @EventHandler} says: a durable subscriber's name (empty for a live subscription) and
 * where a new one starts.
 *
 * @param mirror the annotation, for reporting on it and its values
 * @param durable the durable name, {@code ""} for a live subscription
 * @param start the name of the {@code EventHandler.Start} constant, written or defaulted
 * @param startWritten whether {@code start} was written rather than defaulted
 */
public record EventHandlerAnnotation(AnnotationMirror mirror, String durable, String start, boolean startWritten) {
  /** The start constant a durable subscriber has unless it says otherwise. */
  public static final String BEGINNING = "BEGINNING";

  /** Reads {@code @EventHandler} from {@code element}. */
  public static EventHandlerAnnotation read(Elements elements, Element element) {
    AnnotationMirror mirror = Mirrors.find(element, AnnotationNames.EVENT_HANDLER).orElseThrow();
    var value = Mirrors.value(elements, mirror, "start");
    String start = value != null && value.getValue() instanceof VariableElement constant
        ? constant.getSimpleName().toString()
        : BEGINNING;
    return new EventHandlerAnnotation(mirror, Mirrors.string(elements, mirror, "durable"), start,
        Mirrors.explicitValue(mirror, "start") != null);
  }

  /** The durable name, empty for a live subscription. */
  public Optional<String> durableName() {
    return durable.isEmpty() ? Optional.empty() : Optional.of(durable);
  }
}
