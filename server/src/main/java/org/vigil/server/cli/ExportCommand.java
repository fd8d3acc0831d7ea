package org.vigil.server.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.server.export.AfterActionReport;
import org.vigil.server.export.TrackExport;
import org.vigil.server.export.TrackHistory;
import org.vigil.server.recording.EventStore;
import org.vigil.server.recording.RecorderConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil export}: tracks of a period of a recording as GeoJSON, KML or CSV, or the
 * after-action report of one alert as printable HTML, from the recording's event store (not while
 * a Vigil records into the same directory: the store has one writer). Exit code 0 on success, 1 when
 * there is nothing to export (no such alert, no track in the period), 2 on bad arguments or I/O errors.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export recorded tracks (GeoJSON, KML, CSV) or an alert's after-action report (HTML).")
public final class ExportCommand implements Callable<Integer> {

    @Option(
            names = "--recording",
            required = true,
            paramLabel = "DIR",
            description = "Recording directory (the recorder's).")
    Path recording;

    @Option(names = "--jdbc", paramLabel = "URL", description = "Event database when it is a shared PostgreSQL server.")
    String jdbc;

    @Option(names = "--db-user", description = "Database user (with --jdbc).")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (with --jdbc).", interactive = false)
    String dbPassword;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "Start of the period, ISO-8601 UTC (e.g. 2022-04-20T09:00:00Z). Default: the beginning.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the period (exclusive). Default: the end.")
    String to;

    @Option(
            names = "--format",
            defaultValue = "geojson",
            description = "geojson, kml or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--report",
            paramLabel = "ALERT_ID",
            description = "Write the after-action report of this alert (HTML) instead of tracks.")
    Long report;

    @Option(
            names = "--out",
            defaultValue = "-",
            paramLabel = "FILE",
            description = "Output file; '-' (default) is standard output.")
    String out;

    @Option(
            names = "--theatre",
            paramLabel = "NAME|DIR",
            description = "Only the tracks with a point in this theatre's area of interest (docs/THEATRES.md); "
                    + "with --report, the theatre whose map is drawn (default: the recording's theatre).")
    String theatre;

    @Option(
            names = "--interference",
            description = "Write the GNSS interference picture per hour (GeoJSON, docs/GNSS.md) instead of tracks.")
    boolean interference;

    @SuppressWarnings(
            "ClosingStandardOutputStreams") // System.out is wrapped in NonClosing, so closing the resource leaves it
    // open
    @Override
    public Integer call() {
        long fromNanos, toNanos;
        TrackExport.Format f;
        try {
            fromNanos = from == null ? Long.MIN_VALUE : nanos(Instant.parse(from));
            toNanos = to == null ? Long.MAX_VALUE : nanos(Instant.parse(to));
            f = TrackExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            System.err.println(
                    "vigil export: bad time: " + e.getParsedString() + " (use ISO-8601, e.g. 2022-04-20T09:00:00Z)");
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("vigil export: unknown format " + format + " (geojson, kml or csv)");
            return 2;
        }
        if (!Files.isDirectory(recording)) {
            System.err.println("vigil export: no recording directory " + recording);
            return 2;
        }
        org.vigil.server.picture.Theatre.Area area = null;
        if (theatre != null) {
            try {
                area = org.vigil.server.theatre.TheatreLoader.summary(theatre).area();
            } catch (org.vigil.server.theatre.TheatreException e) {
                System.err.println("vigil export: --theatre " + theatre + ":\n" + e.getMessage());
                return 2;
            }
        }
        // A server's data directory holds its recording in recording/ (as `vigil replay --recording` reads it).
        Path dir = Files.isDirectory(recording.resolve("recording")) ? recording.resolve("recording") : recording;
        if (jdbc == null && !Files.isRegularFile(dir.resolve("events.db"))) {
            // Opening it would create an empty database there and export nothing, silently.
            System.err.println("vigil export: no event store (events.db) in " + recording);
            return 2;
        }
        RecorderConfig config = RecorderConfig.embedded(dir);
        if (jdbc != null) config = config.withDatabase(jdbc, dbUser, dbPassword);
        try (EventStore store = EventStore.open(
                        config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(), Duration.ofSeconds(1), 1000);
                OutputStream o = out.equals("-")
                        ? new NonClosing(System.out)
                        : new BufferedOutputStream(Files.newOutputStream(Path.of(out)))) {
            if (report != null) {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                AfterActionReport.write(store, report, w, reportCountries(dir));
                w.flush();
                return 0;
            }
            if (interference) {
                java.util.List<org.vigil.core.event.VigilEvent> ev =
                        org.vigil.server.export.InterferenceExport.read(store, fromNanos, toNanos);
                long end = toNanos != Long.MAX_VALUE
                        ? toNanos
                        : ev.isEmpty() ? 0 : ev.get(ev.size() - 1).time();
                int n = org.vigil.server.export.InterferenceExport.write(ev, end, o);
                System.err.printf(Locale.ROOT, "vigil export: %d interference area-hours written%n", n);
                return n == 0 ? 1 : 0;
            }
            Map<Long, TrackHistory.Track> tracks = TrackHistory.read(store, fromNanos, toNanos);
            if (area != null) {
                org.vigil.server.picture.Theatre.Area a = area;
                tracks.values()
                        .removeIf(tr -> tr.points.stream()
                                .noneMatch(p -> p.lat() >= a.south()
                                        && p.lat() <= a.north()
                                        && p.lon() >= a.west()
                                        && p.lon() <= a.east()));
            }
            TrackExport.write(f, tracks.values(), o);
            if (tracks.isEmpty()) {
                System.err.println("vigil export: no track in the period");
                return 1;
            }
            System.err.printf(Locale.ROOT, "vigil export: %d tracks written%n", tracks.size());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("vigil export: " + e.getMessage());
            return 1;
        } catch (IOException | SQLException | IllegalStateException e) {
            System.err.println("vigil export: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The land the report's map is drawn over: the national airspace of {@code --theatre}, else of the
     * recording's theatre (its manifest), else the bundled all-Europe one.
     */
    private org.vigil.core.airspace.NationalAirspace reportCountries(Path dir) throws IOException {
        String ref = theatre != null
                ? theatre
                : org.vigil.server.recording.RecordingManifest.read(dir).theatre();
        if (ref == null) return org.vigil.server.theatre.TheatreLoader.defaultNationalAirspace();
        try {
            return org.vigil.server.theatre.TheatreLoader.load(ref).airspace();
        } catch (org.vigil.server.theatre.TheatreException e) {
            throw new IllegalStateException(
                    "the recording's theatre " + ref + " (override with --theatre):\n" + e.getMessage());
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Standard output stays open after the export. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
