package org.vigil.server.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.auth.Security;
import org.vigil.server.feed.FileSource;
import org.vigil.server.feed.TcpClientSource;
import org.vigil.server.feed.TcpListenerSource;
import org.vigil.server.live.LiveServer;
import org.vigil.server.radar.AsterixFileSource;
import org.vigil.server.radar.AsterixTcpSource;
import org.vigil.server.radar.AsterixUdpSource;
import org.vigil.server.radar.RadarConfig;
import org.vigil.server.radar.RadarFeedSource;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.theatre.TheatreChoice;
import org.vigil.server.theatre.TheatreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil run}: connect to real receivers (and files) and serve the console. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Connect to receivers and serve the live console.",
        footer = {
            "",
            "Examples:",
            "  vigil run --beast 192.168.1.20:30005",
            "  vigil run --sbs rx:30003 --listen-beast 30104 --port 8080",
            "  vigil run --file capture.beast.gz --file-speed 1",
            "  vigil run --sim black-sea-2022 --speed 4 --beast 192.168.1.20:30005",
            "  vigil run --theatre baltic --beast 192.168.1.20:30005"
        })
public final class RunCommand implements Callable<Integer> {
    @Option(
            names = "--beast",
            paramLabel = "HOST:PORT",
            description = "Beast binary receiver (readsb/dump1090 port 30005). Repeatable.")
    List<String> beast = new ArrayList<>();

    @Option(names = "--avr", paramLabel = "HOST:PORT", description = "AVR raw hex receiver (port 30002). Repeatable.")
    List<String> avr = new ArrayList<>();

    @Option(
            names = "--sbs",
            paramLabel = "HOST:PORT",
            description = "SBS-1 BaseStation receiver (port 30003). Repeatable.")
    List<String> sbs = new ArrayList<>();

    @Option(
            names = "--listen-beast",
            paramLabel = "PORT",
            description = "Accept feeders that push Beast to this port. Repeatable.")
    List<Integer> listenBeast = new ArrayList<>();

    @Option(
            names = "--listen-avr",
            paramLabel = "PORT",
            description = "Accept feeders that push AVR to this port. Repeatable.")
    List<Integer> listenAvr = new ArrayList<>();

    @Option(
            names = "--listen-bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address the feed listeners (--listen-beast, --listen-avr, --asterix udp://:PORT) bind to "
                    + "(default ${DEFAULT-VALUE}: feeders on this host only; 0.0.0.0 for every interface). "
                    + "Not the console's --bind.")
    String listenBind;

    @Option(
            names = "--listen-allow",
            paramLabel = "CIDR",
            split = ",",
            description = "Source addresses feed listeners accept (e.g. 192.168.1.0/24, 10.0.0.7); others are refused "
                    + "and counted. Repeatable; default: any source that reaches --listen-bind.")
    List<String> listenAllow = new ArrayList<>();

    @Option(
            names = "--listen-max-per-source",
            paramLabel = "N",
            defaultValue = "" + TcpListenerSource.DEFAULT_MAX_PER_SOURCE,
            description = "Connections one source address may hold on a feed listener (default ${DEFAULT-VALUE}).")
    int listenMaxPerSource;

    @Option(
            names = "--listen-idle-timeout",
            paramLabel = "SECONDS",
            defaultValue = "" + TcpClientSource.DEFAULT_IDLE_TIMEOUT_MILLIS / 1000,
            description = "A feeder silent this long is disconnected (default ${DEFAULT-VALUE}).")
    int listenIdleSeconds;

