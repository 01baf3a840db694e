package com.weegigs.events.processor.read;

import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * The source text of an annotation value, for messages about values javac could not resolve (their
 * {@code toString()} is only {@code <error>}). Uses javac's tree API when it is there, and gives up
 * quietly under other compilers.
 */
public final class SourceText {
  private SourceText() {}

  /** The text of {@code value} as written, such as {@code Missing.class}. */
  public static Optional<String> of(ProcessingEnvironment environment, Element element, AnnotationMirror mirror, AnnotationValue value) {
    try {
      Tree tree = Trees.instance(environment).getTree(element, mirror, value);
      return tree == null ? Optional.empty() : Optional.of(tree.toString());
    } catch (RuntimeException | LinkageError e) {
      // Not javac (or a wrapped environment): the caller says something more general.
      return Optional.empty();
    }
  }
}
