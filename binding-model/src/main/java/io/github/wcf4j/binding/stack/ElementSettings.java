package io.github.wcf4j.binding.stack;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.encoding.TextEncodings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every effective setting of a binding element (or any settings record), written as WCF's configuration writes it
 * ({@code 00:10:00}, {@code Infinite}, {@code utf-8}, {@code WSReliableMessaging11}), each marked when it equals WCF's
 * default. Nested settings records are flattened ({@code readerQuotas.maxDepth}).
 *
 * <pre>{@code
 * ElementSettings.of(ReliableSessionBindingElement.defaults())
 *   // [acknowledgementInterval = 00:00:00.2000000 (default), flowControlEnabled = true (default), ...]
 * }</pre>
 */
public final class ElementSettings {
    /** One setting: its name, its value as configuration text, and whether it is WCF's default. */
    public record Setting(String name, String value, boolean isDefault) {
        @Override
        public String toString() {
            return name + " = " + value + (isDefault ? " (default)" : "");
        }
    }

    private ElementSettings() {
    }

    /** The settings of {@code settings}, compared against its type's {@code defaults()} when it has one. */
    public static List<Setting> of(Record settings) {
        List<Setting> out = new ArrayList<>();
        collect("", settings, defaultsOf(settings.getClass()), out);
        return out;
    }

    private static void collect(String prefix, Record value, Object defaults, List<Setting> out) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v = read(c, value);
            Object d = defaults == null ? null : read(c, defaults);
            Object unwrapped = v instanceof Optional && ((Optional<?>) v).isPresent() ? ((Optional<?>) v).get() : v;
            if (unwrapped instanceof Record) {
                Object nestedDefaults = d instanceof Optional ? ((Optional<?>) d).orElse(null) : d;
                if (nestedDefaults == null) {
                    nestedDefaults = defaultsOf(unwrapped.getClass());
                }
                collect(prefix + c.getName() + ".", (Record) unwrapped, nestedDefaults, out);
            } else {
                out.add(new Setting(prefix + c.getName(), text(v), defaults != null && v != null && v.equals(d)
                        || defaults != null && v == null && d == null));
            }
        }
    }

    /** A value as configuration text. */
    public static String text(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof Optional) {
            return ((Optional<?>) v).map(ElementSettings::text).orElse("(none)");
        }
        if (v instanceof OptionalInt) {
            OptionalInt i = (OptionalInt) v;
            return i.isPresent() ? Integer.toString(i.getAsInt()) : "(none)";
        }
        if (v instanceof String && ((String) v).isEmpty()) {
            return "\"\"";
        }
        if (v instanceof Duration) {
            return WcfTimeSpan.format((Duration) v);
        }
        if (v instanceof Charset) {
            return TextEncodings.webName((Charset) v);
        }
        if (v instanceof Collection) {
            Collection<?> c = (Collection<?>) v;
            return c.isEmpty() ? "None" : new TreeSet<>(c.stream().map(ElementSettings::text).collect(Collectors.toList()))
                    .stream().collect(Collectors.joining(", "));
        }
        return v.toString();
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static Object defaultsOf(Class<?> type) {
        try {
            Method m = type.getMethod("defaults");
            return Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    ? m.invoke(null) : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the defaults of " + type, e);
        }
    }
}
