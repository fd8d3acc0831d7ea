package org.vigil.core.event;

/**
 * The health of the picture's inputs (docs/EVENTS.md "Sensor health"): a feed or a radar changed
 * between {@code up}, {@code degraded} and {@code lost}. The time is the picture's clock (data time,
 * or the recorded clock tick that found the sensor silent), so a replay of the recording gives the
 * same events.
 */
public sealed interface SensorEvent extends VigilEvent {
    @Override
    default Long trackNumber() {
        return null;
    }

    /**
     * A sensor's state changed.
     *
     * @param sensor   the feed or radar name as in {@code /api/health}
     * @param kind     {@code adsb} (a Mode S/ADS-B feed) or {@code radar}
     * @param state    {@code up}, {@code degraded} or {@code lost}
     * @param from     the state before
     * @param reason   why, in the operator's words ({@code no data for 30 s}, {@code rotation period missed},
     *                 {@code CRC errors 62 %}); null when up
     * @param lastData data time of the sensor's last input, or null before any
     */
    record StatusChanged(
            @EventTime.Iso long time,
            String sensor,
            String kind,
            String state,
            String from,
            String reason,
            @EventTime.Iso Long lastData)
            implements SensorEvent {
        @Override
        public String type() {
            return "sensor-status";
        }
    }
}
