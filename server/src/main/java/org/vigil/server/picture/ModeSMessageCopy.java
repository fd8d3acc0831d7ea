package org.vigil.server.picture;

import org.vigil.codec.modes.ModeSMessage;

/**
 * A whole copy of a decoded {@link ModeSMessage}, for handing one to another thread (the decoder
 * reuses its message): every public field, the frame's bytes into the receiver's own buffer.
 * {@code ModeSMessageCopyTest} checks by reflection that no field is left out, so a field added
 * to the message fails the test until it is copied here.
 */
final class ModeSMessageCopy {
    /** Longest Mode S frame. */
    static final int MAX_FRAME = 14;

    private ModeSMessageCopy() {}

    /**
     * Copies {@code from} into {@code to}; the frame bytes (if any) go into {@code frame} (at least
     * {@link #MAX_FRAME} bytes), which {@code to} then refers to.
     */
    static void copy(ModeSMessage from, ModeSMessage to, byte[] frame) {
        if (from.frame != null && from.frameLength > 0 && from.frameLength <= frame.length) {
            System.arraycopy(from.frame, from.frameOffset, frame, 0, from.frameLength);
            to.frame = frame;
            to.frameOffset = 0;
            to.frameLength = from.frameLength;
        } else {
            to.frame = null;
            to.frameOffset = 0;
            to.frameLength = 0;
        }
        to.timeNanos = from.timeNanos;
        to.df = from.df;
        to.icao = from.icao;
        to.icaoFromParity = from.icaoFromParity;
        to.crcOk = from.crcOk;
        to.crcRemainder = from.crcRemainder;
        to.error = from.error;
        to.ca = from.ca;
        to.cf = from.cf;
        to.interrogatorCode = from.interrogatorCode;
        to.flightStatus = from.flightStatus;
        to.downlinkRequest = from.downlinkRequest;
        to.utilityMessage = from.utilityMessage;
        to.verticalStatus = from.verticalStatus;
        to.sensitivityLevel = from.sensitivityLevel;
        to.replyInformation = from.replyInformation;
        to.altitudeFt = from.altitudeFt;
        to.gnssAltitudeFt = from.gnssAltitudeFt;
        to.squawk = from.squawk;
        to.callsign = from.callsign;
        to.category = from.category;
        to.tc = from.tc;
        to.cprFormat = from.cprFormat;
        to.cprLat = from.cprLat;
        to.cprLon = from.cprLon;
        to.surface = from.surface;
        to.nic = from.nic;
        to.timeFlag = from.timeFlag;
        to.surveillanceStatus = from.surveillanceStatus;
        to.lat = from.lat;
        to.lon = from.lon;
        to.groundspeedKt = from.groundspeedKt;
        to.trackDeg = from.trackDeg;
        to.velocitySubtype = from.velocitySubtype;
        to.airspeedKt = from.airspeedKt;
        to.airspeedType = from.airspeedType;
        to.headingDeg = from.headingDeg;
        to.verticalRateFpm = from.verticalRateFpm;
        to.vrSource = from.vrSource;
        to.geoMinusBaroFt = from.geoMinusBaroFt;
        to.nacV = from.nacV;
        to.intentChange = from.intentChange;
        to.emergency = from.emergency;
        to.tcasRaActive = from.tcasRaActive;
        to.araBits = from.araBits;
        to.racBits = from.racBits;
        to.raTerminated = from.raTerminated;
        to.multipleThreat = from.multipleThreat;
        to.threatIcao = from.threatIcao;
        to.selectedAltitudeFt = from.selectedAltitudeFt;
        to.selectedAltitudeSource = from.selectedAltitudeSource;
        to.baroSettingHpa = from.baroSettingHpa;
        to.selectedHeadingDeg = from.selectedHeadingDeg;
        to.autopilot = from.autopilot;
        to.vnav = from.vnav;
        to.altitudeHold = from.altitudeHold;
        to.approach = from.approach;
        to.lnav = from.lnav;
        to.tcasOperational = from.tcasOperational;
        to.version = from.version;
        to.nicSupplementA = from.nicSupplementA;
        to.nicSupplementC = from.nicSupplementC;
        to.nacP = from.nacP;
        to.sil = from.sil;
        to.silSupplement = from.silSupplement;
        to.gva = from.gva;
        to.nicBaro = from.nicBaro;
        to.hrd = from.hrd;
        to.bds = from.bds;
        to.bdsCandidates = from.bdsCandidates;
        to.bdsAmbiguous = from.bdsAmbiguous;
        to.rollDeg = from.rollDeg;
        to.trueTrackDeg = from.trueTrackDeg;
        to.trackRateDps = from.trackRateDps;
        to.trueAirspeedKt = from.trueAirspeedKt;
        to.magneticHeadingDeg = from.magneticHeadingDeg;
        to.indicatedAirspeedKt = from.indicatedAirspeedKt;
        to.mach = from.mach;
        to.baroVerticalRateFpm = from.baroVerticalRateFpm;
        to.inertialVerticalRateFpm = from.inertialVerticalRateFpm;
        to.mcpSelectedAltitudeFt = from.mcpSelectedAltitudeFt;
        to.fmsSelectedAltitudeFt = from.fmsSelectedAltitudeFt;
        to.windSpeedKt = from.windSpeedKt;
        to.windDirectionDeg = from.windDirectionDeg;
        to.staticAirTemperatureC = from.staticAirTemperatureC;
        to.staticPressureHpa = from.staticPressureHpa;
        to.humidityPct = from.humidityPct;
        to.commonUsageCaps = from.commonUsageCaps;
        to.bds10ConfigFlag = from.bds10ConfigFlag;
        to.bds10Subnetwork = from.bds10Subnetwork;
        to.meteoSource = from.meteoSource;
        to.turbulence = from.turbulence;
        to.windShear = from.windShear;
        to.microburst = from.microburst;
        to.icing = from.icing;
        to.wakeVortex = from.wakeVortex;
        to.radioHeightFt = from.radioHeightFt;
        to.modeAC = from.modeAC;
        to.airGround = from.airGround;
        to.subtype = from.subtype;
        to.movementCode = from.movementCode;
        to.capabilityClass = from.capabilityClass;
        to.operationalMode = from.operationalMode;
        to.lengthWidthCode = from.lengthWidthCode;
        to.trackAngleOrHeading = from.trackAngleOrHeading;
        to.targetAltitudeType = from.targetAltitudeType;
        to.positionSource = from.positionSource;
    }
}
