package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostureTest {
    @Test
    void changeMethodsKeepInvariantsAndBumpTheVersion() {
        Posture p = TestPostures.blackSea2022();
        long v0 = p.version();
        Base bezmer = new Base("LBIA", "Bezmer", 42.4549, 26.3522, 509);
        p.addDetachment(Detachment.of("ES-EUFI-LBIA", "ES", bezmer, "EUFI", 4, Readiness.QRA_5));
        assertThat(p.size()).isEqualTo(5);
        p.moveDetachment("ES-EUFI-LBIA", QraTestData.base("LRCK", 44.3622, 28.4883));
        assertThat(p.detachment("ES-EUFI-LBIA").base().icao()).isEqualTo("LRCK");
        assertThat(p.detachment("ES-EUFI-LBIA").readiness()).isEqualTo(Readiness.QRA_5);
        p.setReadiness("RO-F16-LRFT", Readiness.AIRBORNE_CAP, new CapStation(44, 30, 25000, 1800));
        assertThat(p.detachment("RO-F16-LRFT").cap()).isNotNull();
        p.setReadiness("RO-F16-LRFT", Readiness.UNAVAILABLE, null);
        assertThat(p.detachment("RO-F16-LRFT").cap()).isNull();
        assertThat(p.detachment("RO-F16-LRFT").unavailability(QraTestData.APRIL_20))
                .isEqualTo(NoInterceptReason.UNIT_UNAVAILABLE);
        p.removeDetachment("BG-MG29-LBPG");
        assertThat(p.detachments()).extracting(Detachment::id).doesNotContain("BG-MG29-LBPG");
        assertThat(p.version()).isEqualTo(v0 + 5);
    }

    @Test
    void rejectsDuplicatesUnknownIdsMissingProfilesAndCapWithoutStation() {
        Posture p = TestPostures.blackSea2022();
        Detachment dup = p.detachment("NL-F35-LBPG");
        assertThatThrownBy(() -> p.addDetachment(dup)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> p.removeDetachment("nope")).hasMessageContaining("nope");
        assertThatThrownBy(() -> p.addDetachment(
                        Detachment.of("X", "RU", QraTestData.base("UKFB", 44.7, 33.6), "SU27", 2, Readiness.QRA_15)))
                .hasMessageContaining("SU27");
        assertThatThrownBy(() -> p.setReadiness("NL-F35-LBPG", Readiness.AIRBORNE_CAP, null))
                .hasMessageContaining("CAP station");
    }

    @Test
    void copyIsIndependent() {
        Posture p = TestPostures.blackSea2022();
        Posture what = p.copy().removeDetachment("NL-F35-LBPG");
        assertThat(p.size()).isEqualTo(4);
        assertThat(what.size()).isEqualTo(3);
    }

    @Test
    void zeroAircraftIsUnavailable() {
        Detachment d = Detachment.of("A", "RO", QraTestData.base("LRFT", 44.39, 27.73), "F16", 0, Readiness.QRA_15);
        assertThat(d.unavailability(0)).isEqualTo(NoInterceptReason.NO_AIRCRAFT);
    }
}
