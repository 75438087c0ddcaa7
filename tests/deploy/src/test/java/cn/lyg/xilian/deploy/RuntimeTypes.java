package cn.lyg.xilian.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The input type the Lambda Java runtime derives from a handler string, as its EventHandlerLoader does:
 * <ul>
 *   <li>{@code Class}: the first type argument of {@code RequestHandler<I, O>}, resolved through the class
 *       hierarchy (a subclass of {@code MicronautRequestHandler<ScheduledEvent, R>} gives {@code ScheduledEvent});</li>
 *   <li>{@code Class::method}: the generic type of the named method's first parameter, as declared, which for an
 *       inherited {@code handleRequest(I input, Context context)} is the unresolved variable {@code I}.</li>
 * </ul>
 * Anything but a {@code Class} or {@code ParameterizedType} makes every invocation fail in the runtime's JSON
 * parsing ("Type [I] must be a Class or ParameterizedType").
 */
final class RuntimeTypes {

    private RuntimeTypes() {
    }

    static Type requestHandlerInput(Class<?> handler, Class<?> requestHandler) {
        Type resolved = resolve(handler, requestHandler, new HashMap<>());
        if (resolved == null) {
            throw new AssertionError(handler + " does not implement " + requestHandler);
        }
        return resolved;
    }

    static Type methodInput(Class<?> handler, String methodName) {
        for (Method m : handler.getMethods()) {
            if (m.getName().equals(methodName) && m.getParameterCount() == 2 && !m.isBridge()) {
                return m.getGenericParameterTypes()[0];
            }
        }
        throw new AssertionError(handler + " has no method " + methodName + "(input, Context)");
    }

    /** The first type argument of {@code target} as seen from {@code type}, variables bound along the way. */
    private static Type resolve(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            Map<TypeVariable<?>, Type> next = new HashMap<>(bindings);
            for (int i = 0; i < vars.length; i++) {
                next.put(vars[i], args[i] instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : args[i]);
            }
            if (raw == target) {
                return next.get(vars[0]);
            }
            bindings = next;
        } else if (type instanceof Class<?> c) {
            raw = c;
            if (raw == target) {
                return raw.getTypeParameters().length > 0 ? raw.getTypeParameters()[0] : null;
            }
        } else {
            return null;
        }
        for (Type itf : raw.getGenericInterfaces()) {
            Type found = resolve(itf, target, bindings);
            if (found != null) {
                return found;
            }
        }
        return raw.getGenericSuperclass() == null ? null : resolve(raw.getGenericSuperclass(), target, bindings);
    }
}
