package io.github.wcf4j.benchmarks;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** What every result row states: the JVM, the machine's cores and the date of the run. */
record RunInfo(String vm, String version, int cores, String os, LocalDate date) {
    static RunInfo now() {
        return new RunInfo(System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), LocalDate.now(ZoneOffset.UTC));
    }

    /** The short form each row carries. */
    String row() {
        return "JDK " + version + " · " + cores + " cores · " + date;
    }
}
