package io.github.wcf4j.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.ConfigXmlMapper;
import io.github.wcf4j.config.read.ElementTracker;
import io.github.wcf4j.config.read.HardenedXmlInput;
import io.github.wcf4j.config.read.ParseLimits;
import io.github.wcf4j.config.read.ReadSession;
import io.github.wcf4j.config.xml.ConfigStrings;
import io.github.wcf4j.config.xml.ConfigurationXml;
import io.github.wcf4j.config.xml.ServiceModelMapping;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Reads the {@code <system.serviceModel>} section of an {@code app.config} / {@code web.config} into the binding model,
 * with WCF's own diagnostics at {@code file:line:column}. Other sections ({@code appSettings}, {@code system.web}, ...)
 * are ignored.
 *
 * <p>Hostile input is refused before it costs anything: a DTD of any kind is an error and no entity is ever expanded or
 * resolved; depth, attribute count and size, text length, element count and file size are bounded
 * ({@link ParseLimits}). Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ConfigReadResult r = ServiceModelConfigReader.create().read(Path.of("App.config"));
 * r.diagnostics().forEach(System.out::println);   // App.config:12:10: error: Unrecognized attribute 'x'. ...
 * ServiceModelConfiguration config = r.orThrow();
 * }</pre>
 */
public final class ServiceModelConfigReader {
    private final ParseLimits limits;
    private final HardenedXmlInput input;
    private final ConfigXmlMapper mapper = new ConfigXmlMapper();

    private ServiceModelConfigReader(ParseLimits limits) {
        this.limits = limits;
        this.input = new HardenedXmlInput(limits);
    }

    /** A reader with the default {@link ParseLimits}. */
    public static ServiceModelConfigReader create() {
        return new ServiceModelConfigReader(ParseLimits.defaults());
    }

    /** A reader with custom limits. */
    public static ServiceModelConfigReader withLimits(ParseLimits limits) {
        return new ServiceModelConfigReader(limits);
    }

    /** Reads a configuration file; the path as given names the source in diagnostics. */
    public ConfigReadResult read(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return failed(source, new SourceLocation(source, 1, 1), "The configuration file is " + size
                        + " bytes, more than the " + limits.maxFileBytes() + " bytes wcf4j reads.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(source, in);
            }
        } catch (IOException e) {
            return failed(source, new SourceLocation(source, 1, 1), "The configuration file cannot be read: "
                    + e.getMessage());
        }
    }

    /** Reads configuration XML from a string (tests, embedded configuration). */
    public ConfigReadResult read(String source, String xml) {
        return read(source, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads configuration XML from a stream, which the caller closes. */
    public ConfigReadResult read(String source, InputStream in) {
        ElementTracker tracker;
        try {
            tracker = input.open(in, source, Set.of(ConfigStrings.HEADERS));
        } catch (XMLStreamException e) {
            return failed(source, at(source, e.getLocation()), notWellFormed(e));
        }
        ReadSession session = ConfigXmlMapper.session(tracker);
        ConfigurationXml document;
        try {
            if (!"configuration".equals(tracker.getLocalName())) {
                return failed(source, tracker.here(), "Configuration file " + source
                        + " does not have root <configuration> tag");
            }
            document = mapper.read(tracker, ConfigurationXml.class, session);
        } catch (JsonProcessingException e) {
            List<Diagnostic> found = new ArrayList<>(session.diagnostics());
            Throwable cause = e.getCause() instanceof XMLStreamException ? e.getCause() : e;
            Location where = cause instanceof XMLStreamException ? ((XMLStreamException) cause).getLocation() : null;
            SourceLocation at = where != null ? at(source, where)
                    : new SourceLocation(source, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                            e.getLocation() == null ? 1 : e.getLocation().getColumnNr());
            found.add(Diagnostic.error(at, cause instanceof XMLStreamException
                    ? notWellFormed((XMLStreamException) cause) : "The configuration cannot be read: " + e.getOriginalMessage()));
            return new ConfigReadResult(source, Optional.empty(), sorted(found), new SourceMap());
        } catch (IOException e) {
            return failed(source, tracker.here(), "The configuration file cannot be read: " + e.getMessage());
        }
        ConfigContext ctx = new ConfigContext(source);
        ServiceModelConfiguration model = ServiceModelMapping.map(document, ctx);
        List<Diagnostic> all = new ArrayList<>(session.diagnostics());
        all.addAll(ctx.diagnostics());
        return new ConfigReadResult(source, Optional.of(model), sorted(all), ctx.sourceMap());
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return out;
    }

    private static ConfigReadResult failed(String source, SourceLocation at, String message) {
        return new ConfigReadResult(source, Optional.empty(), List.of(Diagnostic.error(at, message)), new SourceMap());
    }

    private static SourceLocation at(String source, Location where) {
        return where == null ? new SourceLocation(source, 1, 1)
                : new SourceLocation(source, Math.max(1, where.getLineNumber()), Math.max(1, where.getColumnNumber()));
    }

    private static String notWellFormed(XMLStreamException e) {
        if (e instanceof HardenedXmlInput.DtdRefusedException) {
            return HardenedXmlInput.DTD_REFUSED;
        }
        // drop the position Woodstox appends; the diagnostic carries it as file:line:column
        String message = String.valueOf(e.getMessage());
        int locationSuffix = message.indexOf("\n at [");
        if (locationSuffix >= 0) {
            message = message.substring(0, locationSuffix);
        }
        message = message.replace('\n', ' ').strip();
        return "The configuration file is not well-formed XML: " + message;
    }
}
