package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

/**
 * Checks CommB against every Comm-B vector of the shared corpus (src/test/resources/modes/
 * vectors.jsonl, see data/modes/README.md): DF20/DF21 vectors whose kind starts with
 * {@code commb_} or whose expectation names a register. The corpus is largely pyModeS output
 * (a heuristic), so agreement is measured and every deliberate difference is listed in
 * {@link #DELIBERATE_DIFFERENCES} (and in docs/COMMB.md).
 */
class CommBVectorsTest {

    /**
     * Vector id -> why Vigil answers differently from the corpus. Both directions are enforced:
     * these must differ, everything else must agree.
     */
    static final Map<String, String> DELIBERATE_DIFFERENCES = Map.of(
            "v-3d1325031d01",
                    "BDS 2,1 (registration) is not inferred: a forced decode in pyModeS, not a register we infer",
            "v-535d53541acb",
                    "BDS 2,1 (registration) is not inferred: a forced decode in pyModeS, not a register we infer",
            "v-6facf3951ea0", "BDS 1,8 (GICB capability part 1) is not inferred: any bit pattern fits it",
            "v-3fc816a3cdd4", "BDS 1,9 (GICB capability part 2) is not inferred: any bit pattern fits it");

    /** Expectation key -> how to read it from a decoded message. */
    private static final Map<String, java.util.function.Function<ModeSMessage, Object>> FIELDS = new TreeMap<>();

    static {
        FIELDS.put("roll_deg", m -> m.rollDeg);
        FIELDS.put("true_track_deg", m -> m.trueTrackDeg);
        FIELDS.put("track_rate_dps", m -> m.trackRateDps);
        FIELDS.put("true_airspeed_kt", m -> m.trueAirspeedKt);
        FIELDS.put("groundspeed_kt", m -> m.groundspeedKt);
        FIELDS.put("magnetic_heading_deg", m -> m.magneticHeadingDeg);
        FIELDS.put("indicated_airspeed_kt", m -> m.indicatedAirspeedKt);
        FIELDS.put("mach", m -> m.mach);
        FIELDS.put("baro_vertical_rate_fpm", m -> m.baroVerticalRateFpm);
        FIELDS.put("inertial_vertical_rate_fpm", m -> m.inertialVerticalRateFpm);
        FIELDS.put("selected_altitude_mcp_ft", m -> m.mcpSelectedAltitudeFt);
        FIELDS.put("selected_altitude_fms_ft", m -> m.fmsSelectedAltitudeFt);
        FIELDS.put("baro_setting_hpa", m -> m.baroSettingHpa);
        FIELDS.put("wind_speed_kt", m -> m.windSpeedKt);
        FIELDS.put("wind_direction_deg", m -> m.windDirectionDeg);
        FIELDS.put("static_air_temperature_c", m -> m.staticAirTemperatureC);
        FIELDS.put("static_pressure_hpa", m -> m.staticPressureHpa);
        FIELDS.put("humidity_pct", m -> m.humidityPct);
        FIELDS.put("turbulence", m -> m.turbulence);
        FIELDS.put("wind_shear", m -> m.windShear);
        FIELDS.put("microburst", m -> m.microburst);
        FIELDS.put("icing", m -> m.icing);
        FIELDS.put("radio_height_ft", m -> m.radioHeightFt);
        FIELDS.put("callsign", m -> Callsigns.unpack(m.callsign));
    }

    static List<JsonNode> vectors;

