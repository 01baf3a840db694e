package com.weegigs.events.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.processor.Message;
import com.weegigs.events.processor.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report is clean only when neither it nor a subreport has an error; shared items are listed once. */
class ValidationReportTest {
  private static final Message.Text WARNING = Messages.validWithoutEffect("name", "AddItem", "String");
  private static final Message.Text ERROR = Messages.noWayToExist("Cart");

  @Test
  void warningsLeaveAReportClean() {
    ValidationReport.Builder report = ValidationReport.about(null).add(WARNING, null);
    assertTrue(report.isClean());
    assertTrue(report.build().isClean());
  }

  @Test
  void anErrorHereOrInASubreportMakesItUnclean() {
    assertFalse(ValidationReport.about(null).add(ERROR, null).build().isClean());
    ValidationReport broken = ValidationReport.about(null).add(ERROR, null).build();
    ValidationReport.Builder holder = ValidationReport.about(null).add(WARNING, null);
    assertTrue(holder.isClean());
    holder.addSubreport(broken);
    assertFalse(holder.isClean());
    assertFalse(holder.build().isClean());
  }

  @Test
  void markedDirtyWithoutAMessage() {
    ValidationReport report = ValidationReport.about(null).markDirty().build();
    assertFalse(report.isClean());
    assertEquals(List.of(), List.copyOf(report.allItems()));
  }

  @Test
  void aSharedSubreportIsListedOnce() {
    ValidationReport shared = ValidationReport.about(null).add(ERROR, null).build();
    ValidationReport first = ValidationReport.about(null).addSubreport(shared).build();
    ValidationReport both = ValidationReport.about(null).add(WARNING, null).addSubreport(first).addSubreport(shared).build();
    assertEquals(List.of(WARNING, ERROR), both.allItems().stream().map(ValidationReport.Item::message).toList());
  }
}
