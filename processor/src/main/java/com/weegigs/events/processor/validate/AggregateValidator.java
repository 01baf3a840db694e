package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Message;
import com.weegigs.events.processor.MessageParts.Declaration;
import com.weegigs.events.processor.MessageParts.Inaccessible;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.processor.step.Declarations.MemberDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks an aggregate record and the records of its commands and events: that each is a
 * non-generic record the generated code can use, and that their wire names are valid and distinct.
 */
final class AggregateValidator {
  /**
   * A record of the aggregate that is one (commands and events that are not records are left out).
   *
   * @param element the record
   * @param wireName its wire name
   * @param version {@code @Event(version)}; 1 for a command
   */
  record Member(TypeElement element, String wireName, int version) {}

  /**
   * The aggregate's commands and events.
   *
   * @param commands its command records, by qualified name
   * @param events its event records, by qualified name
   * @param faulty those of them with an error of their own (an invalid or duplicate name), which no
   *     other check looks at
   */
  record Members(List<Member> commands, List<Member> events, Set<TypeElement> faulty) {
    /** The name of the first event, for examples in messages. */
    String exampleEvent() {
      return events.isEmpty() ? "SomeEvent" : TypeText.simple(events.get(0).element());
    }
  }

  private final Env env;

  AggregateValidator(Env env) {
    this.env = env;
  }

  /** Whether the aggregate record itself can be used; when not, nothing else about it is checked. */
  boolean usable(Bindings.AggregateScope scope, ValidationReport.Builder report) {
    return shapeOk(scope.element(), Declaration.AGGREGATE, env.packageOf(scope.element()), report);
  }

  /** The aggregate's wire name, reported when invalid. */
  String wireName(Bindings.AggregateScope scope, ValidationReport.Builder report) {
    TypeElement element = scope.element();
    String wireName = scope.declaration().annotation().explicit()
        ? scope.declaration().annotation().type()
        : WireNames.kebabCase(TypeText.simple(element));
    WireNames.nameProblem(wireName).ifPresent(problem -> report.addOnValue(
        Messages.invalidAggregateType(wireName, TypeText.simple(element), problem, WireNames.suggestName(wireName)),
        element, scope.declaration().annotation().mirror(), "type"));
    return wireName;
  }

  /** Checks the commands and events of the aggregate. */
  Members members(Bindings.AggregateScope scope, ValidationReport.Builder report) {
    Set<TypeElement> faulty = new LinkedHashSet<>();
    List<Member> commands = members(scope, scope.commands(), Declaration.COMMAND, faulty, report);
    List<Member> events = members(scope, scope.events(), Declaration.EVENT, faulty, report);
    return new Members(commands, events, faulty);
  }

  private List<Member> members(Bindings.AggregateScope scope, List<MemberDeclaration> declarations, Declaration kind,
      Set<TypeElement> faulty, ValidationReport.Builder report) {
    PackageElement generatedPackage = env.packageOf(scope.element());
    List<Member> members = new ArrayList<>();
    for (MemberDeclaration declaration : declarations) {
      TypeElement element = declaration.element();
      if (!shapeOk(element, kind, generatedPackage, report)) {
        continue;
      }
      String name = TypeText.simple(element);
      String wireName = declaration.annotation().explicit() ? declaration.annotation().name() : WireNames.kebabCase(name);
      Optional<String> problem = WireNames.nameProblem(wireName);
      if (problem.isPresent()) {
        Optional<String> suggestion = WireNames.suggestName(wireName);
        report.addOnValue(kind == Declaration.COMMAND
            ? Messages.invalidCommandName(wireName, name, problem.get(), suggestion)
            : Messages.invalidEventName(wireName, name, problem.get(), suggestion), element, declaration.annotation().mirror(), "name");
        faulty.add(element);
      } else {
        Optional<Member> sibling = members.stream().filter(m -> m.wireName().equals(wireName)).findFirst();
        if (sibling.isPresent()) {
          String first = TypeText.simple(sibling.get().element());
          String aggregate = TypeText.simple(scope.element());
          Message.Text text = kind == Declaration.COMMAND
              ? Messages.duplicateCommandName(first, name, aggregate, wireName)
              : Messages.duplicateEventName(first, name, aggregate, wireName);
          report.addOnValue(text, element, declaration.annotation().mirror(), "name");
          faulty.add(element);
        }
      }
      int version = declaration.annotation().version();
      if (kind == Declaration.EVENT && version < 1) {
        report.addOnValue(Messages.invalidEventVersion(version, name), element, declaration.annotation().mirror(), "version");
        faulty.add(element);
      }
      members.add(new Member(element, wireName, version));
    }
    return members;
  }

  /** Checks that {@code element} is a non-generic record the generated code in {@code generatedPackage} can use. */
  private boolean shapeOk(TypeElement element, Declaration kind, PackageElement generatedPackage, ValidationReport.Builder report) {
    String simple = TypeText.simple(element);
    if (element.getKind() != ElementKind.RECORD) {
      report.add(Messages.notARecord(kind, simple, Env.kind(element)), element);
      return false;
    }
    if (!element.getTypeParameters().isEmpty()) {
      report.add(Messages.genericRecord(kind, simple, Env.names(element.getTypeParameters())), element);
      return false;
    }
    Optional<Inaccessible> inaccessible = env.inaccessible(element, generatedPackage);
    if (inaccessible.isPresent()) {
      report.add(Messages.notAccessible(kind, simple, inaccessible.get(), generatedPackage.getQualifiedName()), element);
      return false;
    }
    return true;
  }
}
