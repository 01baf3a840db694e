package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.MessageParts.Inaccessible;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.model.UpcasterModel;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.step.Declarations.UpcasterDeclaration;
import com.weegigs.events.processor.validate.AggregateValidator.Member;
import com.weegigs.events.processor.validate.AggregateValidator.Members;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the {@code @Upcaster} methods of an aggregate's events: each is a static method of one
 * parameter the generated codecs can call, takes an older record or the JSON tree and returns the next
 * version, and every event at version N has exactly one upcaster for each step 1 → 2, ..., N-1 → N.
 */
final class UpcasterValidator {
  /**
   * The chains of an aggregate's events.
   *
   * @param chains each event's upcasters, from version 1 up, for the events whose chain is sound
   * @param records the older records the upcasters take or return (not the events themselves), which
   *     get codecs of their own
   */
  record Upcasters(Map<TypeElement, List<UpcasterModel>> chains, Set<TypeElement> records) {}

  /** One upcaster whose own signature is sound; {@code takes} and {@code returns} are empty for the JSON tree. */
  private record Step(UpcasterDeclaration declaration, Optional<TypeElement> takes, Optional<TypeElement> returns) {
    ExecutableElement method() {
      return declaration.method();
    }
  }

  private final Env env;

  UpcasterValidator(Env env) {
    this.env = env;
  }

  /** Checks the upcasters of {@code scope}'s events. */
  Upcasters validate(Bindings.AggregateScope scope, Members members, ValidationReport.Builder report) {
    Map<TypeElement, List<UpcasterDeclaration>> byEvent = new LinkedHashMap<>();
    for (UpcasterDeclaration upcaster : scope.upcasters()) {
      byEvent.computeIfAbsent(upcaster.annotation().event().orElseThrow(), k -> new ArrayList<>()).add(upcaster);
    }
    Map<TypeElement, List<UpcasterModel>> chains = new LinkedHashMap<>();
    Set<TypeElement> records = new LinkedHashSet<>();
    for (Member event : members.events()) {
      if (members.faulty().contains(event.element())) {
        continue; // Its own error (a bad name or version) is the root cause.
      }
      chain(scope, event, byEvent.getOrDefault(event.element(), List.of()), report).ifPresent(steps -> {
        List<UpcasterModel> models = new ArrayList<>();
        for (Step step : steps) {
          ExecutableElement method = step.method();
          models.add(new UpcasterModel(step.declaration().annotation().from(), ClassName.get((TypeElement) method.getEnclosingElement()),
              method.getSimpleName().toString(), step.takes().map(ClassName::get), step.returns().map(ClassName::get)));
          step.takes().ifPresent(records::add);
          step.returns().filter(r -> !r.equals(event.element())).ifPresent(records::add);
        }
        chains.put(event.element(), models);
      });
    }
    return new Upcasters(chains, records);
  }

  /** The steps of {@code event}'s chain, in order; empty when anything about them is wrong. */
  private Optional<List<Step>> chain(Bindings.AggregateScope scope, Member event, List<UpcasterDeclaration> upcasters,
      ValidationReport.Builder report) {
    String eventName = TypeText.simple(event.element());
    int version = event.version();
    Map<Integer, UpcasterDeclaration> claimed = new TreeMap<>();
    Map<Integer, Step> steps = new TreeMap<>();
    for (UpcasterDeclaration upcaster : upcasters) {
      ExecutableElement method = upcaster.method();
      int from = upcaster.annotation().from();
      if (from < 1 || from >= version) {
        report.addOnValue(Messages.upcasterVersionOutOfRange(TypeText.method(method), from, eventName, version), method,
            upcaster.annotation().mirror(), "from");
        continue;
      }
      UpcasterDeclaration first = claimed.putIfAbsent(from, upcaster);
      if (first != null) {
        report.add(Messages.duplicateUpcaster(eventName, from, TypeText.method(first.method())), method);
        continue;
      }
      step(scope, event, upcaster, report).ifPresent(step -> steps.put(from, step));
    }
    List<Integer> missing = new ArrayList<>();
    for (int from = 1; from < version; from++) {
      if (!claimed.containsKey(from)) {
        missing.add(from);
      }
    }
    if (!missing.isEmpty()) {
      report.addOnValue(Messages.missingUpcaster(eventName, version, missing), event.element(),
          scope.events().stream().filter(e -> e.element().equals(event.element())).findFirst().orElseThrow().annotation().mirror(),
          "version");
      return Optional.empty();
    }
    if (steps.size() != version - 1) {
      return Optional.empty(); // A step has an error of its own.
    }
    boolean sound = true;
    for (int from = 1; from < version; from++) {
      Step step = steps.get(from);
      if (step.takes().isEmpty()) {
        continue; // JSON goes on as JSON, or is decoded as whatever comes next.
      }
      TypeElement returned = step.returns().orElseThrow();
      if (from + 1 == version) {
        if (!returned.equals(event.element())) {
          report.add(Messages.upcasterReturnsNotEvent(TypeText.method(step.method()), TypeText.simple(returned), eventName, version),
              step.method());
          sound = false;
        }
      } else {
        Step next = steps.get(from + 1);
        if (next.takes().isPresent() && !next.takes().get().equals(returned)) {
          report.add(Messages.upcasterReturnsNotNext(TypeText.method(step.method()), TypeText.simple(returned),
              TypeText.method(next.method()), TypeText.simple(next.takes().get())), step.method());
          sound = false;
        }
      }
    }
    return sound ? Optional.of(List.copyOf(steps.values())) : Optional.empty();
  }

