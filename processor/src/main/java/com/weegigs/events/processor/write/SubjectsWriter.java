package com.weegigs.events.processor.write;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.ServiceModel;
import javax.lang.model.element.Modifier;

/** Writes {@code ReceiptSubjects}: a constant for every NATS subject of the aggregate ({@code docs/wire-contract.md}, "Subjects"). */
final class SubjectsWriter {
  private SubjectsWriter() {}

  static JavaFile write(ServiceModel service, AggregateModel aggregate, boolean generatedAnnotation) {
    String prefix = service.name();
    String type = aggregate.wireName();
    TypeSpec.Builder subjects = GeneratedFiles.annotate(TypeSpec.classBuilder(aggregate.names().subjects()), generatedAnnotation)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("NATS subjects of the {@code $L} aggregate of service {@code $L}, generated from {@link $T}.\n\n"
            + "<p>Requests to a command subject carry a command request and are answered with the entity or an error;\n"
            + "event subjects carry recorded events. Subscribe to {@link #ALL_EVENTS} to see every event of the aggregate.\n",
            type, prefix, aggregate.stateType()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    subjects.addField(constant("SERVICE", prefix, "The service name, the first token of every subject."));
    subjects.addField(constant("AGGREGATE_TYPE", type, "The aggregate type, as it appears in subjects and aggregate ids."));
    for (CommandModel command : aggregate.commands()) {
      subjects.addField(constant(AggregateConstants.commandSubject(command), prefix + ".command." + type + "." + command.wireName(),
          "Request/reply subject of command {@code " + command.wireName() + "} ({@link " + command.shape().type().canonicalName() + "})."));
    }
    subjects.addField(constant("QUERY_GET", prefix + ".query." + type + ".get",
        "Request/reply subject that answers the current entity of a key."));
    for (EventModel event : aggregate.events()) {
      subjects.addField(constant(AggregateConstants.eventSubject(event), prefix + ".events." + type + "." + event.wireName(),
          "Subject on which event {@code " + event.wireName() + "} ({@link " + event.shape().type().canonicalName() + "}) is published."));
    }
    subjects.addField(constant("HEALTH", prefix + ".health", "Request/reply subject of the service's health report."));
    subjects.addField(constant("ALL_COMMANDS", prefix + ".command." + type + ".*", "Wildcard matching every command subject of the aggregate."));
    subjects.addField(constant("ALL_EVENTS", prefix + ".events." + type + ".*", "Wildcard matching every event subject of the aggregate."));
    return GeneratedFiles.file(aggregate.names().subjects(), subjects.build());
  }

  private static FieldSpec constant(String name, String value, String javadoc) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", value)
        .addJavadoc(CodeText.block("$L\n", javadoc))
        .build();
  }
}
