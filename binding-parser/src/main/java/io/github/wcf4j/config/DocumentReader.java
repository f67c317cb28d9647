package io.github.wcf4j.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.wcf4j.config.read.ConfigXmlMapper;
import io.github.wcf4j.config.read.ElementTracker;
import io.github.wcf4j.config.read.HardenedXmlInput;
import io.github.wcf4j.config.read.ParseLimits;
import io.github.wcf4j.config.read.ReadSession;
import io.github.wcf4j.config.read.VerbatimElements;
import io.github.wcf4j.config.xml.ConfigStrings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Reads one XML document (a configuration file, or a section's {@code configSource} file) into its root DTO, hardened
 * ({@link HardenedXmlInput}) and located: the document and the structural diagnostics, or the diagnostic that stopped
 * the read. Thread-safe.
 */
final class DocumentReader {
    /** The root element of a configuration file. */
    static final String CONFIGURATION = "configuration";

    private final ParseLimits limits;
    private final HardenedXmlInput input;
    private final ConfigXmlMapper mapper = new ConfigXmlMapper();

    DocumentReader(ParseLimits limits) {
        this.limits = limits;
        this.input = new HardenedXmlInput(limits);
    }

    /** A read document: its root DTO (absent when the document could not be read) and what the read found. */
    record Outcome<T>(Optional<T> document, List<Diagnostic> diagnostics) {
        static <T> Outcome<T> failed(Diagnostic why) {
            return new Outcome<>(Optional.empty(), List.of(why));
        }
    }

    /**
     * Reads {@code file} as {@code type}; the file name as {@code source} names it in diagnostics.
     *
     * @param wrongRoot the error for a root element of another name, given the name and where it is
     */
    <T> Outcome<T> read(Path file, String source, String rootName, Class<T> type,
            Function<SourceLocation, Diagnostic> wrongRoot) {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return Outcome.failed(Diagnostic.error(new SourceLocation(source, 1, 1), "The configuration file is "
                        + size + " bytes, more than the " + limits.maxFileBytes() + " bytes wcf4j reads."));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, source, rootName, type, wrongRoot);
            }
        } catch (IOException e) {
            return Outcome.failed(Diagnostic.error(new SourceLocation(source, 1, 1),
                    "The configuration file cannot be read: " + e.getMessage()));
        }
    }

    /** Reads {@code in} (which the caller closes) as {@code type}. */
    <T> Outcome<T> read(InputStream in, String source, String rootName, Class<T> type,
            Function<SourceLocation, Diagnostic> wrongRoot) {
        // a configuration's sections are the children of <system.serviceModel>; a configSource file is its section
        VerbatimElements verbatim = new VerbatimElements(Set.of(ConfigStrings.HEADERS),
                CONFIGURATION.equals(rootName) ? 3 : 1);
        ElementTracker tracker;
        try {
            tracker = input.open(in, source, verbatim);
        } catch (XMLStreamException e) {
            return Outcome.failed(Diagnostic.error(at(source, e.getLocation()), notWellFormed(e)));
        }
        if (!rootName.equals(tracker.getLocalName())) {
            return Outcome.failed(wrongRoot.apply(tracker.here()));
        }
        ReadSession session = ConfigXmlMapper.session(tracker);
        try {
            T document = mapper.read(tracker, type, session);
            return new Outcome<>(Optional.of(document), session.diagnostics());
        } catch (JsonProcessingException e) {
            List<Diagnostic> found = new ArrayList<>(session.diagnostics());
            Throwable cause = e.getCause() instanceof XMLStreamException ? e.getCause() : e;
            Location where = cause instanceof XMLStreamException ? ((XMLStreamException) cause).getLocation() : null;
            SourceLocation at = where != null ? at(source, where)
                    : new SourceLocation(source, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                            e.getLocation() == null ? 1 : e.getLocation().getColumnNr());
            found.add(Diagnostic.error(at, cause instanceof XMLStreamException
                    ? notWellFormed((XMLStreamException) cause) : "The configuration cannot be read: "
                    + e.getOriginalMessage()));
            return new Outcome<>(Optional.empty(), found);
        } catch (IOException e) {
            return Outcome.failed(Diagnostic.error(tracker.here(), "The configuration file cannot be read: "
                    + e.getMessage()));
        }
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
