package org.vigil.server.output.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP datagrams to a multicast group (TAK's SA group 239.2.3.1:6969, an ASTERIX tracker's group), or
 * to a unicast address. The socket is bound to the console's {@code --bind} address, so the datagrams
 * leave by that interface. One packet object, reused: nothing allocated per datagram; one sending
 * thread at a time.
 */
public final class MulticastSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MulticastSender.class);

    private final MulticastSocket socket;
    private final DatagramPacket packet;
    private final LongAdder sent = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final String name;

    /**
     * @param bind  local address (the console's {@code --bind}); 0.0.0.0: the system's choice
     * @param group destination group (or unicast address) and port
     * @param ttl   multicast time to live (hops)
     */
    public MulticastSender(String name, String bind, InetSocketAddress group, int ttl) throws IOException {
        this.name = name;
        InetAddress local = InetAddress.getByName(bind);
        socket = new MulticastSocket(new InetSocketAddress(local, 0));
        socket.setTimeToLive(ttl);
        if (!local.isAnyLocalAddress()) {
            NetworkInterface nif = NetworkInterface.getByInetAddress(local);
            if (nif != null) socket.setNetworkInterface(nif);
        }
        // loopback delivery on, so a listener on this machine (tests, a local TAK client) hears it
        socket.setOption(java.net.StandardSocketOptions.IP_MULTICAST_LOOP, true);
        packet = new DatagramPacket(new byte[0], 0, group);
        LOG.info("{} output: UDP to {}:{} (ttl {})", name, group.getHostString(), group.getPort(), ttl);
    }

    /** Sends one datagram of {@code len} bytes; a failure is counted and logged, never thrown. */
    public void send(byte[] buf, int off, int len) {
        packet.setData(buf, off, len);
        try {
            socket.send(packet);
            sent.increment();
        } catch (IOException e) {
            failures.increment();
            LOG.debug("{} output: send failed: {}", name, e.getMessage());
        }
    }

    public long sent() {
        return sent.sum();
    }

    public long failures() {
        return failures.sum();
    }

    @Override
    public void close() {
        socket.close();
    }
}
