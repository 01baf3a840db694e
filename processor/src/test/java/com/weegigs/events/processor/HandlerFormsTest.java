package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Every accepted handler form compiles, with its generated stub, without warnings. */
class HandlerFormsTest {
  @Test
  void everyAcceptedForm() {
    Domain domain = new DomainBuilder().build();
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.LedgerStub");
  }

  /** A ledger without initial state, created by a static creating handler in another class. */
  private static final class DomainBuilder {
    Domain build() {
      return Domain.valid()
          .with("test.Ledger", """
              package test;

              import com.weegigs.events.annotations.*;
              import com.weegigs.events.runtime.CommandContext;
              import java.util.List;

              @Aggregate
              public record Ledger(String id, long balance) {
                @Reducer
                static Ledger on(Opened event) {
                  return new Ledger(event.id(), 0);
                }

                @Reducer
                Ledger on(Credited event) {
                  return new Ledger(id, balance + event.amount());
                }

                @Reducer
                Ledger on(Debited event) {
                  return new Ledger(id, balance - event.amount());
                }

                /** Instance method of the aggregate: the state is the receiver. */
                @CommandHandler
                Credited credit(Credit command, CommandContext context) {
                  return new Credited(command.amount());
                }

                /** Static method of the aggregate taking the state. */
                @CommandHandler
                static List<? extends MoneyMoved> move(Ledger state, Move command) {
                  return List.of(new Debited(command.amount()), new Credited(command.amount()));
                }
              }
              """)
          .with("test.LedgerEvent", """
              package test;

              public sealed interface LedgerEvent permits Opened, MoneyMoved {}
              """)
          .with("test.MoneyMoved", """
              package test;

              public sealed interface MoneyMoved extends LedgerEvent permits Credited, Debited {}
              """)
          .with("test.Opened", """
              package test;

              import com.weegigs.events.annotations.*;

              @Event(aggregate = Ledger.class)
              public record Opened(String id) implements LedgerEvent {}
              """)
          .with("test.Credited", """
              package test;

              import com.weegigs.events.annotations.*;

              @Event(aggregate = Ledger.class)
              public record Credited(long amount) implements MoneyMoved {}
              """)
          .with("test.Debited", """
              package test;

              import com.weegigs.events.annotations.*;

              @Event(aggregate = Ledger.class)
              public record Debited(long amount) implements MoneyMoved {}
              """)
          .with("test.Open", """
              package test;

              import com.weegigs.events.annotations.*;

              @Command(aggregate = Ledger.class)
              public record Open() {}
              """)
          .with("test.Credit", """
              package test;

              import com.weegigs.events.annotations.*;

              @Command(aggregate = Ledger.class)
              public record Credit(long amount) {}
              """)
          .with("test.Move", """
              package test;

              import com.weegigs.events.annotations.*;

              @Command(aggregate = Ledger.class)
              public record Move(long amount) {}
              """)
          .with("test.Debit", """
              package test;

              import com.weegigs.events.annotations.*;

              @Command(aggregate = Ledger.class)
              public record Debit(long amount) {}
              """)
          .with("test.LedgerRules", """
              package test;

              import com.weegigs.events.annotations.*;
              import com.weegigs.events.runtime.CommandContext;
              import java.util.List;

              final class LedgerRules {
                /** A static creating handler in another class. */
                @CommandHandler
                static Opened open(Open command, CommandContext context) {
                  return new Opened(context.aggregateId().key());
                }

                /** An instance handler returning a list of the events' sealed supertype. */
                @CommandHandler
                List<LedgerEvent> debit(Ledger state, Debit command) {
                  return List.of(new Debited(command.amount()));
                }
              }
              """);
    }
  }
}
