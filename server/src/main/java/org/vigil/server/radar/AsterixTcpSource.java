package org.vigil.server.radar;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.vigil.codec.asterix.plots.AsterixStreamFramer;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.server.feed.Backoff;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedState;

/**
 * Connects to a TCP server that streams ASTERIX data blocks end to end (a radar front end or
 * gateway) and keeps reading, reconnecting with backoff like the Mode S TCP client. Blocks are cut
 * by their LEN and a bad LEN is resynchronised ({@link AsterixStreamFramer}); a block cut by a
 * dropped connection is counted as truncated and the next connection starts clean.
 */
public final class AsterixTcpSource extends RadarFeedSource {
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Radars send north markers every few seconds: a minute of silence is a dead link. */
    public static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;

    private final String host;
    private final int port;
    private final Backoff backoff;
    private final int connectTimeoutMillis;
    private final int idleTimeoutMillis;
    private final byte[] buffer = new byte[64 * 1024];
    private volatile Socket socket;

    public AsterixTcpSource(String name, String host, int port, RadarNetwork network, RadarPlotSink sink, Object lock) {
        this(name, host, port, network, sink, lock, new Backoff(), DEFAULT_CONNECT_TIMEOUT_MILLIS, DEFAULT_IDLE_TIMEOUT_MILLIS);
    }

    public AsterixTcpSource(String name, String host, int port, RadarNetwork network, RadarPlotSink sink, Object lock,
                            Backoff backoff, int connectTimeoutMillis, int idleTimeoutMillis) {
        super(name, FeedKind.TCP_CLIENT, FeedKind.TCP_CLIENT.label, host + ":" + port, "asterix", network, sink, lock);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        this.host = host;
        this.port = port;
        this.backoff = backoff;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    @Override
    protected void runFeed() {
        AsterixStreamFramer framer = new AsterixStreamFramer(decoder);
        while (running()) {
            state(FeedState.CONNECTING);
            boolean wasConnected = false;
            try (Socket s = new Socket()) {
                socket = s;
                if (!running()) break;
                s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                s.setSoTimeout(idleTimeoutMillis);
                wasConnected = true;
                connected();
                state(FeedState.CONNECTED);
                backoff.reset();
                InputStream in = s.getInputStream();
                int n;
                while (running() && (n = in.read(buffer)) >= 0) {
                    if (n == 0) continue;
                    long now = nowNanos();
                    synchronized (lock) {
                        framer.accept(buffer, 0, n, now);
                    }
                }
                if (running()) lastError("connection closed by " + feed().endpoint());
            } catch (SocketTimeoutException e) {
                lastError(wasConnected ? "no data for " + idleTimeoutMillis / 1000 + " s" : "connect timed out");
            } catch (IOException e) {
                if (running()) lastError(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                socket = null;
                synchronized (lock) {
                    framer.endOfStream();
                }
                if (wasConnected) disconnected();
            }
            if (!running()) break;
            state(FeedState.BACKOFF);
            if (!sleepMillis(backoff.nextDelayMillis())) break;
        }
        state(FeedState.CLOSED);
    }

    @Override
    protected void wakeUp() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing only to unblock the reader
            }
        }
    }
}
