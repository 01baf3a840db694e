package com.weegigs.events.processor.write;

import com.palantir.javapoet.JavaFile;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.ServiceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the model into Java source. The only entry point the processor calls; every writer sees the
 * model alone, never an {@code Element}, and the same model always gives the same text.
 */
public final class Writers {
  private Writers() {}

  /**
   * The sources generated for one aggregate, in this order: {@code ReceiptSubjects},
   * {@code ReceiptCodecs}, {@code ReceiptValidators}, {@code ReceiptStub}, {@code ReceiptClient},
   * {@code NatsReceiptClient}.
   *
   * @param service the service the aggregate belongs to
   * @param aggregate a validated aggregate
   * @return the files to write
   * @throws IllegalArgumentException when the model is inconsistent (a bug in the processor: report it)
   */
  public static List<JavaFile> forAggregate(ServiceModel service, AggregateModel aggregate) {
    AggregateConstants constants = new AggregateConstants(aggregate);
    List<JavaFile> files = new ArrayList<>();
    files.add(SubjectsWriter.write(service, aggregate));
    files.add(CodecsWriter.write(service, aggregate, constants));
    files.add(ValidatorsWriter.write(aggregate, constants));
    files.add(StubWriter.write(aggregate, constants));
    files.addAll(ClientWriter.write(aggregate, constants));
    return List.copyOf(files);
  }

  /**
   * The sources generated once per service: {@code ReceiptsService}.
   *
   * @param service a validated service with its aggregates
   * @return the files to write
   */
  public static List<JavaFile> forService(ServiceModel service) {
    return List.of(ServiceWriter.write(service));
  }
}
