package com.example.edge;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

public record Edge(@NotNull String parser, int context, String field, boolean e, String value, String hasParser, List<String> generator,
    Optional<Edge> violations) {
  static Edge create(String key) {
    return new Edge(key, 0, null, false, null, null, List.of(), Optional.empty());
  }

  Edge on(Defaulted event) {
    return new Edge(parser, context + event.violations(), field, e, value, hasParser, generator, Optional.of(this));
  }

  Edge on(Event event) {
    return new Edge(parser, context, event.key(), true, value, hasParser, generator, violations);
  }

  Edge on(DefaultCodec event) {
    return this;
  }

  List<Event> type(Type command) {
    return List.of(new Event(command.key()));
  }
}
