package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.qra.scramble.ScrambleService;

/** Rotations by date and the weekly responsiveness report, against direct maps of the same days. */
class PostureByDateTest {
    private static final Base SIAULIAI = QraTestData.base("EYSA", 55.8939, 23.3950);
    private static final Base AMARI = QraTestData.base("EEEI", 59.2603, 24.2085);
    private static final MapGrid BALTIC = MapGrid.of(53.5, 60.0, 19.0, 28.5, 25);
    private static final GeoPredicate AREA = GeoPredicate.EVERYWHERE;

    /** Two bases; Amari changes hands with a week's gap (ES to 30 April, GB from 8 May). */
    private static Posture rotations() {
        Posture p = new Posture("test rotations", QraYaml.defaultProfiles());
        p.addDetachment(unit("IT-EUFI-EYSA", "IT", SIAULIAI, "EUFI", "2015-01-01", "2015-08-31"));
        p.addDetachment(unit("ES-EUFI-EEEI", "ES", AMARI, "EUFI", "2015-01-01", "2015-04-30"));
        p.addDetachment(unit("GB-EUFI-EEEI", "GB", AMARI, "EUFI", "2015-05-08", "2015-08-31"));
        return p;
    }

    private static Detachment unit(String id, String nation, Base base, String type, String from, String to) {
        return new Detachment(
                id,
                nation,
                base,
                type,
                2,
                Readiness.QRA_15,
                null,
                new Rotation(LocalDate.parse(from), LocalDate.parse(to)),
                Double.NaN);
    }

    @Test
    void whoHoldsWhichBaseOnADay() {
        Posture p = rotations();
        var april = PostureByDate.holdings(p, LocalDate.parse("2015-04-30"));
        assertThat(april.keySet()).containsExactly("EEEI", "EYSA");
        assertThat(april.get("EEEI")).extracting(PostureByDate.Holding::nation).containsExactly("ES");
        var gap = PostureByDate.holdings(p, LocalDate.parse("2015-05-01"));
        assertThat(gap.keySet()).as("Amari empty between rotations").containsExactly("EYSA");
        var may = PostureByDate.holdings(p, LocalDate.parse("2015-05-08"));
        assertThat(may.get("EEEI")).extracting(PostureByDate.Holding::unit).containsExactly("GB-EUFI-EEEI");
        assertThat(may.get("EEEI").get(0).readiness()).isEqualTo("QRA-15");
    }

