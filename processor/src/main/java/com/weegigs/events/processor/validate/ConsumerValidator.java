package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.MessageParts.Inaccessible;
import com.weegigs.events.processor.model.ConsumerModel;
import com.weegigs.events.processor.model.EventHandlerModel;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.EventHandlerAnnotation;
import com.weegigs.events.processor.read.MemberAnnotation;
import com.weegigs.events.processor.read.Mirrors;
import com.weegigs.events.processor.read.ServiceAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks one class's {@code @EventHandler} methods and finds, for each, the generated client method
 * that subscribes it. An event's aggregate is found through its {@code @Event} annotation, which
 * class files keep too, so events of an aggregate compiled elsewhere (an API jar) work like those
 * in this compilation; the client is looked up by its generated name ({@code ReceiptClient}) and
 * its subscribing method by the listener type it takes, never rebuilt from a model. While a client
 * is not there yet (its aggregate is in this compilation, and its client is written this round),
 * the class waits for the next round.
 */
public final class ConsumerValidator {
  private static final String EVENT_LISTENER = "com.weegigs.events.runtime.client.EventListener";

  private final Env env;

  /** A validator over {@code environment}'s utilities. */
  public ConsumerValidator(ProcessingEnvironment environment) {
    this.env = new Env(environment);
  }

  /**
   * What checking a class came to: its report and, when clean, its model; or that it waits for a
   * client not generated yet.
   *
   * @param report every problem found (empty when waiting)
   * @param model the wiring to generate, when the report is clean
   * @param waiting whether a client it needs is not there yet
   */
  public record Result(ValidationReport report, Optional<ConsumerModel> model, boolean waiting) {}

