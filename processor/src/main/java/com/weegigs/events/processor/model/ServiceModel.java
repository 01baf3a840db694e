package com.weegigs.events.processor.model;

import java.util.List;

/**
 * One {@code @Service} package and the aggregates declared in it.
 *
 * @param name wire name ({@code receipts})
 * @param version semantic version
 * @param title human title (defaults to the name)
 * @param packageName the annotated package
 * @param aggregates its aggregates, sorted by qualified name so output is deterministic
 * @param names generated names of the per-service types
 */
public record ServiceModel(String name, String version, String title, String packageName,
    List<AggregateModel> aggregates, ServiceNames names) {
  public ServiceModel {
    aggregates = List.copyOf(aggregates);
  }
}
