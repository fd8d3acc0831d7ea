package org.vigil.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line. Each subcommand lives in its own class beside this one. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        version = "Vigil 0.1.0",
        description = "Open air-policing system: air picture, identification, QRA and intercept.",
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            DecodeCommand.class,
            AsterixCommand.class,
            SimCommand.class,
            ReplayCommand.class,
            ExportCommand.class,
            TheatreCommand.class,
            AuditCommand.class,
            NodeCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Vigil implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) System.exit(code);
    }

    /**
     * The command line with Vigil's handling of failures: a message on stderr and the exit code of
     * its class ({@link Failure}), never a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new Vigil()).setExecutionExceptionHandler(Failure::handle);
    }
}
