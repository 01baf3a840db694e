package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.processor.read.ServiceAnnotation;
import com.weegigs.events.processor.read.ServicePackages;
import com.weegigs.events.processor.step.Declarations.ServiceDeclaration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks {@code @Service} packages (name, version, one declaration per name, one aggregate per
 * type) and finds the service of each aggregate. A service declared in an earlier round was reported then: here its report is
 * only marked unclean when it is invalid, so its aggregates are not built.
 */
public final class ServiceValidator {
  /**
   * A checked service.
   *
   * @param element the {@code @Service} package
   * @param annotation what it says
   * @param declaredInRound whether its {@code package-info} is part of this round (only then are its own files written)
   * @param report what is wrong with it
   */
  public record CheckedService(PackageElement element, ServiceAnnotation annotation, boolean declaredInRound, ValidationReport report) {
    /** The package's qualified name. */
    public String packageName() {
      return element.getQualifiedName().toString();
    }
  }

  private final Env env;
  private final Map<String, CheckedService> services = new TreeMap<>();

  ServiceValidator(Env env, List<ServiceDeclaration> declarations) {
    this.env = env;
    Map<String, ServiceDeclaration> byName = new HashMap<>();
    List<ServiceDeclaration> sorted = declarations.stream()
        .sorted(Comparator.comparing(d -> d.element().getQualifiedName().toString()))
        .toList();
    for (ServiceDeclaration declaration : sorted) {
      PackageElement pkg = declaration.element();
      ServiceAnnotation annotation = declaration.annotation();
      ValidationReport.Builder report = ValidationReport.about(pkg);
      Optional<String> problem = WireNames.nameProblem(annotation.name());
      if (problem.isPresent()) {
        report.addOnValue(Messages.invalidServiceName(annotation.name(), problem.get(), WireNames.suggestName(annotation.name())),
            pkg, annotation.mirror(), "name");
      }
      if (!WireNames.isValidVersion(annotation.version())) {
        report.addOnValue(Messages.invalidServiceVersion(annotation.version()), pkg, annotation.mirror(), "version");
      }
      if (problem.isEmpty()) {
        ServiceDeclaration previous = byName.putIfAbsent(annotation.name(), declaration);
        if (previous != null) {
          report.addOnValue(Messages.duplicateService(annotation.name(), previous.element().getQualifiedName(), pkg.getQualifiedName()),
              pkg, annotation.mirror(), "name");
        }
      }
      services.put(pkg.getQualifiedName().toString(), new CheckedService(pkg, annotation, true, report.build()));
    }
  }

  /** The services declared in this round and those found for an aggregate, by package name. */
  public List<CheckedService> all() {
    return List.copyOf(services.values());
  }

  /** The nearest service at or above the aggregate's package, if any. */
  Optional<CheckedService> serviceOf(TypeElement aggregate) {
    return ServicePackages.of(env.elements(), aggregate)
        .map(pkg -> services.computeIfAbsent(pkg.getQualifiedName().toString(), k -> earlier(pkg)));
  }

  private CheckedService earlier(PackageElement pkg) {
    ServiceAnnotation annotation = ServiceAnnotation.read(env.elements(), pkg);
    ValidationReport.Builder report = ValidationReport.about(pkg);
    if (!WireNames.isValidName(annotation.name()) || !WireNames.isValidVersion(annotation.version())) {
      report.markDirty();
    }
    return new CheckedService(pkg, annotation, false, report.build());
  }

  /** An aggregate of a service with its wire type, and the report of it. */
  record Typed(Bindings.AggregateScope scope, String wireName, ValidationReport.Builder report) {}

  /** Reports each aggregate of {@code service} whose type an earlier one has already. */
  static void aggregateTypes(CheckedService service, List<Typed> aggregates) {
    Map<String, Typed> byType = new HashMap<>();
    for (Typed aggregate : aggregates) {
      Typed previous = byType.putIfAbsent(aggregate.wireName(), aggregate);
      if (previous != null) {
        TypeElement element = aggregate.scope().element();
        aggregate.report().addOnValue(Messages.duplicateAggregateType(TypeText.simple(previous.scope().element()),
            TypeText.simple(element), service.annotation().name(), aggregate.wireName()), element,
            aggregate.scope().declaration().annotation().mirror(), "type");
      }
    }
  }
}
