package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.AggregateModel;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ReceiptFixture}: {@code create(...)} hands the stub's definition, built from the
 * handler instances it is given (the same parameters as {@code ReceiptStub.definition(...)}), to the
 * runtime's {@code AggregateFixture}, where given/when/then tests run without NATS. It only wires.
 */
final class FixtureWriter {
  private FixtureWriter() {}

  static JavaFile write(AggregateModel aggregate, boolean generatedAnnotation) {
    ClassName name = aggregate.names().fixture();
    Map<ClassName, String> owners = StubWriter.ownerParameters(aggregate);
    MethodSpec.Builder create = MethodSpec.methodBuilder("create")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.AGGREGATE_FIXTURE, aggregate.stateType(), aggregate.eventSupertype()));
    CodeText javadoc = CodeText.of("A fixture of the {@code $L} aggregate", aggregate.wireName())
        .add(owners.isEmpty() ? ".\n" : " whose commands run on these handler instances.\n");
    for (Map.Entry<ClassName, String> owner : owners.entrySet()) {
      create.addParameter(owner.getKey(), owner.getValue());
      javadoc.add("\n@param $N the instance whose {@code @CommandHandler} methods run the commands it handles", owner.getValue());
    }
    javadoc.add("\n@return the fixture: {@code given(...)}, then {@code when(command)}, then {@code expect...}\n");
    create.addJavadoc(javadoc.build())
        .addStatement("return $T.of($T.definition($L))", RuntimeTypes.AGGREGATE_FIXTURE, aggregate.names().stub(),
            String.join(", ", owners.values()));

    TypeSpec fixture = GeneratedFiles.annotate(TypeSpec.classBuilder(name), generatedAnnotation, aggregate.deprecatedUses())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("Given/when/then test fixture of the {@code $L} aggregate, generated from {@link $T}: runs\n"
            + "commands through the same stub, validators and reducers the service hosts, without NATS.\n"
            + "\n<pre>{@code\n$T.create($L)\n    .given(pastEvents...)\n    .when(command)\n    .expectEvents(events...);\n}</pre>\n",
            aggregate.wireName(), aggregate.stateType(), name, owners.isEmpty() ? "" : "handlers..."))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(create.build())
        .build();
    return GeneratedFiles.file(name, fixture);
  }
}
