package org.vigil.server.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.asterix.AsterixOutput;
import org.vigil.server.output.cot.CotInbound;
import org.vigil.server.output.cot.CotOutput;
import org.vigil.server.output.cot.CotUdpListener;
import org.vigil.server.output.cot.TakClient;
import org.vigil.server.output.cot.TlsContexts;
import org.vigil.server.output.metrics.VigilMetrics;
import org.vigil.server.output.net.MulticastSender;
import org.vigil.server.output.net.StreamServer;
import org.vigil.server.output.readsb.ReadsbOutputs;
import picocli.CommandLine.Option;

/**
 * The outputs of {@code vigil run} and {@code vigil demo} (docs/INTEROP.md): each off by default,
 * each bound to the console's {@code --bind} address. They read the picture's snapshots, the event
 * stream or the decoded frames; none of them changes the picture.
 */
public final class OutputOptions {
    @Option(
            names = "--metrics",
            description = "Serve Prometheus metrics at /metrics on the console's port (public, like /api/health).")
    boolean metrics;

    @Option(
            names = "--aircraft-json",
            description =
                    "Serve readsb's aircraft.json and receiver.json at /data/ on the console's port (for tar1090).")
    boolean aircraftJson;

    @Option(
            names = "--write-json",
            paramLabel = "DIR",
            description =
                    "Write readsb's aircraft.json and receiver.json into DIR every second (as readsb --write-json).")
    Path writeJson;

    @Option(
            names = "--net-bo-port",
            paramLabel = "PORT",
            description = "Re-serve every decoded Mode S frame as Beast on PORT (readsb's 30005); 0 = off (default).")
    int beastPort;

    @Option(
            names = "--net-sbs-port",
            paramLabel = "PORT",
            description =
                    "Serve the fused picture as SBS BaseStation lines on PORT (readsb's 30003); 0 = off (default).")
    int sbsPort;

    @Option(
            names = "--cot-tcp-port",
            paramLabel = "PORT",
            description =
                    "Serve Cursor-on-Target (tracks and alerts) to TAK clients on TCP PORT (TAK's 8087); 0 = off (default).")
    int cotTcpPort;

    @Option(
            names = "--cot-tls-port",
            paramLabel = "PORT",
            description =
                    "Serve Cursor-on-Target over TLS on PORT (TAK's 8089), with --cot-tls-keystore; 0 = off (default).")
    int cotTlsPort;

    @Option(
            names = "--cot-tls-keystore",
            paramLabel = "FILE",
            description = "PKCS#12 keystore of the CoT TLS listener; password from env " + ENV_COT_TLS_PASSWORD + ".")
    Path cotKeystore;

    @Option(
            names = "--cot-tls-truststore",
            paramLabel = "FILE",
            description =
                    "PKCS#12 with the CAs of the TAK clients' certificates: clients must present one (same password).")
    Path cotTruststore;

    @Option(
            names = "--cot-udp",
            paramLabel = "GROUP:PORT",
            description = "Send Cursor-on-Target as UDP datagrams to GROUP:PORT (TAK's SA mesh: 239.2.3.1:6969).")
    String cotUdp;

    @Option(
            names = "--cot-format",
            defaultValue = "xml",
            paramLabel = "xml|proto",
            description = "CoT encoding: xml (TAK protocol 0) or proto (TAK protocol 1) (default ${DEFAULT-VALUE}).")
    String cotFormat;

    @Option(
            names = "--cot-period",
            defaultValue = "1",
            paramLabel = "SECONDS",
            description = "Send each track at most once per period (default ${DEFAULT-VALUE} s).")
    double cotPeriod;

    @Option(names = "--cot-area", paramLabel = "S,W,N,E", description = "Send only tracks inside this box (degrees).")
    String cotArea;

    @Option(
            names = "--cot-identity",
            split = ",",
            paramLabel = "ID",
            description =
                    "Send only tracks of these identities (pending, unknown, assumed-friend, friend, neutral, suspect, hostile, none).")
    java.util.Set<String> cotIdentities;

    @Option(
            names = "--cot-tak-server",
            paramLabel = "HOST:PORT",
            description =
                    "Connect to a TAK server's streaming port (TLS with --cot-tak-keystore: TAK's 8089; else TCP, 8087): send it the CoT output, take its events in; reconnects with back-off.")
    String cotTakServer;

    @Option(
            names = "--cot-tak-keystore",
            paramLabel = "FILE",
            description = "PKCS#12 with Vigil's client certificate for the TAK server; password from env "
                    + ENV_COT_TAK_PASSWORD + ".")
    Path cotTakKeystore;

