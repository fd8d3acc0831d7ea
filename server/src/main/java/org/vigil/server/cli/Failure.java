package org.vigil.server.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * A command-line or start-up failure with its exit code, and the one place that turns any failure
 * of a command into one line on stderr and an exit code, without a stack trace (set {@code
 * VIGIL_DEBUG=1} to get it). The codes, one per class of error, are listed in docs/SECURITY.md
 * ("Exit codes"); scripts and service managers rely on them.
 */
public final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Unexpected: a fault of Vigil itself (the message names the exception; VIGIL_DEBUG=1 shows where). */
    public static final int INTERNAL = 1;
    /** Bad command line: an option value out of range, a file or directory given that does not exist. */
    public static final int USAGE = 2;
    /** The console's port cannot be listened on: in use, or not allowed. */
    public static final int PORT = 3;
    /** The data directory (or a file in it) cannot be created, read or written: permissions, read-only. */
    public static final int DATA_DIRECTORY = 4;
    /** The data directory is in use by another Vigil process. */
    public static final int IN_USE = 5;
    /** The database cannot be opened or reached. */
    public static final int DATABASE = 6;
    /** The audit trail failed its verification ({@code vigil audit verify}). */
    public static final int AUDIT_BROKEN = 7;

    private final int exitCode;

    public Failure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public Failure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A listening port from the command line: 0 (any free port) to 65535. */
    static int checkPort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new Failure(USAGE, option + " must be a port number 0..65535, got " + port);
        }
        return port;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The exit code and message for any failure of a command (walks the causes for a known one). */
    static Failure classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Failure f) {
                return f;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return new Failure(
                        PORT, "cannot listen: " + c.getMessage() + " (is another server using the port?)", t);
            }
            if (c.getClass().getName().equals("io.javalin.util.JavalinBindException")) {
                return new Failure(PORT, "cannot listen: " + c.getMessage(), t);
            }
            if (c instanceof AccessDeniedException || c instanceof java.nio.file.ReadOnlyFileSystemException) {
                return new Failure(DATA_DIRECTORY, "permission denied: " + c.getMessage(), t);
            }
            if (c instanceof NoSuchFileException e) {
                return new Failure(USAGE, "no such file or directory: " + e.getFile(), t);
            }
            if (c instanceof FileSystemException e) {
                String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
                if (reason.contains("read-only") || reason.contains("permission")) {
                    return new Failure(DATA_DIRECTORY, "cannot write " + e.getFile() + ": " + e.getReason(), t);
                }
            }
            if (c instanceof SQLException || c.getClass().getName().startsWith("org.flywaydb")) {
                String m = String.valueOf(c.getMessage());
                if (m.contains("readonly") || m.contains("read-only") || m.contains("CANTOPEN")) {
                    return new Failure(DATA_DIRECTORY, "database cannot be written: " + firstLine(m), t);
                }
                return new Failure(DATABASE, "database: " + firstLine(m), t);
            }
        }
        if (t instanceof IllegalArgumentException) {
            return new Failure(USAGE, String.valueOf(t.getMessage()), t);
        }
        return new Failure(
                INTERNAL,
                "unexpected error: " + t.getClass().getSimpleName() + ": " + t.getMessage()
                        + " (set VIGIL_DEBUG=1 for the stack trace)",
                t);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Picocli's handler for an exception thrown by a command: one line, the class's exit code. */
    static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Failure f = classify(ex);
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandName();
        err.println((name.equals("vigil") ? "vigil: " : "vigil " + name + ": ") + f.getMessage());
        if (System.getenv("VIGIL_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return f.exitCode();
    }
}
