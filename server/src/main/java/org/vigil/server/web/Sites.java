package org.vigil.server.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;

/**
 * The sensor sites the console draws range rings around ({@code GET /api/sites}, tar1090's rings
 * around the receiver): the radars and ADS-B receivers of the running theatre or scenario, each with
 * its position and range. Thread-safe: set at start-up, read by HTTP threads.
 */
public final class Sites {

    /**
     * One site.
     *
     * @param kind    {@code radar} or {@code receiver}
     * @param name    the site's name
     * @param lat     latitude, degrees
     * @param lon     longitude, degrees
     * @param rangeNm instrumented (radar) or reception (receiver) range, NM
     */
    public record Site(
            String kind,
            String name,
            double lat,
            double lon,
            @JsonProperty("range_nm") double rangeNm) {
        public Site {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    private volatile List<Site> sites = List.of();

    /** Replaces the sites with these radars and receivers (a scenario's sensors replace the theatre's). */
    public Sites set(List<RadarSpec> radars, List<ReceiverSpec> receivers) {
        List<Site> out = new ArrayList<>(radars.size() + receivers.size());
        for (RadarSpec r : radars) out.add(new Site("radar", r.name(), r.lat(), r.lon(), r.rangeNm()));
        for (ReceiverSpec r : receivers) out.add(new Site("receiver", r.name(), r.lat(), r.lon(), r.rangeNm()));
        sites = List.copyOf(out);
        return this;
    }

    /** The sites, radars first. */
    public List<Site> list() {
        return sites;
    }
}
