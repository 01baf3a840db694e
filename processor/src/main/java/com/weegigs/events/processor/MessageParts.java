package com.weegigs.events.processor;

/**
 * The typed arguments of {@link Messages} that stand for a choice of wording: the code that finds a
 * problem picks the case, and the wording of each case lives here.
 */
public final class MessageParts {
  private MessageParts() {}

  /** The declaration annotations whose records the processor checks for shape. */
  public enum Declaration {
    /** An {@code @Aggregate} record. */
    AGGREGATE("Aggregate"),
    /** A {@code @Command} record. */
    COMMAND("Command"),
    /** An {@code @Event} record. */
    EVENT("Event");

    private final String title;

    Declaration(String title) {
      this.title = title;
    }

    /** The annotation's simple name, which also starts a sentence about the record. */
    public String title() {
      return title;
    }
  }

  /** The kind of a type, as a message names it. */
  public enum TypeKind {
    /** A class. */
    CLASS("a", "class"),
    /** An interface. */
    INTERFACE("an", "interface"),
    /** An enum. */
    ENUM("an", "enum"),
    /** An annotation type. */
    ANNOTATION("an", "annotation"),
    /** A record. */
    RECORD("a", "record");

    private final String article;
    private final String word;

    TypeKind(String article, String word) {
      this.article = article;
      this.word = word;
    }

    /** {@code class}, {@code interface}, ... */
    public String word() {
      return word;
    }

    /** {@code a class}, {@code an interface}, ... */
    public String withArticle() {
      return article + " " + word;
    }
  }

  /**
   * What a generated type is generated for.
   *
   * @param text how the message names the declaration
   * @param rename what the user can rename to avoid the clash
   */
  public record GeneratedFor(String text, String rename) {
    /** A type generated for the service {@code name}. */
    public static GeneratedFor service(String name) {
      return new GeneratedFor("service \"" + name + "\"", "service name");
    }

    /** A type generated for the aggregate record {@code record}. */
    public static GeneratedFor aggregate(String record) {
      return new GeneratedFor(record, "aggregate record " + record);
    }
  }

  /**
   * Why generated code in another place cannot name a type.
   *
   * @param rule which rule the type breaks
   * @param kind the kind of {@code name}
   * @param name the simple name of the type that breaks it: the type itself or one enclosing it
   */
  public record Inaccessible(Reason rule, TypeKind kind, String name) {
    /** The rules. */
    public enum Reason {
      /** A local or anonymous type. */
      LOCAL,
      /** The type itself is private. */
      PRIVATE,
      /** A type enclosing it is private. */
      NESTED_IN_PRIVATE,
      /** It, or a type enclosing it, is not public, and the generated code is in another package. */
      NOT_PUBLIC
    }

    /** Why, as the message says it. */
    String reason() {
      return switch (rule) {
        case LOCAL -> "declared inside a method";
        case PRIVATE -> "private";
        case NESTED_IN_PRIVATE -> "nested in the private " + kind.word() + " " + name;
        case NOT_PUBLIC -> "not public and in another package";
      };
    }

    /** The fix. */
    String fix() {
      return switch (rule) {
        case LOCAL -> "move it out of the method";
        case PRIVATE -> "make it package-private or public";
        case NESTED_IN_PRIVATE -> "make " + name + " package-private or public";
        case NOT_PUBLIC -> "make " + name + " public";
      };
    }

    /** What must be made public for a handler in it to be reachable. */
    String culprit() {
      return rule == Reason.PRIVATE ? "it" : name;
    }
  }

  /** The parameters a command handler should declare. */
  public enum HandlerForm {
    /** An instance method of the aggregate: the command, the state being the record. */
    ON_AGGREGATE,
    /** The state and the command. */
    WITH_STATE,
    /** The state and the command, because the aggregate has an initial state (the handler took no state). */
    WITH_STATE_BECAUSE_INITIAL,
    /** The state and the command, or the command alone for a creating handler. */
    WITH_OR_WITHOUT_STATE
  }

