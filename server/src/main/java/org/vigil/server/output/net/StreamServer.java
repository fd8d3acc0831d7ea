package org.vigil.server.output.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP (or TLS) server that sends the same byte stream to every connected client, as readsb's
 * output ports do: Beast on 30005, SBS on 30003, Cursor-on-Target on 8087/8089. Each client has a
 * ring of {@link #CLIENT_BUFFER} bytes and a writer thread; {@link #send} copies a message into every
 * ring (nothing allocated per message) and a client too slow to keep up loses whole messages,
 * counted ({@link #dropped()}), never the others' data. What clients send is read and ignored, or
 * handed to a {@link Receiver} per connection ({@link #receive}: inbound Cursor-on-Target). Without a
 * listener ({@link #unbound}), connections made elsewhere are {@link #attach attached} (the TAK server client).
 */
public final class StreamServer implements AutoCloseable {
    /** Per-client buffer: some seconds of a busy feed. */
    public static final int CLIENT_BUFFER = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);

    private final String name;
    private final ServerSocket listener;
    private final CopyOnWriteArrayList<Client> clients = new CopyOnWriteArrayList<>();
    private final LongAdder messages = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private volatile boolean open = true;
    private final Thread acceptor;
    private volatile ReceiverFactory receivers;

    /** Takes what one connection sends, in the order received, on that connection's reader thread. */
    public interface Receiver {
        void received(byte[] buf, int off, int len);
    }

    /** Opens a {@link Receiver} for each new connection. */
    public interface ReceiverFactory {
        /** @param peer the remote address, for logs and counters */
        Receiver open(String peer);
    }

    /** A connection attached to this server; {@link #awaitClosed} returns when it is gone. */
    public interface Connection {
        void awaitClosed() throws InterruptedException;
    }

    private StreamServer(String name) {
        this.name = name;
        this.listener = null;
        this.acceptor = null;
    }

    /** A server without a listener: connections come from {@link #attach}. */
    public static StreamServer unbound(String name) {
        return new StreamServer(name);
    }

    /** What connections made from now on send goes to a receiver of {@code factory} (null: ignored). */
    public void receive(ReceiverFactory factory) {
        this.receivers = factory;
    }

    /** Serves {@code s}, a connection made elsewhere, like an accepted one. */
    public Connection attach(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        Client c = new Client(s);
        clients.add(c);
        accepted.increment();
        c.start();
        return c.gone::await;
    }

    /**
     * Binds and starts accepting.
     *
     * @param name     the output's name, for logs and threads
     * @param bind     address to listen on (the console's {@code --bind})
     * @param port     TCP port; 0 picks a free one ({@link #port()})
     * @param tls      null for plain TCP, else the TLS context; {@code needClientAuth} asks every client for a
     *                 certificate the context's trust store accepts (the TAK server convention on 8089)
     */
    public StreamServer(String name, String bind, int port, SSLContext tls, boolean needClientAuth) throws IOException {
        this.name = name;
        if (tls == null) {
            listener = new ServerSocket();
        } else {
            SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            s.setNeedClientAuth(needClientAuth);
            listener = s;
        }
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        acceptor = new Thread(this::acceptLoop, "vigil-out-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("{} output on {}{}:{}", name, tls == null ? "tcp://" : "tls://", bind, port());
    }

    /** The bound port (-1 without a listener). */
    public int port() {
        return listener == null ? -1 : listener.getLocalPort();
    }

    /** Clients connected now. */
    public int clients() {
        return clients.size();
    }

    /** Messages handed to {@link #send} (each sent to every client). */
    public long messages() {
        return messages.sum();
    }

    /** Messages a slow client lost (its buffer was full), summed over clients. */
    public long dropped() {
        return dropped.sum();
    }

    /** Connections accepted since the start. */
    public long accepted() {
        return accepted.sum();
    }

    /** Sends {@code len} bytes of {@code buf} to every client: copied, so the caller may reuse the buffer. */
    public void send(byte[] buf, int off, int len) {
        messages.increment();
        for (Client c : clients) {
            if (!c.offer(buf, off, len)) dropped.increment();
        }
    }

    private void acceptLoop() {
        while (open) {
            try {
                attach(listener.accept());
            } catch (IOException e) {
                if (open) LOG.warn("{} output: accept failed: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            if (listener != null) listener.close();
        } catch (IOException e) {
            LOG.debug("{} output: close: {}", name, e.getMessage());
        }
        for (Client c : clients) c.close();
        clients.clear();
    }

    /** One connection: a byte ring filled by {@link #send}, drained by its own writer thread. */
    private final class Client {
        private final Socket socket;
        private final byte[] ring = new byte[CLIENT_BUFFER];
        private long written; // total bytes put in (guarded by this)
        private long sent; // total bytes taken out (guarded by this)
        private boolean closed;
        final java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);

        Client(Socket socket) {
            this.socket = socket;
        }

        void start() {
            Thread w = new Thread(this::writeLoop, "vigil-out-" + name + "-" + socket.getPort());
            w.setDaemon(true);
            w.start();
            // TAK clients and feeders may talk: read and discard, and notice the hang-up
            Thread r = new Thread(this::readLoop, "vigil-out-" + name + "-read-" + socket.getPort());
            r.setDaemon(true);
            r.start();
        }

        synchronized boolean offer(byte[] b, int off, int len) {
            if (closed) return true;
            if (len > ring.length - (written - sent)) return false;
            int at = (int) (written % ring.length);
            int first = Math.min(len, ring.length - at);
            System.arraycopy(b, off, ring, at, first);
            if (first < len) System.arraycopy(b, off + first, ring, 0, len - first);
            written += len;
            notifyAll();
            return true;
        }

        private void writeLoop() {
            try (OutputStream out = socket.getOutputStream()) {
                while (true) {
                    int at, n;
                    synchronized (this) {
                        while (written == sent && !closed) wait();
                        if (closed) return;
                        at = (int) (sent % ring.length);
                        n = (int) Math.min(written - sent, ring.length - at);
                    }
                    // the bytes [sent, sent + n) are not overwritten until sent moves on
                    out.write(ring, at, n);
                    out.flush();
                    synchronized (this) {
                        sent += n;
                    }
                }
            } catch (IOException e) {
                LOG.debug("{} output: client {} gone: {}", name, socket.getRemoteSocketAddress(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        private void readLoop() {
            byte[] sink = new byte[4096];
            ReceiverFactory f = receivers;
            Receiver r = f == null ? null : f.open(String.valueOf(socket.getRemoteSocketAddress()));
            try {
                var in = socket.getInputStream();
                int n;
                while ((n = in.read(sink)) >= 0) {
                    if (r != null && n > 0) r.received(sink, 0, n); // else ignored: the output takes no input
                }
            } catch (SocketException e) {
                // closed by us or reset by the client
            } catch (IOException e) {
                LOG.debug("{} output: read from {}: {}", name, socket.getRemoteSocketAddress(), e.getMessage());
            } finally {
                close();
            }
        }

        void close() {
            synchronized (this) {
                if (closed) return;
                closed = true;
                notifyAll();
            }
            clients.remove(this);
            gone.countDown();
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("{} output: close client: {}", name, e.getMessage());
            }
        }
    }
}
