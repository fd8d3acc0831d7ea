package org.vigil.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.vigil.codec.modes.CommB;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.codec.modes.ModeSText;
import org.vigil.core.Callsigns;

/**
 * Streams one {@link ModeSMessage} as a JSON object with the field names of the project's Mode S
 * vocabulary (docs/DECODE.md): absent values are omitted, units are in the names, coded values
 * that operators read (squawk, register, vertical-rate source ...) are text. Used by
 * {@code vigil decode} and the console feed. Writes straight to the generator: no tree, no map.
 */
public final class ModeSJson {
    private static final int A = ModeSMessage.ABSENT;

    private static final String[] POSITION_SOURCES = {"global", "local", "receiver"};

    private ModeSJson() {}

    /** Writes the whole object (start and end included). */
    public static void write(JsonGenerator g, ModeSMessage m) throws IOException {
        g.writeStartObject();
        writeFields(g, m);
        g.writeEndObject();
    }

    /** Writes the fields only, so that callers can add their own (time, input line) around them. */
    public static void writeFields(JsonGenerator g, ModeSMessage m) throws IOException {
        if (m.modeAC) g.writeBooleanField("mode_ac", true);
        num(g, "df", m.df);
        if (m.icao != A) {
            g.writeStringField("icao", ModeSText.hex24(m.icao));
            if (m.icaoFromParity) g.writeStringField("icao_source", "address_parity");
        }
        // parity can be checked only for DF11/17/18; AP formats carry icao_source instead
        if (!m.icaoFromParity && !m.modeAC && m.df != A) g.writeBooleanField("crc_ok", m.crcOk);
        if (m.error != null) g.writeStringField("error", m.error.label());
        num(g, "ca", m.ca);
        if (m.cf != A) {
            g.writeNumberField("cf", m.cf);
            str(g, "address_type", ModeSText.addressType(m.cf));
            if (ModeSText.nonIcaoAddress(m.cf)) g.writeBooleanField("non_icao_address", true);
        }
        num(g, "interrogator_code", m.interrogatorCode);
        num(g, "flight_status", m.flightStatus);
        num(g, "downlink_request", m.downlinkRequest);
        num(g, "utility_message", m.utilityMessage);
        num(g, "sensitivity_level", m.sensitivityLevel);
        num(g, "reply_information", m.replyInformation);
        str(g, "air_ground", ModeSText.airGround(m.airGround));
        num(g, "tc", m.tc);
        num(g, "subtype", m.subtype);
        str(g, "bds", ModeSText.register(m.bds));
        if (m.bdsCandidates != 0) {
            g.writeArrayFieldStart("bds_candidates");
            // CANDIDATE_60 is the highest candidate bit CommB defines
            for (int bit = 1; bit != 0 && bit <= CommB.CANDIDATE_60; bit <<= 1) {
                if ((m.bdsCandidates & bit) == 0) continue;
                String r = ModeSText.register(CommB.registerOf(bit));
                if (r != null) g.writeString(r);
            }
            g.writeEndArray();
        }
        if (m.bdsAmbiguous) g.writeBooleanField("bds_ambiguous", true);
        if (m.callsign != 0) g.writeStringField("callsign", Callsigns.unpack(m.callsign));
        if (m.category != A) {
            g.writeNumberField("category", m.category);
            str(g, "category_code", ModeSText.categoryCode(m.tc, m.category));
        }
        str(g, "squawk", ModeSText.squawk(m.squawk));
        num(g, "altitude_ft", m.altitudeFt);
        num(g, "gnss_altitude_ft", m.gnssAltitudeFt);
        // position
        if (m.cprFormat != A) {
            g.writeBooleanField("surface", m.surface);
            g.writeNumberField("cpr_format", m.cprFormat);
            num(g, "cpr_lat", m.cprLat);
            num(g, "cpr_lon", m.cprLon);
        }
        num(g, "nic", m.nic);
        num(g, "surveillance_status", m.surveillanceStatus);
        num(g, "time_flag", m.timeFlag);
        dbl(g, "lat", m.lat);
        dbl(g, "lon", m.lon);
        if (m.hasPosition() && m.positionSource >= 0 && m.positionSource <= 2) {
            g.writeStringField("position_source", POSITION_SOURCES[m.positionSource]);
        }
        // movement and velocity
        num(g, "movement_code", m.movementCode);
        dbl(g, "groundspeed_kt", m.groundspeedKt);
        dbl(g, "track_deg", m.trackDeg);
        dbl(g, "airspeed_kt", m.airspeedKt);
        str(g, "airspeed_type", ModeSText.airspeedType(m.airspeedType));
        dbl(g, "heading_deg", m.headingDeg);
        num(g, "vertical_rate_fpm", m.verticalRateFpm);
        if (m.verticalRateFpm != A) str(g, "vr_source", ModeSText.vrSource(m.vrSource));
        num(g, "geo_minus_baro_ft", m.geoMinusBaroFt);
        num(g, "nac_v", m.nacV);
        num(g, "intent_change", m.intentChange);
        // aircraft status
        if (m.emergency != null) {
            g.writeNumberField("emergency_state", m.emergency.code());
            str(g, "emergency", m.emergency.text());
        }
        num(g, "tcas_ra_active", m.tcasRaActive);
        num(g, "ara_bits", m.araBits);
        num(g, "rac_bits", m.racBits);
        num(g, "ra_terminated", m.raTerminated);
        num(g, "multiple_threat", m.multipleThreat);
        if (m.threatIcao != A) g.writeStringField("threat_icao", ModeSText.hex24(m.threatIcao));
        // target state
        num(g, "selected_altitude_ft", m.selectedAltitudeFt);
        str(g, "selected_altitude_source", ModeSText.selectedAltitudeSource(m.selectedAltitudeSource));
        num(g, "target_altitude_type", m.targetAltitudeType);
        dbl(g, "baro_setting_hpa", m.baroSettingHpa);
        dbl(g, "selected_heading_deg", m.selectedHeadingDeg);
        bool(g, "autopilot", m.autopilot);
        bool(g, "vnav", m.vnav);
        bool(g, "alt_hold", m.altitudeHold);
        bool(g, "approach", m.approach);
        bool(g, "lnav", m.lnav);
        bool(g, "tcas_operational", m.tcasOperational);
        // operational status and quality
        num(g, "version", m.version);
        if (m.capabilityClass != A) {
            g.writeStringField("capability_classes", ModeSText.capabilityClasses(m.capabilityClass, m.subtype == 1));
        }
        str(g, "operational_modes", m.operationalMode == A ? null : ModeSText.operationalModes(m.operationalMode));
        num(g, "length_width_code", m.lengthWidthCode);
        num(g, "nic_supplement_a", m.nicSupplementA);
        num(g, "nic_supplement_c", m.nicSupplementC);
        num(g, "nac_p", m.nacP);
        num(g, "sil", m.sil);
        if (m.silSupplement != A) str(g, "sil_per", ModeSText.silPer(m.silSupplement));
        num(g, "gva", m.gva);
        num(g, "nic_baro", m.nicBaro);
        if (m.hrd != A) str(g, "hrd", ModeSText.hrd(m.hrd));
        num(g, "track_angle_or_heading", m.trackAngleOrHeading);
        // Comm-B registers
        dbl(g, "roll_deg", m.rollDeg);
        dbl(g, "true_track_deg", m.trueTrackDeg);
        dbl(g, "track_rate_dps", m.trackRateDps);
        dbl(g, "true_airspeed_kt", m.trueAirspeedKt);
        dbl(g, "magnetic_heading_deg", m.magneticHeadingDeg);
        dbl(g, "indicated_airspeed_kt", m.indicatedAirspeedKt);
        dbl(g, "mach", m.mach);
        num(g, "baro_vertical_rate_fpm", m.baroVerticalRateFpm);
        num(g, "inertial_vertical_rate_fpm", m.inertialVerticalRateFpm);
        num(g, "selected_altitude_mcp_ft", m.mcpSelectedAltitudeFt);
        num(g, "selected_altitude_fms_ft", m.fmsSelectedAltitudeFt);
        dbl(g, "wind_speed_kt", m.windSpeedKt);
        dbl(g, "wind_direction_deg", m.windDirectionDeg);
        dbl(g, "static_air_temperature_c", m.staticAirTemperatureC);
        dbl(g, "static_pressure_hpa", m.staticPressureHpa);
        num(g, "humidity_pct", m.humidityPct);
        num(g, "common_usage_capabilities", m.commonUsageCaps);
    }

    private static void num(JsonGenerator g, String name, int v) throws IOException {
        if (v != A) g.writeNumberField(name, v);
    }

    private static void dbl(JsonGenerator g, String name, double v) throws IOException {
        if (!Double.isNaN(v)) g.writeNumberField(name, v);
    }

    private static void bool(JsonGenerator g, String name, int v) throws IOException {
        if (v != A) g.writeBooleanField(name, v == 1);
    }

    private static void str(JsonGenerator g, String name, String v) throws IOException {
        if (v != null) g.writeStringField(name, v);
    }
}
