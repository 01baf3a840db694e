package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.model.AccessModel;
import com.weegigs.events.processor.read.AccessAnnotations;
import com.weegigs.events.processor.validate.AggregateValidator.Member;
import com.weegigs.events.processor.validate.AggregateValidator.Members;
import com.weegigs.events.processor.validate.HandlerValidator.Handler;
import com.weegigs.events.processor.validate.HandlerValidator.Handlers;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks the access annotations ({@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}) of an
 * aggregate's commands, their handlers, the aggregate record (its query) and the handler classes,
 * and gives each command and the query its one rule.
 */
final class AccessValidator {
  /**
   * The rules of an aggregate.
   *
   * @param commands each command's rule, by its record
   * @param query the rule of its query
   */
  record Rules(Map<TypeElement, AccessModel> commands, AccessModel query) {
    /** No rule of its own: a module that implements an API, whose codecs carry the rules. */
    static final Rules NONE = new Rules(Map.of(), AccessModel.PERMIT_ALL);
  }

  private final Env env;

  AccessValidator(Env env) {
    this.env = env;
  }

  Rules validate(Bindings.AggregateScope scope, Members members, Handlers handlers, ValidationReport.Builder report) {
    TypeElement aggregate = scope.element();
    Optional<AccessModel> query = rule(AccessAnnotations.read(env.elements(), aggregate),
        "query " + TypeText.simple(aggregate), report);
    Map<TypeElement, AccessModel> commands = new LinkedHashMap<>();
    Map<TypeElement, Set<String>> handlersByOwner = new LinkedHashMap<>();
    for (Member command : members.commands()) {
      String name = TypeText.simple(command.element());
      Optional<AccessModel> onRecord = rule(AccessAnnotations.read(env.elements(), command.element()), "send " + name, report);
      Handler handler = handlers.valid().get(command.element());
      Optional<AccessModel> onHandler = Optional.empty();
      if (handler != null) {
        ExecutableElement method = handler.method();
        AccessAnnotations annotations = AccessAnnotations.read(env.elements(), method);
        onHandler = rule(annotations, "send " + name, report);
        if (onRecord.isPresent() && onHandler.isPresent() && !onRecord.get().sameAs(onHandler.get())) {
          report.add(Messages.accessDisagrees(handlerName(method), onHandler.get().describe(), name, onRecord.get().describe()),
              method, annotations.first().orElseThrow());
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        if (!owner.equals(aggregate)) {
          handlersByOwner.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(name);
        }
      }
      Optional<AccessModel> fromHandler = onHandler;
      commands.put(command.element(), onRecord.or(() -> fromHandler).orElse(AccessModel.PERMIT_ALL));
    }
    for (Map.Entry<TypeElement, Set<String>> owner : handlersByOwner.entrySet()) {
      AccessAnnotations annotations = AccessAnnotations.read(env.elements(), owner.getKey());
      annotations.first().ifPresent(mirror -> report.add(Messages.accessOnHandlerClass(
          simpleAnnotation(mirror), TypeText.simple(owner.getKey()), String.join(", ", owner.getValue())),
          owner.getKey(), mirror));
    }
    return new Rules(commands, query.orElse(AccessModel.PERMIT_ALL));
  }

  /**
   * Refuses an access annotation on a handler in a module that implements an API: the API's codecs
   * (which callers, the service and the AsyncAPI document all read) carry each command's rule, so it
   * belongs on the command record.
   */
  void refuseOnHandlers(Handlers handlers, String service, ValidationReport.Builder report) {
    for (Handler handler : handlers.valid().values()) {
      ExecutableElement method = handler.method();
      AccessAnnotations.read(env.elements(), method).first().ifPresent(mirror -> report.add(
          Messages.accessOnImplementedHandler(simpleAnnotation(mirror), handlerName(method), service), method, mirror));
    }
  }

  /**
   * The rule of one element's annotations, reporting what is wrong with them; empty without any, and
   * empty after an error (so a broken rule is not also reported as disagreeing with another).
   */
  private Optional<AccessModel> rule(AccessAnnotations annotations, String guarded, ValidationReport.Builder report) {
    if (!annotations.any()) {
      return Optional.empty();
    }
    Element element = annotations.element();
    String name = elementName(element);
    List<Optional<AnnotationMirror>> present = List.of(annotations.rolesAllowed(), annotations.denyAll(), annotations.permitAll());
    List<AnnotationMirror> written = present.stream().flatMap(Optional::stream).toList();
    if (written.size() > 1) {
      report.add(Messages.conflictingAccess(name, simpleAnnotation(written.get(0)), simpleAnnotation(written.get(1))),
          element, written.get(1));
      return Optional.empty();
    }
    if (annotations.denyAll().isPresent()) {
      return Optional.of(AccessModel.DENY_ALL);
    }
    if (annotations.permitAll().isPresent()) {
      return Optional.of(AccessModel.PERMIT_ALL);
    }
    AnnotationMirror rolesAllowed = annotations.rolesAllowed().orElseThrow();
    if (annotations.roles().isEmpty()) {
      report.addOnValue(Messages.emptyRolesAllowed(name, guarded), element, rolesAllowed, "value");
      return Optional.empty();
    }
    Set<String> seen = new HashSet<>();
    boolean broken = false;
    for (String role : annotations.roles()) {
      if (role.isBlank()) {
        report.addOnValue(Messages.invalidRoleName(role, name, "it is blank"), element, rolesAllowed, "value");
        broken = true;
      } else if (role.chars().anyMatch(Character::isWhitespace)) {
        report.addOnValue(Messages.invalidRoleName(role, name,
            "it has whitespace, and roles read from a space-separated claim never do"), element, rolesAllowed, "value");
        broken = true;
      } else if (!seen.add(role)) {
        report.addOnValue(Messages.duplicateRole(role, name), element, rolesAllowed, "value");
      }
    }
    return broken ? Optional.empty() : Optional.of(AccessModel.roles(annotations.roles()));
  }

  private static String elementName(Element element) {
    return element instanceof ExecutableElement method ? handlerName(method) : TypeText.simple((TypeElement) element);
  }

  private static String handlerName(ExecutableElement method) {
    return TypeText.method(method);
  }

  private static String simpleAnnotation(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }
}
