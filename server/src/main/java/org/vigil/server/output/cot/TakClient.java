package org.vigil.server.output.cot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.output.net.StreamServer;

/**
 * Vigil as a client of a TAK server (docs/INTEROP.md "TAK server"): connects out to its streaming port
 * (TLS with Vigil's client certificate, TAK's 8089 convention; or plain TCP, 8087), sends the CoT
 * output's events through {@link #stream()} and hands what the server sends (other clients' positions
 * and markers) to a {@link CotInbound}. A lost or refused connection is made again after a back-off
 * that doubles from {@link #FIRST_BACKOFF_MS} to {@link #MAX_BACKOFF_MS} and starts over once connected.
 */
public final class TakClient implements AutoCloseable {
    public static final long FIRST_BACKOFF_MS = 1_000, MAX_BACKOFF_MS = 60_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TakClient.class);

    private final String host;
    private final int port;
    private final SSLContext tls;
    private final StreamServer stream;
    private final long firstBackoffMs;
    private final LongAdder connects = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean open = true;
    private volatile Socket socket;
    private Thread thread;

    /**
     * @param tls null for plain TCP, else the context with Vigil's client key and the server's CA
     * @param inbound where the server's events go (null: ignored)
     */
    public TakClient(String host, int port, SSLContext tls, CotInbound inbound) {
        this(host, port, tls, inbound, FIRST_BACKOFF_MS);
    }

    TakClient(String host, int port, SSLContext tls, CotInbound inbound, long firstBackoffMs) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.firstBackoffMs = firstBackoffMs;
        this.stream = StreamServer.unbound("tak-server");
        if (inbound != null) stream.receive(inbound.connections("tak-server " + host + ":" + port));
    }

    /** Where the CoT output sends: while connected, the server gets every message. */
    public StreamServer stream() {
        return stream;
    }

    /** Connections made. */
    public long connects() {
        return connects.sum();
    }

    /** Connection attempts that failed. */
    public long failures() {
        return failures.sum();
    }

    public boolean connected() {
        return stream.clients() > 0;
    }

    public void start() {
        thread = new Thread(this::run, "vigil-tak-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoff = firstBackoffMs;
        while (open) {
            try {
                Socket s = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
                socket = s;
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                if (s instanceof SSLSocket ssl) ssl.startHandshake();
                connects.increment();
                LOG.info("TAK server {}:{} connected{}", host, port, tls == null ? "" : " (TLS)");
                backoff = firstBackoffMs;
                stream.attach(s).awaitClosed();
                if (open) LOG.warn("TAK server {}:{}: connection lost", host, port);
            } catch (IOException e) {
                failures.increment();
                if (open)
                    LOG.warn("TAK server {}:{}: {} (again in {} s)", host, port, e.getMessage(), backoff / 1000.0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    @Override
    public void close() {
        open = false;
        stream.close();
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("TAK server close: {}", e.getMessage());
            }
        }
        if (thread != null) thread.interrupt();
    }
}
