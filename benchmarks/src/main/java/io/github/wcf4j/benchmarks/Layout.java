package io.github.wcf4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where things are: the project root (built by {@code mvn package}), the seed configurations in it, the logs, and how every system's
 * JVM is started (the same java and flags for all).
 */
record Layout(Path root, Path logs, String heap) {
    /** The seed configurations that ship with wcf4j ({@code samples/seed-configs}). */
    Path seedConfigs() {
        return root.resolve("samples/seed-configs");
    }

    List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Dsun.net.httpserver.nodelay=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    }

    /** The same, with another maximum heap. */
    Layout withHeap(String size) {
        return new Layout(root, logs, size);
    }

    String benchmarksClasspath() {
        return classpath(root.resolve("benchmarks/target"), "wcf4j-benchmarks.jar");
    }

    String peerClasspath(String peer) {
        return classpath(root.resolve("interop-peers").resolve(peer).resolve("target"), peer + ".jar");
    }

    private String classpath(Path target, String jar) {
        String deps;
        try {
            deps = Files.readString(target.resolve("classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("not built: " + target + " (run mvn -B package -DskipTests first)", e);
        }
        return target.resolve(jar) + File.pathSeparator + ownModulesFromThisBuild(deps, target);
    }

    /**
     * {@code deps}, refused when it takes one of wcf4j's own modules from anywhere but this build: a benchmark module
     * built without its upstream modules ({@code -pl benchmarks} without {@code -am}) gets them from the local
     * repository, which every other build on the machine overwrites, and measures code that is not this tree's.
     */
    private String ownModulesFromThisBuild(String deps, Path target) {
        for (String entry : deps.split(File.pathSeparator)) {
            if (entry.replace(File.separatorChar, '/').contains("/io/github/wcf4j/") && !Path.of(entry)
                    .toAbsolutePath().normalize().startsWith(root)) {
                throw new IllegalStateException(target.resolve("classpath.txt") + " takes " + entry + " from the "
                        + "local repository, not from this build: build with -am (benchmarks/run does)");
            }
        }
        return deps;
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }
}
