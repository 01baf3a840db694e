package com.weegigs.events.processor.names;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateNames;
import com.weegigs.events.processor.model.ServiceNames;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides the name of every generated type (documented in the processor's
 * README). All generated types are top-level types in the package of the declaration they come from:
 *
 * <table>
 *   <caption>Generated names for aggregate record {@code Receipt} and service {@code receipts}</caption>
 *   <tr><th>type</th><th>name</th></tr>
 *   <tr><td>subject constants</td><td>{@code ReceiptSubjects}</td></tr>
 *   <tr><td>JSON codecs</td><td>{@code ReceiptCodecs}</td></tr>
 *   <tr><td>constraint checks</td><td>{@code ReceiptValidators}</td></tr>
 *   <tr><td>service stub</td><td>{@code ReceiptStub}</td></tr>
 *   <tr><td>client interface</td><td>{@code ReceiptClient}</td></tr>
 *   <tr><td>NATS client</td><td>{@code NatsReceiptClient}</td></tr>
 *   <tr><td>test fixture</td><td>{@code ReceiptFixture}</td></tr>
 *   <tr><td>event handler wiring, per class with {@code @EventHandler} methods</td><td>{@code StockHandlersSubscriptions}</td></tr>
 *   <tr><td>service descriptor</td><td>{@code ReceiptsService} (PascalCase of the service name + {@code Service})</td></tr>
 * </table>
 *
 * <p>In the client, a command's method is the lower camel case of its record's simple name
 * ({@code AddItem} → {@code addItem}); when that is one of {@link #RESERVED_CLIENT_METHODS} or a Java
 * keyword, {@link #CLIENT_METHOD_SUFFIX} is appended ({@code Finalize} → {@code finalizeCommand},
 * {@code Get} → {@code getCommand}), and a name still taken gets a number ({@code addItemCommand2}).
 */
public final class GeneratedNames {
  /**
   * Names a command's client method never takes: the client's own methods, and the methods of
   * {@code Object}, which a command method would overload and be mistaken for.
   */
  public static final Set<String> RESERVED_CLIENT_METHODS = Set.of(
      "get", "onEvent", "blocking", "create",
      "finalize", "wait", "notify", "notifyAll", "getClass", "hashCode", "equals", "toString", "clone");

  /** Appended to a command's client method name that is reserved or a keyword. */
  public static final String CLIENT_METHOD_SUFFIX = "Command";

  private GeneratedNames() {}

  /** Names of the types generated for the aggregate record {@code state}. */
  public static AggregateNames forAggregate(ClassName state) {
    String packageName = state.packageName();
    String base = state.simpleName();
    return new AggregateNames(
        ClassName.get(packageName, base + "Subjects"),
        ClassName.get(packageName, base + "Codecs"),
        ClassName.get(packageName, base + "Validators"),
        ClassName.get(packageName, base + "Stub"),
        ClassName.get(packageName, base + "Client"),
        ClassName.get(packageName, "Nats" + base + "Client"),
        ClassName.get(packageName, base + "Fixture"));
  }

  /** Names of the types generated for the service {@code serviceName} declared on {@code packageName}. */
  public static ServiceNames forService(String packageName, String serviceName) {
    return new ServiceNames(ClassName.get(packageName, WireNames.pascalCase(serviceName) + "Service"));
  }

  /**
   * The name of the wiring generated for a class with {@code @EventHandler} methods: its simple name
   * and {@code Subscriptions} ({@code StockHandlers} → {@code StockHandlersSubscriptions}), top level in its package.
   */
  public static ClassName forConsumer(ClassName handlerClass) {
    return ClassName.get(handlerClass.packageName(), handlerClass.simpleName() + "Subscriptions");
  }

  /** Every name in {@code names}, in a fixed order. */
  public static List<ClassName> all(AggregateNames names) {
    return List.of(names.subjects(), names.codecs(), names.validators(), names.stub(), names.client(), names.natsClient(),
        names.fixture());
  }

  /** Every name in {@code names}, in a fixed order. */
  public static List<ClassName> all(ServiceNames names) {
    return List.of(names.descriptor());
  }
}
