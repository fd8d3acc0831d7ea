package org.vigil.core.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RadarTimeOfDayTest {
    private static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void sameDay() {
        assertThat(TimeOfDay.resolve(12 * 3600 + 0.5, nanos("2024-03-10T12:00:02Z")))
                .isEqualTo(nanos("2024-03-10T12:00:00.5Z"));
    }

    @Test
    void plotJustBeforeMidnightReceivedJustAfterBelongsToThePreviousDay() {
        double tod = 86_400 - 1.0 / 128; // 23:59:59.9921875
        long t = TimeOfDay.resolve(tod, nanos("2024-03-11T00:00:01Z"));
        assertThat(t).isEqualTo(nanos("2024-03-10T23:59:59.9921875Z"));
    }

    @Test
    void plotJustAfterMidnightWithAReferenceJustBeforeBelongsToTheNextDay() {
        long t = TimeOfDay.resolve(0.25, nanos("2024-12-31T23:59:58Z"));
        assertThat(t).isEqualTo(nanos("2025-01-01T00:00:00.25Z"));
    }

    @Test
    void resultIsAlwaysWithinTwelveHoursOfTheReference() {
        long ref = nanos("2024-06-01T03:17:00Z");
        for (int s = 0; s < 86_400; s += 97) {
            long t = TimeOfDay.resolve(s, ref);
            assertThat(Math.abs(t - ref)).isLessThanOrEqualTo(TimeOfDay.NANOS_PER_DAY / 2);
            assertThat(Math.floorMod(t, TimeOfDay.NANOS_PER_DAY)).isEqualTo(s * 1_000_000_000L);
        }
    }

    @Test
    void unknownReferenceOrBadValueGivesUnknown() {
        assertThat(TimeOfDay.resolve(10, TimeOfDay.UNKNOWN)).isEqualTo(TimeOfDay.UNKNOWN);
        assertThat(TimeOfDay.resolve(Double.NaN, 0)).isEqualTo(TimeOfDay.UNKNOWN);
        assertThat(TimeOfDay.resolve(-1, 0)).isEqualTo(TimeOfDay.UNKNOWN);
    }

    @Test
    void beforeTheEpochWorksToo() {
        assertThat(TimeOfDay.resolve(3600, nanos("1969-12-31T01:00:00Z"))).isEqualTo(nanos("1969-12-31T01:00:00Z"));
    }
}
