package org.vigil.server.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;

/**
 * Listens on a port for receivers that push their feed (like dump1090's Beast input 30004/30104).
 * Several feeders may be connected at once, each read on its own daemon thread with its own
 * framer; they share this feed's counters. Beyond {@code maxFeeders} a new connection is closed
 * at once and counted as refused (a bound on threads and memory). A feeder silent longer than the
 * idle timeout is dropped.
 *
 * <p>Admission ({@link Admission}): a connection from an address outside the allow-list, or one
 * more than {@code maxPerSource} from the same address, is closed at once. Every refusal is
 * counted by reason ({@link #refusedByReason()}; their sum is the feed's
 * {@code connections_refused}) and logged, at most once a minute per reason so that a flood does
 * not flood the log. Without a per-source limit 32 idle connections from one host locked real
 * feeders out; the bind address (loopback by default in {@code vigil run}) keeps the port off
 * other hosts altogether.
 *
 * <p>The port is bound in {@link #start()}, so a port already in use fails at start-up, on the
 * operator's screen, rather than later in a log.
 */
public final class TcpListenerSource extends FeedSource {
    public static final int DEFAULT_MAX_FEEDERS = 32;
    /** Connections one address may hold at once by default (a receiver needs one; a few for restarts). */
    public static final int DEFAULT_MAX_PER_SOURCE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TcpListenerSource.class);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    /** Why a connection was refused. */
    public enum Refusal {
        /** The source address is not in the allow-list. */
        NOT_ALLOWED,
        /** The source already holds {@code maxPerSource} connections. */
        TOO_MANY_FROM_SOURCE,
        /** The listener already holds {@code maxFeeders} connections. */
        TOO_MANY_FEEDERS;

        /** The snake_case label used in status maps. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Who may connect.
     * @param allowed      networks a source address must fall in (CIDR or single addresses); empty: any
     * @param maxPerSource connections one source address may hold at once (at least 1)
     */
    public record Admission(List<Network> allowed, int maxPerSource) {
        public Admission {
            allowed = List.copyOf(allowed);
            if (maxPerSource < 1) throw new IllegalArgumentException("maxPerSource must be at least 1");
        }

        /** Any source, {@link #DEFAULT_MAX_PER_SOURCE} connections each. */
        public static Admission open() {
            return new Admission(List.of(), DEFAULT_MAX_PER_SOURCE);
        }

        /** Whether {@code a} may connect at all. */
        public boolean allows(InetAddress a) {
            if (allowed.isEmpty()) return true;
            for (Network n : allowed) if (n.contains(a)) return true;
            return false;
        }
    }

    /** An address block: {@code 192.168.1.0/24}, {@code 10.1.2.3}, {@code ::1}, {@code fd00::/8}. */
    public static final class Network {
        private final byte[] address;
        private final int prefixBits;

        private Network(byte[] address, int prefixBits) {
            this.address = address;
            this.prefixBits = prefixBits;
        }

        /** Parses CIDR notation or a single literal address (no host names: an allow-list must not depend on DNS). */
        public static Network parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            String host = slash < 0 ? t : t.substring(0, slash);
            if (host.isEmpty()
                    || !(host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))))
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'");
            byte[] a;
            try {
                a = InetAddress.getByName(host).getAddress(); // a literal: no lookup
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'", e);
            }
            int bits = a.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(t.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
                }
                if (bits < 0 || bits > a.length * 8)
                    throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
            return new Network(a, bits);
        }

        public boolean contains(InetAddress candidate) {
            byte[] c = candidate.getAddress();
            if (c.length != address.length) return false; // IPv4 vs IPv6: never mixed
            int full = prefixBits / 8, rest = prefixBits % 8;
            for (int i = 0; i < full; i++) if (c[i] != address[i]) return false;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (c[full] & mask) == (address[full] & mask);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Network n && prefixBits == n.prefixBits && java.util.Arrays.equals(address, n.address);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(address) + prefixBits;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(address).getHostAddress() + "/" + prefixBits;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e); // 4 or 16 octets by construction
            }
        }
    }

    private final InetAddress bindAddress;
    private final int requestedPort;
    private final FeedFormat format;
    private final int maxFeeders;
    private final int idleTimeoutMillis;
    private final Admission admission;
    private final Set<Socket> feeders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger feederCount = new AtomicInteger();
    /** Connections held per source address; guarded by {@link #feeders}. */
    private final Map<InetAddress, Integer> perSource = new HashMap<>();

    private final AtomicLong[] refused = new AtomicLong[Refusal.values().length];
    /** Refusals not logged yet, and when each reason was last logged (accept thread only). */
    private final long[] unlogged = new long[Refusal.values().length];

    private final long[] lastLogNanos = new long[Refusal.values().length];
    private volatile ServerSocket server;

    /**
     * @param bindAddress address to listen on (loopback for local feeders only; null = all interfaces)
     * @param port        TCP port, 0 for any free port (see {@link #localPort()})
     */
    public TcpListenerSource(
            String name,
            InetAddress bindAddress,
            int port,
            FeedFormat format,
            FeedDelivery delivery,
            int maxFeeders,
            int idleTimeoutMillis) {
        this(name, bindAddress, port, format, delivery, maxFeeders, idleTimeoutMillis, Admission.open());
    }

    /**
     * @param bindAddress       address to listen on (loopback for local feeders only; null = all interfaces)
     * @param port              TCP port, 0 for any free port (see {@link #localPort()})
     * @param idleTimeoutMillis a feeder silent this long is dropped
     * @param admission         allow-list and per-source limit
     */
    public TcpListenerSource(
            String name,
            InetAddress bindAddress,
            int port,
            FeedFormat format,
            FeedDelivery delivery,
            int maxFeeders,
            int idleTimeoutMillis,
            Admission admission) {
        super(
                new Feed(
                        name,
                        FeedKind.TCP_LISTENER,
                        (bindAddress == null ? "*" : bindAddress.getHostAddress()) + ":" + port,
                        format),
                delivery);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxFeeders < 1) throw new IllegalArgumentException("maxFeeders must be at least 1");
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.format = format;
        this.maxFeeders = maxFeeders;
        if (idleTimeoutMillis < 1) throw new IllegalArgumentException("idle timeout must be at least 1 ms");
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.admission = java.util.Objects.requireNonNull(admission, "admission");
        for (int i = 0; i < refused.length; i++) refused[i] = new AtomicLong();
        delivery.requireConsumerFor(feed, format);
    }

    public TcpListenerSource(String name, InetAddress bindAddress, int port, FeedFormat format, FeedDelivery delivery) {
        this(
                name,
                bindAddress,
                port,
                format,
                delivery,
                DEFAULT_MAX_FEEDERS,
                TcpClientSource.DEFAULT_IDLE_TIMEOUT_MILLIS);
    }

    /** Port actually bound (useful with port 0); -1 before start. */
    public int localPort() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    /** Connections refused so far, by reason (every reason present, in declaration order). */
    public Map<String, Long> refusedByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Refusal r : Refusal.values()) m.put(r.label(), refused[r.ordinal()].get());
        return m;
    }

    public long refused(Refusal r) {
        return refused[r.ordinal()].get();
    }

    /** Feeders connected now. */
    public int connectedFeeders() {
        return feederCount.get();
    }

    @Override
    protected void beforeStart() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bindAddress, requestedPort), 16);
            server = s;
            feed.state(FeedState.LISTENING);
        } catch (IOException e) {
            feed.lastError("cannot listen on " + feed.endpoint() + ": " + e.getMessage());
            feed.state(FeedState.FAILED);
            throw new UncheckedIOException("feed " + feed.name() + ": cannot listen on " + feed.endpoint(), e);
        }
    }

    @Override
    protected void runFeed() {
        final ServerSocket s = server;
        while (running()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                if (running()) {
                    feed.lastError("accept failed: " + e.getMessage());
                    if (!sleepMillis(100)) break; // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            if (!running()) {
                closeQuietly(client);
                continue;
            }
            InetAddress from = client.getInetAddress();
            Refusal why = null;
            synchronized (feeders) { // count and state change together, so the state never lags the count
                if (!admission.allows(from)) why = Refusal.NOT_ALLOWED;
                else if (perSource.getOrDefault(from, 0) >= admission.maxPerSource())
                    why = Refusal.TOO_MANY_FROM_SOURCE;
                else if (feederCount.get() >= maxFeeders) why = Refusal.TOO_MANY_FEEDERS;
                if (why == null) {
                    perSource.merge(from, 1, Integer::sum);
                    feederCount.incrementAndGet();
                    feeders.add(client);
                    feed.connected();
                    feed.state(FeedState.CONNECTED);
                }
            }
            if (why != null) {
                refuse(client, from, why);
                continue;
            }
            Thread t =
                    new Thread(() -> readFeeder(client), "feed-" + feed.name() + "-" + client.getRemoteSocketAddress());
            t.setDaemon(true);
            t.start();
        }
        closeQuietly(s);
        for (Socket c : feeders) closeQuietly(c);
        feed.state(FeedState.CLOSED);
    }

    private void readFeeder(Socket client) {
        final FeedFramer framer = delivery.newFramer(feed, format);
        final byte[] buffer = new byte[64 * 1024];
        try {
            client.setSoTimeout(idleTimeoutMillis);
            InputStream in = client.getInputStream();
            int n;
            while (running() && (n = in.read(buffer)) >= 0) {
                if (n > 0) framer.accept(buffer, 0, n, nowNanos());
            }
        } catch (SocketTimeoutException e) {
            feed.lastError(
                    "feeder " + client.getRemoteSocketAddress() + " silent for " + idleTimeoutMillis / 1000 + " s");
        } catch (IOException e) {
            if (running()) feed.lastError("feeder " + client.getRemoteSocketAddress() + ": " + e.getMessage());
        } finally {
            framer.endOfStream();
            closeQuietly(client);
            synchronized (feeders) {
                feeders.remove(client);
                perSource.computeIfPresent(client.getInetAddress(), (a, n) -> n > 1 ? n - 1 : null);
                feed.disconnected();
                if (feederCount.decrementAndGet() == 0 && running()) feed.state(FeedState.LISTENING);
            }
        }
    }

    /** Closes a refused connection, counts it, and logs it (at most once a minute per reason, with the count since). */
    private void refuse(Socket client, InetAddress from, Refusal why) {
        // counted before the close: whoever sees the connection closed also sees it counted
        refused[why.ordinal()].incrementAndGet();
        feed.refused();
        closeQuietly(client);
        int i = why.ordinal();
        unlogged[i]++;
        long now = System.nanoTime();
        if (lastLogNanos[i] == 0 || now - lastLogNanos[i] >= LOG_INTERVAL_NANOS) {
            LOG.warn(
                    "feed {}: refused a connection from {} ({}); {} refused for this reason since the last note",
                    feed.name(),
                    from.getHostAddress(),
                    why.label(),
                    unlogged[i]);
            feed.lastError(
                    "refused " + from.getHostAddress() + ": " + why.label().replace('_', ' '));
            lastLogNanos[i] = now;
            unlogged[i] = 0;
        }
    }

    @Override
    protected void wakeUp() {
        closeQuietly(server);
        for (Socket c : feeders) closeQuietly(c);
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // closing only to release the port or unblock a reader
        }
    }
}
