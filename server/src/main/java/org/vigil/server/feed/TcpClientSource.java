package org.vigil.server.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;

/**
 * Connects to a receiver's output port (Beast 30005, AVR 30002, SBS 30003) and keeps reading.
 * When the connection drops, fails, or stays silent longer than the idle timeout, it waits with
 * exponential backoff (0.5 s doubling to 30 s, plus jitter) and reconnects, for as long as the
 * source runs.
 *
 * <p>No frame already received is lost on a drop: the framer delivers each frame as soon as its
 * last byte is read. A partial frame at the drop is counted as truncated (the framer is told the
 * stream ended) and the next connection starts clean.
 */
public final class TcpClientSource extends FeedSource {
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** dump1090 sends heartbeats about once a minute when there is no traffic. */
    public static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 120_000;

    private final String host;
    private final int port;
    private final FeedFormat format;
    private final Backoff backoff;
    private final int connectTimeoutMillis;
    private final int idleTimeoutMillis;
    private final byte[] buffer = new byte[64 * 1024];
    private volatile Socket socket;

    public TcpClientSource(String name, String host, int port, FeedFormat format, FeedDelivery delivery) {
        this(name, host, port, format, delivery, new Backoff(), DEFAULT_CONNECT_TIMEOUT_MILLIS, DEFAULT_IDLE_TIMEOUT_MILLIS);
    }

    public TcpClientSource(String name, String host, int port, FeedFormat format, FeedDelivery delivery,
                           Backoff backoff, int connectTimeoutMillis, int idleTimeoutMillis) {
        super(new Feed(name, FeedKind.TCP_CLIENT, host + ":" + port, format), delivery);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        this.host = host;
        this.port = port;
        this.format = format;
        this.backoff = backoff;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
        delivery.requireConsumerFor(feed, format);
    }

    @Override
    protected void runFeed() {
        final FeedFramer framer = delivery.newFramer(feed, format);
        while (running()) {
            feed.state(FeedState.CONNECTING);
            boolean wasConnected = false;
            try (Socket s = new Socket()) {
                socket = s;
                if (!running()) break;
                s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                s.setSoTimeout(idleTimeoutMillis);
                wasConnected = true;
                feed.connected();
                feed.state(FeedState.CONNECTED);
                backoff.reset();
                InputStream in = s.getInputStream();
                int n;
                while (running() && (n = in.read(buffer)) >= 0) {
                    if (n > 0) framer.accept(buffer, 0, n, nowNanos());
                }
                if (running()) feed.lastError("connection closed by " + feed.endpoint());
            } catch (SocketTimeoutException e) {
                feed.lastError(wasConnected ? "no data for " + idleTimeoutMillis / 1000 + " s" : "connect timed out");
            } catch (IOException e) {
                if (running()) feed.lastError(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                socket = null;
                framer.endOfStream();
                if (wasConnected) feed.disconnected();
            }
            if (!running()) break;
            feed.state(FeedState.BACKOFF);
            if (!sleepMillis(backoff.nextDelayMillis())) break;
        }
        feed.state(FeedState.CLOSED);
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
