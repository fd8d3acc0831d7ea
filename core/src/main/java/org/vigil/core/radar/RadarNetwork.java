package org.vigil.core.radar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The configured radars, looked up by SAC/SIC without allocation (a 65 536-entry table; the key is
 * {@code sac << 8 | sic}). Immutable after construction; the statuses it holds are live.
 */
public final class RadarNetwork {
    private final RadarStatus[] bySensor = new RadarStatus[1 << 16];
    private final List<RadarStatus> all;

    public RadarNetwork(List<RadarSite> sites) {
        List<RadarStatus> list = new ArrayList<>(sites.size());
        for (RadarSite s : sites) {
            if (bySensor[s.key()] != null) {
                throw new IllegalArgumentException("radars "
                        + bySensor[s.key()].site().name() + " and " + s.name() + " share SAC/SIC " + s.sensorId());
            }
            RadarStatus st = new RadarStatus(s);
            bySensor[s.key()] = st;
            list.add(st);
        }
        this.all = Collections.unmodifiableList(list);
    }

    /** The radar with this SAC/SIC, or null when it is not configured. */
    public RadarStatus radar(int sac, int sic) {
        if (sac < 0 || sac > 255 || sic < 0 || sic > 255) return null;
        return bySensor[sac << 8 | sic];
    }

    /** Every configured radar, in configuration order. */
    public List<RadarStatus> radars() {
        return all;
    }
}
