package cn.lyg.xilian.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the JVM-wide {@link Dynalite}: declare a {@code Dynalite} parameter (e.g. on a static
 * {@code @BeforeAll} method) in a class annotated {@code @ExtendWith(DynaliteExtension.class)}.
 * The server is registered in the root store, so JUnit stops it once after the last test class.
 */
public final class DynaliteExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Dynalite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Dynalite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return dynalite(extensionContext);
    }

    /** The shared server, registered for closing at the end of the test run. */
    public static Dynalite dynalite(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Dynalite.class, key -> Dynalite.shared(), Dynalite.class);
    }
}
