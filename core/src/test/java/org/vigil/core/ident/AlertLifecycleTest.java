package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.ident.IdentFixture.at;
import static org.vigil.core.ident.IdentFixture.civil;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.ident.IdentFixture.FakeAirspace;
import org.vigil.core.ident.IdentFixture.FakePlans;
import org.vigil.core.ident.IdentFixture.Recorder;

/** Alert de-duplication, lifecycle with who and when, re-raise hold-off, identity overrides. */
class AlertLifecycleTest {
    private Recorder rec;
    private IdentificationEngine engine;
    private TrackFacts f;

    @BeforeEach
    void setUp() {
        rec = new Recorder();
        engine = new IdentificationEngine(
                IdentRules.defaults(), new FakePlans().add("WZZ4375", false, 2217), new FakeAirspace(), rec);
        f = civil(1, "WZZ4375", 0x471F75, 2217, 0);
    }

    private void spoof(boolean on, int fromS, int toS) {
        f.adsbRadarDisagreement = on;
        f.disagreementNm = on ? 20 : Double.NaN;
        for (int s = fromS; s <= toS; s++) {
            f.timeNanos = at(s);
            engine.update(f);
        }
    }

    @Test
    void oneAlertPerTrackAndCauseFollowsTheCauseInsteadOfRepeating() {
        spoof(true, 0, 15);
        // acknowledged: the alert stays open and follows its cause
        assertThat(engine.acknowledge(rec.raised.get(0).id, "sdo-anna", at(15.5)))
                .isTrue();
        spoof(false, 16, 40);
        spoof(true, 41, 60);
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 1 adsb-radar-mismatch P3");
        assertThat(rec.events.stream().filter(e -> e.startsWith("alert-updated")))
                .hasSize(2);
        Alert a = rec.raised.get(0);
        assertThat(a.causeActive()).isTrue();
        assertThat(a.value(0)).isEqualTo(20);
        assertThat(engine.openAlerts()).containsExactly(a);
    }

    @Test
    void lifecycleRecordsWhoAndWhenAndOnlyMovesForward() {
        spoof(true, 0, 10);
        Alert a = rec.raised.get(0);
        assertThat(a.state()).isEqualTo(AlertState.RAISED);
        assertThat(engine.acknowledge(a.id, "sdo-anna", at(11))).isTrue();
        assertThat(engine.acknowledge(a.id, "sdo-anna", at(12))).isFalse();
        assertThat(engine.assign(a.id, "sdo-anna", "QRA LBPG", at(13))).isTrue();
        assertThat(engine.assign(a.id, "sdo-anna", "QRA LRFT", at(14))).isFalse();
        assertThat(engine.acknowledge(a.id, "sdo-bob", at(14))).isFalse();
        assertThat(engine.resolve(a.id, "sdo-bob", "visual ID: WZZ A321, GNSS interference", at(15)))
                .isTrue();
        assertThat(engine.resolve(a.id, "sdo-bob", "again", at(16))).isFalse();
        assertThat(engine.rejectedOperatorActions()).isEqualTo(4);

        assertThat(a.acknowledgedBy()).isEqualTo("sdo-anna");
        assertThat(a.acknowledgedNanos()).isEqualTo(at(11));
        assertThat(a.assignee()).isEqualTo("QRA LBPG");
        assertThat(a.assignedNanos()).isEqualTo(at(13));
        assertThat(a.resolvedBy()).isEqualTo("sdo-bob");
        assertThat(a.resolvedNanos()).isEqualTo(at(15));
        assertThat(a.resolution()).contains("GNSS");
        assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(engine.openAlerts()).isEmpty();
        assertThat(rec.events)
                .containsSubsequence(
                        "alert-raised 1 adsb-radar-mismatch P3",
                        "alert-acknowledged 1 adsb-radar-mismatch P3",
                        "alert-assigned 1 adsb-radar-mismatch P3",
                        "alert-resolved 1 adsb-radar-mismatch P3");
    }

    @Test
    void assigningARaisedAlertAcknowledgesItToo() {
        spoof(true, 0, 10);
        Alert a = rec.raised.get(0);
        assertThat(engine.assign(a.id, "sdo-anna", "ctl-east", at(11))).isTrue();
        assertThat(a.acknowledgedBy()).isEqualTo("sdo-anna");
        assertThat(a.acknowledgedNanos()).isEqualTo(at(11));
    }

    @Test
    void reRaiseOnlyWhenTheCauseReappearsAfterTheHoldOff() {
        spoof(true, 0, 10);
        Alert first = rec.raised.get(0);
        engine.resolve(first.id, "sdo", "known GNSS jamming", at(11));
        // still firing after resolution: no new alert
        spoof(true, 12, 100);
        assertThat(rec.alertsRaised()).hasSize(1);
        // clears and re-appears inside the 300 s hold-off: still nothing
        spoof(false, 101, 120);
        spoof(true, 121, 310);
        assertThat(rec.alertsRaised()).hasSize(1);
        // the hold-off ends at 11 + 300 s while the cause fires again: one new alert
        spoof(true, 311, 320);
        assertThat(rec.alertsRaised()).hasSize(2);
        Alert second = rec.raised.get(1);
        assertThat(second.id).isNotEqualTo(first.id);
        assertThat(second.raisedNanos).isEqualTo(at(311));
        assertThat(engine.track(1).alert(Cause.ADSB_RADAR_MISMATCH)).isSameAs(second);
    }

    @Test
    void noReRaiseWhenTheCauseNeverClearedAfterResolution() {
        spoof(true, 0, 10);
        engine.resolve(rec.raised.get(0).id, "sdo", "ok", at(11));
        spoof(true, 12, 1000);
        assertThat(rec.alertsRaised()).hasSize(1);
    }

