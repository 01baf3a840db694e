package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.weegigs.events.processor.Expect.onlyError;
import static com.weegigs.events.processor.Expect.onlyWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.weegigs.events.runtime.definition.Access;
import com.weegigs.events.runtime.definition.AggregateType;
import org.junit.jupiter.api.Test;

/** Access rules ({@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}): WEE-321 to WEE-329, and what the generated code carries. */
class AccessRulesTest {
  private static Domain withAddItem(String annotations) {
    return Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;
        import jakarta.annotation.security.*;
        import jakarta.validation.constraints.*;

        %s
        @Command(aggregate = Cart.class)
        public record AddItem(@NotBlank String name) {}
        """.formatted(annotations));
  }

  private static Domain withHandler(String annotations) {
    return withHandlers(Domain.valid(), "", annotations);
  }

  /** {@code domain} with a handler class annotated {@code onClass} whose handler is annotated {@code onMethod}. */
  private static Domain withHandlers(Domain domain, String onClass, String onMethod) {
    return domain.with("test.CartHandlers", """
        package test;

        import com.weegigs.events.annotations.*;
        import jakarta.annotation.security.*;

        %s
        public final class CartHandlers {
          %s
          @CommandHandler
          ItemAdded addItem(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }
        }
        """.formatted(onClass, onMethod));
  }

  private static AggregateType<?, ?> compiledType(Domain domain) throws Exception {
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new ElementConstraintsTest.CompiledClasses(compilation);
    return (AggregateType<?, ?>) loader.loadClass("test.CartCodecs").getField("TYPE").get(null);
  }

  @Test
  void rolesOnTheCommandRecordAreTheCommandsAccess() throws Exception {
    Domain domain = withAddItem("@RolesAllowed({\"clerk\", \"manager\"})");
    assertThat(domain.compile()).generatedSourceFile("test.CartCodecs").contentsAsUtf8String()
        .contains("Access.roles(\"clerk\", \"manager\"))");
    assertEquals(Access.roles("clerk", "manager"), compiledType(domain).commands().get("add-item").access());
  }

  @Test
  void rolesOnTheHandlerAreTheCommandsAccess() throws Exception {
    assertEquals(Access.roles("manager"), compiledType(withHandler("@RolesAllowed(\"manager\")")).commands().get("add-item").access());
  }

  @Test
  void theSameRuleOnRecordAndHandlerIsOneRule() throws Exception {
    Domain domain = withHandlers(withAddItem("@RolesAllowed({\"a\", \"b\"})"), "", "@RolesAllowed({\"b\", \"a\"})");
    assertEquals(Access.roles("a", "b"), compiledType(domain).commands().get("add-item").access());
  }

  @Test
  void denyAllAndPermitAll() throws Exception {
    assertEquals(Access.DENY_ALL, compiledType(withAddItem("@DenyAll")).commands().get("add-item").access());
    Domain permitted = withAddItem("@PermitAll");
    assertThat(permitted.compile()).generatedSourceFile("test.CartCodecs").contentsAsUtf8String()
        .doesNotContain("Access");
    assertEquals(Access.PERMIT_ALL, compiledType(permitted).commands().get("add-item").access());
    assertEquals(Access.PERMIT_ALL, compiledType(Domain.valid()).commands().get("add-item").access());
  }

  @Test
  void rolesOnTheAggregateRecordRestrictItsQuery() throws Exception {
    Domain domain = Domain.valid().with("test.Cart", Sources.CART.replace("@Aggregate",
        "@jakarta.annotation.security.RolesAllowed(\"auditor\")\n@Aggregate"));
    AggregateType<?, ?> type = compiledType(domain);
    assertEquals(Access.roles("auditor"), type.queryAccess());
    assertEquals(Access.PERMIT_ALL, type.commands().get("add-item").access(), "the aggregate's rule is its query's only");
  }

  @Test
  @Covers(Message.INVALID_ROLE_NAME)
  void aBlankRoleName() {
    onlyError(withAddItem("@RolesAllowed({\"clerk\", \" \"})"), "[WEE-321] role \" \" in @RolesAllowed on AddItem is not a"
        + " role name: it is blank; write the role as the token's roles claim holds it", "test.AddItem", "@RolesAllowed");
  }

  @Test
  void aRoleNameWithWhitespace() {
    onlyError(withHandler("@RolesAllowed(\"shift manager\")"), "[WEE-321] role \"shift manager\" in @RolesAllowed on"
        + " CartHandlers.addItem(Cart, AddItem) is not a role name: it has whitespace, and roles read from a space-separated"
        + " claim never do; write the role as the token's roles claim holds it", "test.CartHandlers", "@RolesAllowed");
  }

  @Test
  @Covers(Message.EMPTY_ROLES_ALLOWED)
  void rolesAllowedWithoutARole() {
    onlyError(withAddItem("@RolesAllowed({})"), "[WEE-322] @RolesAllowed on AddItem names no role, so no caller could"
        + " send AddItem; name the roles that may, or write @DenyAll", "test.AddItem", "@RolesAllowed");
  }

  @Test
  @Covers(Message.CONFLICTING_ACCESS)
  void denyAllWithRolesAllowed() {
    onlyError(withAddItem("@RolesAllowed(\"clerk\")\n@DenyAll"), "[WEE-323] AddItem has both @RolesAllowed and @DenyAll,"
        + " which contradict each other; keep one of them", "test.AddItem", "@DenyAll");
  }

  @Test
  void permitAllWithDenyAllOnAHandler() {
    onlyError(withHandler("@PermitAll @DenyAll"), "[WEE-323] CartHandlers.addItem(Cart, AddItem) has both @DenyAll and"
        + " @PermitAll, which contradict each other; keep one of them", "test.CartHandlers", "@PermitAll @DenyAll");
  }

  @Test
  @Covers(Message.ACCESS_DISAGREES)
  void recordAndHandlerDisagree() {
    Domain domain = withHandlers(withAddItem("@RolesAllowed(\"clerk\")"), "", "@RolesAllowed(\"manager\")");
    onlyError(domain, "[WEE-324] @CommandHandler CartHandlers.addItem(Cart, AddItem) says @RolesAllowed(\"manager\"), but"
        + " its command AddItem says @RolesAllowed(\"clerk\"); a command has one access rule: write it on the command record"
        + " or on the handler, or make both say the same", "test.CartHandlers", "@RolesAllowed(\"manager\")");
  }

  @Test
  void aBrokenRuleIsNotAlsoReportedAsDisagreeing() {
    onlyError(withHandlers(withAddItem("@RolesAllowed({})"), "", "@RolesAllowed(\"manager\")"), "[WEE-322]",
        "test.AddItem", "@RolesAllowed");
  }

  @Test
  @Covers(Message.ACCESS_ON_HANDLER_CLASS)
  void anAnnotationOnAHandlerClass() {
    Domain domain = withHandlers(Domain.valid(), "@RolesAllowed(\"clerk\")", "");
    onlyError(domain, "[WEE-325] @RolesAllowed on handler class CartHandlers would not be enforced: wee-events reads access"
        + " rules from command records, their @CommandHandler methods and the aggregate record (for its query); move it onto"
        + " the handlers of AddItem", "test.CartHandlers", "@RolesAllowed(\"clerk\")");
  }

  @Test
  @Covers(Message.DUPLICATE_ROLE)
  void aRoleListedTwice() {
    onlyWarning(withAddItem("@RolesAllowed({\"clerk\", \"clerk\"})"), "[WEE-326] role \"clerk\" is listed twice in"
        + " @RolesAllowed on AddItem; remove the repeat", "test.AddItem", "@RolesAllowed");
  }
}
