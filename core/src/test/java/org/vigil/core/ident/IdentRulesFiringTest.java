package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.ident.IdentFixture.at;
import static org.vigil.core.ident.IdentFixture.civil;
import static org.vigil.core.ident.IdentFixture.fly;
import static org.vigil.core.ident.IdentFixture.primary;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;
import org.vigil.core.ident.IdentFixture.FakeAirspace;
import org.vigil.core.ident.IdentFixture.FakePlans;
import org.vigil.core.ident.IdentFixture.Recorder;

/** Every rule on a scripted track (fake plans and a fake border at 28 E), and nothing on an ordinary civil flight. */
class IdentRulesFiringTest {
    private FakePlans plans;
    private FakeAirspace air;
    private Recorder rec;
    private IdentificationEngine engine;
    /** Rules seen firing in this test (for the coverage test). */
    private final Set<Cause> fired = EnumSet.noneOf(Cause.class);

    @BeforeEach
    void setUp() {
        plans = new FakePlans()
                .add("ROT263", false, 4521)
                .add("UAF2201", true, -1)
                .add("THY1TK", false, -1);
        air = new FakeAirspace();
        rec = new Recorder();
        engine = new IdentificationEngine(IdentRules.defaults(), plans, air, rec);
    }

    /** Updates {@code f} every second from {@code from} to {@code to} (inclusive), flying it. */
    private TrackIdentity run(TrackFacts f, int from, int to) {
        TrackIdentity t = null;
        for (int s = from; s <= to; s++) {
            if (s > from) fly(f, s - 1, s);
            else f.timeNanos = at(s);
            t = engine.update(f);
            for (Evidence e : t.firing()) fired.add(e.cause);
        }
        return t;
    }

    private TrackFacts ordinaryCivil() {
        return civil(1, "ROT263", 0x4A8263, 4521, 0);
    }

    @Test
    void ordinaryCivilFlightWithCorrelatedPlanIsNeutralAtOnceAndNeverAlerts() {
        TrackIdentity t = run(ordinaryCivil(), 0, 600);
        assertThat(t.identity()).isEqualTo(Identity.NEUTRAL);
        assertThat(t.firingIds()).containsExactly("flight-plan-correlated");
        assertThat(t.decidingCause()).isEqualTo(Cause.FLIGHT_PLAN_CORRELATED);
        assertThat(rec.alertsRaised()).isEmpty();
        assertThat(rec.events)
                .containsExactly(
                        "track-started 1", "rule-fired 1 flight-plan-correlated", "identity 1 pending->neutral");
        // correlation is throttled: first update, then every 10 s, not 601 times
        assertThat(plans.calls).isBetween(60, 62);
        // a civil flight with a plan needs no airspace look-ahead
        assertThat(air.calls).isZero();
    }

    @Test
    void noFlightPlanIsPendingForThePendingPeriodThenUnknownWithAnAlert() {
        int pending = (int) (IdentRules.defaults().pendingNanos / 1_000_000_000L);
        assertThat(pending).isEqualTo(15);
        TrackFacts f = civil(2, "LZDBS", 0x450A11, 7000, 0);
        TrackIdentity t = run(f, 0, pending - 1);
        assertThat(t.identity()).isEqualTo(Identity.PENDING);
        assertThat(rec.alertsRaised()).isEmpty();
        // the condition held through the pending period (persistence counts it): the rule fires at its end
        t = run(f, pending, pending);
        assertThat(t.identity()).isEqualTo(Identity.UNKNOWN);
        assertThat(t.decidingCause()).isEqualTo(Cause.NO_FLIGHT_PLAN);
        assertThat(t.evidence(Cause.NO_FLIGHT_PLAN).sinceNanos()).isEqualTo(at(pending));
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 2 no-flight-plan P4");
        // born inside "BG" with a transponder: no airspace violation
        run(f, pending + 1, 120);
        assertThat(t.firingIds()).containsExactly("no-flight-plan");
    }

    @Test
    void primaryOnlyFlyingAwayIsUnknownWithNoTransponderAlertOnly() {
        TrackIdentity t = run(primary(3, 43.5, 31.0, 90, 330, 0), 0, 60);
        assertThat(t.identity()).isEqualTo(Identity.UNKNOWN);
        assertThat(t.firingIds()).containsExactly("no-transponder");
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 3 no-transponder P3");
    }

