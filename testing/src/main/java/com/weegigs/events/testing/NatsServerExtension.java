package com.weegigs.events.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests real {@code nats-server} processes: declare a parameter
 * of type {@link NatsServer} or {@link NatsCluster} (a three-node cluster).
 *
 * <ul>
 *   <li>A parameter of a constructor or a {@code @BeforeAll} method gets a server for the whole
 *       test class, stopped after the class.
 *   <li>A parameter of a test, {@code @BeforeEach} or {@code @AfterEach} method gets the class's
 *       server when one was asked for at class level, otherwise a fresh server for that test,
 *       shared by its {@code @BeforeEach} and {@code @AfterEach} methods and stopped after it.
 * </ul>
 *
 * <pre>{@code
 * @NatsTest
 * class OrdersTest {
 *   @Test
 *   void answers(NatsServer server) throws Exception {
 *     Connection connection = server.connect();
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Needs JUnit 5.13 or later, which closes {@link AutoCloseable} values of the extension store.
 */
public final class NatsServerExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NatsServerExtension.class);
  private static final String SERVER_KEY = "nats-server";
  private static final String CLUSTER_KEY = "nats-cluster";
  private static final int CLUSTER_SIZE = 3;

  /** Creates the extension; JUnit calls this. */
  public NatsServerExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == NatsServer.class || type == NatsCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    ExtensionContext owner = ownerContext(parameterContext.getDeclaringExecutable(), extensionContext);
    try {
      if (type == NatsServer.class) {
        return lookupOrCreate(extensionContext, owner, SERVER_KEY, NatsServer.class, NatsServer::launch);
      }
      return lookupOrCreate(
          extensionContext, owner, CLUSTER_KEY, NatsCluster.class, () -> NatsCluster.launch(CLUSTER_SIZE));
    } catch (NatsServerException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  /** Finds a value visible from the current context (its own or an enclosing one) or creates it in the owner. */
  private static <T> T lookupOrCreate(
      ExtensionContext current,
      ExtensionContext owner,
      String key,
      Class<T> type,
      java.util.function.Supplier<T> factory) {
    T existing = current.getStore(NAMESPACE).get(key, type);
    if (existing != null) {
      return existing;
    }
    // Atomic, so parameters resolved concurrently (parallel execution) share one server.
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, ignored -> factory.get(), type);
  }

  /**
   * The context whose end stops the server: the test class's context for constructors and static
   * ({@code @BeforeAll}) methods, the current (test method) context otherwise.
   */
  private static ExtensionContext ownerContext(Executable executable, ExtensionContext current) {
    boolean classLevel = executable instanceof Constructor || Modifier.isStatic(executable.getModifiers());
    if (!classLevel) {
      return current;
    }
    Class<?> declaringClass = executable.getDeclaringClass();
    ExtensionContext context = current;
    while (context != null) {
      if (context.getTestMethod().isEmpty() && context.getTestClass().filter(declaringClass::equals).isPresent()) {
        return context;
      }
      Optional<ExtensionContext> parent = context.getParent();
      context = parent.orElse(null);
    }
    return current;
  }
}
