package org.vigil.server.radar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedState;

/**
 * Receives ASTERIX over UDP, the way radar heads and their distribution networks send it: unicast
 * to a port, or multicast to a group joined on a chosen interface. One datagram holds one or more
 * data blocks; a malformed block costs the rest of its datagram (UDP gives no other boundary),
 * never the next datagram.
 *
 * <p>The socket is bound in {@link #start()} so that a taken port fails at start-up. The receive
 * time (wall clock) is the reference that dates each plot's time of day.
 */
public final class AsterixUdpSource extends RadarFeedSource {
    private final InetAddress bind;
    private final int port;
    private final InetAddress group;
    private final String interfaceName;
    private final byte[] buffer = new byte[65_536];
    private volatile MulticastSocket socket;
    /** Datagrams are taken only from these source networks (empty: any); others are dropped and counted. */
    private volatile java.util.List<org.vigil.server.feed.TcpListenerSource.Network> allowed = java.util.List.of();

    private final java.util.concurrent.atomic.AtomicLong refusedDatagrams =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param bind          local address to bind (null: all); ignored for multicast, which binds the wildcard
     * @param port          UDP port (0: any free port, see {@link #localPort()})
     * @param group         multicast group to join, null for unicast
     * @param interfaceName network interface for the join (null: the system's choice)
     */
    public AsterixUdpSource(
            String name,
            InetAddress bind,
            int port,
            InetAddress group,
            String interfaceName,
            RadarNetwork network,
            RadarPlotSink sink,
            Object lock) {
        super(
                name,
                FeedKind.TCP_LISTENER,
                group != null ? "udp-multicast" : "udp",
                (group != null ? group.getHostAddress() : bind == null ? "*" : bind.getHostAddress()) + ":" + port
                        + (interfaceName != null ? "%" + interfaceName : ""),
                "asterix",
                network,
                sink,
                lock);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (group != null && !group.isMulticastAddress()) {
            throw new IllegalArgumentException(group.getHostAddress() + " is not a multicast group");
        }
        this.bind = bind;
        this.port = port;
        this.group = group;
        this.interfaceName = interfaceName;
    }

    /**
     * Takes datagrams only from sources in {@code networks} (as the feed listeners' allow-list; empty:
     * any); a datagram from elsewhere is dropped undecoded and counted ({@link #refusedDatagrams}).
     * Set before start.
     */
    public AsterixUdpSource allowFrom(java.util.List<org.vigil.server.feed.TcpListenerSource.Network> networks) {
        this.allowed = java.util.List.copyOf(networks);
        return this;
    }

    /** Datagrams dropped because their source is not allowed. */
    public long refusedDatagrams() {
        return refusedDatagrams.get();
    }

    /** The bound port (after start). */
    public int localPort() {
        MulticastSocket s = socket;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    protected void beforeStart() {
        try {
            MulticastSocket s = new MulticastSocket(null);
            try {
                s.setReuseAddress(group != null); // several receivers of one group on a host
                s.setReceiveBufferSize(4 << 20); // bursts at north: let the kernel queue them
                s.bind(group != null || bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port));
                if (group != null) {
                    NetworkInterface nif = null;
                    if (interfaceName != null) {
                        nif = NetworkInterface.getByName(interfaceName);
                        if (nif == null) throw new SocketException("no network interface named " + interfaceName);
                    }
                    s.joinGroup(new InetSocketAddress(group, 0), nif);
                }
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            socket = s;
            state(FeedState.LISTENING);
        } catch (IOException e) {
            state(FeedState.FAILED);
            lastError(e.getClass().getSimpleName() + ": " + e.getMessage());
            throw new UncheckedIOException("radar feed " + feed().name() + ": cannot open UDP " + feed().endpoint(), e);
        }
    }

    @Override
    protected void runFeed() {
        MulticastSocket s = socket;
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        boolean first = true;
        while (running()) {
            try {
                packet.setLength(buffer.length);
                s.receive(packet);
            } catch (IOException e) {
                if (running()) {
                    lastError(e.getClass().getSimpleName() + ": " + e.getMessage());
                    state(FeedState.FAILED);
                }
                break;
            }
            if (!allowed.isEmpty() && !allowedSource(packet.getAddress())) {
                if (refusedDatagrams.incrementAndGet() == 1)
                    lastError("dropping datagrams from " + packet.getAddress().getHostAddress() + ": not allowed");
                continue;
            }
            int n = packet.getLength();
            if (first) {
                first = false;
                connected();
                state(FeedState.CONNECTED);
            }
            counters.bytesRead(n);
            decodeLocked(buffer, 0, n, nowNanos());
        }
        if (!running()) state(FeedState.CLOSED);
    }

    private boolean allowedSource(InetAddress a) {
        for (org.vigil.server.feed.TcpListenerSource.Network n : allowed) if (n.contains(a)) return true;
        return false;
    }

    @Override
    public org.vigil.server.feed.FeedStatus status() {
        org.vigil.server.feed.FeedStatus s = super.status();
        long refused = refusedDatagrams.get();
        if (refused == 0) return s;
        java.util.Map<String, Long> rejects = new java.util.LinkedHashMap<>(s.rejects());
        rejects.put("source_not_allowed", refused);
        return new org.vigil.server.feed.FeedStatus(
                s.name(),
                s.kind(),
                s.endpoint(),
                s.format(),
                s.state(),
                s.framesAccepted(),
                s.bytesRead(),
                rejects,
                s.skips(),
                s.connects(),
                s.disconnects(),
                refused,
                s.sinkErrors(),
                s.lastFrameTimeNanos(),
                s.lastError());
    }

    @Override
    protected void wakeUp() {
        MulticastSocket s = socket;
        if (s != null) s.close(); // unblocks receive(); also leaves the group
    }
}
