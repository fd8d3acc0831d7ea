package org.vigil.server.feed;

import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;

/**
 * Connects to a receiver's output port (Beast 30005, AVR 30002, SBS 30003) and keeps reading.
 * When the connection drops, fails, or stays silent longer than the idle timeout, it waits with
 * exponential backoff (0.5 s doubling to 30 s, plus jitter) and reconnects, for as long as the
 * source runs (the loop is {@link ReconnectingTcpClient}, shared with the ASTERIX TCP source).
 *
 * <p>No frame already received is lost on a drop: the framer delivers each frame as soon as its
 * last byte is read. A partial frame at the drop is counted as truncated (the framer is told the
 * stream ended) and the next connection starts clean.
 */
public final class TcpClientSource extends FeedSource {
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** dump1090 sends heartbeats about once a minute when there is no traffic. */
    public static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 120_000;

    private final FeedFormat format;
    private final ReconnectingTcpClient client;

    public TcpClientSource(String name, String host, int port, FeedFormat format, FeedDelivery delivery) {
        this(
                name,
                host,
                port,
                format,
                delivery,
                new Backoff(),
                DEFAULT_CONNECT_TIMEOUT_MILLIS,
                DEFAULT_IDLE_TIMEOUT_MILLIS);
    }

    public TcpClientSource(
            String name,
            String host,
            int port,
            FeedFormat format,
            FeedDelivery delivery,
            Backoff backoff,
            int connectTimeoutMillis,
            int idleTimeoutMillis) {
        super(new Feed(name, FeedKind.TCP_CLIENT, host + ":" + port, format), delivery);
        this.client = new ReconnectingTcpClient(host, port, backoff, connectTimeoutMillis, idleTimeoutMillis);
        this.format = format;
        delivery.requireConsumerFor(feed, format);
    }

    @Override
    protected void runFeed() {
        final FeedFramer framer = delivery.newFramer(feed, format);
        client.run(new ReconnectingTcpClient.Link() {
            @Override
            public boolean running() {
                return TcpClientSource.this.running();
            }

            @Override
            public void state(FeedState state) {
                feed.state(state);
            }

            @Override
            public void connected() {
                feed.connected();
            }

            @Override
            public void disconnected() {
                feed.disconnected();
            }

            @Override
            public void lastError(String text) {
                feed.lastError(text);
            }

            @Override
            public void received(byte[] buffer, int off, int len, long receiveTimeNanos) {
                framer.accept(buffer, off, len, receiveTimeNanos);
            }

            @Override
            public void endOfStream() {
                framer.endOfStream();
            }
        });
    }

    @Override
    protected void wakeUp() {
        client.wakeUp();
    }
}
