package io.github.wcf4j.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code wcf4j} command: WCF bindings for the JVM. Its subcommands are {@link #SUBCOMMANDS}, registered
 * by {@link #commandLine}: Picocli builds a command's model by reflection over its annotations, which costs a short
 * command like {@code validate} a good part of its start, so a command line naming one subcommand builds only that
 * one; anything else (no subcommand, an option, {@code help}, an unknown name, {@code demo}, which runs
 * {@code validate} through its parent) builds them all.
 */
@Command(name = "wcf4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"WCF bindings for the JVM: reads an unchanged app.config / web.config <system.serviceModel>,",
            "validates it as WCF does, and runs a wire-compatible channel stack."})
final class Wcf4jCommand implements Runnable {
    /**
     * A subcommand: its name (as its {@code @Command} gives it), how to make it, and whether it runs alone (does not
     * execute its siblings through the parent command line, as {@code demo} does, nor list them, as {@code help}).
     */
    record Subcommand(String name, Supplier<Object> command, boolean alone) {
        Subcommand(String name, Supplier<Object> command) {
            this(name, command, true);
        }
    }

    /** Every subcommand, in the order the usage lists them. */
    static final List<Subcommand> SUBCOMMANDS = List.of(new Subcommand("validate", ValidateCommand::new),
            new Subcommand("describe", DescribeCommand::new), new Subcommand("wsdl", WsdlCommand::new),
            new Subcommand("host", HostCommand::new), new Subcommand("call", CallCommand::new),
            new Subcommand("contract", ContractCommand::new), new Subcommand("demo", DemoCommand::new, false),
            new Subcommand("kdc", KdcCommand::new), new Subcommand("certs", CertsCommand::new),
            new Subcommand("help", HelpCommand::new, false));

    @Spec
    CommandSpec spec;

    /** The command line for {@code args}: only the subcommand {@code args[0]} names, when that one runs alone. */
    static CommandLine commandLine(String[] args) {
        CommandLine cmd = new CommandLine(new Wcf4jCommand());
        String first = args.length == 0 ? "" : args[0];
        boolean one = SUBCOMMANDS.stream().anyMatch(s -> s.alone() && s.name().equals(first));
        for (Subcommand s : SUBCOMMANDS) {
            if (!one || s.name().equals(first)) {
                cmd.addSubcommand(s.name(), s.command().get());
            }
        }
        return cmd;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
