package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.cli.Theatres;
import org.vigil.server.picture.Picture;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;

/**
 * A replay on two threads (decoding and the aircraft table on the replaying thread; tracker,
 * identification and events on the second) gives the events of a one-thread replay byte for byte,
 * on the default scenario's receivers, radars (plots and service messages) and flight plans.
 */
class PictureStagesTest {
    static Path dir;

    @BeforeAll
    static void simulate() throws Exception {
        dir = Files.createTempDirectory("vigil-stages-test");
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), dir, 900, null);
    }

    @Test
    @Timeout(300)
    void twoStagesGiveTheEventsOfOneThreadByteForByte() throws Exception {
        Set<Thread> afterTable = ConcurrentHashMap.newKeySet();
        byte[] one = replay(false, afterTable);
        assertThat(afterTable).containsExactly(Thread.currentThread());

        afterTable.clear();
        byte[] two = replay(true, afterTable);
        assertThat(afterTable)
                .as("the tracker's side ran on the second stage's thread only")
                .hasSize(1)
                .doesNotContain(Thread.currentThread());

        String text = new String(one, StandardCharsets.UTF_8);
        assertThat(text.lines().count())
                .as("events of 15 minutes of the default scenario")
                .isGreaterThan(1000);
        assertThat(text).contains("\"type\":\"track-confirmed\"").contains("\"type\":\"identity-changed\"");
        assertThat(two).as("two stages, same events").isEqualTo(one);
    }

    /** The replay `vigil replay DIR --events` runs; records the threads the work after the aircraft table ran on. */
    private static byte[] replay(boolean twoStages, Set<Thread> afterTable) throws Exception {
        ReplayFiles run = ReplayFiles.open(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrackingReplay.Session session = TrackingReplay.open(
                run,
                new TrackingReplay.Options(new TrackerConfig(), out, null, null, TrackingReplay.DEFAULT_SAMPLE_SECONDS)
                        .withIdentification(Theatres.builtIn("black-sea-2022")));
        Picture p = session.picture();
        Consumer<ModeSMessage> listener = p.modeS().decodedListener();
        p.modeS().setDecodedListener(m -> {
            afterTable.add(Thread.currentThread());
            listener.accept(m);
        });
        Replayer.Summary s;
        if (twoStages) {
            try (PictureStages stages = PictureStages.split(p, 1024)) {
                s = run.run(stages.sinks());
            }
        } else {
            s = run.run(ReplaySinks.none()
                    .withFrames(p.modeS())
                    .withMessages(p.modeS())
                    .withPlots(p.radarSink())
                    .withFlightPlans(p.flightPlans()::apply));
        }
        assertThat(p.plots()).as("radar plots crossed over").isPositive();
        assertThat(p.serviceMessages())
                .as("radar service messages crossed over")
                .isPositive();
        assertThat(p.flightPlans().size()).as("flight plans crossed over").isPositive();
        session.finish(s, 0);
        return out.toByteArray();
    }
}
