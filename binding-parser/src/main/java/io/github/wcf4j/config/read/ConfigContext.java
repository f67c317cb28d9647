package io.github.wcf4j.config.read;

import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.SourceLocation;
import io.github.wcf4j.config.SourceMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mapping from configuration DTOs to the model: converts attribute strings exactly as WCF's configuration system
 * does (trimming, case rules, ranges) and records each failure with WCF's wording at its element, then carries on with
 * WCF's default so that nothing else is lost. Not thread-safe: one per read.
 *
 * <p>Conversion failures read "The value of the property 'x' cannot be parsed. The error is: ..."; range failures "The
 * value for the property 'x' is not valid. The error is: The value must be inside the range min-max."
 */
public final class ConfigContext {
    /** {@code TimeoutHelper.MaxWait}, the upper bound of every WCF timeout attribute. */
    public static final Duration MAX_TIMEOUT = WcfTimeSpan.MAX_WAIT;
    /** One tick, the lower bound of timeouts that must be positive. */
    public static final Duration ONE_TICK = WcfTimeSpan.TICK;

    private static final Pattern TIMESPAN_SHAPE = Pattern.compile("\\s*-?(\\d+|\\d+(\\.\\d+)?:\\d+(:\\d+(\\.\\d+)?)?)\\s*");

    private final String source;
    private final SectionSources sectionSources;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final SourceMap sourceMap = new SourceMap();

    /**
     * A context for a configuration read from {@code source}, whose sections' {@code configSource} files are read by
     * {@code sectionSources}.
     */
    public ConfigContext(String source, SectionSources sectionSources) {
        this.source = source;
        this.sectionSources = sectionSources;
    }

