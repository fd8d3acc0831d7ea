package org.vigil.server.output.cot;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.live.LiveServer;

/**
 * Receives Cursor-on-Target datagrams (TAK's SA mesh, 239.2.3.1:6969) into a {@link CotInbound}: joins
 * the group when the address is a multicast one (on the interface of {@code bind}, or the system's
 * default for a wildcard bind), else listens on the unicast port. Reads from {@link #start} on.
 */
public final class CotUdpListener implements LiveServer.Input {
    private static final Logger LOG = LoggerFactory.getLogger(CotUdpListener.class);

    private final MulticastSocket socket;
    private final CotInbound inbound;
    private final Thread reader;
    private volatile boolean open = true;

    public CotUdpListener(String bind, InetSocketAddress group, CotInbound inbound) throws IOException {
        this.inbound = inbound;
        socket = new MulticastSocket(null);
        socket.setReuseAddress(true);
        InetAddress g = group.getAddress();
        socket.bind(new InetSocketAddress(g.isMulticastAddress() ? null : g, group.getPort()));
        if (g.isMulticastAddress()) {
            InetAddress local = InetAddress.getByName(bind);
            NetworkInterface nif = local.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(local);
            socket.joinGroup(new InetSocketAddress(g, group.getPort()), nif);
        }
        reader = new Thread(this::readLoop, "vigil-cot-udp-in");
        reader.setDaemon(true);
        LOG.info("CoT inbound on udp://{}:{}", g.getHostAddress(), port());
    }

    @Override
    public void start() {
        reader.start();
    }

    /** The bound port. */
    public int port() {
        return socket.getLocalPort();
    }

    private void readLoop() {
        byte[] buf = new byte[65_536];
        DatagramPacket d = new DatagramPacket(buf, buf.length);
        while (open) {
            try {
                d.setLength(buf.length);
                socket.receive(d);
                inbound.datagram(buf, 0, d.getLength(), "udp " + d.getSocketAddress());
            } catch (SocketException e) {
                if (open) LOG.warn("CoT inbound UDP: {}", e.getMessage());
                return;
            } catch (IOException e) {
                if (open) LOG.warn("CoT inbound UDP: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        open = false;
        socket.close();
    }
}
