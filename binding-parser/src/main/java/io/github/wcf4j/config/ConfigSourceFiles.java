package io.github.wcf4j.config;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.OrderedElementXml;
import io.github.wcf4j.config.read.SectionSources;
import io.github.wcf4j.config.xml.SectionXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code configSource} files of one configuration file, read as System.Configuration reads them
 * ({@code BaseConfigurationRecord.NormalizeConfigSource}, {@code InternalConfigHost.StaticGetStreamNameForConfigSource},
 * {@code LoadConfigSource}): the attribute alone on an otherwise empty section; a relative path without {@code /},
 * resolving to the configuration file's folder or below; one file per section and never the configuration file
 * itself; the file's root element is the section. Diagnostics inside the file carry its own name, line and column. Not
 * thread-safe: one per read.
 */
final class ConfigSourceFiles implements SectionSources {
    /** For a configuration not read from a file: {@code configSource} cannot be used. */
    static final SectionSources NO_FILE = new SectionSources() {
        @Override
        public <T extends OrderedElementXml> Optional<T> load(T section, String configSource, ConfigContext ctx) {
            ctx.error(section, WcfText.Config_source_requires_file);
            return Optional.empty();
        }
    };

    private final Path configFile;
    private final DocumentReader documents;
    private final Set<Path> used = new HashSet<>();

    ConfigSourceFiles(Path configFile, DocumentReader documents) {
        this.configFile = configFile;
        this.documents = documents;
        used.add(configFile.toAbsolutePath().normalize());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OrderedElementXml> Optional<T> load(T section, String configSource, ConfigContext ctx) {
        if (section.attributesPresent().size() > 1 || !section.children().isEmpty()) {
            ctx.error(section, WcfText.Config_source_syntax_error);
        }
        Optional<WcfText> malformed = malformed(configSource);
        if (malformed.isPresent()) {
            ctx.error(section, malformed.get());
            return Optional.empty();
        }
        Path folder = configFile.toAbsolutePath().normalize().getParent();
        Path file = folder.resolve(configSource.replace('\\', '/')).normalize();
        if (!file.getParent().startsWith(folder)) {
            ctx.error(section.location(), WcfText.Wrapped_exception_message.format(WcfText.Config_source_invalid.format(),
                    WcfText.Config_source_not_under_config_dir.format(configSource)));
            return Optional.empty();
        }
        if (!used.add(file)) {
            ctx.error(section, WcfText.Config_source_cannot_be_shared, configSource);
            return Optional.empty();
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            ctx.error(section, WcfText.Config_cannot_open_config_source, configSource);
            return Optional.empty();
        }
        String source = named(configSource);
        DocumentReader.Outcome<? extends OrderedElementXml> read = documents.read(file, source, section.elementName(),
                section.getClass(), at -> Diagnostic.error(at, WcfText.Config_source_file_format));
        ctx.diagnostics().addAll(read.diagnostics());
        read.document().filter(loaded -> ((SectionXml) loaded).configSource() != null)
                .ifPresent(loaded -> ctx.error(loaded, WcfText.Config_base_unrecognized_attribute,
                        SectionXml.CONFIG_SOURCE));
        return (Optional<T>) read.document();
    }

    /** {@code NormalizeConfigSource}: non-empty, no surrounding white space, no {@code /}, not rooted. */
    private static Optional<WcfText> malformed(String configSource) {
        if (configSource.isEmpty() || !configSource.strip().equals(configSource)) {
            return Optional.of(WcfText.Config_source_invalid_format);
        }
        if (configSource.indexOf('/') >= 0) {
            return Optional.of(WcfText.Config_source_invalid_chars);
        }
        boolean rooted = configSource.startsWith("\\") || configSource.length() >= 2 && configSource.charAt(1) == ':';
        return rooted ? Optional.of(WcfText.Config_source_invalid_format) : Optional.empty();
    }

    /** How diagnostics name the file: beside the configuration file as it was named. */
    private String named(String configSource) {
        Path relative = Path.of(configSource.replace('\\', '/'));
        Path parent = configFile.getParent();
        return (parent == null ? relative : parent.resolve(relative)).normalize().toString();
    }
}
