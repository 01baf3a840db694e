package com.weegigs.events.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs a processor with one of its {@link ProcessingEnvironment}'s utilities (its {@code Filer},
 * its {@code Elements}, ...) replaced, for tests that watch or break what the processor uses.
 */
final class Wrapped extends AbstractProcessor {
  private final Processor delegate;
  private final String getter;
  private final UnaryOperator<Object> replace;

  /** Runs {@code delegate}, replacing what the environment's {@code getter} returns with {@code replace} of it. */
  Wrapped(Processor delegate, String getter, UnaryOperator<Object> replace) {
    this.delegate = delegate;
    this.getter = getter;
    this.replace = replace;
  }

  /** A proxy of {@code type} that forwards every call to {@code target} except those {@code handler} answers. */
  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, T target, Handler handler) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
      Object answer = handler.answer(method, arguments);
      return answer != null ? answer : forward(method, target, arguments);
    });
  }

  /** Answers a call itself, or returns {@code null} to forward it. */
  interface Handler {
    Object answer(Method method, Object[] arguments) throws Throwable;
  }

  static Object forward(Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    Object replacement = replace.apply(forwardUnchecked(environment));
    delegate.init(proxy(ProcessingEnvironment.class, environment,
        (method, arguments) -> method.getName().equals(getter) ? replacement : null));
  }

  private Object forwardUnchecked(ProcessingEnvironment environment) {
    try {
      return forward(ProcessingEnvironment.class.getMethod(getter), environment, new Object[0]);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }
}
