package org.vigil.core.aircraft;

/**
 * Groups of aircraft fields that are refreshed together and go stale together. Each group has
 * its own "last refreshed" time in {@link AircraftState} and its own maximum age in
 * {@link TrackingRules}: a field is shown to the operator only while its group is fresh, so an
 * old callsign does not outlive the radio silence that made it old, and a position stops being
 * drawn 60 s after the last fix even though the aircraft is still heard on other messages.
 */
public enum FieldGroup {
    /** Latitude, longitude, surface flag (and the trail). */
    POSITION,
    /** Pressure altitude (Mode C, ADS-B airborne position, DF4/20). */
    BARO_ALTITUDE,
    /** GNSS (geometric) altitude, ADS-B TC 20-22 or baro + (geometric - baro) difference. */
    GNSS_ALTITUDE,
    /** Ground speed and track over ground. */
    GROUND_VELOCITY,
    /** Vertical rate and its source. */
    VERTICAL_RATE,
    /** Indicated / true airspeed, Mach, heading (ADS-B TC 19 subtype 3/4 or Comm-B). */
    AIR_DATA,
    /** Flight identification (callsign). */
    CALLSIGN,
    /** Mode A code (squawk). */
    SQUAWK,
    /** ADS-B emergency / priority status (TC 28). */
    EMERGENCY,
    /** ADS-B emitter category. */
    CATEGORY,
    /** ADS-B version and integrity/accuracy indicators (NACp, NIC, SIL, GVA, NICbaro). */
    QUALITY,
    /** Selected altitude, selected heading, barometric setting (TC 29). */
    SELECTED_STATE,
    /** Airborne / on-ground status. */
    AIR_GROUND;

    /** Cached values(): calling values() allocates a fresh array each time. */
    static final FieldGroup[] ALL = values();
}