    @Test
    void emergencySquawksAlertWithTheirPriorities() {
        int[][] cases = {{7500, 1}, {7600, 3}, {7700, 2}};
        int track = 10;
        for (int[] c : cases) {
            TrackFacts f = civil(track, "ROT263", 0x4A8263, 4521, 0);
            run(f, 0, 40);
            f.squawk = c[0];
            TrackIdentity t = run(f, 41, 45);
            String rule = "squawk-" + c[0];
            assertThat(t.firingIds()).contains(rule);
            assertThat(rec.alertsRaised()).containsExactly("alert-raised " + track + " " + rule + " P" + c[1]);
            // the second sample with the code (2 of 3): one corrupted reply raises nothing
            assertThat(rec.raised.get(0).raisedNanos).isEqualTo(at(42));
            // hijack: suspect; radio failure and emergency stay identified (the plan still correlates)
            assertThat(t.identity()).isEqualTo(c[0] == 7500 ? Identity.SUSPECT : Identity.NEUTRAL);
            engine.trackDeleted(track, at(50));
            rec.clear();
            track++;
        }
    }

    @Test
    void anEmergencyCodeOnATrackThatNoLongerCorrelatesRaisesOnlyTheEmergency() {
        // a Mode A/C-only track correlates by its code: squawking 7600 it loses its plan (benchmark, issue #14)
        TrackFacts f = civil(12, "", TrackFacts.ABSENT, 7600, 0);
        f.callsign = 0;
        f.hasAdsb = false;
        run(f, 0, 60);
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 12 squawk-7600 P3");
    }

    @Test
    void adsbEmergencyStatusCountsAsTheSquawk() {
        TrackFacts f = ordinaryCivil();
        f.emergencyState = 5;
        TrackIdentity t = run(f, 0, 1);
        assertThat(t.identity()).isEqualTo(Identity.SUSPECT);
        assertThat(t.evidence(Cause.SQUAWK_7500).value(1)).isEqualTo(5);
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 1 squawk-7500 P1");
    }

    @Test
    void radioContactLostByOperatorAlertsAndRestoreClearsTheCause() {
        TrackFacts f = ordinaryCivil();
        run(f, 0, 40);
        assertThat(engine.radioContactLost(1, true, "ctl-west", at(40.5))).isTrue();
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 1 radio-contact-lost P3");
        assertThat(engine.track(1).evidence(Cause.RADIO_CONTACT_LOST).detail()).isEqualTo("ctl-west");
        run(f, 41, 60);
        assertThat(rec.alertsRaised()).hasSize(1);
        engine.radioContactLost(1, false, "ctl-west", at(60.5));
        // nobody acknowledged the alert before the cause cleared: the system closes it, saying why
        assertThat(rec.events).contains("rule-cleared 1 radio-contact-lost", "alert-resolved 1 radio-contact-lost P3");
        assertThat(rec.raised.get(0).causeActive()).isFalse();
        assertThat(rec.raised.get(0).open()).isFalse();
        assertThat(rec.raised.get(0).resolvedBy()).isEqualTo(IdentificationEngine.SYSTEM_USER);
        assertThat(rec.raised.get(0).resolution()).isEqualTo(IdentificationEngine.CAUSE_CLEARED);
        fired.add(Cause.RADIO_CONTACT_LOST);
    }

    @Test
    void noReplyToControllerFiresAfterTheConfiguredMinutes() {
        TrackFacts f = ordinaryCivil();
        run(f, 0, 20);
        engine.noReplySince(1, at(10), "ctl-west", at(20));
        TrackIdentity t = run(f, 21, 309);
        assertThat(t.evidence(Cause.NO_REPLY_TO_CONTROLLER).active()).isFalse();
        t = run(f, 310, 310);
        assertThat(t.evidence(Cause.NO_REPLY_TO_CONTROLLER).active()).isTrue();
        assertThat(t.evidence(Cause.NO_REPLY_TO_CONTROLLER).value(0)).isEqualTo(5.0);
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 1 no-reply-to-controller P3");
        engine.replyReceived(1, "ctl-west", at(311));
        assertThat(t.evidence(Cause.NO_REPLY_TO_CONTROLLER).active()).isFalse();
    }

    @Test
    void noReplyLimitIsData() {
        RuleSetting one = new RuleSetting(Cause.NO_REPLY_TO_CONTROLLER, true, null, 3, false, new double[] {1});
        engine = new IdentificationEngine(IdentRules.defaults().with(one), plans, air, rec);
        TrackFacts f = ordinaryCivil();
        run(f, 0, 10);
        engine.noReplySince(1, at(0), "ctl", at(10));
        assertThat(run(f, 11, 59).evidence(Cause.NO_REPLY_TO_CONTROLLER).active())
                .isFalse();
        assertThat(run(f, 60, 60).evidence(Cause.NO_REPLY_TO_CONTROLLER).active())
                .isTrue();
    }

