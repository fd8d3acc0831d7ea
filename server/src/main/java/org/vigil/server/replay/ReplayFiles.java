package org.vigil.server.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.codec.asterix.Recording;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarSite;

/**
 * Input files to replay: a {@code vigil sim} output directory (read through its
 * {@code manifest.json}) or capture files (Beast, AVR, SBS; ASTERIX raw, .ff or pcap; ICAO FPL
 * text), each one an {@link InputSource}. {@link #run} delivers every frame, SBS message, radar
 * plot, radar service message and flight plan to {@link ReplaySinks} through the {@link Replayer}
 * (merged in data time, as fast as possible, on the calling thread).
 *
 * <p>Order: flight-plan files are listed first (plans are filed before the traffic they describe,
 * and on equal times the input listed first goes first), then the manifest's (or the command
 * line's) order. The same inputs therefore always give the same sequence.
 *
 * <p>Time: see each input. ASTERIX times of day are resolved against the scenario start from the
 * manifest (or the given start for captures); Beast clocks in a sim directory count from that start.
 *
 * <p>Each {@link #run} opens fresh readers and a fresh radar network, so runs are independent.
 */
public final class ReplayFiles {
    public static final String MANIFEST = "manifest.json";

    /** One input file: path, kind (adsb, radar, flight-plans) and format as in the manifest. */
    public record Source(Path path, String kind, String format) {}

    private final List<Source> sources;
    private final List<RadarSite> radars;
    private final long startNanos;
    private final String scenario;
    private final Path truth;
    private final boolean ticksSinceStart;
    /** The theatre the sim directory was made in (its manifest's {@code theatre}); null for captures. */
    private String theatre;

    private ReplayFiles(
            List<Source> sources,
            List<RadarSite> radars,
            long startNanos,
            String scenario,
            Path truth,
            boolean ticksSinceStart) {
        this.sources = List.copyOf(sources);
        this.radars = List.copyOf(radars);
        this.startNanos = startNanos;
        this.scenario = scenario;
        this.truth = truth;
        this.ticksSinceStart = ticksSinceStart;
    }

    /**
     * A {@code vigil sim} output directory (or its manifest file).
     * @throws IllegalArgumentException naming the problem when the manifest is missing or malformed
     */
    public static ReplayFiles open(Path dirOrManifest) throws IOException {
        Path manifest = Files.isDirectory(dirOrManifest) ? dirOrManifest.resolve(MANIFEST) : dirOrManifest;
        Path dir = manifest.toAbsolutePath().getParent();
        if (!Files.isReadable(manifest)) throw new IllegalArgumentException("no " + MANIFEST + " in " + dirOrManifest);
        JsonNode m = new ObjectMapper().readTree(manifest.toFile());
        String format = m.path("format").asText("");
        if (!format.startsWith("vigil-sim/")) {
            throw new IllegalArgumentException(manifest + ": format must be vigil-sim/1, got '" + format + "'");
        }
        long start;
        try {
            Instant i = Instant.parse(m.path("start").asText(""));
            start = i.getEpochSecond() * 1_000_000_000L + i.getNano();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(manifest + ": start must be an ISO UTC time, got '"
                    + m.path("start").asText() + "'");
        }
        List<Source> plans = new ArrayList<>(), others = new ArrayList<>();
        List<RadarSite> radars = new ArrayList<>();
        Path truth = null;
        for (JsonNode f : m.path("files")) {
            String kind = f.path("kind").asText(""), fmt = f.path("format").asText("");
            Path p = dir.resolve(f.path("path").asText(""));
            switch (kind) {
                // CAT021 (ADS-B ground stations) and CAT062 (another tracker's system tracks) are ASTERIX
                // read by the radar reader, with no radar site needed
                case "adsb", "system-tracks" ->
                    others.add(new Source(p, fmt.startsWith("asterix") ? "radar" : kind, fmt));
                case "radar" -> {
                    others.add(new Source(p, kind, fmt));
                    radars.add(new RadarSite(
                            f.path("sac").asInt(),
                            f.path("sic").asInt(),
                            f.path("name").asText("radar"),
                            f.path("lat").asDouble(),
                            f.path("lon").asDouble(),
                            f.path("heightM").asDouble(0),
                            f.path("rotationSeconds").asDouble(4),
                            f.path("rangeSigmaM").asDouble(50),
                            Math.toRadians(f.path("azimuthSigmaDeg").asDouble(0.07)),
                            RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES,
                            // the simulator's instrumented range (absent in older manifests: not stated)
                            Math.max(0, f.path("rangeNm").asDouble(0)) * org.vigil.core.geo.Units.NM));
                }
                case "flight-plans" -> plans.add(new Source(p, kind, fmt));
                case "truth" -> truth = p;
                default -> {} // a newer writer's extra file: not an input we know
            }
        }
        plans.addAll(others);
        for (Source s : plans) {
            if (!Files.isReadable(s.path()))
                throw new IllegalArgumentException(manifest + ": listed file " + s.path() + " cannot be read");
        }
        ReplayFiles files =
                new ReplayFiles(plans, radars, start, m.path("scenario").asText(null), truth, true);
        files.theatre = m.path("theatre").asText(null);
        return files;
    }

