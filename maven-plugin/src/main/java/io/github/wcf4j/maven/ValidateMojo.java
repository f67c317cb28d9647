package io.github.wcf4j.maven;

import io.github.wcf4j.cli.ConfigurationCheck;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code wcf4j:validate}, bound to the {@code validate} phase: checks the WCF configuration files a project names as
 * {@code wcf4j validate} does (WCF's load-time and build-time rules and texts, and what wcf4j cannot run), printing
 * every finding as {@code file:line:col: severity: message} in the build's log, and fails the build on errors, and on
 * what wcf4j cannot run when {@code failOnUnsupported} is set.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.github.wcf4j</groupId>
 *   <artifactId>wcf4j-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>validate</goal></goals></execution></executions>
 *   <configuration>
 *     <configFiles><configFile>src/main/resources/App.config</configFile></configFiles>
 *     <failOnUnsupported>true</failOnUnsupported>
 *   </configuration>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    /** The configuration files ({@code App.config}, {@code Web.config}, ...), relative to the project's directory. */
    @Parameter(required = true)
    List<File> configFiles = new ArrayList<>();

    /** Fail the build when an endpoint asks for something wcf4j cannot run (the configuration being valid). */
    @Parameter(property = "wcf4j.failOnUnsupported", defaultValue = "false")
    boolean failOnUnsupported;

    /**
     * Also look for the certificates the credentials name in this machine's stores and resolve validator types, as a
     * host on this machine would (off by default: a build machine rarely holds a service's certificates).
     */
    @Parameter(property = "wcf4j.checkCredentials", defaultValue = "false")
    boolean checkCredentials;

    /** Skip the check. */
    @Parameter(property = "wcf4j.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wcf4j: validation skipped");
            return;
        }
        if (configFiles == null || configFiles.isEmpty()) {
            throw new MojoExecutionException("wcf4j:validate needs <configFiles> naming at least one configuration"
                    + " file");
        }
        List<Path> files = new ArrayList<>();
        for (File f : configFiles) {
            Path p = f.isAbsolute() || basedir == null ? f.toPath() : basedir.toPath().resolve(f.toPath());
            files.add(p.normalize());
        }
        ConfigurationCheck.Result result = ConfigurationCheck.check(files, checkCredentials);
        for (ConfigurationCheck.Finding finding : result.findings()) {
            switch (finding.severity()) {
                case "error" -> getLog().error(finding.line());
                case "unsupported" -> {
                    if (failOnUnsupported) {
                        getLog().error(finding.line());
                    } else {
                        getLog().warn(finding.line());
                    }
                }
                default -> getLog().warn(finding.line());
            }
        }
        String summary = plural(files.size(), "file") + ", " + plural(result.errors(), "error") + ", "
                + result.unsupported() + " unsupported; " + result.endpointsThatRun() + " of "
                + plural(result.endpoints(), "endpoint") + " run on wcf4j";
        getLog().info("wcf4j: " + summary);
        if (result.errors() > 0) {
            throw new MojoFailureException("wcf4j: the WCF configuration has errors (" + summary + ")");
        }
        if (failOnUnsupported && result.unsupported() > 0) {
            throw new MojoFailureException("wcf4j: the configuration asks for what wcf4j cannot run (" + summary
                    + "); failOnUnsupported is set");
        }
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
