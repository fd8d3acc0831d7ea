package org.vigil.server.radar;

import static org.vigil.core.geo.Units.FT;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;

/**
 * The radar configuration file ({@code --radar-config FILE}, JSON): the radars (who they are, where
 * they stand, how accurate) and the feeds that bring their data. See docs/RADAR.md for an example.
 * Unknown keys are errors (a misspelt key must not silently fall back to a default). Every problem
 * is reported as an {@link IllegalArgumentException} naming the file and the entry.
 */
public final class RadarConfig {

    /** One radar head as written in the file. Angles in degrees, heights in metres unless named. */
    public record Radar(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "sac", required = true) Integer sac,
            @JsonProperty(value = "sic", required = true) Integer sic,
            @JsonProperty(value = "lat", required = true) Double lat,
            @JsonProperty(value = "lon", required = true) Double lon,
            @JsonProperty("heightMetres") Double heightMetres,
            @JsonProperty("rotationPeriodSeconds") Double rotationPeriodSeconds,
            @JsonProperty("rangeSigmaMetres") Double rangeSigmaMetres,
            @JsonProperty("azimuthSigmaDeg") Double azimuthSigmaDeg,
            @JsonProperty("assumedAltitudeFeet") Double assumedAltitudeFeet,
            @JsonProperty("instrumentedRangeNm") Double instrumentedRangeNm) {

        RadarSite toSite() {
            return new RadarSite(
                    sac,
                    sic,
                    name,
                    lat,
                    lon,
                    or(heightMetres, 0),
                    or(rotationPeriodSeconds, 4.0),
                    or(rangeSigmaMetres, 70),
                    Math.toRadians(or(azimuthSigmaDeg, 0.08)),
                    assumedAltitudeFeet == null ? RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES : assumedAltitudeFeet * FT,
                    instrumentedRangeNm == null ? 0 : instrumentedRangeNm * org.vigil.core.geo.Units.NM);
        }
    }

    /** One feed: type "udp" (port, optional bind, group, interface), "tcp" (host, port), "file" (path, format, date). */
    public record FeedEntry(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "type", required = true) String type,
            @JsonProperty("host") String host,
            @JsonProperty("port") Integer port,
            @JsonProperty("bind") String bind,
            @JsonProperty("group") String group,
            @JsonProperty("interface") String networkInterface,
            @JsonProperty("path") String path,
            @JsonProperty("format") String format,
            @JsonProperty("date") String date) {}

    public record File(
            @JsonProperty("radars") List<Radar> radars,
            @JsonProperty("feeds") List<FeedEntry> feeds) {}

    private final List<RadarSite> sites;
    private final List<FeedEntry> feeds;
    private final Path base;

    private RadarConfig(List<RadarSite> sites, List<FeedEntry> feeds, Path base) {
        this.sites = List.copyOf(sites);
        this.feeds = List.copyOf(feeds);
        this.base = base;
    }

    public List<RadarSite> sites() {
        return sites;
    }

    public List<FeedEntry> feeds() {
        return feeds;
    }

    /** Reads and checks the file. */
    public static RadarConfig load(Path file) {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        File f;
        try {
            f = mapper.readValue(file.toFile(), File.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (f == null || f.radars() == null || f.radars().isEmpty())
            throw new IllegalArgumentException(file + ": no radars configured");
        List<RadarSite> sites = new ArrayList<>();
        for (Radar r : f.radars()) {
            try {
                sites.add(r.toSite());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        List<FeedEntry> feeds = f.feeds() == null ? List.of() : f.feeds();
        Set<String> names = new HashSet<>();
        for (FeedEntry e : feeds) {
            if (!names.add(e.name())) throw new IllegalArgumentException(file + ": two feeds named " + e.name());
        }
        RadarConfig c = new RadarConfig(sites, feeds, file.toAbsolutePath().getParent());
        new RadarNetwork(sites); // duplicate SAC/SIC check now, not at start
        for (FeedEntry e : feeds) c.check(file, e);
        return c;
    }

    private void check(Path file, FeedEntry e) {
        try {
            type(e);
            switch (type(e)) {
                case "udp" -> {
                    port(e, true);
                    address(e.bind());
                    InetAddress g = address(e.group());
                    if (g != null && !g.isMulticastAddress())
                        throw new IllegalArgumentException(e.group() + " is not a multicast group");
                }
                case "tcp" -> {
                    if (e.host() == null) throw new IllegalArgumentException("needs a host");
                    port(e, false);
                }
                default -> { // file
                    if (e.path() == null) throw new IllegalArgumentException("needs a path");
                    format(e);
                    date(e);
                }
            }
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(file + ": feed " + e.name() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Builds the radar network and one source per feed, sharing {@code lock} and {@code sink}. Sources
     * are not started (register them with the FeedRegistry, then start).
     */
    public Setup build(RadarPlotSink sink, Object lock) {
        return build(sink, lock, null);
    }

    /**
     * As {@link #build(RadarPlotSink, Object)}, each source's blocks recorded through {@code tap}
     * (journal feed {@code asterix:NAME}) before decoding; null: not recorded.
     */
    public Setup build(RadarPlotSink sink, Object lock, org.vigil.server.recording.RecordingTap tap) {
        RadarNetwork network = new RadarNetwork(sites);
        List<RadarFeedSource> sources = new ArrayList<>();
        for (FeedEntry e : feeds) {
            sources.add(
                    switch (type(e)) {
                        case "udp" ->
                            new AsterixUdpSource(
                                    e.name(),
                                    address(e.bind()),
                                    port(e, true),
                                    address(e.group()),
                                    e.networkInterface(),
                                    network,
                                    sink,
                                    lock);
                        case "tcp" -> new AsterixTcpSource(e.name(), e.host(), port(e, false), network, sink, lock);
                        default ->
                            new AsterixFileSource(
                                    e.name(), base.resolve(e.path()), format(e), date(e), network, sink, lock);
                    });
        }
        if (tap != null)
            for (RadarFeedSource s : sources) s.recordTo(tap.radar(s.feed().name()));
        return new Setup(network, List.copyOf(sources));
    }

    /** What {@link #build} made. */
    public record Setup(RadarNetwork network, List<RadarFeedSource> sources) {}

    private static String type(FeedEntry e) {
        String t = e.type().toLowerCase(Locale.ROOT);
        if (!t.equals("udp") && !t.equals("tcp") && !t.equals("file")) {
            throw new IllegalArgumentException("type must be udp, tcp or file, not " + e.type());
        }
        return t;
    }

    private static int port(FeedEntry e, boolean zeroAllowed) {
        if (e.port() == null) throw new IllegalArgumentException("needs a port");
        int p = e.port();
        if (p < (zeroAllowed ? 0 : 1) || p > 65535) throw new IllegalArgumentException("port out of range: " + p);
        return p;
    }

    private static InetAddress address(String text) {
        if (text == null) return null;
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("unknown address " + text);
        }
    }

    private static AsterixFileSource.Format format(FeedEntry e) {
        if (e.format() == null) return AsterixFileSource.Format.AUTO;
        try {
            return AsterixFileSource.Format.valueOf(e.format().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("format must be auto, raw, ff or pcap, not " + e.format());
        }
    }

    private static LocalDate date(FeedEntry e) {
        if (e.date() == null) return null;
        try {
            return LocalDate.parse(e.date());
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("date must be YYYY-MM-DD, not " + e.date());
        }
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }
}
