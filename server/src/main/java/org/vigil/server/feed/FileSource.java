package org.vigil.server.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsParser;
import org.vigil.codec.feed.SbsSink;
import org.vigil.codec.modes.ModeSMessage;

/**
 * Replays a recorded feed file: Beast, AVR or SBS, plain or gzip (recognised by its first two
 * bytes 1F 8B), the format given or detected from the first bytes. Ends in state EOF (or FAILED
 * with the reason in the feed's last error).
 *
 * <p>Time. Frames are stamped with the time the data itself gives, so that a replay behaves like
 * the recording: Beast and AVR {@code @} frames by their 12 MHz receiver clock, counted from the
 * moment the replay started (a clock that jumps back or more than an hour ahead is rebased, the
 * receiver was restarted); SBS lines by their own date and time (at {@code utcOffsetMinutes}).
 * Frames without any time (AVR {@code *}) get the wall clock of the read.
 *
 * <p>Speed 0 reads as fast as possible; speed 1 keeps the recorded pace (2 twice as fast, ...),
 * waiting between frames without holding the consumers' lock.
 */
public final class FileSource extends FeedSource {
    private static final long REBASE_NANOS = 3_600_000_000_000L;

    private final Path path;
    private final FeedFormat givenFormat;
    private final double speed;
    private final int utcOffsetMinutes;
    private volatile FeedFormat actualFormat;

    // clock state, only touched by the reader thread
    private long dataStartNanos = Long.MIN_VALUE; // data time of the first timed frame
    private long wallStartNanos; // System.nanoTime() at that frame
    private long mlatBase = -1; // 12 MHz count at the last rebase
    private long mlatBaseNanos; // data time assigned at the last rebase
    private long lastDataNanos;

    /**
     * @param format           null to detect from the first bytes
     * @param speed            0 = as fast as possible, 1 = recorded pace, 2 = twice as fast
     * @param utcOffsetMinutes offset from UTC of the SBS recording's clock (0 for readsb)
     */
    public FileSource(
            String name, Path path, FeedFormat format, double speed, int utcOffsetMinutes, FeedDelivery delivery) {
        super(new Feed(name, FeedKind.FILE, path.toString(), format), delivery);
        if (!(speed >= 0) || Double.isInfinite(speed))
            throw new IllegalArgumentException("speed must be >= 0: " + speed);
        this.path = path;
        this.givenFormat = format;
        this.actualFormat = format;
        this.speed = speed;
        this.utcOffsetMinutes = utcOffsetMinutes;
    }

    public FileSource(String name, Path path, FeedFormat format, FeedDelivery delivery) {
        this(name, path, format, 0, 0, delivery);
    }

    /** Format in use (detected once the file is opened), null before. */
    public FeedFormat format() {
        return actualFormat;
    }

    @Override
    public FeedStatus status() {
        return feed.status(actualFormat);
    }

    @Override
    protected void runFeed() {
        feed.state(FeedState.CONNECTING);
        try (InputStream in = open(path)) {
            FeedFormat format = givenFormat;
            if (format == null) {
                byte[] head = new byte[64];
                in.mark(head.length);
                int n = in.readNBytes(head, 0, head.length);
                in.reset();
                format = FeedFormat.detect(head, n);
                if (format == null) {
                    feed.lastError(n == 0 ? "file is empty" : "cannot tell the format from the first bytes; give it");
                    feed.state(n == 0 ? FeedState.EOF : FeedState.FAILED);
                    return;
                }
            }
            actualFormat = format;
            feed.connected();
            feed.state(FeedState.CONNECTED);
            FeedFramer framer = newFramer(format);
            byte[] buffer = new byte[speed > 0 ? 4096 : 64 * 1024];
            int n;
            while (running() && (n = in.read(buffer)) >= 0) {
                if (n > 0) framer.accept(buffer, 0, n, nowNanos());
            }
            framer.endOfStream();
            feed.disconnected();
            feed.state(running() ? FeedState.EOF : FeedState.CLOSED);
        } catch (IOException e) {
            feed.lastError(e.getClass().getSimpleName() + ": " + e.getMessage());
            feed.state(running() ? FeedState.FAILED : FeedState.CLOSED);
        }
    }

    /**
     * Opens the file, unwrapping gzip when it starts with 1F 8B. Result supports mark/reset. The one
     * opening of recorded input files (feeds, replay inputs, {@code radar.AsterixFile}).
     */
    public static InputStream open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        raw.mark(2);
        int b0 = raw.read(), b1 = raw.read();
        raw.reset();
        if (b0 == 0x1F && b1 == 0x8B) return new BufferedInputStream(new GZIPInputStream(raw, 64 * 1024), 64 * 1024);
        return raw;
    }

    private FeedFramer newFramer(FeedFormat format) {
        if (format.carriesFrames()) {
            FrameSink out = delivery.frameSinkFor(feed);
            FrameSink timed = (buf, off, len, receiveNanos, mlat, signal) -> {
                long t = mlat >= 0 ? dataTime(mlat, receiveNanos) : receiveNanos;
                if (mlat >= 0) pace(t);
                out.onFrame(buf, off, len, t, mlat, signal);
            };
            return format.newFramer(feed.counters(), timed, null);
        }
        SbsParser[] parser = new SbsParser[1]; // told to the consumer with each message (its line is journalled)
        SbsSink out = delivery.sbsSinkFor(feed, () -> parser[0]);
        SbsSink paced = (ModeSMessage m) -> {
            pace(m.timeNanos);
            out.onMessage(m);
        };
        parser[0] = new SbsParser(feed.counters(), paced, true, utcOffsetMinutes);
        return parser[0];
    }

    /** Data time of a frame from the 12 MHz receiver clock (see class comment). */
    private long dataTime(long mlat, long receiveNanos) {
        if (mlatBase < 0) {
            mlatBase = mlat;
            mlatBaseNanos = receiveNanos;
        } else {
            long delta = ticksToNanos(mlat - mlatBase);
            if (mlat < mlatBase || mlatBaseNanos + delta - lastDataNanos > REBASE_NANOS) {
                mlatBase = mlat;
                mlatBaseNanos = lastDataNanos;
            }
        }
        lastDataNanos = mlatBaseNanos + ticksToNanos(mlat - mlatBase);
        return lastDataNanos;
    }

    /** 12 MHz ticks to nanoseconds (1000/12 ns a tick); no overflow for 48-bit counts. */
    private static long ticksToNanos(long ticks) {
        return ticks * 1000 / 12;
    }

    /** At recorded pace, waits until the wall clock has caught up with {@code dataNanos}. */
    private void pace(long dataNanos) {
        if (speed == 0 || !running()) return;
        if (dataStartNanos == Long.MIN_VALUE) {
            dataStartNanos = dataNanos;
            wallStartNanos = System.nanoTime();
            return;
        }
        long due = wallStartNanos + (long) ((dataNanos - dataStartNanos) / speed);
        long wait = due - System.nanoTime();
        if (wait > 1_000_000 && wait < REBASE_NANOS) sleepMillis(wait / 1_000_000);
        else if (wait >= REBASE_NANOS) { // a gap of over an hour in the recording: skip it
            dataStartNanos = dataNanos;
            wallStartNanos = System.nanoTime();
        }
    }

    @Override
    protected void wakeUp() {
        // the reader never blocks for long on a file; the interrupt from stop() ends a pacing wait
    }
}