    @Test
    void overrideHoldsUntilClearedAndIsAnEvent() {
        spoof(false, 0, 5);
        assertThat(engine.track(1).identity()).isEqualTo(Identity.NEUTRAL);
        assertThat(engine.overrideIdentity(1, Identity.SUSPECT, "sdo-anna", "", at(6)))
                .isFalse();
        assertThat(engine.overrideIdentity(1, Identity.SUSPECT, "sdo-anna", "erratic path, no ATC contact", at(6)))
                .isTrue();
        assertThat(rec.events).containsSubsequence("override 1 suspect by sdo-anna", "identity 1 neutral->suspect");
        spoof(false, 7, 100);
        TrackIdentity t = engine.track(1);
        assertThat(t.identity()).isEqualTo(Identity.SUSPECT);
        assertThat(t.override()).isEqualTo(Identity.SUSPECT);
        assertThat(t.overrideReason()).isEqualTo("erratic path, no ATC contact");
        assertThat(engine.clearOverride(1, "sdo-bob", at(101))).isTrue();
        assertThat(t.identity()).isEqualTo(Identity.NEUTRAL);
        assertThat(rec.events).containsSubsequence("override 1 cleared by sdo-bob", "identity 1 suspect->neutral");
        assertThat(rec.json.toString())
                .contains(
                        "\"type\":\"override-set\"",
                        "\"reason\":\"erratic path, no ATC contact\"",
                        "\"by\":\"operator-override\"",
                        "\"type\":\"override-cleared\"");
    }

    @Test
    void trackDeletionResolvesOpenAlertsAndDropsTheOverride() {
        spoof(true, 0, 10);
        engine.overrideIdentity(1, Identity.HOSTILE, "sdo", "renegade declared by the national authority", at(11));
        Alert a = rec.raised.get(0);
        assertThat(engine.trackDeleted(1, at(12))).isTrue();
        assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(a.resolvedBy()).isEqualTo(IdentificationEngine.SYSTEM_USER);
        assertThat(a.resolution()).isEqualTo("track deleted");
        assertThat(rec.events).containsSubsequence("alert-resolved 1 adsb-radar-mismatch P3", "track-deleted 1");
        assertThat(engine.track(1)).isNull();
        // a later track with the same number starts clean (pooled state reset)
        spoof(false, 13, 14);
        assertThat(engine.track(1).override()).isNull();
        assertThat(engine.track(1).identity()).isEqualTo(Identity.NEUTRAL);
        assertThat(engine.track(1).alert(Cause.ADSB_RADAR_MISMATCH)).isNull();
    }

    @Test
    void aSingleSampleMismatchRaisesNothing() {
        spoof(false, 0, 20);
        spoof(true, 21, 21);
        spoof(false, 22, 120);
        assertThat(rec.alertsRaised()).isEmpty();
        assertThat(rec.events).noneMatch(e -> e.startsWith("rule-fired 1 adsb-radar-mismatch"));
        // nor a flag that flickers: one sample in four, for minutes
        for (int s = 121; s < 400; s++) spoof(s % 4 == 0, s, s);
        assertThat(rec.alertsRaised()).isEmpty();
    }

    @Test
    void anAlertWhoseCauseClearsBeforeAcknowledgementIsClosedBySystemWithTheReason() {
        spoof(true, 0, 10);
        Alert a = rec.raised.get(0);
        assertThat(a.value(0)).isEqualTo(20); // the measured offset
        // hysteresis: the cause is gone only after 3 samples and 15 s without it
        spoof(false, 11, 25);
        assertThat(a.open()).isTrue();
        spoof(false, 26, 26);
        assertThat(a.open()).isFalse();
        assertThat(a.closedByCause()).isTrue();
        assertThat(a.resolvedBy()).isEqualTo(IdentificationEngine.SYSTEM_USER);
        assertThat(a.resolution()).isEqualTo(IdentificationEngine.CAUSE_CLEARED);
        assertThat(a.resolvedNanos()).isEqualTo(at(26));
        assertThat(engine.openAlerts()).isEmpty();
        assertThat(rec.json.toString())
                .contains(
                        "\"type\":\"alert-resolved\"",
                        "\"user\":\"vigil\"",
                        "\"resolution\":\"" + IdentificationEngine.CAUSE_CLEARED);
        // the operator never saw it: when the cause comes back it raises again, without the hold-off
        spoof(true, 27, 40);
        assertThat(rec.alertsRaised()).hasSize(2);
        assertThat(rec.raised.get(1).raisedNanos).isEqualTo(at(37));
    }

    @Test
    void operatorActionsOnUnknownTracksOrAlertsAreRefusedAndCounted() {
        assertThat(engine.acknowledge(99, "sdo", at(0))).isFalse();
        assertThat(engine.overrideIdentity(42, Identity.FRIEND, "sdo", "why", at(0)))
                .isFalse();
        assertThat(engine.radioContactLost(42, true, "sdo", at(0))).isFalse();
        assertThat(engine.rejectedOperatorActions()).isEqualTo(3);
    }

    @Test
    void alertQueueIsOrderedByPriorityThenAge() {
        spoof(true, 0, 10);
        TrackFacts hijack = civil(2, "ABC1", 0x111111, 7500, 11);
        engine.update(hijack);
        hijack.timeNanos = at(12);
        engine.update(hijack);
        assertThat(engine.openAlerts())
                .extracting(x -> x.cause)
                .containsExactly(Cause.SQUAWK_7500, Cause.ADSB_RADAR_MISMATCH);
    }
}
