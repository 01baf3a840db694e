package com.weegigs.events.runtime.definition;

import com.weegigs.events.runtime.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service as declared by {@code @Service}: its wire name, version, title and aggregates. The
 * processor generates one per service ({@code <Service>Service.DESCRIPTOR}); it feeds the
 * {@code $SRV.INFO} metadata and the subjects.
 *
 * @param name wire name, such as {@code receipts}
 * @param version semantic version
 * @param title human title (the micro service description)
 * @param aggregates the aggregate types the service declares
 */
public record ServiceDescriptor(String name, String version, String title, List<AggregateType<?, ?>> aggregates) {
  public ServiceDescriptor {
    List<String> problems = new ArrayList<>();
    if (!Names.isValidName(name)) {
      problems.add("service name '" + name + "' is not valid: " + Names.NAME_RULE);
    }
    if (!Names.isValidVersion(version)) {
      problems.add("service version '" + version + "' is not a semantic version such as 1.0.0");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    title = title == null || title.isBlank() ? name : title;
    aggregates = List.copyOf(Objects.requireNonNull(aggregates, "aggregates"));
  }

  /** The aggregate type of a wire name, or {@code null}. */
  public AggregateType<?, ?> aggregate(String type) {
    for (AggregateType<?, ?> aggregate : aggregates) {
      if (aggregate.name().equals(type)) {
        return aggregate;
      }
    }
    return null;
  }
}
