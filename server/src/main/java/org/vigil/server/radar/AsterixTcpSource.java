package org.vigil.server.radar;

import org.vigil.codec.asterix.plots.AsterixStreamFramer;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.server.feed.Backoff;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedState;
import org.vigil.server.feed.ReconnectingTcpClient;

/**
 * Connects to a TCP server that streams ASTERIX data blocks end to end (a radar front end or
 * gateway) and keeps reading, reconnecting with backoff through the same
 * {@link ReconnectingTcpClient} loop as the Mode S TCP client. Blocks are cut by their LEN and a
 * bad LEN is resynchronised ({@link AsterixStreamFramer}); a block cut by a dropped connection is
 * counted as truncated and the next connection starts clean.
 */
public final class AsterixTcpSource extends RadarFeedSource {
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Radars send north markers every few seconds: a minute of silence is a dead link. */
    public static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;

    private final ReconnectingTcpClient client;

    public AsterixTcpSource(String name, String host, int port, RadarNetwork network, RadarPlotSink sink, Object lock) {
        this(
                name,
                host,
                port,
                network,
                sink,
                lock,
                new Backoff(),
                DEFAULT_CONNECT_TIMEOUT_MILLIS,
                DEFAULT_IDLE_TIMEOUT_MILLIS);
    }

    public AsterixTcpSource(
            String name,
            String host,
            int port,
            RadarNetwork network,
            RadarPlotSink sink,
            Object lock,
            Backoff backoff,
            int connectTimeoutMillis,
            int idleTimeoutMillis) {
        super(name, FeedKind.TCP_CLIENT, FeedKind.TCP_CLIENT.label, host + ":" + port, "asterix", network, sink, lock);
        this.client = new ReconnectingTcpClient(host, port, backoff, connectTimeoutMillis, idleTimeoutMillis);
    }

    @Override
    protected void runFeed() {
        final StreamChunks chunks = streamChunks(); // recorded and framed on the picture's owner
        client.run(new ReconnectingTcpClient.Link() {
            @Override
            public boolean running() {
                return AsterixTcpSource.this.running();
            }

            @Override
            public void state(FeedState state) {
                AsterixTcpSource.this.state(state);
            }

            @Override
            public void connected() {
                AsterixTcpSource.this.connected();
            }

            @Override
            public void disconnected() {
                AsterixTcpSource.this.disconnected();
            }

            @Override
            public void lastError(String text) {
                AsterixTcpSource.this.lastError(text);
            }

            @Override
            public void received(byte[] buffer, int off, int len, long receiveTimeNanos) {
                chunks.accept(buffer, off, len, receiveTimeNanos); // per read chunk, never across the read
            }

            @Override
            public void endOfStream() {
                chunks.endOfStream(System.currentTimeMillis() * 1_000_000L);
            }
        });
    }

    @Override
    protected void wakeUp() {
        client.wakeUp();
    }
}
