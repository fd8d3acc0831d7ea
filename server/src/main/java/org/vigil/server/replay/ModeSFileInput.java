package org.vigil.server.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;
import org.vigil.codec.feed.FrameSink;

/**
 * A Beast or AVR recording (plain or gzip) as a replay input, framed by the feed framers.
 *
 * <p>Time. With {@code ticksSinceStart} (a {@code vigil sim} directory, whose manifest says the
 * 12 MHz clock counts from the scenario start) a frame's time is start + ticks. Otherwise (a
 * receiver capture, whose 12 MHz clock started whenever the receiver did) the first timed frame is
 * put at {@code startNanos} and later ones follow their clock; a clock that jumps back or more than
 * an hour ahead is rebased (the receiver restarted), as in a file feed. Frames without any time
 * (AVR {@code *}) take the time of the previous frame.
 *
 * <p>Reading: when the frames framed so far are used up, the next chunk is read and framed into
 * a reusable queue (arrays grow to the largest chunk's needs once, then nothing is allocated).
 */
final class ModeSFileInput implements InputSource {
    private static final int CHUNK = 16 * 1024;
    private static final long REBASE_NANOS = 3_600_000_000_000L;

    private final String name;
    private final FeedFormat format;
    private final InputStream in;
    private final FeedCounters counters = new FeedCounters();
    private final FeedFramer framer;
    private final FrameSink sink;
    private final boolean ticksSinceStart;
    private final long startNanos;
    private final byte[] chunk = new byte[CHUNK];
    private long bytes;
    private boolean eof;
    private long delivered;

    // queue of framed frames: data[off[i], off[i]+len[i]) with time, clock and signal; reset when used up
    private byte[] data = new byte[CHUNK + 256];
    private int[] off = new int[1024], len = new int[1024], signal = new int[1024];
    private long[] time = new long[1024], mlat = new long[1024];
    private int head, count, used;

    // receiver-clock state (captures)
    private long mlatBase = -1, mlatBaseNanos, lastNanos;

    ModeSFileInput(Path path, FeedFormat format, boolean ticksSinceStart, long startNanos, FrameSink sink)
            throws IOException {
        if (!format.carriesFrames()) throw new IllegalArgumentException(format + " does not carry frames");
        this.name = path.getFileName().toString();
        this.format = format;
        this.in = InputFiles.open(path);
        this.ticksSinceStart = ticksSinceStart;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
        this.sink = sink;
        this.framer = format.newFramer(counters, this::enqueue, null);
    }

    private void enqueue(byte[] buf, int o, int l, long receiveNanos, long clock, int sig) {
        if (count == off.length) {
            int n = count * 2;
            off = Arrays.copyOf(off, n);
            len = Arrays.copyOf(len, n);
            signal = Arrays.copyOf(signal, n);
            time = Arrays.copyOf(time, n);
            mlat = Arrays.copyOf(mlat, n);
        }
        if (used + l > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, used + l));
        System.arraycopy(buf, o, data, used, l);
        off[count] = used;
        len[count] = l;
        signal[count] = sig;
        mlat[count] = clock;
        time[count] = dataTime(clock);
        used += l;
        count++;
    }

    private long dataTime(long clock) {
        if (clock < 0) return lastNanos;
        if (ticksSinceStart) {
            lastNanos = startNanos + ticksToNanos(clock);
            return lastNanos;
        }
        if (mlatBase < 0) {
            mlatBase = clock;
            mlatBaseNanos = startNanos;
        } else if (clock < mlatBase || mlatBaseNanos + ticksToNanos(clock - mlatBase) - lastNanos > REBASE_NANOS) {
            mlatBase = clock;
            mlatBaseNanos = lastNanos;
        }
        lastNanos = mlatBaseNanos + ticksToNanos(clock - mlatBase);
        return lastNanos;
    }

    /** 12 MHz ticks to ns (1000/12 ns a tick); no overflow for 48-bit counts. */
    private static long ticksToNanos(long ticks) {
        return ticks * 1000 / 12;
    }

    @Override
    public long peekTime() throws IOException {
        while (head == count) {
            if (eof) return Long.MAX_VALUE;
            head = 0;
            count = 0;
            used = 0;
            int n = in.read(chunk);
            if (n < 0) {
                eof = true;
                framer.endOfStream();
            } else if (n > 0) {
                bytes += n;
                framer.accept(chunk, 0, n, startNanos);
            }
        }
        return time[head];
    }

    @Override
    public void deliver() {
        int i = head++;
        delivered++;
        sink.onFrame(data, off[i], len[i], time[i], mlat[i], signal[i]);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "adsb";
    }

    @Override
    public String format() {
        return format.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public long delivered() {
        return delivered;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public Map<String, Long> rejects() {
        return InputFiles.nonZero(counters.rejectsByReason());
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
