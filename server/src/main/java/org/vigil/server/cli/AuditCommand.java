package org.vigil.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.vigil.server.auth.Audit;
import org.vigil.server.auth.AuditKey;
import org.vigil.server.auth.AuditVerification;
import org.vigil.server.auth.AuthDatabase;
import org.vigil.server.recording.RecorderConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil audit verify}: checks the audit trail of a data directory (docs/SECURITY.md). */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit trail: who did what, when.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Walks the trail with the key: exit 0 when intact, {@link Failure#AUDIT_BROKEN} with the first bad row. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check the audit trail (keyed chain and anchor); names the first bad row. Safe while the"
                    + " server runs: it writes nothing.",
            footer = {"", "Exit codes: 0 intact, " + Failure.AUDIT_BROKEN + " broken; others: docs/SECURITY.md."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Mixin
        ServerSecurity secure = new ServerSecurity();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, SQLException {
            RecorderConfig rc = secure.recorderConfig();
            if (secure.dbUrl == null && !Files.isRegularFile(rc.directory().resolve("events.db"))) {
                throw new Failure(
                        Failure.USAGE, "no database in " + rc.directory() + " (give the --data directory of a server)");
            }
            AuditKey key;
            try {
                key = AuditKey.loadForVerification(secure.auditKeyFile(), secure.auditAnchorFile());
            } catch (NoSuchFileException e) {
                key = null;
                spec.commandLine()
                        .getErr()
                        .println("vigil audit verify: no audit key at " + secure.auditKeyFile()
                                + ": checking the plain (unkeyed) chain only, which proves little");
            }
            AuthDatabase db = AuthDatabase.open(rc.effectiveJdbcUrl(), rc.dbUser(), rc.dbPassword());
            AuditVerification v;
            try (Audit audit = new Audit(db, Clock.systemUTC(), key)) {
                v = audit.check();
            }
            if (v.intact()) {
                spec.commandLine().getOut().println(v.describe());
                spec.commandLine().getOut().flush();
                return 0;
            }
            spec.commandLine().getErr().println("vigil audit verify: " + v.describe());
            spec.commandLine().getErr().flush();
            return Failure.AUDIT_BROKEN;
        }
    }
}