  /** Why the codecs cannot encode a component type. */
  public enum Unsupported {
    /** No specific reason: the type is not one the codecs know. */
    UNKNOWN(""),
    /** A {@code char} or {@code Character}. */
    CHARACTER(", because JSON has no character type (use a String)"),
    /** A generic record. */
    GENERIC_RECORD(", because generic records are not supported"),
    /** A raw {@code List}, {@code Set} or {@code Optional}. */
    NO_TYPE_ARGUMENT(", because it has no type argument"),
    /** A raw {@code Map}. */
    NO_TYPE_ARGUMENTS(", because it has no type arguments"),
    /** A {@code Map} whose keys are not {@code String}. */
    MAP_KEY(", because Map keys must be String");

    private final String clause;

    Unsupported(String clause) {
      this.clause = clause;
    }

    String clause() {
      return clause;
    }
  }

  /** The types a constraint applies to. */
  public enum AppliesTo {
    /** References: not a primitive. */
    REFERENCES,
    /** {@code String}. */
    STRING,
    /** Types with a size. */
    SIZED,
    /** Whole numbers. */
    WHOLE_NUMBERS,
    /** Numbers. */
    NUMBERS;

    /** The text, {@code primitive} naming the primitive type the constraint was put on (for {@link #REFERENCES}). */
    String text(String primitive) {
      return switch (this) {
        case REFERENCES -> "references (a " + primitive + " is never null)";
        case STRING -> "String";
        case SIZED -> "String, List, Set and Map";
        case WHOLE_NUMBERS -> "whole numbers (byte, short, int, long, their boxes, BigInteger, BigDecimal)";
        case NUMBERS -> "numbers (primitives, their boxes, BigInteger, BigDecimal)";
      };
    }
  }

  /** What to use instead of a constraint that does not apply. */
  public enum Instead {
    /** The box type. */
    BOX("the box type if the value may be missing"),
    /** {@code @NotEmpty}. */
    NOT_EMPTY("@NotEmpty"),
    /** {@code @NotNull}. */
    NOT_NULL("@NotNull"),
    /** {@code @Min} or {@code @Max}. */
    MIN_OR_MAX("@Min or @Max"),
    /** {@code @DecimalMin} or {@code @DecimalMax}. */
    DECIMAL_MIN_OR_MAX("@DecimalMin or @DecimalMax"),
    /** {@code @Size} or {@code @NotEmpty}. */
    SIZE_OR_NOT_EMPTY("@Size for a length or @NotEmpty");

    private final String text;

    Instead(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }
  }

  /**
   * A constraint attribute that cannot work; made only by its factories, which own the wording.
   *
   * @param member the attribute
   * @param problem what is wrong with it
   * @param fix what to do
   */
  public record AttributeProblem(String member, String problem, String fix) {
    /** {@code groups} is set. */
    public static AttributeProblem groups() {
      return new AttributeProblem("groups", "the generated validators check every constraint of a command every time", "remove groups");
    }

    /** {@code @Size(min)} is negative. */
    public static AttributeProblem negativeMin(long min) {
      return new AttributeProblem("min", min + " is negative", "use 0 or more");
    }

    /** {@code @Size(max)} is below {@code min}. */
    public static AttributeProblem maxBelowMin(long max, long min) {
      return new AttributeProblem("max", max + " is less than min " + min, "make max at least min");
    }

    /** A decimal bound is not a number. */
    public static AttributeProblem notADecimal(String value) {
      return new AttributeProblem("value", "\"" + value + "\" is not a decimal number", "write it like \"0.01\"");
    }

    /** {@code @Pattern(flags)} is set. */
    public static AttributeProblem patternFlags(String regexp) {
      return new AttributeProblem("flags", "the generated validators do not read flags",
          "write them inline in the regexp instead, such as \"(?i)" + regexp + "\"");
    }

    /** {@code @Pattern(regexp)} does not compile. */
    public static AttributeProblem badRegexp(String regexp, String description) {
      return new AttributeProblem("regexp", "\"" + regexp + "\" is not a regular expression (" + description + ")", "fix the expression");
    }

    /** {@code @Email(member)} is set. */
    public static AttributeProblem emailAttribute(String member) {
      return new AttributeProblem(member, "the generated validators check only the standard address form", "add a separate @Pattern");
    }
  }
}
