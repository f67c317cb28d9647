package io.github.wcf4j.runtime.metro;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Annotation instances made at run time: members not given take the annotation type's defaults. */
final class SyntheticAnnotations {
    private SyntheticAnnotations() {
    }

    static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            Object val = values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue();
            if (val == null) {
                throw new IllegalArgumentException(type.getName() + "." + m.getName() + " has no default");
            }
            v.put(m.getName(), val);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> type;
                    case "hashCode" -> v.hashCode();
                    case "equals" -> proxy == args[0];
                    case "toString" -> "@" + type.getName() + v;
                    default -> v.get(method.getName());
                }));
    }

    /** {@code existing}'s members (if any) with {@code overrides} applied. */
    static <A extends Annotation> A copy(A existing, Class<A> type, Map<String, Object> overrides) {
        Map<String, Object> v = new HashMap<>();
        if (existing != null) {
            for (Method m : type.getDeclaredMethods()) {
                try {
                    v.put(m.getName(), m.invoke(existing));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        v.putAll(overrides);
        return of(type, v);
    }

    /** {@code annotations} with {@code replacement} instead of any annotation of its type. */
    static Annotation[] replacing(Annotation[] annotations, Annotation replacement) {
        Annotation[] out = Arrays.stream(annotations)
                .filter(a -> a.annotationType() != replacement.annotationType())
                .toArray(n -> new Annotation[n + 1]);
        out[out.length - 1] = replacement;
        return out;
    }
}
