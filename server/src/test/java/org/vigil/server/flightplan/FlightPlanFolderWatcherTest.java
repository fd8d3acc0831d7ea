package org.vigil.server.flightplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.server.feed.FeedStatus;

/** The watched folder: files there at start and files dropped later are filed; bad messages are counted by item. */
class FlightPlanFolderWatcherTest {
    @TempDir
    Path dir;

    private final Object lock = new Object();
    private final FlightPlanStore store =
            new FlightPlanStore(new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));

    private int plans() {
        synchronized (lock) {
            return store.size();
        }
    }

    @Test
    @Timeout(60)
    void picksUpFilesPresentAtStartAndDroppedLater() throws Exception {
        Files.writeString(dir.resolve("morning.fpl"), FlightPlanApiTest.FPL + "\n");
        Files.writeString(dir.resolve("notes.md"), FlightPlanApiTest.FPL2); // not a plan file: ignored
        FlightPlanIntake intake = new FlightPlanIntake(
                store,
                r -> {
                    synchronized (lock) {
                        r.run();
                    }
                },
                null,
                () -> Long.MIN_VALUE);
        try (FlightPlanFolderWatcher w = new FlightPlanFolderWatcher("flightplans-test", dir, intake)) {
            w.start();
            await(() -> plans() == 1);
            assertThat(w.filesRead()).isEqualTo(1);

            // dropped while running: one good, one bad (item 13), written via a temporary name as an ATS gateway would
            Path tmp = dir.resolve("batch.tmp");
            Files.writeString(tmp, FlightPlanApiTest.FPL2 + "\n" + FlightPlanApiTest.BAD_13 + "\n");
            Files.move(tmp, dir.resolve("batch.txt"));
            await(() -> plans() == 2 && w.messagesRejected() == 1);

            FeedStatus s = w.status();
            assertThat(s.name()).isEqualTo("flightplans-test");
            assertThat(s.kind()).isEqualTo("folder");
            assertThat(s.format()).isEqualTo("icao-fpl");
            assertThat(s.state()).isEqualTo("watching");
            assertThat(s.framesAccepted()).isEqualTo(2);
            assertThat(s.rejects()).containsEntry("item_13", 1L);
            assertThat(w.filesRead()).isEqualTo(2);

            // modified in place: read again (the FPL re-filed replaces its plan, no duplicate)
            Files.writeString(
                    dir.resolve("morning.fpl"), FlightPlanApiTest.FPL + "\n(CNL-DLH1234-LBSF1200-LTFM-DOF/220415)\n");
            await(() -> plans() == 1);
            assertThat(w.messagesRejected()).isEqualTo(1);
        }
    }

    /** A symbolic link in the folder is not followed (it could point at any file the server may read). */
    @Test
    @Timeout(60)
    void symbolicLinksAreNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path target = Files.writeString(outside.resolve("secret.txt"), FlightPlanApiTest.FPL + "\n");
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Files.createSymbolicLink(watched.resolve("linked.fpl"), target);
        Files.writeString(watched.resolve("real.fpl"), FlightPlanApiTest.FPL2 + "\n");
        FlightPlanIntake intake = new FlightPlanIntake(
                store,
                r -> {
                    synchronized (lock) {
                        r.run();
                    }
                },
                null,
                () -> Long.MIN_VALUE);
        try (FlightPlanFolderWatcher w = new FlightPlanFolderWatcher("flightplans-test", watched, intake)) {
            w.start();
            await(() -> w.filesRead() == 1 && w.symlinksRefused() == 1);
            assertThat(plans()).isEqualTo(1);
            assertThat(w.status().skips()).containsEntry("symlink_refused", 1L);
        }
    }

    /** The folder must exist: refused at start, not on the reader thread. */
    @Test
    void aMissingFolderIsRefusedAtStart() {
        FlightPlanIntake intake = new FlightPlanIntake(
                store,
                r -> {
                    synchronized (lock) {
                        r.run();
                    }
                },
                null,
                () -> Long.MIN_VALUE);
        FlightPlanFolderWatcher w = new FlightPlanFolderWatcher("x", dir.resolve("nope"), intake);
        org.assertj.core.api.Assertions.assertThatThrownBy(w::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(50);
        }
    }
}