    @Test
    void routeDeviationBeyondThresholdFiresWithTheCrossTrackDistance() {
        TrackFacts f = ordinaryCivil();
        run(f, 0, 40);
        plans.deviate("ROT263", 9.9);
        assertThat(run(f, 41, 60).evidence(Cause.ROUTE_DEVIATION).active()).isFalse();
        plans.deviate("ROT263", 14.2);
        TrackIdentity t = run(f, 61, 80);
        assertThat(t.evidence(Cause.ROUTE_DEVIATION).active()).isTrue();
        assertThat(t.evidence(Cause.ROUTE_DEVIATION).value(0)).isEqualTo(14.2);
        // the evidence is the measured distance, not the threshold
        assertThat(t.evidence(Cause.ROUTE_DEVIATION).text())
                .contains("crossTrackNm=14.2", "ROT263")
                .doesNotContain("=10");
        assertThat(t.identity()).isEqualTo(Identity.NEUTRAL);
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 1 route-deviation P3");
    }

    @Test
    void routeUnknownIsEvidenceWithoutAlertOrChangeOfIdentity() {
        plans.unknownRoute("ROT263", "XXZZ NOSUC");
        TrackIdentity t = run(ordinaryCivil(), 0, 30);
        assertThat(t.evidence(Cause.ROUTE_UNKNOWN).active()).isTrue();
        assertThat(t.evidence(Cause.ROUTE_UNKNOWN).text())
                .isEqualTo("route-unknown: " + Cause.ROUTE_UNKNOWN.title + " (routePoints=2; ROT263; XXZZ NOSUC)");
        assertThat(t.identity()).isEqualTo(Identity.NEUTRAL);
        assertThat(rec.alertsRaised()).isEmpty();
        assertThat(rec.events).contains("rule-fired 1 route-unknown");
    }

    @Test
    void squawkNotAsFiledTakesAwayTheNeutralIdentity() {
        TrackFacts f = civil(1, "ROT263", 0x4A8263, 1234, 0);
        TrackIdentity t = run(f, 0, 40);
        assertThat(t.firingIds()).containsExactly("squawk-not-as-filed");
        assertThat(t.identity()).isEqualTo(Identity.UNKNOWN);
    }

    @Test
    void civilTrackWithoutPlanApproachingThenEnteringNatoAirspace() {
        // 60 NM east of the fake border at 28 E, westbound at 360 kt: entry in about 600 s
        TrackFacts f = civil(4, "ABC123", 0x123456, 2345, 0);
        f.latDeg = 43.0;
        f.lonDeg = 28.0 + 60.0 / 60 / Math.cos(Math.toRadians(43.0));
        f.trackDeg = 270;
        f.groundSpeedKt = 360;
        TrackIdentity t = run(f, 0, 30);
        assertThat(t.evidence(Cause.APPROACHING_NATIONAL_AIRSPACE).active()).isTrue();
        assertThat(t.evidence(Cause.APPROACHING_NATIONAL_AIRSPACE).value(0)).isBetween(560.0, 600.0);
        assertThat(t.evidence(Cause.APPROACHING_NATIONAL_AIRSPACE).detail()).isEqualTo("BG");
        assertThat(rec.alertsRaised())
                .containsExactly("alert-raised 4 no-flight-plan P4", "alert-raised 4 approaching-national-airspace P2");
        t = run(f, 31, 620);
        assertThat(t.evidence(Cause.INSIDE_NATIONAL_AIRSPACE).active()).isTrue();
        assertThat(t.evidence(Cause.APPROACHING_NATIONAL_AIRSPACE).active()).isFalse();
        assertThat(rec.alertsRaised()).contains("alert-raised 4 inside-national-airspace P1");
        // throttled: a look-ahead every tenth of the time to entry (5 to 60 s), then every 5 s inside; not 621
        assertThat(air.calls).isBetween(20, 130);
    }

