package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.ConstraintModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ValueType;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.processor.read.AnnotationNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads a record's components into {@link RecordShape}s: each component's {@link ValueType} and
 * constraints, checking that the codecs can encode it and that each constraint applies. Each record
 * is read once per round, and its report shared by everything that holds it, so a problem in a
 * record held by several declarations is reported once and keeps all of them from being built.
 */
final class ComponentReader {
  /**
   * A record as read.
   *
   * @param shape its components
   * @param report what is wrong with it or with a record it holds
   * @param nestedShapes the records it holds, directly or through other records, in a stable order
   * @param constrained whether any of its own components has a constraint
   */
  record Result(RecordShape shape, ValidationReport report, Map<ClassName, RecordShape> nestedShapes, boolean constrained) {}

  private final ConstraintReader constraints;
  private final Map<String, Result> cache = new HashMap<>();
  private final Map<String, ValidationReport> enums = new HashMap<>();

  ComponentReader(Elements elements) {
    this.constraints = new ConstraintReader(elements);
  }

  /** Reads {@code record} (once; later calls return the same result). */
  Result read(TypeElement record) {
    String key = record.getQualifiedName().toString();
    Result cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    // A placeholder breaks cycles (a record holding itself through a List).
    ClassName name = ClassName.get(record);
    cache.put(key, new Result(new RecordShape(name, List.of()), ValidationReport.about(record).build(), Map.of(), false));
    ValidationReport.Builder report = ValidationReport.about(record);
    List<ComponentModel> components = new ArrayList<>();
    Map<ClassName, RecordShape> nestedShapes = new LinkedHashMap<>();
    boolean constrained = false;
    for (RecordComponentElement component : record.getRecordComponents()) {
      ValueTypes.Mapped mapped = ValueTypes.map(component.asType());
      if (mapped.type() == null) {
        report.add(Messages.unsupportedComponentType(component.getSimpleName(), TypeText.simple(record), TypeText.of(component.asType()),
            mapped.unsupported()), ConstraintReader.reportOn(component));
        continue;
      }
      ValueType type = mapped.type();
      enumsIn(record, component, type, report);
      for (TypeElement held : ValueTypes.recordsIn(component.asType())) {
        Result inner = read(held);
        report.addSubreport(inner.report());
        nestedShapes.put(ClassName.get(held), inner.shape());
        nestedShapes.putAll(inner.nestedShapes());
      }
      List<ConstraintModel> own = new ArrayList<>(constraints.onComponent(record, component, type, report));
      ConstraintReader.OnTypeArgument onArgument = constraints.onTypeArgument(record, component, type, report);
      List<ConstraintModel> elementConstraints = List.of();
      if (type instanceof ValueType.OptionalOf) {
        // both apply to the Optional's value
        own.addAll(onArgument.constraints());
      } else {
        elementConstraints = onArgument.constraints();
      }
      constrained |= !own.isEmpty() || !elementConstraints.isEmpty();
      boolean validOnComponent = ValueTypes.hasValid(ConstraintReader.annotationMirrors(component));
      boolean cascade = validOnComponent || onArgument.valid();
      if (cascade && ValueTypes.recordsIn(component.asType()).isEmpty()) {
        var warning = Messages.validWithoutEffect(component.getSimpleName(), TypeText.simple(record), TypeText.of(component.asType()));
        if (validOnComponent) {
          ConstraintReader.reportOnAnnotation(warning, component, AnnotationNames.VALID, report);
        } else {
          report.add(warning, ConstraintReader.reportOn(component));
        }
      }
      components.add(new ComponentModel(component.getSimpleName().toString(), type, own, cascade, elementConstraints));
    }
    Result result = new Result(new RecordShape(name, components), report.build(), nestedShapes, constrained);
    cache.put(key, result);
    return result;
  }

  /**
   * Includes the report of every enum held by {@code type}: that its constants map to distinct
   * wire values, as the runtime's {@code JsonCodecs.enumCodec} requires when the codecs class loads.
   * Each enum is checked once, and a clash is reported once, on the first component found holding it.
   */
  private void enumsIn(TypeElement record, RecordComponentElement component, ValueType type, ValidationReport.Builder report) {
    if (type instanceof ValueType.Enum enumType) {
      report.addSubreport(enums.computeIfAbsent(enumType.javaType().canonicalName(), n -> checkEnum(record, component, enumType)));
    } else if (ValueTypes.held(type) != null) {
      enumsIn(record, component, ValueTypes.held(type), report);
    }
  }

  private static ValidationReport checkEnum(TypeElement record, RecordComponentElement component, ValueType.Enum enumType) {
    ValidationReport.Builder report = ValidationReport.about(component);
    Map<String, String> byWireValue = new HashMap<>();
    for (String constant : enumType.constants()) {
      String wireValue = WireNames.enumWireValue(constant);
      String other = byWireValue.putIfAbsent(wireValue, constant);
      if (other != null) {
        report.add(Messages.enumWireValueClash(enumType.javaType().simpleName(), component.getSimpleName(), TypeText.simple(record), other,
            constant, wireValue), ConstraintReader.reportOn(component));
        break;
      }
    }
    return report.build();
  }

  /** Warns about components of {@code command} holding constrained records without {@code @Valid}. */
  void checkCascade(TypeElement command, ValidationReport.Builder report) {
    for (RecordComponentElement component : command.getRecordComponents()) {
      boolean cascade = ValueTypes.hasValid(ConstraintReader.annotationMirrors(component))
          || ValueTypes.validOnTypeArgument(component.asType());
      if (cascade) {
        continue;
      }
      for (TypeElement held : ValueTypes.recordsIn(component.asType())) {
        if (read(held).constrained()) {
          report.add(Messages.constraintsNotCascaded(component.getSimpleName(), TypeText.simple(command), TypeText.simple(held)),
              ConstraintReader.reportOn(component));
          break;
        }
      }
    }
  }
}
