package org.vigil.core.qra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.Units;

class QraYamlTest {
    private static ByteArrayInputStream yaml(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultProfilesLoadWithPlausibleFigures() {
        Map<String, AircraftProfile> p = QraYaml.defaultProfiles();
        assertThat(p).containsKeys("F35", "F16", "MG29", "EUFI", "JAS39", "F18S", "RFAL");
        AircraftProfile f16 = p.get("F16");
        assertThat(f16.combatRadiusNm()).isEqualTo(430);
        // M0.9 at FL350: about 521 kt
        assertThat(f16.subsonicTasMps(35000) / Units.KT).isCloseTo(0.9 * 576.4, within(2.0));
        assertThat(f16.supersonicTasMps(35000) / Units.KT).isGreaterThan(800);
        assertThat(f16.supersonicTasMps(5000)).isNaN();
        assertThat(f16.climbTimeS(0, 30000)).isEqualTo(150);
        assertThat(f16.climbTimeS(180, 30000)).isCloseTo(150 - 45 * 180 / 10000.0, within(1e-9));
        assertThat(f16.climbDistanceM(0, 35000)).isCloseTo(23.5 * Units.NM, within(1e-6));
        assertThat(f16.climbTimeS(30000, 20000)).isZero();
    }

    @Test
    void theBlackSea2022PostureFileReadsAsItsScenarioSays() {
        Posture posture = TestPostures.blackSea2022();
        assertThat(posture.detachments())
                .extracting(Detachment::id)
                .containsExactly("NL-F35-LBPG", "BG-MG29-LBPG", "RO-F16-LRFT", "DE-EUFI-LRCK");
        Detachment nl = posture.detachment("NL-F35-LBPG");
        assertThat(nl.base().icao()).isEqualTo("LBPG");
        assertThat(nl.base().latDeg()).isEqualTo(42.2904);
        assertThat(nl.count()).isEqualTo(2);
        assertThat(nl.readiness()).isEqualTo(Readiness.QRA_15);
        assertThat(nl.timeToAirborneS()).isEqualTo(900);
        assertThat(nl.rotation().from().toString()).isEqualTo("2022-04-06");
        assertThat(posture.detachment("RO-F16-LRFT").base().lonDeg()).isEqualTo(27.7267);
        assertThat(posture.profileOf(nl).type()).isEqualTo("F35");
    }

    @Test
    void rotationDatesAreInclusiveUtcDays() {
        Detachment nl = TestPostures.blackSea2022().detachment("NL-F35-LBPG");
        assertThat(nl.unavailability(Instant.parse("2022-04-05T23:59:59Z").toEpochMilli()))
                .isEqualTo(NoInterceptReason.OUTSIDE_ROTATION);
        assertThat(nl.unavailability(Instant.parse("2022-04-06T00:00:00Z").toEpochMilli()))
                .isNull();
        assertThat(nl.unavailability(Instant.parse("2022-05-31T23:59:59Z").toEpochMilli()))
                .isNull();
        assertThat(nl.unavailability(Instant.parse("2022-06-01T00:00:00Z").toEpochMilli()))
                .isEqualTo(NoInterceptReason.OUTSIDE_ROTATION);
    }

    @Test
    void capAndOverridesAreRead() {
        String doc = """
                name: t
                detachments:
                  - id: CAP-1
                    nation: RO
                    base: {icao: LRFT, lat: 44.39, lon: 27.73, elevation_ft: 180}
                    type: F16
                    count: 2
                    readiness: AIRBORNE-CAP
                    cap: {lat: 44.0, lon: 30.0, altitude_ft: 25000, endurance_min: 40}
                  - id: Q5
                    base: {icao: LRCK, lat: 44.36, lon: 28.49}
                    type: F16
                    count: 2
                    readiness: QRA5
                    time_to_airborne_min: 4
                """;
        Posture p = QraYaml.posture(yaml(doc), "test.yaml", QraYaml.defaultProfiles());
        Detachment cap = p.detachment("CAP-1");
        assertThat(cap.cap().enduranceRemainingS()).isEqualTo(2400);
        assertThat(cap.timeToAirborneS()).isZero();
        assertThat(p.detachment("Q5").timeToAirborneS()).isEqualTo(240);
    }

    @Test
    void errorsNameTheSourceEntryAndField() {
        Map<String, AircraftProfile> profiles = QraYaml.defaultProfiles();
        assertThatThrownBy(() -> QraYaml.posture(
                        yaml(
                                "detachments:\n  - id: A\n    base: XXXX\n    type: F16\n    count: 1\n    readiness: QRA-15\n"),
                        "p.yaml",
                        profiles))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("p.yaml")
                .hasMessageContaining("detachment A")
                .hasMessageContaining("XXXX");
        assertThatThrownBy(() -> QraYaml.posture(
                        yaml(
                                "detachments:\n  - id: A\n    base: {icao: B, lat: 1, lon: 2}\n    type: SU27\n    count: 1\n    readiness: QRA-15\n"),
                        "p.yaml",
                        profiles))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("SU27");
        assertThatThrownBy(() -> QraYaml.posture(
                        yaml(
                                "detachments:\n  - id: A\n    base: {icao: B, lat: 1, lon: 2}\n    type: F16\n    count: 1\n    readiness: QRA-99\n"),
                        "p.yaml",
                        profiles))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("QRA-99");
        assertThatThrownBy(() -> QraYaml.posture(
                        yaml(
                                "detachments:\n  - id: A\n    base: {icao: B, lat: 1, lon: 2}\n    type: F16\n    count: 1\n    readiness: QRA-15\n    rotation: {from: 2022-13-01, to: 2022-05-31}\n"),
                        "p.yaml",
                        profiles))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("rotation")
                .hasMessageContaining("2022-13-01");
        assertThatThrownBy(() -> QraYaml.posture(
                        yaml(
                                "detachments:\n  - id: A\n    base: {icao: B, lat: 1, lon: 2}\n    type: F16\n    count: two\n    readiness: QRA-15\n"),
                        "p.yaml",
                        profiles))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("count")
                .hasMessageContaining("two");
        assertThatThrownBy(() -> QraYaml.posture(yaml("detachments: [\n"), "broken.yaml", profiles))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("broken.yaml");
        assertThatThrownBy(() -> QraYaml.profiles(
                        yaml(
                                "profiles:\n  - type: X\n    ceiling_ft: 50000\n    climb: [[0,0,0],[10000,60,5]]\n    speeds: [[60000, 1.2, null]]\n    combat_radius_nm: 300\n"),
                        "prof.yaml"))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("prof.yaml")
                .hasMessageContaining("subsonic Mach");
        assertThatThrownBy(() -> QraYaml.profiles(
                        yaml(
                                "profiles:\n  - type: X\n    ceiling_ft: 50000\n    climb: [[0,0,0],[10000,60,5],[5000,70,6]]\n    speeds: [[60000, 0.9, null]]\n    combat_radius_nm: 300\n"),
                        "prof.yaml"))
                .isInstanceOf(QraDataException.class)
                .hasMessageContaining("climb table row 3");
    }
}
