package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.names.GeneratedNames;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/** What every method the generated stub calls must be, whether a handler, a reducer or an initial factory. */
final class MethodRules {
  private MethodRules() {}

  /** Checks that the stub of {@code scope}'s aggregate can call {@code method}: it is neither private nor generic. */
  static boolean callable(Bindings.AggregateScope scope, ExecutableElement method, String annotation, ValidationReport.Builder report) {
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      String stub = GeneratedNames.forAggregate(ClassName.get(scope.element())).stub().simpleName();
      report.add(Messages.methodPrivate(annotation, TypeText.method(method), stub), method);
      return false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.add(Messages.methodGeneric(annotation, TypeText.method(method), Env.names(method.getTypeParameters())), method);
      return false;
    }
    return true;
  }
}
