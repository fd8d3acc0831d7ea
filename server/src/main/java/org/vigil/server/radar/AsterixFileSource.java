package org.vigil.server.radar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.vigil.codec.asterix.Recording;
import org.vigil.codec.asterix.plots.AsterixStreamFramer;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.TimeOfDay;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedState;

/**
 * Replays a radar recording as fast as it can be read: raw data blocks end to end, EUROCONTROL
 * .ff frames, or a pcap of ASTERIX over UDP (format given, or detected by {@link Recording#detect}).
 * Ends in state EOF, or FAILED with the reason as last error.
 *
 * <p>Dates. A pcap's packet timestamps date each datagram exactly. Raw and .ff recordings carry
 * only the time of day: the first plot of each radar is dated from the given {@code date}
 * (midnight UTC of it) or, when none is given, from the file's modification time, and each radar's
 * later plots from its previous one, which follows a recording across midnights.
 */
public final class AsterixFileSource extends RadarFeedSource {
    /** Recordings are read whole; beyond this, cut them first. */
    static final long MAX_BYTES = 1L << 30;

    public enum Format {
        AUTO,
        RAW,
        FF,
        PCAP
    }

    private final Path path;
    private final Format givenFormat;
    private final LocalDate date;

    /**
     * @param format AUTO to detect
     * @param date   the recording's (first) UTC date, null to use the file's modification time
     */
    public AsterixFileSource(
            String name,
            Path path,
            Format format,
            LocalDate date,
            RadarNetwork network,
            RadarPlotSink sink,
            Object lock) {
        super(
                name,
                FeedKind.FILE,
                FeedKind.FILE.label,
                path.toString(),
                "asterix-" + format.name().toLowerCase(java.util.Locale.ROOT),
                network,
                sink,
                lock);
        this.path = path;
        this.givenFormat = format;
        this.date = date;
    }

    @Override
    protected void runFeed() {
        state(FeedState.CONNECTING);
        byte[] data;
        long seed;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                fail("recording is " + size + " bytes; at most " + MAX_BYTES + " are read");
                return;
            }
            data = Files.readAllBytes(path);
            // noon of the date: every time of day then resolves onto that date (±12 h)
            seed = date != null
                    ? (date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 43_200) * 1_000_000_000L
                    : Files.getLastModifiedTime(path).toMillis() * 1_000_000L;
        } catch (IOException e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        connected();
        state(FeedState.CONNECTED);
        decoder.seedReference(seed);
        Format format = givenFormat == Format.AUTO ? detect(data) : givenFormat;
        if (format != Format.RAW) counters.bytesRead(data.length); // the stream framer counts its own
        format("asterix-" + format.name().toLowerCase(java.util.Locale.ROOT));
        int framingErrors = switch (format) {
            case PCAP -> {
                PcapClock clock = new PcapClock(data, data.length);
                yield Recording.split(data, data.length, Recording.Format.PCAP, (packet, buf, off, len) -> {
                    if (!running()) return;
                    decodeLocked(buf, off, len, clock.timeNanos(packet));
                });
            }
            case FF ->
                Recording.split(data, data.length, Recording.Format.FINAL, (packet, buf, off, len) -> {
                    if (running()) decodeLocked(buf, off, len, TimeOfDay.UNKNOWN);
                });
            default -> {
                AsterixStreamFramer framer = new AsterixStreamFramer(decoder);
                BlockRecorder recording = streamRecorder(); // null: not recording
                for (int off = 0; off < data.length && running(); off += 64 * 1024) {
                    synchronized (lock) {
                        if (recording != null)
                            recording.accept(data, off, Math.min(64 * 1024, data.length - off), TimeOfDay.UNKNOWN);
                        framer.accept(data, off, Math.min(64 * 1024, data.length - off), TimeOfDay.UNKNOWN);
                    }
                }
                synchronized (lock) {
                    if (recording != null) recording.endOfStream(TimeOfDay.UNKNOWN);
                    framer.endOfStream();
                }
                yield 0;
            }
        };
        if (framingErrors > 0)
            lastError(framingErrors + " frames or packets could not be unwrapped (not UDP/IPv4, or cut short)");
        disconnected();
        state(running() ? FeedState.EOF : FeedState.CLOSED);
    }

    private static Format detect(byte[] data) {
        return switch (Recording.detect(data, data.length)) {
            case PCAP -> Format.PCAP;
            case FINAL -> Format.FF;
            case RAW -> Format.RAW;
        };
    }

    private void fail(String why) {
        lastError(why);
        state(running() ? FeedState.FAILED : FeedState.CLOSED);
    }

    @Override
    protected void wakeUp() {
        // never blocks for long; the loops check running()
    }
}
