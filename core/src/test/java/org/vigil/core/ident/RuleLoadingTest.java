package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

/** The rules are data: the default YAML loads, every rule is configurable, mistakes are named. */
class RuleLoadingTest {
    private static InputStream yaml(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultsLoadEveryRuleAndTheLists() {
        IdentRules r = IdentRules.defaults();
        assertThat(r.pendingNanos).isEqualTo(15_000_000_000L);
        assertThat(r.reRaiseHoldOffNanos).isEqualTo(300_000_000_000L);
        assertThat(r.setting(Cause.SQUAWK_7500).alertPriority()).isEqualTo(1);
        assertThat(r.setting(Cause.SQUAWK_7500).identity()).isEqualTo(Identity.SUSPECT);
        assertThat(r.setting(Cause.SQUAWK_7600).identity()).isNull();
        assertThat(r.setting(Cause.ROUTE_DEVIATION).threshold(0)).isEqualTo(10);
        assertThat(r.setting(Cause.IMPLAUSIBLE_KINEMATICS).threshold(1)).isEqualTo(40000);
        assertThat(r.setting(Cause.IMPLAUSIBLE_KINEMATICS).persistence().fireNanos())
                .isEqualTo(30_000_000_000L); // fire-s
        assertThat(r.setting(Cause.ADSB_RADAR_MISMATCH).persistence())
                .isEqualTo(new Persistence(3, 4, 10_000_000_000L, 3, 15_000_000_000L));
        // the file states every persistence the code would default to (one place to read the figures)
        for (Cause c : Cause.values())
            assertThat(r.setting(c).persistence()).as(c.id).isEqualTo(c.defaultPersistence());
        assertThat(r.setting(Cause.APPROACHING_NATIONAL_AIRSPACE).afterPending())
                .isTrue();
        assertThat(r.known()).extracting(KnownAircraft::name).contains("USAF Air Mobility Command (REACH)");
        assertThat(r.qraUnits()).hasSize(4);
        assertThat(r.clearances()).hasSize(2);
        assertThat(r.airspaceHorizonSeconds()).isEqualTo(900);
    }

    @Test
    void theYamlFileNamesEveryRule() throws IOException {
        String text;
        try (InputStream in = IdentRules.class.getResourceAsStream(IdentRules.RULES_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Cause c : Cause.values()) assertThat(text).contains("  " + c.id + ":");
    }

    @Test
    void thresholdsAndSettingsComeFromTheYaml() throws IOException {
        IdentRules r = IdentRules.fromYaml(yaml("""
                pending-seconds: 12
                rules:
                  route-deviation: {threshold-nm: 4.5, alert-priority: 2}
                  no-flight-plan: {enabled: false}
                  squawk-7600: {identity: suspect}
                """), null, null);
        assertThat(r.pendingNanos).isEqualTo(12_000_000_000L);
        assertThat(r.setting(Cause.ROUTE_DEVIATION).threshold(0)).isEqualTo(4.5);
        assertThat(r.setting(Cause.ROUTE_DEVIATION).alertPriority()).isEqualTo(2);
        assertThat(r.setting(Cause.NO_FLIGHT_PLAN).enabled()).isFalse();
        assertThat(r.setting(Cause.SQUAWK_7600).identity()).isEqualTo(Identity.SUSPECT);
        // untouched rules keep the built-in defaults
        assertThat(r.setting(Cause.SQUAWK_7700).alertPriority()).isEqualTo(2);
    }

    @Test
    void mistakesAreRejectedWithTheirPlace() {
        assertThatThrownBy(() -> IdentRules.fromYaml(yaml("rules:\n  no-such-rule: {}\n"), null, null))
                .hasMessageContaining("unknown rule 'no-such-rule'");
        assertThatThrownBy(() -> IdentRules.fromYaml(yaml("rules:\n  route-deviation: {threshold: 4}\n"), null, null))
                .hasMessageContaining("rule route-deviation: unknown key 'threshold'");
        assertThatThrownBy(
                        () -> IdentRules.fromYaml(yaml("rules:\n  route-deviation: {threshold-nm: far}\n"), null, null))
                .hasMessageContaining("threshold-nm 'far' is not a number");
        assertThatThrownBy(() -> IdentRules.fromYaml(yaml("rules:\n  squawk-7500: {identity: foe}\n"), null, null))
                .hasMessageContaining("identity 'foe'");
        assertThatThrownBy(() -> IdentRules.fromYaml(null, yaml("known:\n  - {name: X, address: \"12345\"}\n"), null))
                .hasMessageContaining("known-military 'X': address: '12345' is not six hex digits");
        assertThatThrownBy(() -> IdentRules.fromYaml(null, yaml("known:\n  - {name: X, callsign: \"A*B\"}\n"), null))
                .hasMessageContaining("'*' only at the end");
        assertThatThrownBy(
                        () -> IdentRules.fromYaml(
                                null,
                                null,
                                yaml(
                                        "clearances:\n  - {id: C1, callsign: ABC, from: \"2022-04-20\", to: \"2022-04-21T00:00:00Z\"}\n")))
                .hasMessageContaining("clearance 'C1': from '2022-04-20' is not an ISO-8601 UTC instant");
        assertThatThrownBy(
                        () -> IdentRules.fromYaml(
                                null,
                                null,
                                yaml(
                                        "clearances:\n  - {id: C2, callsign: ABC, from: \"2022-04-21T00:00:00Z\", to: \"2022-04-20T00:00:00Z\"}\n")))
                .hasMessageContaining("C2: validity ends before it starts");
    }

    @Test
    void countryCodesThatLookLikeYaml11BooleansStayCountries() throws IOException {
        // Norway (NO) read as false would fail the ISO check or, worse, drop the state
        IdentRules r = IdentRules.fromYaml(
                null,
                null,
                yaml(
                        "clearances:\n"
                                + "  - {id: C3, callsign: ABC, states: [NO, RO, ON], from: \"2022-04-20T00:00:00Z\", to: \"2022-04-21T00:00:00Z\"}\n"));
        assertThat(r.clearances().get(0).states()).containsExactly("NO", "RO", "ON");
    }

    @Test
    void yamlErrorsNameTheDocumentAndLine() {
        assertThatThrownBy(() ->
                        IdentRules.fromYaml(yaml("pending-seconds: 12\nrules: {}\npending-seconds: 13\n"), null, null))
                .hasMessageStartingWith("rules: YAML line 3")
                .hasMessageContaining("Duplicate field 'pending-seconds'");
        assertThatThrownBy(() -> IdentRules.fromYaml(null, yaml("known:\n  - {name: X, address: 012345}\n"), null))
                .hasMessageStartingWith("known-military: YAML line 2")
                .hasMessageContaining("'012345'");
    }

    @Test
    void callsignPatternsMatchPackedCallsigns() {
        CallsignPattern stem = CallsignPattern.of("RCH*");
        assertThat(stem.matches(Callsigns.pack("RCH123"))).isTrue();
        assertThat(stem.matches(Callsigns.pack("RCH"))).isTrue();
        assertThat(stem.matches(Callsigns.pack("RC"))).isFalse();
        assertThat(stem.matches(0)).isFalse();
        CallsignPattern exact = CallsignPattern.of("RCH");
        assertThat(exact.matches(Callsigns.pack("RCH"))).isTrue();
        assertThat(exact.matches(Callsigns.pack("RCH1"))).isFalse();
        CallsignPattern any = CallsignPattern.of("UAF22??");
        assertThat(any.matches(Callsigns.pack("UAF2201"))).isTrue();
        assertThat(any.matches(Callsigns.pack("UAF220"))).isTrue(); // '?' also matches the padding
        assertThat(any.matches(Callsigns.pack("UAF22011"))).isFalse();
        assertThat(any.matches(Callsigns.pack("UAF2301"))).isFalse();
    }
}
