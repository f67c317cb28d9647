package io.github.wcf4j.config;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.ParseLimits;
import io.github.wcf4j.config.read.SectionSources;
import io.github.wcf4j.config.xml.ConfigurationXml;
import io.github.wcf4j.config.xml.ServiceModelMapping;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code <system.serviceModel>} section of an {@code app.config} / {@code web.config} into the binding model,
 * with WCF's own diagnostics at {@code file:line:column}. Other sections ({@code appSettings}, {@code system.web}, ...)
 * are ignored. A section written with {@code configSource} is read from the file it names, relative to the
 * configuration file; its diagnostics carry that file's name.
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
    private final DocumentReader documents;

    private ServiceModelConfigReader(ParseLimits limits) {
        this.documents = new DocumentReader(limits);
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
        return result(source, documents.read(file, source, DocumentReader.CONFIGURATION, ConfigurationXml.class,
                at -> wrongRoot(source, at)), new ConfigSourceFiles(file, documents));
    }

    /** Reads configuration XML from a string (tests, embedded configuration); {@code configSource} cannot be used. */
    public ConfigReadResult read(String source, String xml) {
        return read(source, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads configuration XML from a stream, which the caller closes; {@code configSource} cannot be used. */
    public ConfigReadResult read(String source, InputStream in) {
        return result(source, documents.read(in, source, DocumentReader.CONFIGURATION, ConfigurationXml.class,
                at -> wrongRoot(source, at)), ConfigSourceFiles.NO_FILE);
    }

    private static ConfigReadResult result(String source, DocumentReader.Outcome<ConfigurationXml> read,
            SectionSources sections) {
        if (read.document().isEmpty()) {
            return new ConfigReadResult(source, Optional.empty(), Diagnostic.inDocumentOrder(source, read.diagnostics()),
                    new SourceMap());
        }
        ConfigContext ctx = new ConfigContext(source, sections);
        ServiceModelConfiguration model = ServiceModelMapping.map(read.document().get(), ctx);
        List<Diagnostic> all = new ArrayList<>(read.diagnostics());
        all.addAll(ctx.diagnostics());
        return new ConfigReadResult(source, Optional.of(model), Diagnostic.inDocumentOrder(source, all),
                ctx.sourceMap());
    }

    private static Diagnostic wrongRoot(String source, SourceLocation at) {
        return Diagnostic.error(at, "Configuration file " + source + " does not have root <configuration> tag");
    }
}
