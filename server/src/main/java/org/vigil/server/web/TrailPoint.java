package org.vigil.server.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One past position of a track, sent to the console as the compact array {@code [lon, lat, alt_ft]}
 * (GeoJSON axis order) so that long trails stay small on the wire. {@code altFt} is null when the
 * altitude at that fix was unknown; it is then written as JSON {@code null}, never as NaN (which
 * is not valid JSON).
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"lon", "lat", "altFt"})
public record TrailPoint(double lon, double lat, Integer altFt) {

    public TrailPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("trail point outside WGS84 range: lat=" + lat + " lon=" + lon);
        }
    }
}