    @Test
    void weeklyReportFollowsTheRotationsAndMatchesDirectMaps() {
        Posture p = rotations();
        // from a Wednesday: the first week is cut
        List<PostureByDate.Week> weeks = opening(LocalDate.parse("2015-04-22"), LocalDate.parse("2015-05-17"));
        assertThat(weeks)
                .extracting(PostureByDate.Week::start)
                .containsExactly(
                        LocalDate.parse("2015-04-22"),
                        LocalDate.parse("2015-04-27"),
                        LocalDate.parse("2015-05-04"),
                        LocalDate.parse("2015-05-11"));
        assertThat(weeks.get(0).days()).hasSize(5);
        assertThat(weeks.get(0).end()).isEqualTo(LocalDate.parse("2015-04-26"));
        assertThat(weeks.get(1).changes()).containsExactly("2015-05-01: -ES-EUFI-EEEI");
        assertThat(weeks.get(2).changes()).containsExactly("2015-05-08: +GB-EUFI-EEEI");
        assertThat(weeks.get(0).changes()).isEmpty();
        assertThat(weeks.get(1).bases().get("EEEI"))
                .extracting(PostureByDate.Holding::nation)
                .containsExactly("ES");

        // every day's figures are those of a direct map of that day
        for (PostureByDate.Week w : weeks) {
            for (PostureByDate.Day d : w.days()) {
                assertThat(d.stats())
                        .as(d.date().toString())
                        .isEqualTo(direct(p, d.date().toString()));
            }
        }
        // Amari's gap: the north goes uncovered that week, and is covered again when GB arrives
        PostureByDate.Week full = weeks.get(0), gap = weeks.get(2), back = weeks.get(3);
        assertThat(gap.days().get(0).units()).containsExactly("IT-EUFI-EYSA");
        assertThat(gap.worstCoveredShare()).isLessThan(full.worstCoveredShare());
        assertThat(gap.meanCoveredShare()).isGreaterThan(gap.worstCoveredShare()); // GB on the last day
        assertThat(back.worstCoveredShare()).isEqualTo(full.worstCoveredShare());
        assertThat(back.meanMinutes()).isEqualTo(full.meanMinutes(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(full.meanCoveredShare()).isEqualTo(full.worstCoveredShare());
        assertThat(gap.worstCoveredMinutes())
                .isGreaterThanOrEqualTo(gap.days().get(6).stats().worstCovered());
    }

    @Test
    void aPeriodWithNobodyOnDutyIsUncoveredNotAnError() {
        List<PostureByDate.Week> weeks = PostureByDate.weekly(
                rotations(),
                BALTIC,
                AREA,
                35_000,
                300,
                TargetMotion.STATIONARY,
                InterceptOptions.defaults(),
                LocalDate.parse("2016-01-04"),
                LocalDate.parse("2016-01-10"));
        assertThat(weeks).hasSize(1);
        assertThat(weeks.get(0).bases()).isEmpty();
        assertThat(weeks.get(0).worstCoveredShare()).isZero();
        assertThat(weeks.get(0).meanMinutes()).isNaN();
    }

    /**
     * Readiness by date (issue #19 item 5): a supervisor stands Amari's unit down on 21 April at
     * 18:00 and back up on 23 April at 06:00 (data time, through the scramble workflow); the report
     * reads each day with the readiness then in force, though the current readiness is QRA-15 again.
     */
    @Test
    void readinessChangedByASupervisorIsReadByDate() {
        ScrambleService service =
                new ScrambleService(rotations(), org.vigil.core.qra.scramble.ScrambleConfig.defaults(), null, null);
        service.observe(nanos("2015-04-21T18:00:00Z"));
        assertThat(service.setReadiness("ES-EUFI-EEEI", Readiness.UNAVAILABLE, null, "sam", ScrambleService.Gate.OPEN)
                        .ok())
                .isTrue();
        service.observe(nanos("2015-04-23T06:00:00Z"));
        assertThat(service.setReadiness("ES-EUFI-EEEI", Readiness.QRA_15, null, "sam", ScrambleService.Gate.OPEN)
                        .ok())
                .isTrue();
        Posture p = service.postureCopy();
        assertThat(p.detachment("ES-EUFI-EEEI").readiness()).isEqualTo(Readiness.QRA_15);
        assertThat(p.changes())
                .extracting(Posture.Change::epochMs)
                .containsExactly(
                        nanos("2015-04-21T18:00:00Z") / 1_000_000L, nanos("2015-04-23T06:00:00Z") / 1_000_000L);

        List<PostureByDate.Week> weeks = opening(p, LocalDate.parse("2015-04-20"), LocalDate.parse("2015-04-26"));
        assertThat(weeks).hasSize(1);
        List<PostureByDate.Day> days = weeks.get(0).days();
        Posture down = rotations().setReadiness("ES-EUFI-EEEI", Readiness.UNAVAILABLE, null);
        ResponseStats full = direct(rotations(), "2015-04-20"), reduced = direct(down, "2015-04-22");
        assertThat(reduced.coveredShare()).isLessThan(full.coveredShare());
        assertThat(days.get(0).stats()).isEqualTo(full);
        assertThat(days.get(2).stats()).as("22 April: stood down all day").isEqualTo(reduced);
        assertThat(days.get(2).units()).containsExactly("IT-EUFI-EYSA");
        assertThat(days.get(4).stats()).isEqualTo(direct(rotations(), "2015-04-24"));
        // 21 April: up for 18 h, down for 6 h; 23 April: down for 6 h, up for 18 h
        for (int i : new int[] {1, 3}) {
            PostureByDate.Day d = days.get(i);
            assertThat(d.periods()).hasSize(2);
            assertThat(d.stats().uncovered()).as(d.date().toString()).isEqualTo((int)
                    Math.round(0.75 * full.uncovered() + 0.25 * reduced.uncovered()));
            assertThat(d.stats().coveredShare()).isStrictlyBetween(reduced.coveredShare(), full.coveredShare());
        }
        assertThat(days.get(1).periods().get(1).units()).containsExactly("IT-EUFI-EYSA");
        assertThat(days.get(3).periods().get(1).units()).containsExactly("IT-EUFI-EYSA", "ES-EUFI-EEEI");
        assertThat(weeks.get(0).worstCoveredShare()).isEqualTo(reduced.coveredShare());
        assertThat(weeks.get(0).changes())
                .containsExactly(
                        "2015-04-21T18:00:00Z: ES-EUFI-EEEI QRA-15 -> UNAVAILABLE",
                        "2015-04-22: -ES-EUFI-EEEI",
                        "2015-04-23T06:00:00Z: ES-EUFI-EEEI UNAVAILABLE -> QRA-15",
                        "2015-04-24: +ES-EUFI-EEEI");
        assertThat(PostureByDate.holdings(p, LocalDate.parse("2015-04-22"))).doesNotContainKey("EEEI");
        assertThat(PostureByDate.holdings(p, LocalDate.parse("2015-04-24"))).containsKey("EEEI");
    }

    private static ResponseStats direct(Posture p, String day) {
        return new Responsiveness()
                .compute(
                        p,
                        BALTIC,
                        AREA,
                        35_000,
                        300,
                        TargetMotion.OPENING,
                        InterceptOptions.defaults(),
                        LocalDate.parse(day).toEpochDay() * 86_400_000L)
                .stats(AREA);
    }

    private static long nanos(String instant) {
        return java.time.Instant.parse(instant).toEpochMilli() * 1_000_000L;
    }

    @Test
    void badPeriodsAreRefused() {
        assertThatThrownBy(() -> opening(LocalDate.parse("2015-05-01"), LocalDate.parse("2015-04-01")))
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> opening(LocalDate.parse("2015-01-01"), LocalDate.parse("2018-01-01")))
                .hasMessageContaining("at most");
    }

    private static List<PostureByDate.Week> opening(LocalDate from, LocalDate to) {
        return opening(rotations(), from, to);
    }

    private static List<PostureByDate.Week> opening(Posture p, LocalDate from, LocalDate to) {
        return PostureByDate.weekly(
                p, BALTIC, AREA, 35_000, 300, TargetMotion.OPENING, InterceptOptions.defaults(), from, to);
    }
}
