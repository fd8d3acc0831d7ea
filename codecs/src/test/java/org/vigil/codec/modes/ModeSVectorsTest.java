package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.core.Callsigns;
import org.vigil.core.aircraft.Emergency;

/**
 * Every non-Comm-B vector of {@code modes/vectors.jsonl} (see SOURCES.md there): decodes the
 * message, pair or raw CPR row and checks every {@code expect} field with its tolerance.
 * An {@code expect} field this test does not know fails the test, so nothing is skipped
 * silently; the only fields not checked are in {@link #SKIPPED}, with the reason.
 */
class ModeSVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fields not checked: pure labels/provenance or API artefacts of the asserting library. */
    static final Map<String, String> SKIPPED = Map.of(
            "wake_vortex", "pyModeS description text of the emitter category (category itself is checked)",
            "capability_text", "description text of the CA value (capability itself is checked)",
            "message", "the source's name for the message kind (tc/cf are checked)",
            "control_field", "adsb_deku enum name of the CF value (cf itself is checked)",
            "phantom",
                    "marks a CRC-valid frame that is physically wrong for the aircraft; it decodes normally and its fields are checked",
            "nuc_p_applicable", "pyModeS API artefact (nuc_p() raises for identification messages)");

    /**
     * Known disagreements where a source contradicts the specification; the test checks the
     * specification value instead (docs/DECODE.md, "Known disagreements").
     * Key: vector id + "/" + field, value: the value the specification gives.
     */
    static final Map<String, Object> SPEC_OVERRIDES = Map.of(
            // adsb_deku asserts "sample" but TSS ME bit 8 (SIL supplement) is 0 = per hour
            "v-39993280c6af/sil_per", "hour");

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (var in = ModeSVectorsTest.class.getResourceAsStream("/modes/vectors.jsonl")) {
            assertThat(in).as("modes/vectors.jsonl on the test classpath").isNotNull();
            var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode v = JSON.readTree(line);
                String kind = v.path("kind").asText("");
                if (kind.startsWith("commb_")) continue; // CommBVectorsTest covers those
                out.add(Arguments.of(v.get("id").asText(), kind, v));
            }
        }
        return out.stream();
    }

    @Test
    void allNonCommBVectorsAreLoaded() throws IOException {
        assertThat(vectors().count()).isEqualTo(592 - 150 - 137 - 20);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectors")
    void vector(String id, String kind, JsonNode v) {
        JsonNode expect = v.get("expect");
        JsonNode tol = v.path("tolerance");
        JsonNode ctx = v.path("context");
        double[] ref = ctx.has("reference")
                ? new double[] {
                    ctx.get("reference").get(0).asDouble(),
                    ctx.get("reference").get(1).asDouble()
                }
                : null;
        if (v.hasNonNull("cpr_input")) {
            rawCpr(id, v.get("cpr_input"), ctx.path("method").asText(), ref, expect, tol);
        } else if (v.hasNonNull("pair")) {
            pair(id, v, ref, expect, tol);
        } else {
            single(id, v, ref, expect, tol);
        }
    }

    // ------------------------------------------------------------------ single messages

    private void single(String id, JsonNode v, double[] ref, JsonNode expect, JsonNode tol) {
        byte[] frame = hex(v.get("hex").asText());
        ModeSMessage m = new ModeSMessage();
        boolean ok = ModeSDecoder.decode(frame, 0, frame.length, 1_000_000_000L, m);
        if (!v.path("synthetic").asBoolean() && m.df != 24 && m.df != 22) {
            assertThat(m.error).as(id + " error").isIn(null, DecodeFailure.BAD_CRC);
        }
        // the vectors' own CRC facts (computed by the collector, not asserted by a source)
        JsonNode cbc = v.path("computed_by_collector");
        if (cbc.has("crc_remainder_hex")) {
            assertThat(ModeSText.hex24(m.crcRemainder))
                    .as(id + " syndrome")
                    .isEqualTo(cbc.get("crc_remainder_hex").asText());
        }
        if (cbc.has("crc_ok")) {
            assertThat(m.crcOk).as(id + " crc_ok").isEqualTo(cbc.get("crc_ok").asBoolean());
            assertThat(ok).as(id + " decode result").isEqualTo(cbc.get("crc_ok").asBoolean());
        }
        if (cbc.has("vr_source_bit"))
            assertThat(m.vrSource)
                    .as(id + " vr bit")
                    .isEqualTo(cbc.get("vr_source_bit").asInt());
        if (v.path("synthetic").asBoolean()
                && cbc.has("crc_ok")
                && !cbc.get("crc_ok").asBoolean()) {
            assertThat(m.error).as(id + " error").isEqualTo(DecodeFailure.BAD_CRC);
        }
        String method = v.path("context").path("method").asText("");
        if (method.startsWith("local_")) {
            CprResolver resolver = new CprResolver().setReceiver(ref[0], ref[1]);
            assertThat(resolver.resolve(m)).as(id + " local decode").isTrue();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            var e = it.next();
            check(id, e.getKey(), e.getValue(), tol.path(e.getKey()), m, frame, ok, ref, v);
        }
    }

    private void check(
            String id,
            String field,
            JsonNode want,
            JsonNode tol,
            ModeSMessage m,
            byte[] frame,
            boolean ok,
            double[] ref,
            JsonNode v) {
        if (SKIPPED.containsKey(field)) return;
        String what = id + " " + field;
        Object override = SPEC_OVERRIDES.get(id + "/" + field);
        if (override != null) {
            want = JSON.valueToTree(override);
        }
        // sources that assert the reverse vertical-rate source mapping: check the Riddle/FA mapping
        if (field.equals("vr_source") && disagrees(v, "vr_source")) {
            want = JSON.valueToTree(
                    v.path("computed_by_collector").path("vr_source_bit").asInt() == 1 ? "baro" : "GNSS");
        }
        switch (field) {
            case "df" -> num(what, m.df, want, tol);
            case "icao", "address" -> str(what, ModeSText.hex24(m.icao), want);
            case "icao_source" -> {
                assertThat(want.asText()).isEqualTo("address_parity");
                assertThat(m.icaoFromParity).as(what).isTrue();
            }
            case "address_type" -> str(what, ModeSText.addressType(m.cf), want);
            case "tc" -> num(what, m.tc, want, tol);
            case "ca", "capability" -> num(what, m.ca, want, tol);
            case "cf" -> num(what, m.cf, want, tol);
            case "air_ground" -> str(what, ModeSText.airGround(m.airGround), want);
            case "callsign" -> str(what, Callsigns.unpack(m.callsign), want);
            case "category" -> num(what, m.category, want, tol);
            case "category_code" -> str(what, ModeSText.categoryCode(m.tc, m.category), want);
            case "bds" -> str(what, ModeSText.register(m.bds), want);
            case "crc_valid" -> {
                assertThat(m.crcOk).as(what).isEqualTo(want.asBoolean());
                assertThat(ok).as(what).isEqualTo(want.asBoolean());
            }
            case "crc_remainder" -> num(what, m.crcRemainder, want, tol);
            case "crc_remainder_hex" -> str(what, ModeSText.hex24(m.crcRemainder), want);
            case "parity_computed_over_first_88_bits" -> num(what, Crc24.remainder(frame, 0, 11), want, tol);
            case "parity_computed_hex" -> str(what, ModeSText.hex24(Crc24.remainder(frame, 0, 11)), want);
            case "altitude_ft" ->
                num(
                        what,
                        m.tc != ModeSMessage.ABSENT && m.tc >= 20 && m.tc <= 22 ? m.gnssAltitudeFt : m.altitudeFt,
                        want,
                        tol);
            case "has_altitude" ->
                assertThat(m.altitudeFt != ModeSMessage.ABSENT).as(what).isEqualTo(want.asBoolean());
            case "cpr_format" -> num(what, m.cprFormat, want, tol);
            case "cpr_lat" -> num(what, m.cprLat, want, tol);
            case "cpr_lon" -> num(what, m.cprLon, want, tol);
            case "movement_code" -> num(what, m.movementCode, want, tol);
            case "groundspeed_kt" -> reported(what, m.groundspeedKt, want, tol);
            case "groundspeed_exact_kt" -> dbl(what, m.groundspeedKt, want, tol);
            case "track_deg" -> reported(what, m.trackDeg, want, tol);
            // adsb_deku prints the track as an integer rounded up
            case "track_deg_int" -> num(what, (int) Math.ceil(m.trackDeg), want, tol);
            case "heading_deg" -> dbl(what, m.headingDeg, want, tol);
            case "airspeed_kt" -> dbl(what, m.airspeedKt, want, tol);
            case "airspeed_type" -> str(what, ModeSText.airspeedType(m.airspeedType), want);
            case "subtype" -> num(what, m.subtype, want, tol);
            case "vertical_rate_fpm" -> num(what, m.verticalRateFpm, want, tol);
            case "geometric_vertical_rate_fpm" -> {
                assertThat(m.vrSource).as(what + " source").isEqualTo(0);
                num(what, m.verticalRateFpm, want, tol);
            }
            case "baro_vertical_rate_fpm" -> {
                assertThat(m.vrSource).as(what + " source").isEqualTo(1);
                num(what, m.verticalRateFpm, want, tol);
            }
            case "vr_source" -> str(what, ModeSText.vrSource(m.vrSource), want);
            case "geo_minus_baro_ft" -> num(what, m.geoMinusBaroFt, want, tol);
            case "nac_v" -> num(what, m.nacV, want, tol);
            case "emergency_state" ->
                num(what, m.emergency == null ? ModeSMessage.ABSENT : m.emergency.code(), want, tol);
            case "is_emergency" ->
                assertThat(m.emergency != null && m.emergency != Emergency.NONE)
                        .as(what)
                        .isEqualTo(want.asBoolean());
            case "squawk" -> str(what, ModeSText.squawk(m.squawk), want);
            case "selected_altitude_ft" -> num(what, m.selectedAltitudeFt, want, tol);
            case "selected_altitude_source" ->
                str(what, ModeSText.selectedAltitudeSource(m.selectedAltitudeSource), want);
            case "selected_altitude_fms" ->
                assertThat(m.selectedAltitudeSource == 1).as(what).isEqualTo(want.asBoolean());
            case "baro_setting_hpa" -> dbl(what, m.baroSettingHpa, want, tol);
            case "baro_setting_minus_800_hpa" -> dbl(what, m.baroSettingHpa - 800.0, want, tol);
            case "selected_heading_deg" -> dbl(what, m.selectedHeadingDeg, want, tol);
            case "selected_heading_deg_int" -> num(what, (int) Math.round(m.selectedHeadingDeg), want, tol);
            case "selected_heading_valid" ->
                assertThat(!Double.isNaN(m.selectedHeadingDeg)).as(what).isEqualTo(want.asBoolean());
            case "mode_status" ->
                assertThat(m.autopilot != ModeSMessage.ABSENT).as(what).isEqualTo(want.asBoolean());
            case "autopilot" -> bool(what, m.autopilot, want);
            case "vnav" -> bool(what, m.vnav, want);
            case "alt_hold" -> bool(what, m.altitudeHold, want);
            case "approach" -> bool(what, m.approach, want);
            case "lnav" -> bool(what, m.lnav, want);
            case "tcas_operational" -> bool(what, m.tcasOperational, want);
            case "rejected_reserved_bits" -> {
                assertThat(want.asBoolean()).isTrue();
                assertThat(ok).as(what).isFalse();
                assertThat(m.tc).as(what).isEqualTo(29);
                assertThat(m.selectedAltitudeFt)
                        .as(what + ": nothing read from a rejected TSS")
                        .isEqualTo(ModeSMessage.ABSENT);
            }
            case "tss_if_version_0" -> assertThat(m.subtype == 0).as(what).isEqualTo(want.asBoolean());
            case "tss_if_version_2" -> assertThat(m.subtype == 1).as(what).isEqualTo(want.asBoolean());
            case "nac_p" -> num(what, m.nacP, want, tol);
            case "nic_baro" -> num(what, m.nicBaro, want, tol);
            case "sil" -> num(what, m.sil, want, tol);
            case "sil_supplement" -> num(what, m.silSupplement, want, tol);
            case "sil_per" -> str(what, ModeSText.silPer(m.silSupplement), want);
            case "version" -> num(what, m.version, want, tol);
            case "gva" -> num(what, m.gva, want, tol);
            case "nic_supplement_a" -> num(what, m.nicSupplementA, want, tol);
            case "track_angle_or_heading" -> num(what, m.trackAngleOrHeading, want, tol);
            case "hrd" -> {
                if (want.isTextual()) str(what, ModeSText.hrd(m.hrd), want);
                else num(what, m.hrd, want, tol);
            }
            case "capability_classes" ->
                str(what, ModeSText.capabilityClasses(m.capabilityClass, m.subtype == 1), want);
            case "operational_modes" -> str(what, ModeSText.operationalModes(m.operationalMode), want);
            case "lat" -> dbl(what, m.lat, want, tol);
            case "lon" -> dbl(what, m.lon, want, tol);
            case "j" -> num(what, Cpr.localLatitudeIndex(m.cprLat, m.cprFormat == 1, m.surface, ref[0]), want, tol);
            case "m" ->
                num(what, Cpr.localLongitudeIndex(m.cprLon, m.cprFormat == 1, m.surface, m.lat, ref[1]), want, tol);
            case "dlat" -> dbl(what, Cpr.latitudeZoneSize(m.cprFormat == 1, m.surface), want, tol);
            case "dlon" -> dbl(what, Cpr.longitudeZoneSize(m.lat, m.cprFormat == 1, m.surface), want, tol);
            default -> fail(what + ": expect field not handled by this test");
        }
    }

    private static boolean disagrees(JsonNode v, String field) {
        for (JsonNode n : v.path("collector_check_disagrees")) if (n.asText().startsWith(field + ":")) return true;
        for (JsonNode n : v.path("conflicts")) if (n.path("field").asText().equals(field)) return true;
        return false;
    }

    // ------------------------------------------------------------------ CPR pairs

    private void pair(String id, JsonNode v, double[] ref, JsonNode expect, JsonNode tol) {
        JsonNode p = v.get("pair");
        boolean oddLatest = p.get("latest").asText().equals("odd");
        byte[] even = hex(p.get("hex_even").asText());
        byte[] odd = hex(p.get("hex_odd").asText());
        // without times the older frame is one second before the newer one
        long tEven = p.has("t_even")
                ? (long) (p.get("t_even").asDouble() * 1e9)
                : (oddLatest ? 1_000_000_000L : 2_000_000_000L);
        long tOdd = p.has("t_odd")
                ? (long) (p.get("t_odd").asDouble() * 1e9)
                : (oddLatest ? 2_000_000_000L : 1_000_000_000L);
        CprResolver resolver = new CprResolver();
        if (ref != null) resolver.setReceiver(ref[0], ref[1]);
        ModeSMessage me = new ModeSMessage(), mo = new ModeSMessage();
        assertThat(ModeSDecoder.decode(even, 0, 14, tEven, me))
                .as(id + " even decodes")
                .isTrue();
        assertThat(ModeSDecoder.decode(odd, 0, 14, tOdd, mo))
                .as(id + " odd decodes")
                .isTrue();
        ModeSMessage latest = oddLatest ? mo : me;
        resolver.resolve(oddLatest ? me : mo);
        resolver.resolve(latest);
        boolean surface = latest.surface;
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            var e = it.next();
            String f = e.getKey(), what = id + " " + f;
            JsonNode want = e.getValue(), t = tol.path(f);
            double[] lats = new double[2];
            Cpr.pairLatitudes(me.cprLat, mo.cprLat, surface, lats);
            double shift = surface ? latest.lat - (oddLatest ? lats[1] : lats[0]) : 0;
            switch (f) {
                case "position" -> {
                    assertThat(want.isNull()).isTrue();
                    assertThat(latest.hasPosition()).as(what).isFalse();
                }
                case "lat" -> dbl(what, latest.lat, want, t);
                case "lon" -> dbl(what, latest.lon, want, t);
                case "cpr_lat_even" -> num(what, me.cprLat, want, t);
                case "cpr_lon_even" -> num(what, me.cprLon, want, t);
                case "cpr_lat_odd" -> num(what, mo.cprLat, want, t);
                case "cpr_lon_odd" -> num(what, mo.cprLon, want, t);
                case "j" -> num(what, Cpr.latitudeIndex(me.cprLat, mo.cprLat), want, t);
                case "lat_even" -> dbl(what, lats[0] + shift, want, t);
                case "lat_odd" -> dbl(what, lats[1] + shift, want, t);
                case "nl" -> num(what, Cpr.nl(latest.lat), want, t);
                case "m" -> num(what, Cpr.longitudeIndex(me.cprLon, mo.cprLon, Cpr.nl(latest.lat)), want, t);
                default -> fail(what + ": expect field not handled by this test");
            }
        }
        if (!expect.has("position")) {
            assertThat(resolver.globalDecodes()).as(id + " decoded globally").isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ raw CPR rows

    private void rawCpr(String id, JsonNode in, String method, double[] ref, JsonNode expect, JsonNode tol) {
        boolean surface = in.get("surface").asBoolean();
        double[] out = new double[2];
        if (method.startsWith("local_")) {
            Cpr.local(
                    in.get("cpr_lat").asInt(),
                    in.get("cpr_lon").asInt(),
                    in.get("cpr_format").asInt() == 1,
                    surface,
                    ref[0],
                    ref[1],
                    out);
            assertThat(expect.get("result").asInt()).isZero();
            dbl(id + " lat", out[0], expect.get("lat"), tol.path("lat"));
            dbl(id + " lon", out[1], expect.get("lon"), tol.path("lon"));
            return;
        }
        for (String latest : Set.of("even_latest", "odd_latest")) {
            JsonNode want = expect.get(latest);
            if (want == null) continue;
            boolean odd = latest.startsWith("odd");
            int le = in.get("even_cpr_lat").asInt(), ne = in.get("even_cpr_lon").asInt();
            int lo = in.get("odd_cpr_lat").asInt(), no = in.get("odd_cpr_lon").asInt();
            boolean ok = surface
                    ? Cpr.globalSurface(le, ne, lo, no, odd, ref[0], ref[1], out)
                    : Cpr.globalAirborne(le, ne, lo, no, odd, out);
            assertThat(ok)
                    .as(id + " " + latest + " result")
                    .isEqualTo(want.get("result").asInt() == 0);
            if (ok) {
                dbl(id + " " + latest + " lat", out[0], want.get("lat"), tol.path(latest));
                dbl(id + " " + latest + " lon", out[1], want.get("lon"), tol.path(latest));
            }
        }
    }

    // ------------------------------------------------------------------ comparisons

    private static void num(String what, int actual, JsonNode want, JsonNode tol) {
        if (want.isNull()) {
            assertThat(actual).as(what + " absent").isEqualTo(ModeSMessage.ABSENT);
        } else if (tol.isMissingNode() && want.isIntegralNumber()) {
            assertThat(actual).as(what).isEqualTo(want.asInt());
        } else {
            dbl(what, actual == ModeSMessage.ABSENT ? Double.NaN : actual, want, tol);
        }
    }

    private static void dbl(String what, double actual, JsonNode want, JsonNode tol) {
        if (want.isNull()) {
            assertThat(actual).as(what + " absent").isNaN();
            return;
        }
        double w = want.asDouble();
        assertThat(actual).as(what).isNotNaN();
        double allowed = tol.has("abs")
                ? tol.get("abs").asDouble()
                : tol.has("rel") ? Math.abs(w) * tol.get("rel").asDouble() : 1e-9;
        assertThat(Math.abs(actual - w))
                .as(what + ": got " + actual + ", want " + w)
                .isLessThanOrEqualTo(allowed);
    }

    /**
     * A continuous quantity that the source reported as an integer without a tolerance: pyModeS,
     * adsb_deku and rs1090 truncate speeds to whole knots (int()), so compare the floor.
     */
    private static void reported(String what, double actual, JsonNode want, JsonNode tol) {
        if (!tol.isMissingNode() || want.isNull() || !want.isIntegralNumber()) {
            dbl(what, actual, want, tol);
            return;
        }
        assertThat(actual).as(what).isNotNaN();
        assertThat(Math.floor(actual)).as(what + ": got " + actual).isEqualTo(want.asDouble());
    }

    private static void bool(String what, int actual, JsonNode want) {
        assertThat(actual).as(what + " present").isNotEqualTo(ModeSMessage.ABSENT);
        assertThat(actual == 1).as(what).isEqualTo(want.asBoolean());
    }

    private static void str(String what, String actual, JsonNode want) {
        if (want.isNull()) assertThat(actual).as(what).isNull();
        else assertThat(actual).as(what).isEqualTo(want.asText());
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }
}
