package org.vigil.core.airspace;

/**
 * Airspace data (countries, NATO table, zones) could not be read. Raised only while loading at
 * start-up, never by a lookup; the message names the file position or the zone and field at fault
 * so that an operator can fix the configuration.
 */
public final class AirspaceDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AirspaceDataException(String message) {
        super(message);
    }

    public AirspaceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