  /**
   * Checks the {@code @EventHandler} methods of {@code type}.
   *
   * @param lastChance whether a missing client is an error now rather than a reason to wait
   */
  public Result validate(TypeElement type, boolean lastChance) {
    ClassName handlerClass = ClassName.get(type);
    ClassName generated = GeneratedNames.forConsumer(handlerClass);
    String generatedName = generated.simpleName();
    ValidationReport.Builder report = ValidationReport.about(type);
    Optional<Inaccessible> inaccessible = env.inaccessible(type, env.packageOf(type));
    if (inaccessible.isPresent()) {
      report.add(Messages.eventHandlerClassNotAccessible(inaccessible.get(), TypeText.simple(type), generatedName), type);
    } else if (!type.getTypeParameters().isEmpty()) {
      report.add(Messages.eventHandlerClassGeneric(TypeText.simple(type), Env.names(type.getTypeParameters()), generatedName), type);
    }
    TypeElement existing = env.elements().getTypeElement(generated.canonicalName());
    // one made by an earlier run of this processor carries its generated marker, and is no clash
    if (existing != null && existing.getAnnotationMirrors().stream().noneMatch(m -> Mirrors.simpleName(m).contains("Generated"))) {
      report.add(Messages.subscriptionsNameTaken(generatedName, TypeText.simple(type), Env.kind(existing), existing.getSimpleName()),
          type);
    }
    List<EventHandlerModel> handlers = new ArrayList<>();
    Map<String, EventHandlerModel> durableNames = new LinkedHashMap<>();
    Map<String, ExecutableElement> durableMethods = new LinkedHashMap<>();
    ExecutableElement firstOfService = null;
    String service = null;
    boolean waiting = false;
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!Mirrors.has(method, AnnotationNames.EVENT_HANDLER)) {
        continue;
      }
      EventHandlerAnnotation annotation = EventHandlerAnnotation.read(env.elements(), method);
      String text = TypeText.method(method);
      boolean callable = callable(method, text, generatedName, report);
      checkDurable(method, annotation, text, report);
      Optional<Subscribed> subscribed = subscribed(method, text, report);
      if (subscribed.isEmpty()) {
        continue;
      }
      Subscribed found = subscribed.get();
      Optional<String> clientMethod;
      if (found.client() == null) {
        if (!lastChance) {
          waiting = true;
          continue;
        }
        report.add(Messages.aggregateClientMissing(text, TypeText.of(found.event()), TypeText.simple(found.aggregate()),
            found.clientName().simpleName()), method);
        continue;
      }
      clientMethod = clientMethod(found, method, text, report);
      if (clientMethod.isEmpty() || !callable) {
        continue;
      }
      Optional<String> itsService = serviceOf(found.aggregate());
      if (itsService.isPresent() && service == null) {
        service = itsService.get();
        firstOfService = method;
      } else if (itsService.isPresent() && !itsService.get().equals(service)) {
        report.add(Messages.eventHandlersOfTwoServices(text, TypeText.simple(found.aggregate()), itsService.get(),
            TypeText.method(firstOfService), service, generatedName), method);
        continue;
      }
      EventHandlerModel handler = new EventHandlerModel(method.getSimpleName().toString(), TypeName.get(found.event()),
          ClassName.get(found.aggregate()), found.clientName(), clientMethod.get(), method.getParameters().size() == 2,
          annotation.durableName(), annotation.durableName().isPresent() && annotation.start().equals("NOW"));
      annotation.durableName().ifPresent(name -> {
        EventHandlerModel earlier = durableNames.putIfAbsent(name, handler);
        if (earlier != null) {
          report.addOnValue(Messages.duplicateDurableName(name, text, handler.aggregate().simpleName(),
              TypeText.method(durableMethods.get(name)), earlier.aggregate().simpleName()), method, annotation.mirror(), "durable");
        } else {
          durableMethods.put(name, method);
        }
      });
      handlers.add(handler);
    }
    if (waiting) {
      return new Result(ValidationReport.about(type).build(), Optional.empty(), true);
    }
    ValidationReport built = report.build();
    return new Result(built, built.isClean() ? Optional.of(new ConsumerModel(handlerClass, generated, handlers)) : Optional.empty(),
        false);
  }

  /** An event handler's event type, its aggregate, and that aggregate's client ({@code null} when not there). */
  private record Subscribed(TypeMirror event, TypeElement aggregate, ClassName clientName, TypeElement client, boolean allEvents) {}

  /** Whether the generated class can call {@code method}: an instance method, neither private nor generic, returning void. */
  private boolean callable(ExecutableElement method, String text, String generated, ValidationReport.Builder report) {
    boolean callable = true;
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.add(Messages.eventHandlerPrivate(text, generated), method);
      callable = false;
    } else if (method.getModifiers().contains(Modifier.STATIC)) {
      report.add(Messages.eventHandlerStatic(text, generated), method);
      callable = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.add(Messages.eventHandlerGeneric(text, Env.names(method.getTypeParameters())), method);
      callable = false;
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      report.add(Messages.eventHandlerBadReturn(text, TypeText.of(method.getReturnType())), method);
      callable = false;
    }
    return callable;
  }

  /** The durable name follows the grammar, and a start position comes only with one. */
  private void checkDurable(ExecutableElement method, EventHandlerAnnotation annotation, String text,
      ValidationReport.Builder report) {
    Optional<String> durable = annotation.durableName();
    if (durable.isPresent()) {
      WireNames.nameProblem(durable.get()).ifPresent(problem -> report.addOnValue(
          Messages.invalidDurableName(durable.get(), text, problem, WireNames.suggestName(durable.get())), method,
          annotation.mirror(), "durable"));
    } else if (annotation.startWritten()) {
      report.addOnValue(Messages.startWithoutDurable(text), method, annotation.mirror(), "start");
    }
  }

  /** The event the handler takes and its aggregate's client, or empty after reporting why there is none. */
  private Optional<Subscribed> subscribed(ExecutableElement method, String text, ValidationReport.Builder report) {
    var parameters = method.getParameters();
    if (parameters.isEmpty() || parameters.size() > 2) {
      report.add(Messages.eventHandlerBadParameters(text, TypeText.parameters(method), method.getSimpleName()), method);
      return Optional.empty();
    }
    TypeMirror event = parameters.get(0).asType();
    TypeElement element = env.elementOf(event);
    TypeElement aggregate = null;
    boolean allEvents = false;
    if (element != null && Mirrors.has(element, AnnotationNames.EVENT)) {
      aggregate = aggregateOf(element);
    } else if (element != null && element.getKind() == ElementKind.INTERFACE && !element.getPermittedSubclasses().isEmpty()) {
      TypeElement first = env.elementOf(element.getPermittedSubclasses().get(0));
      if (first != null && Mirrors.has(first, AnnotationNames.EVENT)) {
        aggregate = aggregateOf(first);
        allEvents = true;
      }
    }
    if (aggregate == null) {
      report.add(Messages.eventHandlerNotAnEvent(text, TypeText.of(event), element != null && element.getKind() == ElementKind.RECORD),
          parameters.get(0));
      return Optional.empty();
    }
    if (parameters.size() == 2 && !takesRecorded(parameters.get(1).asType(), event)) {
      report.add(Messages.eventHandlerBadParameters(text, TypeText.parameters(method), method.getSimpleName()), method);
      return Optional.empty();
    }
    ClassName clientName = GeneratedNames.forAggregate(ClassName.get(aggregate)).client();
    TypeElement client = env.elements().getTypeElement(clientName.canonicalName());
    return Optional.of(new Subscribed(event, aggregate, clientName, client, allEvents));
  }

  /**
   * The name of the service {@code aggregate} belongs to: the nearest {@code @Service} at or above
   * its package, read from source or from a {@code package-info} class file; empty when none is found.
   */
  private Optional<String> serviceOf(TypeElement aggregate) {
    String name = env.packageOf(aggregate).getQualifiedName().toString();
    while (true) {
      PackageElement pkg = env.elements().getPackageElement(name);
      if (pkg != null && Mirrors.has(pkg, AnnotationNames.SERVICE)) {
        return Optional.of(ServiceAnnotation.read(env.elements(), pkg).name());
      }
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      name = name.substring(0, dot);
    }
  }

  /** The aggregate an {@code @Event} names; {@code null} when it cannot be read. */
  private TypeElement aggregateOf(TypeElement event) {
    MemberAnnotation annotation = MemberAnnotation.read(env.elements(), event, AnnotationNames.EVENT);
    return annotation.aggregate().map(env::elementOf).orElse(null);
  }

  /** Whether a {@code RecordedEvent<event>} can be passed as {@code parameter}. */
  private boolean takesRecorded(TypeMirror parameter, TypeMirror event) {
    TypeElement recorded = env.elements().getTypeElement(AnnotationNames.RECORDED_EVENT);
    return recorded != null && env.types().isAssignable(env.types().getDeclaredType(recorded, event), parameter);
  }

  /**
   * The client's method that subscribes a live listener of exactly {@code found.event()}; its
   * durable overload has the same name. Reports the shared type when the handler takes an
   * interface that is not it.
   */
  private Optional<String> clientMethod(Subscribed found, ExecutableElement method, String text, ValidationReport.Builder report) {
    TypeMirror shared = null;
    for (ExecutableElement candidate : ElementFilter.methodsIn(found.client().getEnclosedElements())) {
      TypeMirror listened = listened(candidate);
      if (listened == null) {
        continue;
      }
      if (env.types().isSameType(listened, found.event())) {
        return Optional.of(candidate.getSimpleName().toString());
      }
      TypeElement listenedElement = env.elementOf(listened);
      if (listenedElement == null || !Mirrors.has(listenedElement, AnnotationNames.EVENT)) {
        shared = listened;
      }
    }
    String aggregate = TypeText.simple(found.aggregate());
    if (found.allEvents() && shared != null) {
      report.add(Messages.eventHandlerPartialInterface(text, TypeText.of(found.event()), aggregate, TypeText.of(shared)),
          method.getParameters().get(0));
    } else {
      report.add(Messages.aggregateClientMissing(text, TypeText.of(found.event()), aggregate, found.clientName().simpleName()),
          method);
    }
    return Optional.empty();
  }

  /** {@code X} of a method that takes one {@code EventListener<X>}, else {@code null}. */
  private static TypeMirror listened(ExecutableElement method) {
    if (method.getParameters().size() != 1 || !(method.getParameters().get(0).asType() instanceof DeclaredType listener)) {
      return null;
    }
    if (!((TypeElement) listener.asElement()).getQualifiedName().contentEquals(EVENT_LISTENER)
        || listener.getTypeArguments().size() != 1) {
      return null;
    }
    return listener.getTypeArguments().get(0);
  }
}
