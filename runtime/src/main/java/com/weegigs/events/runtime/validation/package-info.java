/**
 * Checking commands: {@link com.weegigs.events.runtime.validation.Validator} (generated per command
 * from its jakarta.validation annotations) and
 * {@link com.weegigs.events.runtime.validation.Violation}, one broken rule with its JSON path.
 */
package com.weegigs.events.runtime.validation;