    @BeforeAll
    static void load() throws IOException {
        vectors = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = CommBVectorsTest.class.getResourceAsStream("/modes/vectors.jsonl")) {
            assertThat(in).as("modes/vectors.jsonl on the test classpath").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode v = json.readTree(line);
                if (isCommB(v)) vectors.add(v);
            }
        }
    }

    static boolean isCommB(JsonNode v) {
        int df = v.path("df").asInt(-1);
        if (v.path("hex").isNull() || v.path("hex").isMissingNode() || (df != 20 && df != 21)) return false;
        JsonNode e = v.path("expect");
        return v.path("kind").asText("").startsWith("commb_")
                || e.has("bds")
                || e.has("bds_candidates")
                || e.has("bds_candidates_v2");
    }

    @Test
    void corpusHoldsTheCommBVectors() {
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(300);
    }

    /** Register inference: our answer must be the expected register, or one of / ambiguous among the candidates. */
    @Test
    void inferredRegisterAgreesWithTheCorpus() {
        ModeSMessage m = new ModeSMessage();
        int compared = 0, agreed = 0;
        List<String> unexpected = new ArrayList<>();
        for (JsonNode v : vectors) {
            JsonNode e = v.get("expect");
            List<String> cands = candidates(e);
            boolean hasBds = e.has("bds");
            if (!hasBds && cands.isEmpty()) continue; // no register asserted (forced decodes, phantoms)
            compared++;
            decode(v.get("hex").asText(), m);
            String mine = m.bds == ModeSMessage.ABSENT ? null : name(m.bds);
            List<String> mineCands = names(m.bdsCandidates);
            boolean ok;
            if (!cands.isEmpty()) {
                ok = (mine != null
                                && (cands.contains(mine)
                                        || mine.equals(e.path("bds").asText(null))))
                        || (m.bdsAmbiguous && cands.containsAll(mineCands));
            } else if (e.get("bds").isNull() || e.get("bds").asText().equals("empty")) {
                ok = mine == null && !m.bdsAmbiguous; // nothing recognisable / all-zero MB
            } else {
                ok = e.get("bds").asText().equals(mine);
            }
            String id = v.get("id").asText();
            if (ok) agreed++;
            if (ok == DELIBERATE_DIFFERENCES.containsKey(id)) {
                unexpected.add(id + " " + v.get("hex").asText() + " expect=" + e.path("bds") + cands + " mine=" + mine
                        + (m.bdsAmbiguous ? " ambiguous " + mineCands : ""));
            }
        }
        System.out.printf(
                "CommB register agreement: %d of %d vectors (%.1f %%), %d deliberate differences%n",
                agreed, compared, 100.0 * agreed / compared, DELIBERATE_DIFFERENCES.size());
        assertThat(unexpected)
                .as("vectors that disagree without a documented reason, or documented ones that agree")
                .isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(290);
    }

    /** Values: every Comm-B field the corpus asserts, within its tolerance, for the register it names. */
    @Test
    void decodedValuesMatchTheCorpus() {
        ModeSMessage m = new ModeSMessage();
        int fieldsChecked = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode v : vectors) {
            JsonNode e = v.get("expect");
            String hex = v.get("hex").asText();
            int register = assertedRegister(v);
            if (register == ModeSMessage.ABSENT) continue;
            // Decode as the asserted register, as an interrogator (or ASTERIX I048/250) would know it.
            m.reset();
            CommB.decodeRegister(mb(hex), register, m);
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                var getter = FIELDS.get(f.getKey());
                if (getter == null) continue;
                fieldsChecked++;
                Object actual = getter.apply(m);
                double tol = tolerance(v, f.getKey(), f.getValue());
                if (!matches(f.getValue(), actual, tol)) {
                    wrong.add(v.get("id").asText() + " " + hex + " " + f.getKey() + " expect=" + f.getValue() + " got="
                            + actual);
                }
            }
        }
        System.out.printf("CommB values: %d fields checked, %d wrong%n", fieldsChecked, wrong.size());
        assertThat(wrong).isEmpty();
        assertThat(fieldsChecked).isGreaterThanOrEqualTo(900);
    }

    /** Where inference picks the asserted register, the inferred decode carries the same values. */
    @Test
    void inferredDecodeFillsTheSameFieldsAsTheForcedOne() {
        ModeSMessage inferred = new ModeSMessage(), forced = new ModeSMessage();
        int n = 0;
        for (JsonNode v : vectors) {
            String hex = v.get("hex").asText();
            decode(hex, inferred);
            if (inferred.bds == ModeSMessage.ABSENT) {
                assertThat(inferred.rollDeg).isNaN();
                assertThat(inferred.magneticHeadingDeg).isNaN();
                assertThat(inferred.mcpSelectedAltitudeFt).isEqualTo(ModeSMessage.ABSENT);
                continue;
            }
            forced.reset();
            CommB.decodeRegister(mb(hex), inferred.bds, forced);
            for (var getter : FIELDS.values())
                assertThat(getter.apply(inferred)).isEqualTo(getter.apply(forced));
            n++;
        }
        assertThat(n).isGreaterThan(250);
    }

    // ------------------------------------------------------------------ helpers

    /** The register whose values the vector asserts: its "bds", or the one its kind names for forced decodes. */
    static int assertedRegister(JsonNode v) {
        JsonNode b = v.get("expect").get("bds");
        String s = b != null && !b.isNull() ? b.asText() : null;
        if (s == null || !s.matches("[0-9A-F],[0-9A-F]")) {
            String kind = v.path("kind").asText("");
            if (!kind.matches("commb_bds[0-9a-f]{2}")) return ModeSMessage.ABSENT;
            s = kind.charAt(9) + "," + kind.charAt(10);
        }
        return Integer.parseInt(s.replace(",", ""), 16);
    }

    static List<String> candidates(JsonNode e) {
        List<String> out = new ArrayList<>();
        for (String k : new String[] {"bds_candidates", "bds_candidates_v2"}) {
            if (e.has(k)) e.get(k).forEach(c -> out.add(c.asText()));
        }
        return out;
    }

    static void decode(String hex, ModeSMessage m) {
        byte[] f = hexBytes(hex);
        m.reset();
        CommB.decode(f, 0, m);
        assertThat(m.error).as(hex).isNull();
    }

    static long mb(String hex) {
        return Long.parseUnsignedLong(hex.substring(8, 22), 16);
    }

    static byte[] hexBytes(String hex) {
        byte[] f = new byte[hex.length() / 2];
        for (int i = 0; i < f.length; i++) f[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return f;
    }

    static String name(int bds) {
        return Integer.toHexString(bds >> 4).toUpperCase(Locale.ROOT) + ","
                + Integer.toHexString(bds & 15).toUpperCase(Locale.ROOT);
    }

    static List<String> names(int mask) {
        List<String> out = new ArrayList<>();
        for (int bit = 1; bit != 0 && bit <= mask; bit <<= 1)
            if ((mask & bit) != 0) out.add(name(CommB.registerOf(bit)));
        return out;
    }

    private static double tolerance(JsonNode v, String key, JsonNode expected) {
        JsonNode t = v.path("tolerance").path(key);
        if (t.has("abs")) return t.get("abs").asDouble();
        if (t.has("rel")) return Math.abs(t.get("rel").asDouble() * expected.asDouble());
        return 1e-9; // "exact": the corpus values are the exact binary products of the LSBs
    }

    private static boolean matches(JsonNode expected, Object actual, double tol) {
        if (expected.isNull()) {
            return actual == null
                    || (actual instanceof Double d && d.isNaN())
                    || (actual instanceof Integer i && i == ModeSMessage.ABSENT);
        }
        if (expected.isTextual()) return expected.asText().equals(actual);
        double a;
        if (actual instanceof Double d) a = d;
        else if (actual instanceof Integer i && i != ModeSMessage.ABSENT) a = i;
        else return false;
        return Math.abs(a - expected.asDouble()) <= tol;
    }
}
