package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.core.track.ScriptedWorld.S;
import static org.vigil.core.track.ScriptedWorld.straight;

import org.junit.jupiter.api.Test;

/** Mode S surveillance replies (DF4/5/20/21) as evidence on the radar track of their address (issue #13). */
class ModeSReplyEvidenceTest {

    @Test
    void aReplyGivesTheRadarTrackOfItsAddressItsAltitudeAndCode() {
        ScriptedWorld w = new ScriptedWorld(13);
        w.radar(0x1901, 0, 0, 10, 50, 0.08, true);
        ScriptedWorld.Target a = w.target("mode S", straight(30_000, 60_000, 100, 230));
        a.icao = 0x4CA123;
        a.mode3A = 01234;
        EventLog log = new EventLog();
        Tracker tracker = w.tracker(log);
        ScriptedWorld.run(tracker, w.generate(120), 5, null);
        SystemTrack t = tracker.trackByIcao(0x4CA123);
        assertThat(t).isNotNull();
        assertThat(t.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(t.altitude()).isCloseTo(9000, within(30.0));
        long now = tracker.now() + 2 * S;

        // DF4/20 between the scans: the climb starts showing before the next plot
        assertThat(tracker.modeSReply(0x4CA123, now, 9_150, Detection.ABSENT)).isTrue();
        assertThat(t.altitude()).as("altitude after the reply").isGreaterThan(9_050);
        // DF5/21: the new code is the track's, told as an identifier change
        int before = log.lines.size();
        assertThat(tracker.modeSReply(0x4CA123, now + S, Double.NaN, 07700)).isTrue();
        assertThat(t.mode3A()).isEqualTo(07700);
        assertThat(log.lines.subList(before, log.lines.size()))
                .anyMatch(l -> l.contains("identifiers #" + t.trackNumber() + " "));

        // an address no radar track carries (a parity-recovered address can be anything): ignored
        assertThat(tracker.modeSReply(0x123456, now + S, 9_000, 02000)).isFalse();
        // an altitude the track cannot have: not this aircraft's reply
        assertThat(tracker.modeSReply(0x4CA123, now + 2 * S, 3_000, Detection.ABSENT))
                .isFalse();
        assertThat(t.altitude()).isGreaterThan(8_500);
        assertThat(tracker.modeSRepliesUsed()).isEqualTo(2);
        assertThat(tracker.modeSRepliesIgnored()).isEqualTo(2);
    }

    @Test
    void aTrackTheRadarNoLongerSupportsTakesNoReply() {
        ScriptedWorld w = new ScriptedWorld(14);
        w.radar(0x1901, 0, 0, 5, 50, 0.08, true);
        ScriptedWorld.Target a = w.target("mode S", straight(30_000, 60_000, 100, 230));
        a.icao = 0x4CA124;
        a.mode3A = 01235;
        Tracker tracker = w.tracker(new EventLog());
        ScriptedWorld.run(tracker, w.generate(60), 5, null);
        SystemTrack t = tracker.trackByIcao(0x4CA124);
        assertThat(t).isNotNull();
        // long after its last plot (coasting beyond radar support): the reply is not the radar's evidence
        assertThat(tracker.modeSReply(0x4CA124, tracker.now() + 30 * S, 9_000, 07700))
                .isFalse();
        assertThat(t.mode3A()).isEqualTo(01235);
    }
}
