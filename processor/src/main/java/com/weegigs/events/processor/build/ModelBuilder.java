package com.weegigs.events.processor.build;

import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.Reporter;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.AggregateRole;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.step.Declarations;
import com.weegigs.events.processor.validate.ServiceValidator.CheckedService;
import com.weegigs.events.processor.validate.ValidatedAggregate;
import com.weegigs.events.processor.validate.Validation.AggregateCheck;
import com.weegigs.events.processor.validate.Validation.ServiceCheck;
import com.weegigs.events.processor.validate.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Turns one round's {@link Declarations} into models: validates them ({@link Validation}), prints
 * every report through the {@link Reporter}, and assembles the model of each aggregate whose report
 * is clean.
 */
public final class ModelBuilder {
  /**
   * A built service.
   *
   * @param element the {@code @Service} package
   * @param model its model, holding only the aggregates that are free of errors
   * @param declaredInRound whether its {@code package-info} is part of this round (only then are its own files written)
   * @param clean whether the service and every one of its aggregates are free of errors
   * @param aggregates its aggregates that are free of errors, with their elements
   */
  public record BuiltService(
      PackageElement element, ServiceModel model, boolean declaredInRound, boolean clean, List<BuiltAggregate> aggregates) {}

  /**
   * A built aggregate.
   *
   * @param element the aggregate record
   * @param model its model
   * @param role what this compilation holds of it, and so which of its types it writes
   * @param origin the originating element of its generated files: the record, or, for an API
   *     aggregate read from the class path, the first class of this compilation that handles it
   */
  public record BuiltAggregate(TypeElement element, AggregateModel model, AggregateRole role, TypeElement origin) {}

  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  /** A builder for one round. */
  public ModelBuilder(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  /** Validates {@code declarations}, reports what is wrong, and builds the models of everything free of errors. */
  public List<BuiltService> build(Declarations declarations) {
    Validation.Result result = new Validation(environment).validate(declarations);
    List<BuiltService> built = new ArrayList<>();
    for (ServiceCheck checked : result.services()) {
      built.add(service(checked));
    }
    reporter.print(result.reports());
    return built;
  }

  private BuiltService service(ServiceCheck checked) {
    CheckedService service = checked.service();
    List<BuiltAggregate> aggregates = new ArrayList<>();
    for (AggregateCheck aggregate : checked.aggregates()) {
      aggregate.validated().flatMap(v -> assemble(service, aggregate, v)).ifPresent(aggregates::add);
    }
    boolean clean = checked.report().isClean() && aggregates.size() == checked.aggregates().size();
    ServiceModel model = new ServiceModel(service.annotation().name(), service.annotation().version(), service.annotation().title(),
        service.packageName(), aggregates.stream().map(BuiltAggregate::model).toList(),
        GeneratedNames.forService(service.packageName(), service.annotation().name()));
    return new BuiltService(service.element(), model, service.declaredInRound(), clean, aggregates);
  }

  private Optional<BuiltAggregate> assemble(CheckedService service, AggregateCheck check, ValidatedAggregate validated) {
    try {
      AggregateModel model = ModelAssembler.assemble(service.annotation().name(), validated);
      return Optional.of(new BuiltAggregate(check.element(), DeprecatedUses.mark(environment.getElementUtils(), model), check.role(),
          check.anchor()));
    } catch (RuntimeException e) {
      reporter.report(Messages.internalError(e, check.element().getSimpleName()), check.anchor());
      return Optional.empty();
    }
  }
}
