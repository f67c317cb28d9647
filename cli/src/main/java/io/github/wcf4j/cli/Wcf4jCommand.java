package io.github.wcf4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code wcf4j} command: WCF bindings for the JVM. */
@Command(name = "wcf4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"WCF bindings for the JVM: reads an unchanged app.config / web.config <system.serviceModel>,",
            "validates it as WCF does, and runs a wire-compatible channel stack."},
        subcommands = {ValidateCommand.class, DescribeCommand.class, WsdlCommand.class, HostCommand.class,
            CallCommand.class, ContractCommand.class, DemoCommand.class, KdcCommand.class, CertsCommand.class,
            HelpCommand.class})
final class Wcf4jCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
