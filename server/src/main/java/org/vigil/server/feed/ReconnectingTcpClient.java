package org.vigil.server.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The connect / read / back off / reconnect loop shared by every feed that dials out to a TCP
 * server (Mode S receivers in {@link TcpClientSource}, ASTERIX radar front ends in
 * {@code AsterixTcpSource}). It owns the socket and the read buffer; what the bytes mean, and where
 * state and errors are shown, stays with the source through a {@link Link}.
 *
 * <p>Loop: CONNECTING, connect (bounded by the connect timeout), CONNECTED and reset the backoff,
 * read until end of stream, an error, or silence longer than the idle timeout; then tell the
 * source the stream ended (so a partial frame is counted as truncated and the next connection
 * starts clean), BACKOFF for the next delay, and again, for as long as the source runs. CLOSED
 * when it stops. Every read chunk is handed over at once, so no received frame waits for the
 * next read; nothing is allocated per chunk.
 *
 * <p>Threads: {@link #run} on the source's reader thread; {@link #wakeUp} from the thread that
 * stops the source (closing the socket unblocks a pending connect or read).
 */
public final class ReconnectingTcpClient {
    /** What the loop needs from its source. Called on the reader thread only. */
    public interface Link {
        /** false once the source is stopping: the loop then ends without another attempt. */
        boolean running();

        void state(FeedState state);

        void connected();

        void disconnected();

        void lastError(String text);

        /** A chunk of bytes as read ({@code len > 0}), stamped with the wall-clock receive time. */
        void received(byte[] buffer, int off, int len, long receiveTimeNanos);

        /** The connection is gone (or never came): drop any partial frame. */
        void endOfStream();
    }

    private final String host;
    private final int port;
    private final Backoff backoff;
    private final int connectTimeoutMillis;
    private final int idleTimeoutMillis;
    private final byte[] buffer = new byte[64 * 1024];
    private volatile Socket socket;

    /** @throws IllegalArgumentException for a port outside 1..65535 */
    public ReconnectingTcpClient(
            String host, int port, Backoff backoff, int connectTimeoutMillis, int idleTimeoutMillis) {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        this.host = host;
        this.port = port;
        this.backoff = backoff;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** "host:port", as shown in the feed list and in "connection closed by" errors. */
    public String endpoint() {
        return host + ":" + port;
    }

    /** Runs the loop until {@code link.running()} is false or the thread is interrupted; ends in CLOSED. */
    public void run(Link link) {
        while (link.running()) {
            link.state(FeedState.CONNECTING);
            boolean wasConnected = false;
            try (Socket s = new Socket()) {
                socket = s;
                if (!link.running()) break; // stop() came before the socket was published
                s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                s.setSoTimeout(idleTimeoutMillis);
                wasConnected = true;
                link.connected();
                link.state(FeedState.CONNECTED);
                backoff.reset();
                InputStream in = s.getInputStream();
                int n;
                while (link.running() && (n = in.read(buffer)) >= 0) {
                    if (n > 0) link.received(buffer, 0, n, FeedSource.nowNanos());
                }
                if (link.running()) link.lastError("connection closed by " + endpoint());
            } catch (SocketTimeoutException e) {
                link.lastError(wasConnected ? "no data for " + idleTimeoutMillis / 1000 + " s" : "connect timed out");
            } catch (IOException e) {
                // after stop() the error is only our own close: keep the last real one
                if (link.running()) link.lastError(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                socket = null;
                link.endOfStream();
                if (wasConnected) link.disconnected();
            }
            if (!link.running()) break;
            link.state(FeedState.BACKOFF);
            if (!FeedSource.sleepMillis(backoff.nextDelayMillis())) break;
        }
        link.state(FeedState.CLOSED);
    }

    /** Closes the current socket, if any, so that a blocked connect or read returns. */
    public void wakeUp() {
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
