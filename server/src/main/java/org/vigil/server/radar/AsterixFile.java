package org.vigil.server.radar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.vigil.codec.asterix.Recording;
import org.vigil.core.radar.TimeOfDay;
import org.vigil.server.feed.FileSource;

/**
 * The one reader of ASTERIX recording files, used by the radar file feed of {@code vigil run}
 * ({@link AsterixFileSource}) and by the replay's radar input ({@code replay.AsterixFileInput}): raw
 * data blocks end to end, EUROCONTROL .ff frames or a pcap of ASTERIX over UDP (gzipped or not),
 * format given or detected ({@link Recording#detect}), read as a sequence of units, each for the
 * radar decoder:
 * <ul>
 * <li>raw: chunks of the byte stream (at most {@code chunkBytes}), not cut at block boundaries:
 *     give them to an {@code AsterixStreamFramer} ({@link #framed()} is true); undated;</li>
 * <li>.ff and pcap: one payload (a data block or a UDP datagram) each, found up front in the file
 *     read whole (at most {@link #MAX_BYTES}); a pcap payload is dated by its packet time
 *     ({@link PcapClock}), a .ff frame is not ({@link TimeOfDay#UNKNOWN}).</li>
 * </ul>
 * Single-threaded; nothing allocated per unit.
 */
public final class AsterixFile implements AutoCloseable {
    /** .ff and pcap recordings are read whole; beyond this, cut them first. */
    public static final long MAX_BYTES = 1L << 30;

    public enum Format {
        RAW,
        FF,
        PCAP;

        /** {@code asterix-raw}, {@code asterix-ff}, {@code asterix-pcap}. */
        public String label() {
            return "asterix-" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Format format;
    // raw: streamed
    private final InputStream in;
    private final byte[] chunk;
    // .ff and pcap: whole file, payloads found up front
    private final byte[] whole;
    private int[] payloadOff = new int[0], payloadLen = new int[0];
    private long[] payloadTime = new long[0];
    private int payloads, nextPayload = -1;
    private final int framingErrors;
    private long bytes;
    private int length;

    private AsterixFile(Path path, Format given, int chunkBytes) throws IOException {
        Format f = given;
        if (f == null) {
            byte[] head;
            try (InputStream s = FileSource.open(path)) {
                head = s.readNBytes(64);
            }
            f = switch (Recording.detect(head, head.length)) {
                case PCAP -> Format.PCAP;
                case FINAL -> Format.FF;
                case RAW -> Format.RAW;
            };
        }
        this.format = f;
        if (f == Format.RAW) {
            this.in = FileSource.open(path);
            this.chunk = new byte[chunkBytes];
            this.whole = null;
            this.framingErrors = 0;
            return;
        }
        this.in = null;
        this.chunk = null;
        try (InputStream s = FileSource.open(path)) {
            this.whole = s.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
        }
        if (whole.length > MAX_BYTES)
            throw new IOException("recording is over " + MAX_BYTES + " bytes; at most " + MAX_BYTES + " are read");
        bytes = whole.length;
        PcapClock clock = f == Format.PCAP ? new PcapClock(whole, whole.length) : null;
        Recording.Format split = f == Format.PCAP ? Recording.Format.PCAP : Recording.Format.FINAL;
        this.framingErrors = Recording.split(whole, whole.length, split, (packet, b, off, len) -> {
            if (payloads == payloadOff.length) {
                int n = Math.max(256, payloads * 2);
                payloadOff = Arrays.copyOf(payloadOff, n);
                payloadLen = Arrays.copyOf(payloadLen, n);
                payloadTime = Arrays.copyOf(payloadTime, n);
            }
            payloadOff[payloads] = off;
            payloadLen[payloads] = len;
            payloadTime[payloads] = clock != null ? clock.timeNanos(packet) : TimeOfDay.UNKNOWN;
            payloads++;
        });
    }

    /**
     * Opens {@code path}.
     * @param format     null to detect it
     * @param chunkBytes the largest unit of a raw recording
     * @throws IOException when it cannot be read, or a .ff/pcap recording is over {@link #MAX_BYTES}
     */
    public static AsterixFile open(Path path, Format format, int chunkBytes) throws IOException {
        return new AsterixFile(path, format, chunkBytes);
    }

    public Format format() {
        return format;
    }

    /** Whether the units are chunks of a byte stream (raw), to be cut into blocks by a stream framer. */
    public boolean framed() {
        return format == Format.RAW;
    }

    /** Moves to the next unit; false at the end of the file. */
    public boolean next() throws IOException {
        if (in != null) {
            int n = in.read(chunk);
            if (n < 0) return false;
            length = n;
            bytes += n;
            return true;
        }
        if (nextPayload + 1 >= payloads) return false;
        nextPayload++;
        length = payloadLen[nextPayload];
        return true;
    }

    /** The current unit's bytes are {@code buffer()[offset() .. offset() + length())}. */
    public byte[] buffer() {
        return in != null ? chunk : whole;
    }

    public int offset() {
        return in != null ? 0 : payloadOff[nextPayload];
    }

    public int length() {
        return length;
    }

    /** The current unit's receive time (a pcap packet's), else {@link TimeOfDay#UNKNOWN}. */
    public long timeNanos() {
        return in != null ? TimeOfDay.UNKNOWN : payloadTime[nextPayload];
    }

    /** Octets read so far (after gzip; a .ff or pcap recording: all of it at the opening). */
    public long bytes() {
        return bytes;
    }

    /** .ff frames or pcap packets that could not be unwrapped (not UDP/IPv4, or cut short). */
    public int framingErrors() {
        return framingErrors;
    }

    @Override
    public void close() throws IOException {
        if (in != null) in.close();
    }
}
