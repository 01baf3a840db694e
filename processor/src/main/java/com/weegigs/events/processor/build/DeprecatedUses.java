package com.weegigs.events.processor.build;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateModel.DeprecatedUse;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ValueType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Which kinds of deprecated declaration the generated code of an aggregate refers to: its records
 * (and the types they are nested in), their components' accessors and constructors, enums, handlers,
 * reducers and the {@code @Initial} factory. Most aggregates refer to none, and their generated code
 * carries no {@code @SuppressWarnings}.
 */
final class DeprecatedUses {
  private final Elements elements;
  private final Set<DeprecatedUse> uses = EnumSet.noneOf(DeprecatedUse.class);

  private DeprecatedUses(Elements elements) {
    this.elements = elements;
  }

  /** {@code aggregate} with the kinds of deprecation among the declarations its generated code refers to. */
  static AggregateModel mark(Elements elements, AggregateModel aggregate) {
    return aggregate.withDeprecatedUses(of(elements, aggregate));
  }

  /** The kinds of deprecation among the declarations {@code aggregate}'s generated code refers to. */
  static Set<DeprecatedUse> of(Elements elements, AggregateModel aggregate) {
    DeprecatedUses scan = new DeprecatedUses(elements);
    List<RecordShape> shapes = new ArrayList<>();
    shapes.add(aggregate.state());
    aggregate.commands().forEach(command -> shapes.add(command.shape()));
    aggregate.events().forEach(event -> shapes.add(event.shape()));
    shapes.addAll(aggregate.nestedRecords());

    Set<ClassName> types = new LinkedHashSet<>();
    aggregate.commands().forEach(command -> command.handler().ifPresent(handler -> types.add(handler.owner())));
    if (aggregate.eventSupertype() instanceof ClassName supertype) {
      types.add(supertype);
    }
    for (RecordShape shape : shapes) {
      types.add(shape.type());
      shape.components().forEach(component -> enums(component.type(), types));
      scan.record(shape);
    }
    types.forEach(scan::type);

    TypeElement state = scan.element(aggregate.stateType());
    aggregate.initialMethod().ifPresent(initial -> scan.methods(state, initial));
    for (EventModel event : aggregate.events()) {
      scan.methods(state, event.reducer().method());
    }
    for (CommandModel command : aggregate.commands()) {
      command.handler().ifPresent(handler -> scan.methods(scan.element(handler.owner()), handler.method()));
    }
    return scan.uses;
  }

  private static void enums(ValueType type, Set<ClassName> types) {
    if (type instanceof ValueType.Enum enumType) {
      types.add(enumType.javaType());
    } else if (type instanceof ValueType.Container container) {
      enums(container.held(), types);
    }
  }

  private TypeElement element(ClassName name) {
    return elements.getTypeElement(name.canonicalName());
  }

  /** A type, and the types it is nested in: generated code names them all ({@code Outer.Inner}). */
  private void type(ClassName name) {
    for (Element element = element(name); element instanceof TypeElement type; element = type.getEnclosingElement()) {
      check(type);
    }
  }

  /** The accessors of a record's components and its constructors, which the codecs call. */
  private void record(RecordShape shape) {
    TypeElement record = element(shape.type());
    if (record == null) {
      return;
    }
    Set<String> accessors = new LinkedHashSet<>();
    shape.components().stream().map(ComponentModel::name).forEach(accessors::add);
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.CONSTRUCTOR
          || (member.getKind() == ElementKind.METHOD && ((ExecutableElement) member).getParameters().isEmpty()
              && accessors.contains(member.getSimpleName().toString()))) {
        check(member);
      }
    }
  }

  /** Every method of {@code owner} named {@code name} (a handler, reducer or factory may be overloaded). */
  private void methods(TypeElement owner, String name) {
    if (owner == null) {
      return;
    }
    for (Element member : owner.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(name)) {
        check(member);
      }
    }
  }

  private void check(Element element) {
    if (elements.isDeprecated(element)) {
      Deprecated deprecated = element.getAnnotation(Deprecated.class);
      uses.add(deprecated != null && deprecated.forRemoval() ? DeprecatedUse.FOR_REMOVAL : DeprecatedUse.DEPRECATED);
    }
  }
}
