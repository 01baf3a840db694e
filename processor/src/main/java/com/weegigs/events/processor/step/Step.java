package com.weegigs.events.processor.step;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * Reads the declarations of one annotation from the round's root elements (packages and types that
 * carry one of our annotations or declare a method that does) into {@link Declarations}. Steps only
 * read and note unresolved types; every check happens later, on the whole picture.
 */
public interface Step {
  /** The qualified name of the annotation this step reads. */
  String annotation();

  /** Reads the declarations of {@link #annotation()} found in {@code roots}. */
  void read(List<Element> roots, Declarations declarations);
}
