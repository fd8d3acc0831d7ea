package org.vigil.server.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;

/**
 * Listens on a port for receivers that push their feed (like dump1090's Beast input 30004/30104).
 * Several feeders may be connected at once, each read on its own daemon thread with its own
 * framer; they share this feed's counters. Beyond {@code maxFeeders} a new connection is closed
 * at once and counted as refused (a bound on threads and memory). A feeder silent longer than the
 * idle timeout is dropped.
 *
 * <p>The port is bound in {@link #start()}, so a port already in use fails at start-up, on the
 * operator's screen, rather than later in a log.
 */
public final class TcpListenerSource extends FeedSource {
    public static final int DEFAULT_MAX_FEEDERS = 32;

    private final InetAddress bindAddress;
    private final int requestedPort;
    private final FeedFormat format;
    private final int maxFeeders;
    private final int idleTimeoutMillis;
    private final Set<Socket> feeders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger feederCount = new AtomicInteger();
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
        this.idleTimeoutMillis = idleTimeoutMillis;
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
            if (!running() || feederCount.get() >= maxFeeders) {
                feed.refused();
                closeQuietly(client);
                continue;
            }
            synchronized (feeders) { // count and state change together, so the state never lags the count
                feederCount.incrementAndGet();
                feeders.add(client);
                feed.connected();
                feed.state(FeedState.CONNECTED);
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
                feed.disconnected();
                if (feederCount.decrementAndGet() == 0 && running()) feed.state(FeedState.LISTENING);
            }
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
