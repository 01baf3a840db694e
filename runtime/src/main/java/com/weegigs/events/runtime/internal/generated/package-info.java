/**
 * Support for code the wee-events annotation processor generates: the readers, writers and codecs
 * a generated {@code <Aggregate>Codecs} is made of ({@link
 * com.weegigs.events.runtime.internal.generated.ScalarReaders}, {@link
 * com.weegigs.events.runtime.internal.generated.BuiltInCodecs}, {@link
 * com.weegigs.events.runtime.internal.generated.ContainerCodecs}, {@link
 * com.weegigs.events.runtime.internal.generated.JsonRecords}), the readers of an event's older
 * versions ({@link com.weegigs.events.runtime.internal.generated.Upcasts}, {@link
 * com.weegigs.events.runtime.internal.generated.JsonTrees}), the checks of a generated
 * {@code <Aggregate>Validators} ({@link com.weegigs.events.runtime.internal.generated.Constraints},
 * {@link com.weegigs.events.runtime.internal.generated.ValidationContext}), the handler and reducer
 * shapes a generated {@code <Aggregate>Stub} adapts user methods to, and the
 * {@link com.weegigs.events.runtime.internal.generated.WeeGenerated} marker.
 *
 * <p><strong>This package is not API.</strong> It is exported only because generated code in a
 * user's module calls it. Its types may change or disappear in any release, in step with the
 * processor that writes the calls; do not call them from hand-written code.
 */
package com.weegigs.events.runtime.internal.generated;
