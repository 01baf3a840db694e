package com.example.edge;

import com.weegigs.events.runtime.CommandContext;

public final class State {
  Defaulted handle(Edge state, Default command, CommandContext context) {
    return new Defaulted(command.violations());
  }
}
