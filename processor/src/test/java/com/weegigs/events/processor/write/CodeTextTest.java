package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/** {@link CodeText} must render exactly what {@link CodeBlock.Builder} renders for the same calls. */
class CodeTextTest {
  private static final ClassName CODECS = ClassName.get("com.weegigs.events.runtime.codec", "JsonCodecs");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName OTHER_LIST = ClassName.get("com.example.other", "List");

  @Test
  void blocksRenderAsJavaPoetsDo() {
    assertSameText(CodeBlock.of("$T.readString(parser, context, $S)", CODECS, "sku"),
        CodeText.block("$T.readString(parser, context, $S)", CODECS, "sku"));
    assertSameText(CodeBlock.of("$N = $L; // $$ and $L", "value", 42, true),
        CodeText.block("$N = $L; // $$ and $L", "value", 42, true));
    assertSameText(CodeBlock.of("$L.$N($L)", CodeBlock.of("$T", CODECS), "list", CodeBlock.of("$T.of()", LIST)),
        CodeText.block("$L.$N($L)", CodeText.of("$T", CODECS), "list", CodeText.of("$T.of()", LIST)));
    assertSameText(CodeBlock.of("x($L)", CodeBlock.of("$T.of()", LIST)), CodeText.block("x($L)", CodeBlock.of("$T.of()", LIST)));
  }

  @Test
  void stringLiteralsAreEscapedAsJavaPoetEscapesThem() {
    for (String value : new String[] {"plain-name", "", "a \"quoted\" word", "back\\slash \\S+", "tab\there", "é ü", "$schema",
        "two\nlines", "line end\n", "it's", "\u0001", "del\u007f", "next\u0085line", "{\"$ref\":\"#/$defs/X\",\"pattern\":\"\\\\S\"}"}) {
      assertSameText(CodeBlock.of("check($S)", value), CodeText.block("check($S)", value));
      assertSameMethod(
          MethodSpec.methodBuilder("m").addStatement("check($S, $T.of())", value, LIST),
          MethodSpec.methodBuilder("m").addCode(CodeText.statement("check($S, $T.of())", value, LIST)));
    }
    assertSameText(CodeBlock.of("$S", (Object) null), CodeText.block("$S", (Object) null));
  }

  @Test
  void statementsAndControlFlowRenderAsJavaPoetsDo() {
    CodeBlock.Builder expected = CodeBlock.builder()
        .beginControlFlow("if (!$T.startObject(parser, context))", CODECS)
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T<$T> values = $T.of()", LIST, String.class, LIST)
        .beginControlFlow("switch (field)")
        .beginControlFlow("case $S ->", "id")
        .addStatement("$N = $T.readString(parser, context, $S)", "id", CODECS, "id")
        .endControlFlow()
        .addStatement("default -> parser.skipChildren()")
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement("return new $T($L)", OTHER_LIST, "id, values")
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .add("// the record's own constructor refused the $L\n", "values")
        .addStatement("return null")
        .endControlFlow();
    CodeText actual = new CodeText()
        .beginControlFlow("if (!$T.startObject(parser, context))", CODECS)
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T<$T> values = $T.of()", LIST, String.class, LIST)
        .beginControlFlow("switch (field)")
        .beginControlFlow("case $S ->", "id")
        .addStatement("$N = $T.readString(parser, context, $S)", "id", CODECS, "id")
        .endControlFlow()
        .addStatement("default -> parser.skipChildren()")
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement("return new $T($L)", OTHER_LIST, "id, values")
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addComment("the record's own constructor refused the $L", "values")
        .addStatement("return null")
        .endControlFlow();
    assertSameMethod(
        MethodSpec.methodBuilder("read").addCode(expected.build()).addComment("after"),
        MethodSpec.methodBuilder("read").addCode(actual.build()).addComment("after"));
  }

  @Test
  void statementsOverSeveralLinesKeepTheirContinuationIndent() {
    assertSameMethod(
        MethodSpec.methodBuilder("definition")
            .addStatement("return $T.builder(\n$S,\n$L)\n.command($N)\n.build()", CODECS, "two\nlines", CodeBlock.of("$T.of()", LIST), "ADD")
            .addStatement("done()"),
        MethodSpec.methodBuilder("definition")
            .addCode(new CodeText()
                .addStatement("return $T.builder(\n$S,\n$L)\n.command($N)\n.build()", CODECS, "two\nlines", CodeText.of("$T.of()", LIST), "ADD")
                .addStatement("done()")
                .build()));
    // A JavaPoet block may hold line breaks: its statement keeps JavaPoet's markers.
    assertSameMethod(
        MethodSpec.methodBuilder("m").addStatement("call($L)", CodeBlock.of("a,\nb")),
        MethodSpec.methodBuilder("m").addCode(CodeText.statement("call($L)", CodeBlock.of("a,\nb"))));
  }

  @Test
  void javadocRendersAsJavaPoetsDoes() {
    assertSameMethod(
        MethodSpec.methodBuilder("m").addJavadoc("Sends {@code $L} ({@link $T}).\n\n@param key the $N\n", "add-item", OTHER_LIST, "key"),
        MethodSpec.methodBuilder("m").addJavadoc(CodeText.block("Sends {@code $L} ({@link $T}).\n\n@param key the $N\n", "add-item", OTHER_LIST, "key")));
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThrows(IllegalArgumentException.class, () -> CodeText.of("$1L", "a"));
    assertThrows(IllegalArgumentException.class, () -> CodeText.of("$L and $L", "a"));
    assertThrows(IllegalArgumentException.class, () -> CodeText.of("$L", "a", "b"));
    assertThrows(IllegalArgumentException.class, () -> CodeText.of("$N", 3));
    assertThrows(IllegalArgumentException.class, () -> CodeText.of("trailing $"));
  }

  private static void assertSameText(CodeBlock expected, CodeBlock actual) {
    assertEquals(expected.toString(), actual.toString());
    assertEquals(render(MethodSpec.methodBuilder("m").addStatement(expected)), render(MethodSpec.methodBuilder("m").addStatement(actual)));
  }

  private static void assertSameMethod(MethodSpec.Builder expected, MethodSpec.Builder actual) {
    assertEquals(render(expected), render(actual));
  }

  /** The method in a file, so that imports and the names they shorten are part of the comparison. */
  private static String render(MethodSpec.Builder method) {
    TypeSpec type = TypeSpec.classBuilder("Generated").addModifiers(Modifier.FINAL).addMethod(method.build()).build();
    return JavaFile.builder("com.example", type).indent("  ").build().toString();
  }
}
