package io.github.wcf4j.config.read;

import java.util.Optional;

/**
 * Where the content of a section written with {@code configSource} comes from: the file it names, relative to the
 * configuration file (System.Configuration's rules and texts), or nowhere when the configuration was not read from a file.
 */
public interface SectionSources {

    /**
     * The section read from the file {@code section}'s {@code configSource} names, with every problem reported to
     * {@code ctx} at its own file, line and column; empty when it cannot be read.
     *
     * @param section     the section as written in the configuration file, with a {@code configSource} attribute
     * @param configSource the attribute's value
     */
    <T extends OrderedElementXml> Optional<T> load(T section, String configSource, ConfigContext ctx);
}
