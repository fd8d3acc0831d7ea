package org.vigil.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vigil.server.picture.RecentPlots.PlotView;

/**
 * A fixed set of radar plots over the Black Sea, one of every plot type plus a radar-only track
 * whose plots span the whole window (so the console fades them), as {@code RecentPlots.snapshot()}
 * would return them. Placed clear of {@link MovingPicture}'s aircraft so a test can point at one.
 */
final class FixedPlots implements Supplier<List<PlotView>> {

    /** Data time of the newest plot (epoch ms); plots are older by up to {@link #WINDOW_MS}. */
    static final long NEWEST = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    static final long WINDOW_MS = 11_000;
    /** Plots 0..4 are one of each type; the rest are the radar-only track. */
    static final int TRACK_PLOTS = (int) (WINDOW_MS / 1000) + 1;

    static final int COUNT = 5 + TRACK_PLOTS;

    private static final List<PlotView> PLOTS = build();

    private static List<PlotView> build() {
        List<PlotView> list = new ArrayList<>();
        list.add(new PlotView(43.25, 32.60, 37000, "combined", "12/34", NEWEST, "2041", null, null, false));
        list.add(new PlotView(43.05, 31.90, null, "primary", "12/34", NEWEST - 1000, null, null, null, false));
        list.add(new PlotView(43.15, 33.20, 33000, "secondary", "12/35", NEWEST - 3000, "6135", null, null, false));
        list.add(
                new PlotView(42.95, 32.90, 37000, "mode_s", "12/35", NEWEST - 6000, "2041", "4CA2D1", "RYR4TB", false));
        list.add(new PlotView(
                43.35, 31.50, null, "mode_s_combined", "12/34", NEWEST - WINDOW_MS, null, "471F35", null, true));
        // A radar-only track heading east: oldest first, one plot a second, the newest at the window's end.
        for (int k = 0; k < TRACK_PLOTS; k++) {
            list.add(new PlotView(
                    43.80,
                    31.90 + 0.1 * k,
                    21000,
                    k % 3 == 0 ? "primary" : "combined",
                    "12/34",
                    NEWEST - WINDOW_MS + 1000L * k,
                    "0417",
                    null,
                    null,
                    false));
        }
        return List.copyOf(list);
    }

    @Override
    public List<PlotView> get() {
        return PLOTS;
    }
}