    @Option(
            names = "--cot-tak-truststore",
            paramLabel = "FILE",
            description = "PKCS#12 with the TAK server's CA (same password); default: the JDK's trusted CAs.")
    Path cotTakTruststore;

    @Option(
            names = "--cot-udp-in",
            paramLabel = "GROUP:PORT",
            description =
                    "Receive Cursor-on-Target datagrams (TAK's SA mesh: 239.2.3.1:6969) for the console's TAK layer.")
    String cotUdpIn;

    @Option(
            names = "--asterix-out",
            paramLabel = "GROUP:PORT",
            description = "Send the system tracks as ASTERIX CAT062 datagrams to GROUP:PORT (multicast or unicast).")
    String asterixOut;

    @Option(
            names = "--asterix-origin",
            paramLabel = "LAT,LON",
            description = "Origin of CAT062's Cartesian plane (I062/100), degrees; required with --asterix-out.")
    String asterixOrigin;

    @Option(
            names = "--asterix-sac-sic",
            defaultValue = "0/1",
            paramLabel = "SAC/SIC",
            description = "Data source of the CAT062 records (I062/010) (default ${DEFAULT-VALUE}).")
    String asterixSacSic;

    @Option(
            names = "--asterix-sensor",
            paramLabel = "NAME=SAC/SIC",
            description =
                    "CAT063 I063/050 of the sensor NAME (as /api/health names it): its own SAC/SIC; repeatable. Sensors not named get the output's SAC and a SIC numbered from 1.")
    java.util.Map<String, String> asterixSensors;

    @Option(
            names = "--asterix-period",
            defaultValue = "1",
            paramLabel = "SECONDS",
            description = "CAT062 update period (default ${DEFAULT-VALUE} s).")
    double asterixPeriod;

    /** The CoT TLS keystore's password. */
    public static final String ENV_COT_TLS_PASSWORD = "VIGIL_COT_TLS_PASSWORD";
    /** The password of the TAK server client's keystore. */
    public static final String ENV_COT_TAK_PASSWORD = "VIGIL_COT_TAK_PASSWORD";