    @Test
    void militaryCallsignWithoutClearanceHeadingForNatoAirspaceIsSuspect() {
        TrackFacts f = civil(5, "RFF7001", 0x155F01, TrackFacts.ABSENT, 0);
        f.hasAdsb = false;
        f.latDeg = 43.0;
        f.lonDeg = 28.0 + 80.0 / 60 / Math.cos(Math.toRadians(43.0));
        f.trackDeg = 270;
        f.groundSpeedKt = 400;
        TrackIdentity t = run(f, 0, 40);
        assertThat(t.identity()).isEqualTo(Identity.SUSPECT);
        assertThat(t.decidingCause()).isEqualTo(Cause.MILITARY_WITHOUT_CLEARANCE);
        Evidence e = t.evidence(Cause.MILITARY_WITHOUT_CLEARANCE);
        assertThat(e.value(0)).isBetween(600.0, 720.0);
        assertThat(e.detail()).isEqualTo("BG");
        assertThat(e.detail2()).isEqualTo("Russian state/military callsign (RFF)");
        assertThat(rec.alertsRaised()).contains("alert-raised 5 military-without-clearance P2");
        // not also the civil airspace rule: one alert per cause that matters
        assertThat(t.evidence(Cause.APPROACHING_NATIONAL_AIRSPACE).active()).isFalse();
    }

    @Test
    void militaryWithValidClearanceIsNotAlertedButExpiredOrOtherStateIs() {
        long day = at(0);
        TrackFacts f = civil(6, "RFF7001", 0x155F01, TrackFacts.ABSENT, 0);
        f.latDeg = 43.0;
        f.lonDeg = 28.5;
        f.trackDeg = 270;
        engine.addClearance(new DiplomaticClearance(
                "BG-1",
                CallsignPattern.of("RFF7001"),
                -1,
                -1,
                List.of("BG"),
                day - 3_600_000_000_000L,
                day + 3_600_000_000_000L));
        TrackIdentity t = run(f, 0, 60);
        assertThat(t.evidence(Cause.MILITARY_WITHOUT_CLEARANCE).active()).isFalse();

        // a clearance from another state, or one that ran out, does not count
        engine = new IdentificationEngine(IdentRules.defaults(), plans, air, rec);
        engine.addClearance(new DiplomaticClearance(
                "RO-1",
                CallsignPattern.of("RFF7001"),
                -1,
                -1,
                List.of("RO"),
                day - 3_600_000_000_000L,
                day + 3_600_000_000_000L));
        engine.addClearance(new DiplomaticClearance(
                "BG-old",
                CallsignPattern.of("RFF*"),
                -1,
                -1,
                List.of("BG"),
                day - 7_200_000_000_000L,
                day - 3_600_000_000_000L));
        f = civil(6, "RFF7001", 0x155F01, TrackFacts.ABSENT, 0);
        f.latDeg = 43.0;
        f.lonDeg = 28.5;
        f.trackDeg = 270;
        t = run(f, 0, 60);
        assertThat(t.evidence(Cause.MILITARY_WITHOUT_CLEARANCE).active()).isTrue();
    }

    @Test
    void stateFlightPlanNeedsTheClearanceToo() {
        TrackFacts f = civil(7, "UAF2201", 0x508001, 3001, 0);
        f.latDeg = 43.0;
        f.lonDeg = 28.3;
        f.trackDeg = 270;
        TrackIdentity t = run(f, 0, 40);
        // sample list: UAF22?? cleared over BG and RO on 2022-04-20
        assertThat(t.evidence(Cause.MILITARY_WITHOUT_CLEARANCE).active()).isFalse();
        assertThat(t.identity()).isEqualTo(Identity.NEUTRAL);
        IdentRules noLists = IdentRules.defaults().withLists(List.of(), List.of(), List.of());
        engine = new IdentificationEngine(noLists, plans, air, rec);
        f = civil(7, "UAF2201", 0x508001, 3001, 0);
        f.latDeg = 43.0;
        f.lonDeg = 28.3;
        f.trackDeg = 270;
        t = run(f, 0, 40);
        assertThat(t.evidence(Cause.MILITARY_WITHOUT_CLEARANCE).active()).isTrue();
        assertThat(t.evidence(Cause.MILITARY_WITHOUT_CLEARANCE).detail2()).isEqualTo("state flight (STS/STATE)");
        assertThat(t.identity()).isEqualTo(Identity.SUSPECT);
    }

