package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import com.weegigs.events.processor.model.ServiceModel;
import javax.lang.model.element.Modifier;

/** Writes {@code ReceiptsService}: the service's {@code ServiceDescriptor} (name, version, title, aggregates). */
final class ServiceWriter {
  private ServiceWriter() {}

  static JavaFile write(ServiceModel service, boolean generatedAnnotation) {
    ClassName name = service.names().descriptor();
    CodeBlock aggregates = CodeBlock.join(
        service.aggregates().stream().map(a -> CodeBlock.of("$T.TYPE", a.names().codecs())).toList(), ",\n");
    ParameterizedTypeName anyAggregate = ParameterizedTypeName.get(
        RuntimeTypes.AGGREGATE_TYPE, WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class));
    CodeBlock initializer = CodeBlock.builder()
        .add("new $T(\n$>$>$S,\n$S,\n$S,\n$T.<$T>of($L))$<$<", RuntimeTypes.SERVICE_DESCRIPTOR, service.name(), service.version(), service.title(),
            RuntimeTypes.LIST, anyAggregate, aggregates)
        .build();
    TypeSpec descriptor = GeneratedFiles.annotate(TypeSpec.classBuilder(name), generatedAnnotation)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("The {@code $L} service ($L), generated from the {@code @Service} of package {@code $L}.\n",
            service.name(), service.title(), service.packageName()))
        .addField(FieldSpec.builder(RuntimeTypes.SERVICE_DESCRIPTOR, "DESCRIPTOR", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(CodeText.block("Name, version {@code $L}, title and aggregates of the service; hosts use it for the NATS micro\n"
                + "service and its {@code $$SRV.INFO} metadata.\n", service.version()))
            .initializer(initializer)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
    return GeneratedFiles.file(name, descriptor);
  }

}
