package com.weegigs.events.processor.build;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.HandlerModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.validate.ValidatedAggregate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the model of an aggregate from what its validation established. It checks nothing and
 * reports nothing: a {@link ValidatedAggregate} exists only for an aggregate whose report is clean.
 */
final class ModelAssembler {
  private ModelAssembler() {}

  /** The model of {@code aggregate}, of the service {@code serviceName}. */
  static AggregateModel assemble(String serviceName, ValidatedAggregate aggregate) {
    ClassName state = ClassName.get(aggregate.element());
    Map<ClassName, RecordShape> nested = new TreeMap<>(Comparator.comparing(ClassName::canonicalName));
    nested.putAll(aggregate.reachable());
    nested.remove(state);
    aggregate.commands().forEach(c -> nested.remove(c.shape().type()));
    aggregate.events().forEach(e -> nested.remove(e.shape().type()));
    List<ClassName> handlerOwners = aggregate.commands().stream()
        .flatMap(c -> c.handler().stream())
        .filter(h -> !h.isStatic() && !h.owner().equals(state))
        .map(HandlerModel::owner)
        .distinct()
        .sorted(Comparator.comparing(ClassName::canonicalName))
        .toList();
    return new AggregateModel(aggregate.wireName(), serviceName, state, aggregate.state(), aggregate.initialMethod().orElse(null),
        aggregate.eventSupertype(), aggregate.commands(), aggregate.events(), handlerOwners, List.copyOf(nested.values()),
        GeneratedNames.forAggregate(state)).withQueryAccess(aggregate.queryAccess());
  }
}