    @Test
    void spoofFlagAlertsAboveTheMinimumDistance() {
        TrackFacts f = ordinaryCivil();
        f.adsbRadarDisagreement = true;
        f.disagreementNm = 0.5;
        assertThat(run(f, 0, 10).evidence(Cause.ADSB_RADAR_MISMATCH).active()).isFalse();
        f.disagreementNm = 20;
        f.disagreementChiSquare = 3149;
        // persistence: 10 s of disagreement before the rule fires
        assertThat(run(f, 11, 20).evidence(Cause.ADSB_RADAR_MISMATCH).active()).isFalse();
        TrackIdentity t = run(f, 21, 21);
        assertThat(t.evidence(Cause.ADSB_RADAR_MISMATCH).active()).isTrue();
        assertThat(t.evidence(Cause.ADSB_RADAR_MISMATCH).value(0)).isEqualTo(20);
        assertThat(t.evidence(Cause.ADSB_RADAR_MISMATCH).value(1)).isEqualTo(3149);
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 1 adsb-radar-mismatch P3");
        // the victim of spoofing is still the identified airliner
        assertThat(t.identity()).isEqualTo(Identity.NEUTRAL);
    }

    @Test
    void interferenceAreaOverAQraFighterOrATrackOfInterestAlertsButNotOverAnAirlinerOnItsPlan() {
        // the airliner on its plan inside an area: the heat map shows it, no alert
        TrackFacts airliner = ordinaryCivil();
        inArea(airliner, 4, 0.6, 1);
        TrackIdentity t = run(airliner, 0, 30);
        assertThat(t.evidence(Cause.GNSS_INTERFERENCE).active()).isFalse();
        assertThat(rec.alertsRaised()).isEmpty();
        // a QRA fighter (BGAF MiG-29 450F02) flying into the area: its route and navigation are affected
        TrackFacts mig = civil(9, "XYZ", 0x450F02, 7001, 0);
        run(mig, 0, 10);
        inArea(mig, 4, 0.6, 1);
        // persistence: 3 of 4 samples over 5 s
        assertThat(run(mig, 11, 15).evidence(Cause.GNSS_INTERFERENCE).active()).isFalse();
        t = run(mig, 16, 16);
        Evidence e = t.evidence(Cause.GNSS_INTERFERENCE);
        assertThat(e.active()).isTrue();
        assertThat(e.value(0)).isEqualTo(4);
        assertThat(e.value(1)).isEqualTo(0.6);
        assertThat(e.value(2)).isEqualTo(1);
        assertThat(e.detail())
                .isEqualTo(engine.track(9).evidence(Cause.QRA_UNIT).detail());
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 9 gnss-interference P3");
        assertThat(t.identity()).isEqualTo(Identity.FRIEND); // the alert changes no identity
        // out of the area: the cause clears after 3 samples and 30 s
        inArea(mig, 0, Double.NaN, 0);
        assertThat(run(mig, 17, 40).evidence(Cause.GNSS_INTERFERENCE).active()).isTrue();
        assertThat(run(mig, 41, 50).evidence(Cause.GNSS_INTERFERENCE).active()).isFalse();
        // a track of interest (no flight plan, not friendly) in a spoofing area
        rec.clear();
        TrackFacts unknown = civil(2, "LZDBS", 0x450A11, 7000, 0);
        inArea(unknown, 7, 1.0, 3);
        assertThat(run(unknown, 0, 20).evidence(Cause.GNSS_INTERFERENCE).active())
                .isTrue();
        assertThat(rec.alertsRaised()).contains("alert-raised 2 gnss-interference P3");
    }

    private static void inArea(TrackFacts f, int area, double share, int status) {
        f.interferenceArea = area;
        f.interferenceShare = share;
        f.gnssStatus = status;
    }

    @Test
    void implausibleKinematicsFromTheFlagOrTheLimits() {
        TrackFacts f = ordinaryCivil();
        // the motion must stay implausible for fire-s (30 s): a new track's first estimates are wild
        f.groundSpeedKt = 1600;
        assertThat(run(f, 0, 29).evidence(Cause.IMPLAUSIBLE_KINEMATICS).active())
                .isFalse();
        assertThat(run(f, 30, 31).evidence(Cause.IMPLAUSIBLE_KINEMATICS).active())
                .isTrue();
        assertThat(engine.track(1).evidence(Cause.IMPLAUSIBLE_KINEMATICS).value(0))
                .isEqualTo(1600); // the measured speed, not the limit
        f.groundSpeedKt = 450;
        // hysteresis: clears after 3 samples and 10 s without the condition
        assertThat(run(f, 32, 40).evidence(Cause.IMPLAUSIBLE_KINEMATICS).active())
                .isTrue();
        assertThat(run(f, 41, 45).evidence(Cause.IMPLAUSIBLE_KINEMATICS).active())
                .isFalse();
        f.implausibleKinematics = true;
        assertThat(run(f, 46, 75).evidence(Cause.IMPLAUSIBLE_KINEMATICS).active())
                .isFalse();
        assertThat(run(f, 76, 79).evidence(Cause.IMPLAUSIBLE_KINEMATICS).active())
                .isTrue();
        // the first alert was closed by the system when its cause cleared unacknowledged; the second episode raises
        // anew
        assertThat(rec.alertsRaised())
                .containsExactly(
                        "alert-raised 1 implausible-kinematics P4", "alert-raised 1 implausible-kinematics P4");
        assertThat(rec.raised.get(0).closedByCause()).isTrue();
    }

