package org.vigil.server.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.codec.feed.FrameSink;

/** Test frames (real DF17 from short_flights.csv, MIT, rs1090) and a thread-safe recording sink. */
final class FeedTestFrames {
    private FeedTestFrames() {}

    static List<byte[]> shortFlights() {
        try (InputStream in = FeedTestFrames.class.getResourceAsStream("/feed/short_flights.csv")) {
            if (in == null) throw new IllegalStateException("missing /feed/short_flights.csv");
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank()) out.add(HexFormat.of().parseHex(line.split(",")[1].trim()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] beast(byte[] frame, long mlat, int signal) {
        byte[] out = new byte[BeastEncoder.MAX_ENCODED];
        return Arrays.copyOf(out, BeastEncoder.encode(frame, 0, frame.length, mlat, signal, out, 0));
    }

    static String key(byte[] frame, long mlat) {
        return HexFormat.of().withUpperCase().formatHex(frame) + "@" + mlat;
    }

    /**
     * Records frames as "HEX@mlat". Checks that delivery really happens under the given lock
     * (the contract of FeedDelivery), which is also what makes the list safe to read.
     */
    static final class Recorder implements FrameSink {
        final Object lock;
        final List<String> frames = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        volatile boolean deliveredWithoutLock;

        Recorder(Object lock) {
            this.lock = lock;
        }

        @Override
        public void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal) {
            if (!Thread.holdsLock(lock)) deliveredWithoutLock = true;
            frames.add(HexFormat.of().withUpperCase().formatHex(buf, off, off + len) + "@" + mlat12MHz);
            times.add(timeNanos);
        }

        int size() {
            synchronized (lock) {
                return frames.size();
            }
        }

        List<String> snapshot() {
            synchronized (lock) {
                return new ArrayList<>(frames);
            }
        }
    }

    /** Polls until the condition holds or the deadline passes (tests carry a JUnit timeout too). */
    static boolean await(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
