package org.vigil.server.cli;

import org.vigil.server.sim.LiveSimulation;

/**
 * Shows how far a live scenario has run on the terminal (stderr, one line rewritten every few
 * seconds). Nothing when stderr is not a terminal, so logs and pipes stay clean.
 */
final class Progress {
    private Progress() {}

    static void whileRunning(LiveSimulation sim, String name, double durationSeconds) {
        if (System.console() == null) return;
        Thread t = new Thread(
                () -> {
                    try {
                        while (true) {
                            double s = sim.scenarioSeconds();
                            System.err.printf(
                                    "\r%s: %d:%02d:%02d of %d:%02d:%02d simulated",
                                    name,
                                    (long) s / 3600,
                                    (long) s / 60 % 60,
                                    (long) s % 60,
                                    (long) durationSeconds / 3600,
                                    (long) durationSeconds / 60 % 60,
                                    (long) durationSeconds % 60);
                            if (s + 0.5 >= durationSeconds) {
                                System.err.println(" (scenario ended; the console stays up)");
                                return;
                            }
                            Thread.sleep(2_000);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "vigil-sim-progress");
        t.setDaemon(true);
        t.start();
    }
}