    @Test
    void friendlyListAndQraUnitsIdentifyWithoutAlerts() {
        TrackIdentity reach = run(civil(8, "RCH123", 0x0A0001, 4001, 0), 0, 60);
        assertThat(reach.identity()).isEqualTo(Identity.ASSUMED_FRIEND);
        assertThat(reach.evidence(Cause.KNOWN_FRIENDLY).detail()).isEqualTo("USAF Air Mobility Command (REACH)");
        // scenario QRA: BGAF MiG-29s 450F01..450F02, callsign BGF
        TrackIdentity mig = run(civil(9, "XYZ", 0x450F02, 7001, 0), 0, 60);
        assertThat(mig.identity()).isEqualTo(Identity.FRIEND);
        TrackIdentity byCallsign = run(civil(10, "BGF12", 0x450999, 7002, 0), 0, 60);
        assertThat(byCallsign.identity()).isEqualTo(Identity.FRIEND);
        // a unit linked at run time
        engine.linkQraUnit(new QraLink("TuAF F-16 (LTFM)", 0x4B8F01, 2, "TUAF"));
        TrackIdentity tur = run(civil(11, "TUAF01", 0x4B8F02, 7003, 0), 0, 60);
        assertThat(tur.identity()).isEqualTo(Identity.FRIEND);
        assertThat(rec.alertsRaised()).isEmpty();
    }

    @Test
    void hijackBeatsFriendship() {
        TrackFacts f = civil(9, "BGF01", 0x450F01, 7500, 0);
        assertThat(run(f, 0, 1).identity()).isEqualTo(Identity.SUSPECT);
    }

    @Test
    void everyRuleFiresInSomeScriptAndNoneButTheCorrelationOnTheCivilFlight() {
        fired.clear();
        ordinaryCivilFlightWithCorrelatedPlanIsNeutralAtOnceAndNeverAlerts();
        assertThat(fired).containsExactly(Cause.FLIGHT_PLAN_CORRELATED);
        Runnable[] scripts = {
            this::noFlightPlanIsPendingForThePendingPeriodThenUnknownWithAnAlert,
            this::primaryOnlyFlyingAwayIsUnknownWithNoTransponderAlertOnly,
            this::emergencySquawksAlertWithTheirPriorities,
            this::radioContactLostByOperatorAlertsAndRestoreClearsTheCause,
            this::noReplyToControllerFiresAfterTheConfiguredMinutes,
            this::routeDeviationBeyondThresholdFiresWithTheCrossTrackDistance,
            this::routeUnknownIsEvidenceWithoutAlertOrChangeOfIdentity,
            this::squawkNotAsFiledTakesAwayTheNeutralIdentity,
            this::civilTrackWithoutPlanApproachingThenEnteringNatoAirspace,
            this::militaryCallsignWithoutClearanceHeadingForNatoAirspaceIsSuspect,
            this::spoofFlagAlertsAboveTheMinimumDistance,
            this::implausibleKinematicsFromTheFlagOrTheLimits,
            this::interferenceAreaOverAQraFighterOrATrackOfInterestAlertsButNotOverAnAirlinerOnItsPlan,
            this::friendlyListAndQraUnitsIdentifyWithoutAlerts
        };
        for (Runnable r : scripts) {
            setUp();
            r.run();
        }
        assertThat(fired).containsExactlyInAnyOrder(Cause.values());
    }

    @Test
    void nonFinitePositionIsCountedNotEvaluated() {
        TrackFacts f = ordinaryCivil();
        f.latDeg = Double.NaN;
        assertThat(engine.update(f)).isNull();
        assertThat(engine.rejectedUpdates()).isEqualTo(1);
        assertThat(engine.trackCount()).isZero();
        assertThat(Callsigns.unpack(ordinaryCivil().callsign)).isEqualTo("ROT263");
    }
}
