package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.UpcasterModel;
import java.util.List;
import java.util.Optional;

/**
 * The readers of an event's older versions, for its {@code EventType}: for each version from 1, a
 * chain of the runtime's {@code Upcasts} that reads that version's data (as its older record, or as a
 * JSON tree) and calls the {@code @Upcaster} methods in order, decoding or encoding between a record
 * and JSON where one step returns what the next does not take, up to the current record.
 */
final class UpcastChains {
  private UpcastChains() {}

  /** {@code List.of(chain from version 1, chain from version 2, ...)}. */
  static CodeText olderVersions(EventModel event, AggregateConstants constants, ClassName codecs) {
    CodeText list = CodeText.of("$T.of($>$>", RuntimeTypes.LIST);
    for (int from = 1; from < event.version(); from++) {
      list.add(from == 1 ? "\n$L" : ",\n$L", chain(event, from, constants, codecs));
    }
    return list.add(")$<$<");
  }

  private static CodeText chain(EventModel event, int from, AggregateConstants constants, ClassName codecs) {
    List<UpcasterModel> upcasters = event.upcasters();
    UpcasterModel first = upcasters.get(from - 1);
    CodeText chain = first.takes().isPresent()
        ? CodeText.of("$T.read($T.$N)", RuntimeTypes.UPCASTS, codecs, constants.recordCodec(first.takes().get()))
        : CodeText.of("$T.tree()", RuntimeTypes.UPCASTS);
    Optional<ClassName> current = first.takes();
    for (UpcasterModel step : upcasters.subList(from - 1, upcasters.size())) {
      if (step.takes().isPresent() && current.isEmpty()) {
        chain.add(".decode($T.$N)", codecs, constants.recordCodec(step.takes().get()));
      } else if (step.takes().isEmpty() && current.isPresent()) {
        chain.add(".encode($T.$N)", codecs, constants.recordCodec(current.get()));
      }
      chain.add(".then($T::$N)", step.owner(), step.method());
      current = step.returns();
    }
    if (current.isEmpty()) {
      chain.add(".decode($T.$N)", codecs, constants.recordCodec(event.shape().type()));
    }
    return chain;
  }
}