    /**
     * Capture files, formats detected from their names and first octets.
     * @param radars the radar sites ASTERIX files need (e.g. from a radar configuration); may be empty
     * @param start  the date for ASTERIX times of day and where receiver clocks start
     */
    public static ReplayFiles captures(List<Path> files, List<RadarSite> radars, Instant start) throws IOException {
        List<Source> plans = new ArrayList<>(), others = new ArrayList<>();
        for (Path p : files) {
            Source s = detect(p);
            (s.kind().equals("flight-plans") ? plans : others).add(s);
            if (s.kind().equals("radar") && radars.isEmpty() && !reportsOnly(p)) {
                throw new IllegalArgumentException(p + ": ASTERIX needs the radar sites (a radar configuration)");
            }
        }
        plans.addAll(others);
        return new ReplayFiles(
                plans, radars, start.getEpochSecond() * 1_000_000_000L + start.getNano(), null, null, false);
    }

    /** A raw ASTERIX file starting with CAT021 or CAT062: reports and system tracks, no radar site needed. */
    private static boolean reportsOnly(Path p) throws IOException {
        byte[] head = InputFiles.head(p, 64);
        return head.length > 0
                && Recording.detect(head, head.length) == Recording.Format.RAW
                && (head[0] == 21 || head[0] == 62);
    }

    /** Kind and format of a capture file, from its name, else its first octets. */
    static Source detect(Path p) throws IOException {
        if (!Files.isReadable(p)) throw new IllegalArgumentException("cannot read " + p);
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
        byte[] head = InputFiles.head(p, 64);
        if (head.length == 0) throw new IllegalArgumentException(p + " is empty");
        Recording.Format rf = Recording.detect(head, head.length);
        if (rf == Recording.Format.PCAP) return new Source(p, "radar", "asterix-pcap");
        if (rf == Recording.Format.FINAL || n.endsWith(".ff")) return new Source(p, "radar", "asterix-ff");
        if (n.endsWith(".ast") || n.endsWith(".asterix")) return new Source(p, "radar", "asterix-raw");
        if (n.endsWith(".fpl")) return new Source(p, "flight-plans", "icao-fpl");
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("(FPL") || text.startsWith("FPL-")) return new Source(p, "flight-plans", "icao-fpl");
        FeedFormat f = n.endsWith(".beast")
                ? FeedFormat.BEAST
                : n.endsWith(".avr")
                        ? FeedFormat.AVR
                        : n.endsWith(".sbs") ? FeedFormat.SBS : FeedFormat.detect(head, head.length);
        if (f != null) return new Source(p, "adsb", f.name().toLowerCase(Locale.ROOT));
        int cat = head[0] & 0xFF;
        if (cat == 48 || cat == 34 || cat == 1 || cat == 2 || cat == 21 || cat == 62)
            return new Source(p, "radar", "asterix-raw");
        throw new IllegalArgumentException(
                p + ": cannot tell the format (Beast, AVR, SBS, ASTERIX, FPL) from its name or first octets");
    }

    public List<Source> sources() {
        return sources;
    }

    public List<RadarSite> radars() {
        return radars;
    }

    /** Scenario (or capture) start, ns since the epoch. */
    public long startNanos() {
        return startNanos;
    }

    /** Theatre from the manifest (a built-in name or a directory); null for captures and older sim outputs. */
    public String theatre() {
        return theatre;
    }

    /** Scenario name from the manifest; null for captures. */
    public String scenario() {
        return scenario;
    }

    /** The truth file listed in the manifest; null when there is none. */
    public Path truth() {
        return truth;
    }

    /** Replays every input into {@code sinks}, merged in time order, as fast as possible; returns what each delivered. */
    public Replayer.Summary run(ReplaySinks sinks) throws IOException {
        return Replayer.run(inputs(sinks));
    }

    /** Fresh readers of every input (and a fresh radar network), delivering to {@code sinks}, for the {@link Replayer}. */
    public List<InputSource> inputs(ReplaySinks sinks) throws IOException {
        RadarNetwork network = new RadarNetwork(radars);
        List<InputSource> inputs = new ArrayList<>();
        try {
            for (Source s : sources) inputs.add(open(s, network, sinks));
            return inputs;
        } catch (IOException | RuntimeException e) {
            for (InputSource i : inputs) i.close();
            throw e;
        }
    }

    private InputSource open(Source s, RadarNetwork network, ReplaySinks sinks) throws IOException {
        return switch (s.kind()) {
            case "radar" -> new AsterixFileInput(s.path(), network, startNanos, sinks.plots());
            case "flight-plans" -> new FlightPlanFileInput(s.path(), startNanos, sinks.flightPlans());
            default -> {
                FeedFormat f = FeedFormat.parse(s.format());
                yield f == FeedFormat.SBS
                        ? new SbsFileInput(s.path(), startNanos, sinks.messages())
                        : new ModeSFileInput(s.path(), f, ticksSinceStart, startNanos, sinks.frames());
            }
        };
    }
}
