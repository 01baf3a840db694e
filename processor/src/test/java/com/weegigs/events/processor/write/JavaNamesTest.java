package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void upperSnakeFromWireAndJavaNames() {
    assertEquals("ADD_ITEM", JavaNames.upperSnake("add-item"));
    assertEquals("ADD_ITEM", JavaNames.upperSnake("AddItem"));
    assertEquals("HTTP_SERVER", JavaNames.upperSnake("HTTPServer"));
    assertEquals("ITEM2_ADDED", JavaNames.upperSnake("item2-added"));
    assertEquals("LINE_TOTAL", JavaNames.upperSnake("lineTotal"));
    assertEquals("COM_EXAMPLE", JavaNames.upperSnake("com.example"));
  }

  @Test
  void lowerCamelKeepsTheNextWordsCapital() {
    assertEquals("addItem", JavaNames.lowerCamel("AddItem"));
    assertEquals("voidReceipt", JavaNames.lowerCamel("VoidReceipt"));
    assertEquals("urlCheck", JavaNames.lowerCamel("URLCheck"));
    assertEquals("url", JavaNames.lowerCamel("URL"));
    assertEquals("already", JavaNames.lowerCamel("already"));
  }

  @Test
  void allocatorAvoidsTakenNamesAndKeywords() {
    JavaNames.Allocator names = new JavaNames.Allocator("TYPE");
    assertEquals("TYPE_COMMAND", names.allocate("TYPE", "_COMMAND"));
    assertEquals("ADD_ITEM", names.allocate("ADD_ITEM", "_COMMAND"));
    assertEquals("ADD_ITEM_EVENT", names.allocate("ADD_ITEM", "_EVENT"));
    assertEquals("ADD_ITEM_EVENT2", names.allocate("ADD_ITEM", "_EVENT"));
    assertEquals("defaultCommand", names.allocate("default", "Command"));
    assertEquals("finalize", names.allocate("finalize", "Command"));
  }
}
