package org.vigil.core.metrics;

/** Running sums behind one {@link QualityFigures}; mutable, owned by the evaluator. */
final class FiguresAccumulator {
    double ospaSum, gospaSum;
    long instants;
    long breaks, swaps, missed, truthInstants;
    double errorSum;
    long errorCount;
    double latencySum, latencyMax = Double.NaN;
    long latencyCount;
    long truthsDetectable;

    // Per-instant partial sums for the situation breakdown; reset at every instant.
    double instantLocalisation;
    int instantTruths, instantAssigned;

    void startInstant() {
        instantLocalisation = 0;
        instantTruths = 0;
        instantAssigned = 0;
    }

    void addLatency(double seconds) {
        latencySum += seconds;
        latencyCount++;
        if (!(seconds <= latencyMax)) latencyMax = seconds; // NaN start: the first one sets it
    }

    void addInstant(double ospa, double gospa) {
        ospaSum += ospa;
        gospaSum += gospa;
        instants++;
    }

    QualityFigures figures(long falseTracks) {
        return new QualityFigures(
                mean(ospaSum, instants),
                mean(gospaSum, instants),
                breaks,
                swaps,
                falseTracks,
                missed,
                mean(errorSum, errorCount),
                mean(latencySum, latencyCount),
                latencyMax,
                instants,
                truthInstants,
                truthsDetectable - latencyCount);
    }

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }
}
