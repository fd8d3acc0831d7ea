package org.vigil.server.radar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.TimeOfDay;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedState;

/**
 * Replays a radar recording as fast as it can be read: raw data blocks end to end, EUROCONTROL
 * .ff frames, or a pcap of ASTERIX over UDP (format given, or detected), read by {@link AsterixFile}
 * (the one reader of ASTERIX files, shared with the replay's radar input).
 * Ends in state EOF, or FAILED with the reason as last error.
 *
 * <p>Dates. A pcap's packet timestamps date each datagram exactly. Raw and .ff recordings carry
 * only the time of day: the first plot of each radar is dated from the given {@code date}
 * (midnight UTC of it) or, when none is given, from the file's modification time, and each radar's
 * later plots from its previous one, which follows a recording across midnights.
 */
public final class AsterixFileSource extends RadarFeedSource {
    /** The largest piece of a raw recording decoded at once. */
    private static final int CHUNK = 64 * 1024;

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
        long seed;
        AsterixFile file;
        try {
            file = AsterixFile.open(
                    path, givenFormat == Format.AUTO ? null : AsterixFile.Format.valueOf(givenFormat.name()), CHUNK);
            // noon of the date: every time of day then resolves onto that date (±12 h)
            seed = date != null
                    ? (date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 43_200) * 1_000_000_000L
                    : Files.getLastModifiedTime(path).toMillis() * 1_000_000L;
        } catch (IOException e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        try (file) {
            connected();
            state(FeedState.CONNECTED);
            decoder.seedReference(seed);
            if (!file.framed()) counters.bytesRead((int) file.bytes()); // the stream framer counts its own
            format(file.format().label());
            if (file.framed()) {
                StreamChunks chunks = streamChunks(); // recorded and framed on the picture's owner
                while (running() && file.next())
                    chunks.accept(file.buffer(), file.offset(), file.length(), TimeOfDay.UNKNOWN);
                chunks.endOfStream(TimeOfDay.UNKNOWN);
            } else {
                while (running() && file.next())
                    decodeLocked(file.buffer(), file.offset(), file.length(), file.timeNanos());
            }
            if (file.framingErrors() > 0)
                lastError(file.framingErrors()
                        + " frames or packets could not be unwrapped (not UDP/IPv4, or cut short)");
        } catch (IOException e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        disconnected();
        state(running() ? FeedState.EOF : FeedState.CLOSED);
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