  /** Checks one upcaster on its own; empty when it is not sound. */
  private Optional<Step> step(Bindings.AggregateScope scope, Member event, UpcasterDeclaration upcaster, ValidationReport.Builder report) {
    ExecutableElement method = upcaster.method();
    String text = TypeText.method(method);
    CharSequence name = method.getSimpleName();
    int from = upcaster.annotation().from();
    String eventName = TypeText.simple(event.element());
    PackageElement generated = env.packageOf(scope.element());
    String codecs = GeneratedNames.forAggregate(ClassName.get(scope.element())).codecs().simpleName();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      report.add(Messages.upcasterNotStatic(text, name), method);
      return Optional.empty();
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.add(Messages.upcasterPrivate(text, name, codecs), method);
      return Optional.empty();
    }
    Optional<Inaccessible> hidden = env.inaccessible(owner, generated);
    if (hidden.isPresent() || !env.packageOf(owner).equals(generated) && !method.getModifiers().contains(Modifier.PUBLIC)) {
      report.add(Messages.upcasterNotAccessible(text, name, codecs, generated.getQualifiedName(), hidden), method);
      return Optional.empty();
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.add(Messages.upcasterGeneric(text, name, Env.names(method.getTypeParameters())), method);
      return Optional.empty();
    }
    if (method.getParameters().size() != 1) {
      report.add(Messages.upcasterParameterCount(text, name, method.getParameters().size()), method);
      return Optional.empty();
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (env.isChecked(thrown)) {
        report.add(Messages.upcasterCheckedException(text, TypeText.of(thrown)), method);
        return Optional.empty();
      }
    }
    TypeMirror parameter = method.getParameters().get(0).asType();
    TypeMirror returnType = method.getReturnType();
    if (isJsonTree(parameter)) {
      if (!isJsonTree(returnType)) {
        report.add(Messages.upcasterReturnsNotJson(text, TypeText.of(returnType), from), method);
        return Optional.empty();
      }
      return Optional.of(new Step(upcaster, Optional.empty(), Optional.empty()));
    }
    TypeElement older = env.elementOf(parameter);
    if (older == null || older.getKind() != ElementKind.RECORD) {
      report.add(Messages.upcasterParameterNotRecord(text, TypeText.of(parameter), from, eventName), method);
      return Optional.empty();
    }
    if (older.equals(event.element())) {
      report.add(Messages.upcasterParameterIsEvent(text, from, eventName), method);
      return Optional.empty();
    }
    if (!older.getTypeParameters().isEmpty()) {
      report.add(Messages.upcasterParameterGeneric(text, TypeText.simple(older), Env.names(older.getTypeParameters())), method);
      return Optional.empty();
    }
    Optional<Inaccessible> unreadable = env.inaccessible(older, generated);
    if (unreadable.isPresent()) {
      report.add(Messages.upcasterParameterInaccessible(text, TypeText.simple(older), unreadable.get()), method);
      return Optional.empty();
    }
    TypeElement returned = env.elementOf(returnType);
    if (returned == null || returned.getKind() != ElementKind.RECORD || !returned.getTypeParameters().isEmpty()
        || env.inaccessible(returned, generated).isPresent()) {
      report.add(Messages.upcasterReturnsNotRecord(text, TypeText.of(returnType), from), method);
      return Optional.empty();
    }
    return Optional.of(new Step(upcaster, Optional.of(older), Optional.of(returned)));
  }

  /** Whether {@code type} is {@code Map<String, Object>}, the JSON tree. */
  private boolean isJsonTree(TypeMirror type) {
    if (!(type instanceof DeclaredType declared) || declared.getTypeArguments().size() != 2) {
      return false;
    }
    TypeElement element = (TypeElement) declared.asElement();
    TypeElement value = env.elementOf(declared.getTypeArguments().get(1));
    return element.getQualifiedName().contentEquals("java.util.Map")
        && env.isString(declared.getTypeArguments().get(0))
        && value != null && value.getQualifiedName().contentEquals("java.lang.Object");
  }
}