    @Option(
            names = "--file",
            paramLabel = "PATH",
            description = "Capture file (Beast, AVR or SBS; gzip detected). Repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--file-speed",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Pace of file playback: 1 = recorded pace, 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    double fileSpeed;

    @Option(
            names = "--asterix",
            paramLabel = "URI",
            description = "ASTERIX feed: udp://GROUP:PORT (multicast), udp://:PORT (unicast), tcp://HOST:PORT "
                    + "or file:PATH (raw, .ff or pcap). Repeatable. Each category is routed: CAT048/CAT034 radar plots "
                    + "(need --radar-config for the radar sites), CAT021 ADS-B reports (aircraft list and tracker), "
                    + "CAT062 system tracks of another tracker (tracker); others are counted as skipped.")
    List<String> asterix = new ArrayList<>();

    @Option(
            names = "--radar-config",
            paramLabel = "FILE",
            description =
                    "Radar sites (SAC/SIC, position, rotation, accuracy) and optional radar feeds, JSON; see docs/RADAR.md.")
    Path radarConfig;

    @Option(
            names = "--reference",
            paramLabel = "LAT,LON",
            description = "Receiver position, for local CPR decoding of first positions.")
    String reference;

    @Option(
            names = "--sim",
            paramLabel = "SCENARIO",
            description = "Play a scenario (built-in name or YAML file) in real time alongside the other feeds.")
    String sim;

    @Option(
            names = "--speed",
            paramLabel = "N",
            defaultValue = "1",
            description = "With --sim: scenario seconds per wall-clock second (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--flightplans",
            paramLabel = "DIR",
            description =
                    "Watched folder of ICAO ATS messages (*.txt, *.fpl: FPL, CHG, DLA, CNL, DEP, ARR), read at start and on every change.")
    Path flightPlanDir;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port of the console (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "0.0.0.0",
            description = "Address the console binds to (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--feed-timeout",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description =
                    "A feed or radar silent this long is lost; /api/health then says degraded (default ${DEFAULT-VALUE}; docs/HEALTH.md).")
    double feedTimeoutSeconds;

    @CommandLine.Mixin
    ServerSecurity secure = new ServerSecurity();

    @CommandLine.Mixin
    TheatreOption theatre = new TheatreOption();
    /** The outputs to other systems (docs/INTEROP.md), each off by default. */
    @CommandLine.Mixin
    org.vigil.server.output.OutputOptions outputs = new org.vigil.server.output.OutputOptions();
    /** The Kafka backbone (docs/SCALE.md), off by default. */
    @CommandLine.Mixin
    KafkaOption kafka = new KafkaOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Failure.checkPort("--port", port);
        if (beast.isEmpty()
                && avr.isEmpty()
                && sbs.isEmpty()
                && listenBeast.isEmpty()
                && listenAvr.isEmpty()
                && files.isEmpty()
                && asterix.isEmpty()
                && radarConfig == null
                && sim == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "no feed given: use --beast, --avr, --sbs, --listen-beast, --listen-avr, --file, --asterix, --radar-config "
                            + "or --sim (or `vigil demo` for a built-in scenario)");
        }
        Scenario scenario = null;
        if (sim != null) {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--speed must be a number > 0, got " + speed);
            }
        }
        // the theatre: --theatre, else the scenario's theatre: key, else the default; the scenario's qra: honoured
        TheatreChoice.Resolved chosen;
        try {
            chosen = TheatreChoice.resolve(theatre.theatre, sim, false);
            scenario = chosen.scenario();
            secure.recordTheatre(chosen.source());
        } catch (ScenarioException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sim: " + e.getMessage());
        } catch (TheatreException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--theatre:\n" + e.getMessage());
        }
        if (!(feedTimeoutSeconds > 0) || Double.isInfinite(feedTimeoutSeconds)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--feed-timeout must be a number of seconds > 0, got " + feedTimeoutSeconds);
        }
        Security security;
        try {
            security = secure.open();
        } catch (IllegalArgumentException e) {
            System.err.println("vigil run: " + e.getMessage());
            return 2;
        }
        List<RadarSite> radarSites = new ArrayList<>();
        if (radarConfig != null) {
            try {
                radarSites.addAll(RadarConfig.load(radarConfig).sites());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--radar-config: " + e.getMessage());
            }
        }
        if (flightPlanDir != null && !java.nio.file.Files.isDirectory(flightPlanDir)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--flightplans: not a directory: " + flightPlanDir);
        }
        for (Path f : files) {
            if (!java.nio.file.Files.isReadable(f)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --file " + f);
            }
        }
        Scenario sc = scenario;
        kafka.connect(spec.commandLine());
        return serve(
                chosen.theatre(),
                secure,
                security,
                bind,
                port,
                radarSites,
                sc,
                speed,
                flightPlanDir,
                server -> {
                    // before any input: when a feed or radar counts as lost (docs/HEALTH.md)
                    server.picture()
                            .healthConfig(org.vigil.server.feed.SensorHealth.Config.DEFAULTS.withSilenceSeconds(
                                    feedTimeoutSeconds));
                    if (reference != null) {
                        double[] ll = Args.latLon(spec, "--reference", reference);
                        server.pipeline().setReceiver(ll[0], ll[1]);
                    }
                    int n = 0;
                    for (String hp : beast) n = addClient(server, hp, FeedFormat.BEAST, n);
                    for (String hp : avr) n = addClient(server, hp, FeedFormat.AVR, n);
                    for (String hp : sbs) n = addClient(server, hp, FeedFormat.SBS, n);
                    for (int p : listenBeast) {
                        server.feeds()
                                .add(new TcpListenerSource(
                                        "listen-beast-" + p,
                                        listenAddress(),
                                        Args.port(spec, p),
                                        FeedFormat.BEAST,
                                        server.delivery(),
                                        TcpListenerSource.DEFAULT_MAX_FEEDERS,
                                        listenIdleSeconds * 1000,
                                        admission()));
                    }
                    for (int p : listenAvr) {
                        server.feeds()
                                .add(new TcpListenerSource(
                                        "listen-avr-" + p,
                                        listenAddress(),
                                        Args.port(spec, p),
                                        FeedFormat.AVR,
                                        server.delivery(),
                                        TcpListenerSource.DEFAULT_MAX_FEEDERS,
                                        listenIdleSeconds * 1000,
                                        admission()));
                    }
                    for (Path f : files) {
                        server.feeds()
                                .add(new FileSource(
                                        "file-" + f.getFileName(), f, null, fileSpeed, 0, server.delivery()));
                    }
                    if (radarConfig != null) addRadar(server);
                    // CAT021/CAT062 need no radar sites (CAT048 plots of an unconfigured radar are counted as unknown)
                    else for (String uri : asterix) addAsterix(server, uri, new RadarNetwork(List.of()));
                    outputs.addTo(server, bind);
                    kafka.attachTo(server);
                },
                (server, live, bound) -> {
                    if (live != null) Progress.whileRunning(live, sc.name(), sc.durationSeconds());
                    System.out.printf(
                            "Vigil %s: console at %s://%s:%d/ with %d feed(s); Ctrl-C to stop.%n",
                            LiveServer.VERSION,
                            secure.scheme(),
                            "0.0.0.0".equals(bind) ? InetAddress.getLocalHost().getHostName() : bind,
                            bound,
                            server.feeds().feeds().size());
                    return true;
                });
    }

    /** The feeds of a command, added to the server before the restart rebuild. */
    interface Feeds {
        void addTo(LiveServer server);
    }

    /** What a command prints once the server is up; true when it started the scenario's progress line itself. */
    interface Banner {
        boolean print(LiveServer server, LiveSimulation live, int bound) throws Exception;
    }

    /**
     * The one live path of {@code vigil run} and {@code vigil demo} (which is {@code run} with a
     * simulated source): the theatre, the recorder, the server with its picture, the feeds, the
     * restart rebuild from an existing recording, the scenario (resumed where its recording ends),
     * then serving until Ctrl-C.
     *
     * @param theatre    the region's data (docs/THEATRES.md), a scenario's overrides applied
     * @param radarSites the radar sites of the feeds (a scenario's are added here)
     * @param scenario   a scenario played in real time, or null
     */
    static int serve(
            org.vigil.server.picture.Theatre theatre,
            ServerSecurity secure,
            Security security,
            String bind,
            int port,
            List<RadarSite> radarSites,
            Scenario scenario,
            double speed,
            Path flightPlanDir,
            Feeds feeds,
            Banner banner)
            throws Exception {
        List<RadarSite> radars = new ArrayList<>(radarSites);
        if (scenario != null) for (RadarSpec r : scenario.radars()) radars.add(SimFeed.site(r));
        org.vigil.server.recording.RecordingManifest before = secure.previousManifest();
        // closed in reverse order: the server (and its last events) before the recorder
        try (security;
                Recorder recorder = secure.openRecorder(radars, scenario == null ? null : scenario.name());
                LiveServer server = new LiveServer(theatre, bind, port, security, new RecordingTap(recorder))) {
            feeds.addTo(server);
            if (flightPlanDir != null) {
                server.feeds()
                        .add(new org.vigil.server.flightplan.FlightPlanFolderWatcher(
                                "flightplans-" + flightPlanDir.getFileName(),
                                flightPlanDir,
                                server.flightPlanIntake()));
            }
            // a recording already there: rebuild the picture before the feeds start (they start in server.start())
            // and resume the scenario where it ends
            long recorded =
                    RestartOnStart.rebuild(server, recorder, before, radars, scenario == null ? null : scenario.name());
            // the scenario's sensors are the ones feeding: their range rings on the console
            if (scenario != null) server.web().sites().set(scenario.radars(), scenario.receivers());
            LiveSimulation live = scenario == null
                    ? null
                    : server.addInput(new LiveSimulation(server, scenario, speed, true, recorded));
            int bound = server.start();
            boolean progress = banner.print(server, live, bound);
            signInNote(security);
            System.out.println("Recording inputs and events in "
                    + recorder.config().directory().toAbsolutePath());
            if (live != null && !progress) Progress.whileRunning(live, scenario.name(), scenario.durationSeconds());
            server.runUntilStopped();
        }
        return 0;
    }

    private void addRadar(LiveServer server) {
        RadarConfig config;
        try {
            config = RadarConfig.load(radarConfig);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--radar-config: " + e.getMessage());
        }
        // every radar block recorded as received, before decoding (journal feed asterix:NAME)
        RadarConfig.Setup setup = config.build(server.radarSink(), server.radarLock(), server.tap());
        setup.sources().forEach(server.feeds()::add);
        for (String uri : asterix) addAsterix(server, uri, setup.network());
    }

    private void addAsterix(LiveServer server, String uri, RadarNetwork network) {
        RadarFeedSource s = asterixSource(uri, network, server);
        if (server.tap() != null) s.recordTo(server.tap().radar(s.feed().name()));
        server.feeds().add(s);
    }

    private RadarFeedSource asterixSource(String uri, RadarNetwork network, LiveServer server) {
        String name = "asterix-" + uri;
        try {
            if (uri.startsWith("file:")) {
                Path path = Path.of(uri.substring(5));
                if (!java.nio.file.Files.isReadable(path)) throw new IllegalArgumentException("cannot read " + path);
                return new AsterixFileSource(
                        name,
                        path,
                        AsterixFileSource.Format.AUTO,
                        null,
                        network,
                        server.radarSink(),
                        server.radarLock());
            }
            URI u = new URI(uri);
            if (u.getPort() < 1) throw new IllegalArgumentException("no port");
            switch (String.valueOf(u.getScheme()).toLowerCase(java.util.Locale.ROOT)) {
                case "udp": {
                    InetAddress host =
                            u.getHost() == null || u.getHost().isEmpty() ? null : InetAddress.getByName(u.getHost());
                    InetAddress group = host != null && host.isMulticastAddress() ? host : null;
                    // unicast without an address listens where the feed listeners do (--listen-bind, loopback by
                    // default)
                    InetAddress bind = group == null ? (host != null ? host : listenAddress()) : null;
                    return new AsterixUdpSource(
                                    name,
                                    bind,
                                    u.getPort(),
                                    group,
                                    null,
                                    network,
                                    server.radarSink(),
                                    server.radarLock())
                            .allowFrom(admission().allowed());
                }
                case "tcp":
                    if (u.getHost() == null) throw new IllegalArgumentException("no host");
                    return new AsterixTcpSource(
                            name, u.getHost(), u.getPort(), network, server.radarSink(), server.radarLock());
                default:
                    throw new IllegalArgumentException("scheme must be udp, tcp or file");
            }
        } catch (URISyntaxException | java.net.UnknownHostException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--asterix expects udp://GROUP:PORT, udp://:PORT, tcp://HOST:PORT or file:PATH, got '" + uri + "': "
                            + e.getMessage());
        }
    }

    /** Where feed listeners bind: --listen-bind, a literal address. */
    InetAddress listenAddress() {
        try {
            TcpListenerSource.Network.parse(listenBind); // a literal, never a name to look up
            return InetAddress.getByName(listenBind);
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--listen-bind expects an IP address, got '" + listenBind + "'");
        }
    }

    /** Who may connect to a feed listener: --listen-allow, --listen-max-per-source. */
    TcpListenerSource.Admission admission() {
        if (listenIdleSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen-idle-timeout must be at least 1");
        }
        try {
            List<TcpListenerSource.Network> allowed = new ArrayList<>();
            for (String a : listenAllow) allowed.add(TcpListenerSource.Network.parse(a));
            return new TcpListenerSource.Admission(allowed, listenMaxPerSource);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen-allow: " + e.getMessage());
        }
    }

    private int addClient(LiveServer server, String hostPort, FeedFormat format, int n) {
        String[] hp = Args.hostPort(spec, "--" + format.name().toLowerCase(java.util.Locale.ROOT), hostPort);
        server.feeds()
                .add(new TcpClientSource(
                        format.name().toLowerCase(java.util.Locale.ROOT) + "-" + hostPort,
                        hp[0],
                        Integer.parseInt(hp[1]),
                        format,
                        server.delivery()));
        return n + 1;
    }

    /** Tells how to sign in when the admin came from the environment (else Security prints the setup link). */
    static void signInNote(Security security) {
        if (security.adminFromEnvironment()) {
            System.out.println(
                    "Sign in as the administrator from VIGIL_ADMIN_PASSWORD (user VIGIL_ADMIN_USER, default admin).");
        }
    }
}
