package com.weegigs.events.processor.step;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.read.AggregateAnnotation;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.MemberAnnotation;
import com.weegigs.events.processor.read.Mirrors;
import com.weegigs.events.processor.read.ServiceAnnotation;
import com.weegigs.events.processor.read.ServicePackages;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads, from the class path, the API aggregates this round implements: an aggregate of a service
 * declared {@code @Service(api = true)}, compiled in its own module, one of whose commands a
 * {@code @CommandHandler} of this round handles. Its commands and events are those its generated
 * codecs class (in the API jar) declares a {@code CommandType} or {@code EventType} constant for, so
 * the list is exactly the one the API was compiled with; its reducers and initial factory are the
 * annotated methods of the record. An aggregate whose service is no API, or whose codecs are
 * missing, is left out: the handler's own error says why.
 */
public final class ApiAggregates {
  private static final String COMMAND_TYPE = "com.weegigs.events.runtime.definition.CommandType";
  private static final String EVENT_TYPE = "com.weegigs.events.runtime.definition.EventType";

  private ApiAggregates() {}

  /** Adds the API aggregates the handlers in {@code declarations} implement, with what belongs to them. */
  public static void read(Elements elements, Declarations declarations) {
    Set<TypeElement> known = new HashSet<>();
    declarations.aggregates().forEach(a -> known.add(a.element()));
    Set<TypeElement> sourceCommands = new HashSet<>();
    declarations.commands().forEach(c -> sourceCommands.add(c.element()));
    for (ExecutableElement handler : List.copyOf(declarations.handlers())) {
      handledCommand(handler)
          .filter(command -> !sourceCommands.contains(command))
          .flatMap(command -> apiAggregate(elements, command))
          .filter(known::add)
          .ifPresent(aggregate -> add(elements, aggregate, declarations));
    }
  }

  /** The first parameter of {@code handler} that is a {@code @Command} record, as the bindings take it. */
  public static Optional<TypeElement> handledCommand(ExecutableElement handler) {
    for (VariableElement parameter : handler.getParameters()) {
      TypeElement type = element(parameter.asType());
      if (type != null && Mirrors.has(type, AnnotationNames.COMMAND)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The aggregate {@code member} (a {@code @Command} or {@code @Event} record) names, when it is one. */
  public static Optional<TypeElement> aggregateOf(Elements elements, TypeElement member, String annotation) {
    return MemberAnnotation.read(elements, member, annotation).aggregate()
        .map(ApiAggregates::element)
        .filter(type -> type != null && Mirrors.has(type, AnnotationNames.AGGREGATE));
  }

  /** The aggregate of {@code command} when it belongs to an API whose generated codecs are on the class path. */
  private static Optional<TypeElement> apiAggregate(Elements elements, TypeElement command) {
    Optional<TypeElement> aggregate = aggregateOf(elements, command, AnnotationNames.COMMAND);
    if (aggregate.isEmpty() || !ServicePackages.annotation(elements, aggregate.get()).map(ServiceAnnotation::api).orElse(false)) {
      return Optional.empty();
    }
    return codecs(elements, aggregate.get()).isPresent() ? aggregate : Optional.empty();
  }

  /** The codecs class generated for {@code aggregate}, when it is on the class path. */
  public static Optional<TypeElement> codecs(Elements elements, TypeElement aggregate) {
    return Optional.ofNullable(elements.getTypeElement(GeneratedNames.forAggregate(ClassName.get(aggregate)).codecs().canonicalName()));
  }

  private static void add(Elements elements, TypeElement aggregate, Declarations declarations) {
    declarations.aggregates.add(new Declarations.AggregateDeclaration(aggregate, AggregateAnnotation.read(elements, aggregate)));
    declarations.fromClassPath.add(aggregate);
    TypeElement codecs = codecs(elements, aggregate).orElseThrow();
    for (Element field : ElementFilter.fieldsIn(codecs.getEnclosedElements())) {
      if (!(field.asType() instanceof DeclaredType type) || type.getTypeArguments().size() != 1) {
        continue;
      }
      String constant = ((TypeElement) type.asElement()).getQualifiedName().toString();
      TypeElement member = element(type.getTypeArguments().get(0));
      if (member == null) {
        continue;
      }
      if (constant.equals(COMMAND_TYPE) && Mirrors.has(member, AnnotationNames.COMMAND)) {
        declarations.commands.add(new Declarations.MemberDeclaration(member,
            MemberAnnotation.read(elements, member, AnnotationNames.COMMAND)));
        declarations.fromClassPath.add(member);
      } else if (constant.equals(EVENT_TYPE) && Mirrors.has(member, AnnotationNames.EVENT)) {
        declarations.events.add(new Declarations.MemberDeclaration(member, MemberAnnotation.read(elements, member, AnnotationNames.EVENT)));
        declarations.fromClassPath.add(member);
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(aggregate.getEnclosedElements())) {
      if (Mirrors.has(method, AnnotationNames.REDUCER)) {
        declarations.reducers.add(method);
        declarations.fromClassPath.add(method);
      } else if (Mirrors.has(method, AnnotationNames.INITIAL)) {
        declarations.initials.add(method);
        declarations.fromClassPath.add(method);
      }
    }
  }

  private static TypeElement element(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }
}
