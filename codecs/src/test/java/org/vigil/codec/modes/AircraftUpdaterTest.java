package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.AircraftUpdater.Outcome;
import org.vigil.core.Callsigns;
import org.vigil.core.aircraft.AircraftState;
import org.vigil.core.aircraft.AircraftTable;
import org.vigil.core.aircraft.Emergency;
import org.vigil.core.aircraft.FieldGroup;

/** Messages are filled by hand so that these rules are tested independently of the decoder. */
class AircraftUpdaterTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_753_827_785L * S;
    private static final int ICAO = 0xADA526;

    private final AircraftTable table = new AircraftTable();
    private final AircraftUpdater updater = new AircraftUpdater();
    private final ModeSMessage m = new ModeSMessage();

    private ModeSMessage es(int icao, long t) {
        m.reset();
        m.df = 17;
        m.icao = icao;
        m.crcOk = true;
        m.timeNanos = t;
        return m;
    }

    private ModeSMessage ap(int df, int icao, long t) {
        m.reset();
        m.df = df;
        m.icao = icao;
        m.icaoFromParity = true;
        m.timeNanos = t;
        return m;
    }

    @Test
    void crcProvenExtendedSquitterCreatesTheAircraftWithItsFields() {
        es(ICAO, T0).tc = 11;
        m.altitudeFt = 36000;
        m.lat = 43.2;
        m.lon = 27.9;
        assertThat(updater.apply(m, table, 180)).isEqualTo(Outcome.UPDATED);

        es(ICAO, T0 + S).tc = 4;
        m.callsign = Callsigns.pack("WZZ1234");
        m.category = 3;
        updater.apply(m, table);

        es(ICAO, T0 + 2 * S).tc = 19;
        m.groundspeedKt = 452;
        m.trackDeg = 121.5;
        m.verticalRateFpm = -640;
        m.vrSource = 1;
        m.geoMinusBaroFt = 450;
        updater.apply(m, table);

        es(ICAO, T0 + 3 * S).tc = 31;
        m.version = 2;
        m.nacP = 9;
        m.sil = 3;
        m.gva = 2;
        m.nicBaro = 1;
        updater.apply(m, table);

        es(ICAO, T0 + 4 * S).tc = 28;
        m.emergency = Emergency.GENERAL;
        m.squawk = 7700;
        updater.apply(m, table);

        es(ICAO, T0 + 5 * S).tc = 29;
        m.selectedAltitudeFt = 24000;
        m.baroSettingHpa = 1013.6;
        updater.apply(m, table);

        AircraftState a = table.find(ICAO);
        assertThat(table.size()).isEqualTo(1);
        assertThat(a.lat()).isEqualTo(43.2);
        assertThat(a.lon()).isEqualTo(27.9);
        assertThat(a.trailAltitudeFt(0)).isEqualTo(36000);
        assertThat(a.baroAltitudeFt()).isEqualTo(36000);
        assertThat(a.gnssAltitudeFt()).isEqualTo(36450);
        assertThat(Callsigns.unpack(a.callsign())).isEqualTo("WZZ1234");
        assertThat(a.category()).isEqualTo(0xA3);
        assertThat(a.groundSpeedKt()).isEqualTo(452);
        assertThat(a.trackDeg()).isEqualTo(121.5);
        assertThat(a.verticalRateFpm()).isEqualTo(-640);
        assertThat(a.verticalRateSource()).isEqualTo(AircraftState.VR_SOURCE_BARO);
        assertThat(a.adsbVersion()).isEqualTo(2);
        assertThat(a.nacP()).isEqualTo(9);
        assertThat(a.sil()).isEqualTo(3);
        assertThat(a.gva()).isEqualTo(2);
        assertThat(a.nicBaro()).isEqualTo(1);
        assertThat(a.emergency()).isEqualTo(Emergency.GENERAL);
        assertThat(a.squawk()).isEqualTo(7700);
        assertThat(a.selectedAltitudeFt()).isEqualTo(24000);
        assertThat(a.baroSettingHpa()).isEqualTo(1013.6);
        assertThat(a.airGround()).isEqualTo(AircraftState.AIRBORNE);
        assertThat(a.messages()).isEqualTo(6);
        assertThat(a.messages(17)).isEqualTo(6);
        assertThat(a.signalLevel()).isEqualTo(180);
        assertThat(a.lastSeenNanos()).isEqualTo(T0 + 5 * S);
        assertThat(updater.count(Outcome.UPDATED)).isEqualTo(6);
    }

    @Test
    void addressParityFromAnUnknownAddressIsIgnored() {
        ap(4, 0x3C6DD0, T0).altitudeFt = 12000;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.IGNORED_UNKNOWN_AP_ADDRESS);
        ap(20, 0x3C6DD0, T0).callsign = Callsigns.pack("DLH4AB");
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.IGNORED_UNKNOWN_AP_ADDRESS);
        assertThat(table.size()).isZero();
        assertThat(updater.count(Outcome.IGNORED_UNKNOWN_AP_ADDRESS)).isEqualTo(2);
    }

    @Test
    void addressParityUpdatesAnAircraftKnownFromAllCall() {
        m.reset();
        m.df = 11;
        m.icao = 0x3C6DD0;
        m.crcOk = true;
        m.ca = 5;
        m.timeNanos = T0;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.UPDATED);
        ap(4, 0x3C6DD0, T0 + S).altitudeFt = 12000;
        m.flightStatus = 1;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.UPDATED);
        ap(5, 0x3C6DD0, T0 + 2 * S).squawk = 1000;
        updater.apply(m, table);
        AircraftState a = table.find(0x3C6DD0);
        assertThat(a.baroAltitudeFt()).isEqualTo(12000);
        assertThat(a.squawk()).isEqualTo(1000);
        assertThat(a.airGround()).isEqualTo(AircraftState.ON_GROUND);
        assertThat(a.messages(11)).isEqualTo(1);
        assertThat(a.messages(4)).isEqualTo(1);
        assertThat(a.messages(5)).isEqualTo(1);
    }

    @Test
    void allCallWithAnInterrogatorCodeDoesNotCreateAnAircraft() {
        m.reset();
        m.df = 11;
        m.icao = 0x3C6DD0;
        m.crcOk = true;
        m.crcRemainder = 0x2A;
        m.interrogatorCode = 0x2A;
        m.timeNanos = T0;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.IGNORED_UNKNOWN_AP_ADDRESS);
        assertThat(table.size()).isZero();
    }

    @Test
    void failedChecksumAndAddresslessMessagesAreIgnoredAndCounted() {
        es(ICAO, T0).crcOk = false;
        m.crcRemainder = 0x123456;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.IGNORED_CRC_FAILED);
        m.reset();
        m.modeAC = true;
        m.squawk = 7000;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.IGNORED_NO_ADDRESS);
        es(ICAO, T0).error = DecodeFailure.BAD_FIELD; // e.g. a bad type code
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.IGNORED_NO_ADDRESS);
        assertThat(table.size()).isZero();
        assertThat(updater.count(Outcome.IGNORED_CRC_FAILED)).isEqualTo(1);
        assertThat(updater.count(Outcome.IGNORED_NO_ADDRESS)).isEqualTo(2);
    }

    @Test
    void implausiblePositionIsRejectedButTheRestOfTheMessageIsApplied() {
        es(ICAO, T0 + 5 * S).lat = 43.0;
        m.lon = 27.9;
        m.altitudeFt = 30000;
        updater.apply(m, table);
        es(ICAO, T0 + 6 * S).lat = 43.0 + 50.0 / 60.0; // 50 NM in a second
        m.lon = 27.9;
        m.altitudeFt = 30100;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.POSITION_REJECTED);
        AircraftState a = table.find(ICAO);
        assertThat(a.lat()).isEqualTo(43.0);
        assertThat(a.baroAltitudeFt()).isEqualTo(30100);
        assertThat(a.positionRejections()).isEqualTo(1);
        assertThat(updater.count(Outcome.POSITION_REJECTED)).isEqualTo(1);
        es(ICAO, T0).lat = 43.001; // older than the held position
        m.lon = 27.9;
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.POSITION_LATE);
    }

    @Test
    void nonIcaoDf18AddressIsKeptApart() {
        es(ICAO, T0).df = 18;
        m.cf = 1;
        updater.apply(m, table);
        es(ICAO, T0).df = 18;
        m.cf = 0;
        updater.apply(m, table);
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.find(ICAO | AircraftTable.NON_ICAO).isNonIcaoAddress()).isTrue();
        assertThat(table.find(ICAO).isNonIcaoAddress()).isFalse();
    }

    @Test
    void commBValuesAreUsedOnlyWhenTheRegisterIsUnambiguous() {
        es(ICAO, T0);
        updater.apply(m, table);
        ap(20, ICAO, T0 + S).bds = 0x60;
        m.indicatedAirspeedKt = 250;
        m.mach = 0.62;
        m.magneticHeadingDeg = 87;
        updater.apply(m, table);
        ap(20, ICAO, T0 + 2 * S).bds = 0x60;
        m.bdsAmbiguous = true;
        m.indicatedAirspeedKt = 999;
        updater.apply(m, table);
        AircraftState a = table.find(ICAO);
        assertThat(a.indicatedAirspeedKt()).isEqualTo(250);
        assertThat(a.mach()).isEqualTo(0.62);
        assertThat(a.headingDeg()).isEqualTo(87);
        assertThat(a.seenNanos(FieldGroup.AIR_DATA)).isEqualTo(T0 + S);
    }

    @Test
    void surfacePositionMarksTheAircraftOnGround() {
        es(ICAO, T0).tc = 7;
        m.surface = true;
        m.lat = 42.5;
        m.lon = 27.5;
        m.groundspeedKt = 12;
        updater.apply(m, table);
        AircraftState a = table.find(ICAO);
        assertThat(a.isSurfacePosition()).isTrue();
        assertThat(a.airGround()).isEqualTo(AircraftState.ON_GROUND);
        assertThat(a.groundSpeedKt()).isEqualTo(12);
        assertThat(a.trackDeg()).isNaN();
    }

    @Test
    void sbsMessagesWithoutDownlinkFormatCreateAircraft() {
        m.reset();
        m.icao = ICAO;
        m.crcOk = true; // as the SBS parser sets it
        m.timeNanos = T0;
        m.callsign = Callsigns.pack("ROT601");
        assertThat(updater.apply(m, table)).isEqualTo(Outcome.UPDATED);
        assertThat(table.find(ICAO).messages()).isEqualTo(1);
    }
}