    public String source() {
        return source;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public SourceMap sourceMap() {
        return sourceMap;
    }

    /** Where sections written with {@code configSource} are read from. */
    public SectionSources sectionSources() {
        return sectionSources;
    }

    /** Records that {@code model} came from {@code xml}'s element, and returns it. */
    public <T> T located(T model, LocatedXml xml) {
        sourceMap.put(model, xml.location());
        return model;
    }

    public void error(LocatedXml at, WcfText key, Object... args) {
        diagnostics.add(Diagnostic.error(at.location(), key, args));
    }

    public void error(SourceLocation at, WcfText key, Object... args) {
        diagnostics.add(Diagnostic.error(at, key, args));
    }

    public void error(SourceLocation at, String message) {
        diagnostics.add(Diagnostic.error(at, message));
    }

    public void warning(SourceLocation at, String message) {
        diagnostics.add(Diagnostic.warning(at, message));
    }

    public void warning(LocatedXml at, String message) {
        warning(at.location(), message);
    }

    /** A model constructor's WCF error (a runtime setter rule), reported at the element. */
    public void error(LocatedXml at, BindingValidationException e) {
        diagnostics.add(Diagnostic.error(at.location(), e.text(), new Object[0]).withMessage(e.getMessage()));
    }

    /**
     * Builds a model value, reporting a WCF setter error at the element and falling back (to WCF's defaults) so that
     * later references still resolve.
     */
    public <T> T build(LocatedXml at, Supplier<T> model, Supplier<T> fallback) {
        try {
            return model.get();
        } catch (BindingValidationException e) {
            error(at, e);
            return fallback.get();
        }
    }

    // ---------------------------------------------------------------- scalar converters (System.Configuration)

    /** Int32 ({@code Int32Converter}: trimmed, decimal or hex) within {@code [min, max]}. */
    public int int32(LocatedXml at, String property, String raw, int min, int max, int fallback) {
        if (raw == null) {
            return fallback;
        }
        Optional<Long> v = parseInteger(raw.trim(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (v.isEmpty()) {
            conversionError(at, property, WcfText.ConvertInvalidPrimitive.format(raw.trim(), "Int32"));
            return fallback;
        }
        if (v.get() < min || v.get() > max) {
            rangeError(at, property, min, max);
            return fallback;
        }
        return v.get().intValue();
    }

    /** Int64 ({@code Int64Converter}) within {@code [min, max]}. */
    public long int64(LocatedXml at, String property, String raw, long min, long max, long fallback) {
        if (raw == null) {
            return fallback;
        }
        Optional<Long> v = parseInteger(raw.trim(), Long.MIN_VALUE, Long.MAX_VALUE);
        if (v.isEmpty()) {
            conversionError(at, property, WcfText.ConvertInvalidPrimitive.format(raw.trim(), "Int64"));
            return fallback;
        }
        if (v.get() < min || v.get() > max) {
            rangeError(at, property, min, max);
            return fallback;
        }
        return v.get();
    }

    /** Boolean ({@code BooleanConverter}): trimmed, case-insensitive {@code true}/{@code false}. */
    public boolean bool(LocatedXml at, String property, String raw, boolean fallback) {
        if (raw == null) {
            return fallback;
        }
        String t = raw.strip();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        conversionError(at, property, WcfText.ConvertInvalidPrimitive.format(raw, "Boolean"));
        return fallback;
    }

    /**
     * A WCF timeout ({@code TimeSpanOrInfiniteConverter} + {@code TimeSpanOrInfiniteValidator}): {@code infinite} in any
     * case is TimeSpan.MaxValue and always valid; otherwise {@code TimeSpan.Parse} within {@code [min, max]}.
     */
    public Duration timeSpan(LocatedXml at, String property, String raw, Duration min, Duration max,
            Duration fallback) {
        if (raw == null) {
            return fallback;
        }
        if (raw.equalsIgnoreCase(WcfTimeSpan.INFINITE_TEXT)) {
            return WcfTimeSpan.INFINITE;
        }
        Optional<Duration> parsed = raw.strip().equalsIgnoreCase(WcfTimeSpan.INFINITE_TEXT)
                ? Optional.empty() : WcfTimeSpan.parse(raw);
        if (parsed.isEmpty()) {
            String why = TIMESPAN_SHAPE.matcher(raw).matches() && !raw.isBlank()
                    ? WcfText.Overflow_TimeSpanElementTooLarge.format()
                    : WcfText.ConvertInvalidPrimitive.format(raw, "TimeSpan");
            conversionError(at, property, why);
            return fallback;
        }
        Duration d = parsed.get();
        if (!WcfTimeSpan.isInfinite(d) && (d.compareTo(min) < 0 || d.compareTo(max) > 0)) {
            rangeError(at, property, WcfTimeSpan.format(min), WcfTimeSpan.format(max));
            return fallback;
        }
        return d;
    }

    /** A WCF timeout that may be zero: {@code [00:00:00, 24.20:31:23.6470000]} or Infinite. */
    public Duration timeout(LocatedXml at, String property, String raw, Duration fallback) {
        return timeSpan(at, property, raw, Duration.ZERO, MAX_TIMEOUT, fallback);
    }

    /** A WCF timeout that must be positive: {@code [00:00:00.0000001, 24.20:31:23.6470000]} or Infinite. */
    public Duration positiveTimeout(LocatedXml at, String property, String raw, Duration fallback) {
        return timeSpan(at, property, raw, ONE_TICK, MAX_TIMEOUT, fallback);
    }

    /**
     * An enum ({@code GenericEnumConverter}): exact, case-sensitive name, no surrounding white space, no numbers; the
     * error lists the names in declaration order (WCF's value order).
     */
    public <E extends Enum<E>> E enumValue(LocatedXml at, String property, String raw, Class<E> type, E fallback) {
        if (raw == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(raw)) {
                return e;
            }
        }
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        conversionError(at, property, WcfText.Invalid_enum_value.format(names));
        return fallback;
    }

    /** A string among {@code allowed} (a WCF enum that wcf4j keeps as text), same rules as {@link #enumValue}. */
    public String enumName(LocatedXml at, String property, String raw, List<String> allowed, String fallback) {
        if (raw == null) {
            return fallback;
        }
        if (allowed.contains(raw)) {
            return raw;
        }
        conversionError(at, property, WcfText.Invalid_enum_value.format(String.join(", ", allowed)));
        return fallback;
    }

    /**
     * A flags enum written as a comma list ({@code "Tls, Tls11"}): each name exact and case-sensitive.
     *
     * @return the names in the order given, or {@code fallback}
     */
    public List<String> flags(LocatedXml at, String property, String raw, List<String> allowed,
            List<String> fallback) {
        if (raw == null) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String name = part.strip();
            if (!allowed.contains(name) || raw.isBlank() || raw.strip().length() != raw.length()) {
                conversionError(at, property, WcfText.Invalid_enum_value.format(String.join(", ", allowed)));
                return fallback;
            }
            names.add(name);
        }
        return names;
    }

    /** A value from one of WCF's own converters ({@code MessageVersionConverter}, ...): exact switch. */
    public <T> T converted(LocatedXml at, String property, String raw, Function<String, Optional<T>> converter,
            Function<String, String> whyNot, T fallback) {
        if (raw == null) {
            return fallback;
        }
        Optional<T> v = converter.apply(raw);
        if (v.isEmpty()) {
            conversionError(at, property, whyNot.apply(raw));
            return fallback;
        }
        return v.get();
    }

    /** A URI ({@code UriTypeConverter}, relative or absolute). */
    public Optional<URI> uri(LocatedXml at, String property, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(raw.replace(" ", "%20")));
        } catch (URISyntaxException e) {
            conversionError(at, property, "Invalid URI: The format of the URI could not be determined.");
            return Optional.empty();
        }
    }

    /** A string with a minimum length ({@code StringValidator}). */
    public String string(LocatedXml at, String property, String raw, int minLength, String fallback) {
        if (raw == null) {
            return fallback;
        }
        if (raw.length() < minLength) {
            diagnostics.add(Diagnostic.error(at.location(), WcfText.Top_level_validation_error, property,
                    WcfText.Validator_string_min_length.format(minLength)));
            return fallback;
        }
        return raw;
    }

    /**
     * A required string ({@code ConfigurationPropertyOptions.IsRequired} with a {@code StringValidator}): absent is
     * "Required attribute 'x' not found."; {@code null} when absent or invalid.
     */
    public String required(LocatedXml at, String property, String raw, int minLength) {
        if (raw == null) {
            error(at, WcfText.Config_base_required_attribute_missing, property);
            return null;
        }
        return string(at, property, raw, minLength, null);
    }

    /**
     * A text encoding ({@code EncodingConverter}): {@code utf-8} in any case, else a name {@code Encoding.GetEncoding}
     * knows ({@code utf-16}/{@code unicode} = UTF-16LE, {@code utf-16BE}/{@code unicodeFFFE} = UTF-16BE, and the usual
     * charsets, which the encoder then refuses with WCF's text).
     */
    public Charset encoding(LocatedXml at, String property, String raw, Charset fallback) {
        if (raw == null) {
            return fallback;
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "utf-8":
                return StandardCharsets.UTF_8;
            case "utf-16":
            case "unicode":
            case "utf-16le":
                return StandardCharsets.UTF_16LE;
            case "utf-16be":
            case "unicodefffe":
                return StandardCharsets.UTF_16BE;
            default:
                try {
                    if (!raw.isBlank() && Charset.isSupported(raw)) {
                        return Charset.forName(raw);
                    }
                } catch (IllegalArgumentException e) {
                    // not a legal charset name either: reported below
                }
                conversionError(at, property, WcfText.Argument_EncodingNotSupported.format(raw));
                return fallback;
        }
    }

    // ---------------------------------------------------------------- wording

    private void conversionError(LocatedXml at, String property, String why) {
        diagnostics.add(Diagnostic.error(at.location(), WcfText.Top_level_conversion_error_from_string, property, why));
    }

    private void rangeError(LocatedXml at, String property, Object min, Object max) {
        diagnostics.add(Diagnostic.error(at.location(), WcfText.Top_level_validation_error, property,
                WcfText.Validation_scalar_range_violation_not_in_range.format(min, max)));
    }

    /** .NET's integer syntax for config: optional sign and digits, or hex with {@code 0x}, {@code #} or {@code &h}. */
    private static Optional<Long> parseInteger(String t, long min, long max) {
        try {
            long v;
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("0x") || lower.startsWith("&h")) {
                v = Long.parseUnsignedLong(t.substring(2), 16);
            } else if (lower.startsWith("#")) {
                v = Long.parseUnsignedLong(t.substring(1), 16);
            } else {
                if (t.isEmpty() || !t.matches("[+-]?\\d+")) {
                    return Optional.empty();
                }
                v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            }
            return v < min || v > max ? Optional.empty() : Optional.of(v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
