package org.vigil.codec.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Shared helpers for the framer tests (test data, recording sink, chunked feeding). */
final class FeedTestSupport {
    private FeedTestSupport() {}

    /** One delivered frame, as comparable text. */
    record Frame(String hex, long timeNanos, long mlat, int signal) {
        @Override
        public String toString() {
            return hex + "@" + mlat + "/" + signal;
        }
    }

    /** Records every frame (copying the bytes, which are only valid during the call). */
    static final class Recorder implements FrameSink {
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal) {
            if (len != 2 && len != 7 && len != 14) throw new AssertionError("bad frame length " + len);
            frames.add(new Frame(
                    HexFormat.of().withUpperCase().formatHex(buf, off, off + len), timeNanos, mlat12MHz, signal));
        }
    }

    /** The 486 real DF17 frames of short_flights.csv (MIT, rs1090), as bytes. */
    static List<byte[]> shortFlights() {
        try (InputStream in = FeedTestSupport.class.getResourceAsStream("/feed/short_flights.csv")) {
            if (in == null) throw new IllegalStateException("missing /feed/short_flights.csv");
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank()) continue;
                out.add(HexFormat.of().parseHex(line.split(",")[1].trim()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] beast(byte[] frame, long mlat, int signal) {
        byte[] out = new byte[BeastEncoder.MAX_ENCODED];
        int n = BeastEncoder.encode(frame, 0, frame.length, mlat, signal, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Feeds {@code data} cut at random points (sizes 1..maxChunk), chunk k stamped with time k. */
    static void feedRandomChunks(FeedFramer framer, byte[] data, long seed, int maxChunk) {
        Random rnd = new Random(seed);
        int pos = 0, k = 0;
        while (pos < data.length) {
            int n = Math.min(data.length - pos, 1 + rnd.nextInt(maxChunk));
            framer.accept(data, pos, n, k++);
            pos += n;
        }
    }

    /** Counter values as comparable text. */
    static String counts(FeedCounters c) {
        return c.framesAccepted() + " " + c.bytesRead() + " " + c.rejectsByReason() + " " + c.skipsByReason();
    }
}
