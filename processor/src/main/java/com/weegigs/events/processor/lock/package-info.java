/**
 * The schema lock: {@link com.weegigs.events.processor.lock.SchemaLock} makes a service's lock from
 * its model (every state, event and command schema, as the generated code serves them), and
 * {@link com.weegigs.events.processor.lock.SchemaLocks} writes it to the class output, finds the lock
 * committed with the last release and reports, on the element that changed, each change that would
 * make stored events unreadable (an error) or break callers of a command (a warning). The comparison
 * itself is a pure function of the two locks' JSON. The processor's README ("The schema lock")
 * documents the file, where the committed lock is looked for, and the rules.
 */
package com.weegigs.events.processor.lock;
