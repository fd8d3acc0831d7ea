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

    @Override
    protected void wakeUp() {
        MulticastSocket s = socket;
        if (s != null) s.close(); // unblocks receive(); also leaves the group
    }
}