    /** Adds the enabled outputs to {@code server} (before its start; they start and stop with it). */
    public void addTo(LiveServer server, String bind) {
        try {
            VigilMetrics m = metrics ? server.addInput(new VigilMetrics(server)) : null;
            if (aircraftJson || writeJson != null || beastPort > 0 || sbsPort > 0) {
                ReadsbOutputs r = server.addInput(
                        new ReadsbOutputs(server, aircraftJson, writeJson, bind, off(beastPort), off(sbsPort)));
                if (m != null) {
                    meter(m, "beast", r.beast());
                    meter(m, "sbs", r.sbs());
                    if (writeJson != null) m.output("aircraft-json", r::jsonWrites, null, () -> 0);
                }
            }
            if (cotTcpPort > 0 || cotTlsPort > 0 || cotUdp != null || cotTakServer != null || cotUdpIn != null) {
                // what TAK sends back (on every CoT connection and the mesh) for the console's TAK layer
                CotInbound inbound = new CotInbound(System::currentTimeMillis);
                inbound.registerRoutes(server.web());
                if (cotTcpPort > 0 || cotTlsPort > 0 || cotUdp != null || cotTakServer != null) {
                    CotOutput cot = server.addInput(new CotOutput(server, cotSettings(bind, inbound)));
                    if (m != null) {
                        m.output("cot", cot::events, null, () -> 0);
                    }
                }
                if (cotUdpIn != null)
                    server.addInput(new CotUdpListener(bind, hostPort("--cot-udp-in", cotUdpIn), inbound));
                if (m != null) m.output("cot-inbound", inbound::accepted, null, inbound::rejectedTotal);
            }
            if (asterixOut != null) {
                AsterixOutput a = server.addInput(asterixOutput(server, bind));
                if (m != null) m.output("asterix-cat062", a::records, null, () -> 0);
                if (m != null) m.output("asterix-cat063-cat065", a::serviceRecords, null, () -> 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an output: " + e.getMessage(), e);
        }
    }

    private CotOutput.Settings cotSettings(String bind, CotInbound inbound) throws IOException {
        if (!"xml".equals(cotFormat) && !"proto".equals(cotFormat))
            throw new IllegalArgumentException("--cot-format must be xml or proto, not " + cotFormat);
        if (!(cotPeriod > 0)) throw new IllegalArgumentException("--cot-period must be > 0");
        CotOutput.Area area = null;
        if (cotArea != null) {
            String[] p = cotArea.split(",", -1);
            if (p.length != 4) throw new IllegalArgumentException("--cot-area needs S,W,N,E");
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) v[i] = Double.parseDouble(p[i].trim());
            area = new CotOutput.Area(v[0], v[1], v[2], v[3]);
        }
        StreamServer tcp = cotTcpPort > 0 ? new StreamServer("cot-tcp", bind, cotTcpPort, null, false) : null;
        StreamServer tls = null;
        if (cotTlsPort > 0) {
            if (cotKeystore == null) throw new IllegalArgumentException("--cot-tls-port needs --cot-tls-keystore");
            String pw = System.getenv(ENV_COT_TLS_PASSWORD);
            if (pw == null)
                throw new IllegalArgumentException(
                        "--cot-tls-keystore needs its password in env " + ENV_COT_TLS_PASSWORD);
            tls = new StreamServer(
                    "cot-tls",
                    bind,
                    cotTlsPort,
                    TlsContexts.server(cotKeystore, cotTruststore, pw.toCharArray()),
                    cotTruststore != null);
        }
        MulticastSender udp = null;
        if (cotUdp != null) {
            udp = new MulticastSender("cot-udp", bind, hostPort("--cot-udp", cotUdp), 1);
        }
        if (tcp != null) tcp.receive(inbound.connections("cot-tcp"));
        if (tls != null) tls.receive(inbound.connections("cot-tls"));
        TakClient tak = null;
        if (cotTakServer != null) {
            InetSocketAddress a = hostPort("--cot-tak-server", cotTakServer);
            javax.net.ssl.SSLContext ctx = null;
            if (cotTakKeystore != null) {
                String pw = System.getenv(ENV_COT_TAK_PASSWORD);
                if (pw == null)
                    throw new IllegalArgumentException(
                            "--cot-tak-keystore needs its password in env " + ENV_COT_TAK_PASSWORD);
                ctx = TlsContexts.client(cotTakKeystore, cotTakTruststore, pw.toCharArray());
            }
            tak = new TakClient(a.getHostString(), a.getPort(), ctx, inbound);
        }
        return new CotOutput.Settings(
                "proto".equals(cotFormat), cotPeriod, area, cotIdentities, true, tcp, tls, udp, tak);
    }

    private AsterixOutput asterixOutput(LiveServer server, String bind) throws IOException {
        if (asterixOrigin == null) throw new IllegalArgumentException("--asterix-out needs --asterix-origin LAT,LON");
        String[] o = asterixOrigin.split(",", -1);
        String[] ss = asterixSacSic.split("/", -1);
        if (o.length != 2 || ss.length != 2)
            throw new IllegalArgumentException("--asterix-origin is LAT,LON and --asterix-sac-sic SAC/SIC");
        if (!(asterixPeriod > 0)) throw new IllegalArgumentException("--asterix-period must be > 0");
        return new AsterixOutput(
                server,
                new MulticastSender("asterix", bind, hostPort("--asterix-out", asterixOut), 1),
                Integer.parseInt(ss[0].trim()),
                Integer.parseInt(ss[1].trim()),
                Double.parseDouble(o[0].trim()),
                Double.parseDouble(o[1].trim()),
                asterixPeriod,
                sensorIds(asterixSensors));
    }

    /** {@code --asterix-sensor} values as SAC << 8 | SIC by sensor name. */
    static java.util.Map<String, Integer> sensorIds(java.util.Map<String, String> given) {
        java.util.Map<String, Integer> ids = new java.util.LinkedHashMap<>();
        if (given == null) return ids;
        for (var e : given.entrySet()) {
            String[] ss = e.getValue().split("/", -1);
            int sac = ss.length == 2 ? Integer.parseInt(ss[0].trim()) : -1;
            int sic = ss.length == 2 ? Integer.parseInt(ss[1].trim()) : -1;
            if (sac < 0 || sac > 255 || sic < 0 || sic > 255)
                throw new IllegalArgumentException(
                        "--asterix-sensor " + e.getKey() + "=" + e.getValue() + ": SAC/SIC of 0..255 each");
            ids.put(e.getKey(), sac << 8 | sic);
        }
        return ids;
    }

    private static InetSocketAddress hostPort(String option, String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException(option + " needs GROUP:PORT");
        return new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
    }

    /** Port 0 on the command line means off. */
    private static int off(int port) {
        return port > 0 ? port : -1;
    }

    private static void meter(VigilMetrics m, String name, StreamServer s) {
        if (s != null) m.output(name, s::messages, s::clients, s::dropped);
    }
}
