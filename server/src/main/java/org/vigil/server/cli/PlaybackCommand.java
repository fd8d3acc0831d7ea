package org.vigil.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.server.auth.AuthDatabase;
import org.vigil.server.auth.Security;
import org.vigil.server.auth.SecurityConfig;
import org.vigil.server.live.LiveServer;
import org.vigil.server.playback.RecordingPlayback;
import org.vigil.server.playback.RecordingPlaybackServer;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.ReplayController;
import org.vigil.server.replay.Replayer;
import picocli.CommandLine.Option;

/**
 * The options and the work of {@code vigil replay --recording DIR}: a period of what a running Vigil
 * recorded, through the live pipeline (docs/REPLAY.md "Playback"). Without {@code --serve} the period
 * is played once and its events are compared with the recorded ones (exit 1 when they differ); with
 * {@code --serve PORT} the console plays it (time slider, speed, pause, jump to an alert) with every
 * operator action refused. A mixin of {@link ReplayCommand}, which keeps {@code vigil replay DIR} for
 * sim directories and capture files.
 */
public final class PlaybackCommand {
    @Option(
            names = "--recording",
            paramLabel = "DIR",
            description = "Play a recording of `vigil run`/`vigil demo`: the data directory (--data, default .vigil) "
                    + "or its recording/ directory. Not while a Vigil records into it.")
    Path recording;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "With --recording: start of the period, UTC (default: the recording's start).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "TIME",
            description = "With --recording: end of the period, UTC (default: the recording's end).")
    String to;

    @Option(
            names = "--speed",
            paramLabel = "N|max",
            description = "With --recording: data seconds per second, or max (default: max, or 1 with --serve).")
    String speed;

    @Option(
            names = "--serve",
            paramLabel = "PORT",
            description = "With --recording: serve the replay console on this port.")
    Integer serve;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "0.0.0.0",
            description = "With --serve: address the console binds to (default ${DEFAULT-VALUE}).")
    String bind;

    /** The theatre the period is played in (ReplayCommand's --theatre). */
    org.vigil.server.picture.Theatre theatre;

    boolean requested() {
        return recording != null;
    }

    /** The theatre the recording's manifest names (null when none or unreadable: the caller's default). */
    String recordedTheatre() {
        Path dir = Files.isDirectory(recording.resolve("recording")) ? recording.resolve("recording") : recording;
        try {
            return RecordingManifest.read(dir).theatre();
        } catch (java.io.IOException e) {
            return null; // call() reports an unreadable recording
        }
    }

    Integer call() throws Exception {
        Path dir = Files.isDirectory(recording.resolve("recording")) ? recording.resolve("recording") : recording;
        if (!Files.isDirectory(dir.resolve("raw")) && !Files.isReadable(dir.resolve(RecordingManifest.FILE))) {
            System.err.println("vigil replay: " + recording + " holds no recording (no raw/ journal nor "
                    + RecordingManifest.FILE + ")");
            return 2;
        }
        double pace;
        try {
            pace = speed == null
                    ? (serve != null ? 1 : ReplayController.MAX_SPEED)
                    : "max".equalsIgnoreCase(speed) ? ReplayController.MAX_SPEED : Double.parseDouble(speed);
            if (!(pace >= 0) || Double.isInfinite(pace)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            System.err.println("vigil replay: --speed expects a number > 0 or max, got '" + speed + "'");
            return 2;
        }
        RecorderConfig rc = RecorderConfig.embedded(dir);
        try (Recorder rec = Recorder.open(rc)) {
            long first = rec.raw().firstReceiveNanos(), last = rec.raw().lastReceiveNanos();
            if (last == Long.MIN_VALUE) {
                System.err.println("vigil replay: the recording in " + dir + " holds no raw input");
                return 2;
            }
            long f, t;
            try {
                f = from == null ? first : nanos(from);
                t = to == null ? last + 1 : nanos(to);
            } catch (DateTimeParseException e) {
                System.err.println("vigil replay: --from/--to expect a UTC time such as 2022-04-20T09:00:00Z");
                return 2;
            }
            if (t <= f) {
                System.err.println("vigil replay: the period is empty (--to must be after --from)");
                return 2;
            }
            var radars = RecordingManifest.read(dir).radars();
            if (theatre == null) theatre = Theatres.builtIn(org.vigil.server.theatre.TheatreLoader.defaultName());
            System.out.println("Theatre: " + theatre.name());
            if (serve == null) return playAndCompare(theatre, rec, radars, f, t, pace);
            return serve(rec, rc, radars, f, t, pace);
        }
    }

    private static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static String time(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }

    private static int playAndCompare(
            org.vigil.server.picture.Theatre theatre,
            Recorder rec,
            List<org.vigil.core.radar.RadarSite> radars,
            long f,
            long t,
            double pace)
            throws Exception {
        List<String[]> played = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        RecordingPlayback p = new RecordingPlayback(theatre, rec.raw(), radars, f, t, pace, event -> {
            org.vigil.server.recording.EncodedEvent x = org.vigil.server.recording.EncodedEvent.of(event);
            played.add(new String[] {x.type(), Long.toString(x.timeNanos()), String.valueOf(x.track()), x.json()});
            byType.merge(x.type(), 1, Integer::sum);
        });
        long t0 = System.nanoTime();
        Replayer.Summary s = p.playOnce();
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Playback of %s .. %s: %,d inputs in %.2f s, %,d events%n",
                time(f),
                time(t),
                s == null ? 0 : s.delivered(),
                wall,
                played.size());
        StringBuilder b = new StringBuilder(" ");
        byType.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        System.out.println(b);
        List<StoredEvent> recorded = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page = rec.events().query(EventQuery.between(f, t).after(after));
            recorded.addAll(page);
            if (page.size() < EventQuery.DEFAULT_LIMIT) break;
            after = page.get(page.size() - 1).seq();
        }
        int n = Math.min(played.size(), recorded.size());
        for (int i = 0; i < n; i++) {
            String[] e = played.get(i);
            StoredEvent r = recorded.get(i);
            if (!e[0].equals(r.type()) || Long.parseLong(e[1]) != r.dataTimeNanos() || !e[3].equals(r.payloadJson())) {
                System.out.printf(
                        "Recorded events of the period: %,d; DIFFERENT from event %d (recorded seq %d, %s at %s; replayed %s)%n",
                        recorded.size(), i + 1, r.seq(), r.type(), time(r.dataTimeNanos()), e[0]);
                return 1;
            }
        }
        if (played.size() != recorded.size()) {
            System.out.printf(
                    "Recorded events of the period: %,d; DIFFERENT: %,d replayed%n", recorded.size(), played.size());
            return 1;
        }
        System.out.printf("Recorded events of the period: %,d; identical to the replayed ones%n", recorded.size());
        return 0;
    }

    @SuppressWarnings(
            "ThreadJoinLoop") // the main thread joins itself: it waits until the shutdown hook interrupts it, once
    private int serve(
            Recorder rec, RecorderConfig rc, List<org.vigil.core.radar.RadarSite> radars, long f, long t, double pace)
            throws Exception {
        // the recording's own users sign in (the embedded database holds them next to the events)
        AuthDatabase db = AuthDatabase.open(rc.effectiveJdbcUrl(), rc.dbUser(), rc.dbPassword());
        try (Security security = Security.open(SecurityConfig.defaults(), db);
                RecordingPlayback playback = new RecordingPlayback(
                        theatre, rec.raw(), radars, f, t, pace, org.vigil.core.event.EventSink.NONE);
                RecordingPlaybackServer server = new RecordingPlaybackServer(
                        playback, rec.events(), bind, serve, security, LiveServer.VERSION)) {
            int port = server.start();
            playback.start();
            System.out.printf(
                    "Vigil %s REPLAY of %s .. %s: console at http://%s:%d/ (operator actions disabled); Ctrl-C to stop.%n",
                    LiveServer.VERSION, time(f), time(t), bind, port);
            RunCommand.signInNote(security);
            Thread main = Thread.currentThread();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                main.interrupt();
                                try {
                                    main.join(10_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "vigil-replay-shutdown"));
            try {
                main.join();
            } catch (InterruptedException stop) {
                // Ctrl-C: close below, with the interrupt consumed so the files close cleanly
            }
        }
        return 0;
    }
}
