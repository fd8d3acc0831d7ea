package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrackNacpAccuracyTest {
    @Test
    void epuBoundIsTheNinetyFivePercentRadius() {
        assertThat(NacpAccuracy.R95_PER_SIGMA).isCloseTo(2.4477, within(1e-4));
        assertThat(NacpAccuracy.sigmaMetres(8)).isCloseTo(92.6 / 2.4477, within(0.01));
        assertThat(NacpAccuracy.sigmaMetres(4)).isCloseTo(1852 / 2.4477, within(0.1));
        assertThat(NacpAccuracy.sigmaMetres(11)).isEqualTo(NacpAccuracy.FLOOR_SIGMA_METRES);
        assertThat(NacpAccuracy.sigmaMetres(0)).isNaN();
        assertThat(NacpAccuracy.sigmaMetres(12)).isNaN();
        assertThat(NacpAccuracy.sigmaMetres(-1)).isNaN();
        for (int n = 2; n <= 10; n++)
            assertThat(NacpAccuracy.sigmaMetres(n)).isLessThan(NacpAccuracy.sigmaMetres(n - 1));
    }

    @Test
    void adsbWithoutNacpIsCountedNotTracked() {
        Tracker tracker = new Tracker(new TrackerConfig(), null);
        Detection d = new Detection();
        d.kind = SensorKind.ADSB;
        d.sensorId = 1;
        d.timeNanos = 1_000_000_000L;
        d.latDeg = 51;
        d.lonDeg = 6;
        d.icao = 0xABCDEF;
        d.horizontalSigmaMetres = NacpAccuracy.sigmaMetres(0);
        tracker.accept(d);
        tracker.flush();
        assertThat(tracker.liveTracks()).isZero();
        assertThat(tracker.rejected(Rejection.BAD_MEASUREMENT)).isEqualTo(1);
    }
}
