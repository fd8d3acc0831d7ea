package org.vigil.codec.modes;

/**
 * Finds the copies of one Mode S transmission that several receivers heard, before they are
 * decoded: feeds merged into one picture deliver each transmission once per receiver that heard
 * it, and decoding, the aircraft table, the tracker and identification would otherwise do the
 * same work several times (readsb does the same by content and time).
 *
 * <p>A frame is a copy when a frame with the same bytes (7 or 14 of them) was seen within
 * {@link #windowNanos} of data time, either way (feeds merged live are not quite in time order).
 * Different messages are never merged: the whole content is compared, not a hash. The first copy
 * seen is kept (in a replay merged by data time, the earliest); a later copy heard with a stronger
 * signal tells {@link #strongerSignal()} so that the caller can raise the aircraft's signal level.
 * Mode A/C replies (2 bytes) carry no address, so equal codes of two aircraft cannot be told from
 * copies: they are never treated as copies.
 *
 * <p>A genuinely repeated message of one aircraft within the window (e.g. an unchanged velocity)
 * is also taken as a copy; it tells nothing new but its time.
 *
 * <p>Memory: {@code capacity} slots (a power of two) in primitive arrays, open addressing with a
 * short probe; a slot whose frame is older than the window is free. When every probed slot is
 * still young (more distinct frames per window than the table holds), the oldest probed one is
 * overwritten: a copy may then pass as new (counted as a frame, never a loss). Nothing is
 * allocated per frame. Single-threaded: one owner (the picture's thread).
 */
public final class FrameDeduplicator {
    /**
     * Copies of one transmission reach merged feeds within milliseconds of each other; receivers'
     * clocks and network paths add up to some hundreds. The tracker drops equal positions within
     * the same time (docs/TRACKING.md).
     */
    public static final long DEFAULT_WINDOW_NANOS = 500_000_000L;
    /** Room for 2 windows of 100,000 distinct frames per second of data. */
    public static final int DEFAULT_CAPACITY = 1 << 17;

    private static final int PROBES = 8;

    private final long windowNanos;
    private final int mask;
    private final long[] head, tail, time;
    private final int[] signal, address;
    private final double[] lat, lon;
    /** Slot for the last frame found new (for {@link #remember}), -1 none; and that frame. */
    private int pending = -1;

    private long pendingHead, pendingTail, pendingTime;
    private int pendingSignal;
    /** Slot of the last copy found, -1 none. */
    private int lastCopy = -1;

    /** Signal of the last copy when stronger than the frame kept, else -1; the kept frame's signal before it. */
    private int stronger = -1, keptSignal = -1;

    private long copies, strongerCopies, overwritten;

    public FrameDeduplicator() {
        this(DEFAULT_WINDOW_NANOS, DEFAULT_CAPACITY);
    }

    /**
     * @param windowNanos frames this close in data time with equal bytes are copies (> 0)
     * @param capacity    slots, a power of two ≥ 16
     */
    public FrameDeduplicator(long windowNanos, int capacity) {
        if (windowNanos <= 0) throw new IllegalArgumentException("window must be > 0: " + windowNanos);
        if (capacity < 16 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 16: " + capacity);
        }
        this.windowNanos = windowNanos;
        this.mask = capacity - 1;
        head = new long[capacity];
        tail = new long[capacity];
        time = new long[capacity];
        signal = new int[capacity];
        address = new int[capacity];
        lat = new double[capacity];
        lon = new double[capacity];
        java.util.Arrays.fill(time, Long.MIN_VALUE);
    }

    public long windowNanos() {
        return windowNanos;
    }

    /**
     * Is this frame a copy of one {@link #remember remembered} within the window? When it is,
     * {@link #copyAddress()}, {@link #copyLatitude()}, {@link #copyLongitude()},
     * {@link #copyTimeNanos()} and {@link #strongerSignal()} describe the frame kept. When it is
     * not, {@link #remember} may keep it (once it decoded: a frame that does not decode is no
     * message, and its copies are refused by the decoder again, counted per feed).
     *
     * @param signal signal level 0..255, negative when the feed gives none
     */
    public boolean isCopy(byte[] buf, int off, int len, long timeNanos, int signal) {
        pending = -1;
        lastCopy = -1;
        stronger = -1;
        if (len != 7 && len != 14) return false; // Mode A/C and malformed lengths: the decoder's business
        long h = word(buf, off, Math.min(len, 8));
        long t = len == 14 ? word(buf, off + 8, 6) | (14L << 56) : 7L << 56;
        int start = mix(h, t) & mask;
        int victim = -1;
        long victimTime = Long.MAX_VALUE;
        for (int i = 0; i < PROBES; i++) {
            int s = (start + i) & mask;
            long age = time[s] == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(timeNanos - time[s]);
            if (age <= windowNanos) {
                if (head[s] == h && tail[s] == t) {
                    copies++;
                    lastCopy = s;
                    keptSignal = this.signal[s];
                    if (signal > keptSignal) {
                        strongerCopies++;
                        stronger = signal;
                        this.signal[s] = signal;
                    }
                    return true;
                }
                if (time[s] < victimTime) {
                    victimTime = time[s];
                    victim = s;
                }
            } else if (victimTime != Long.MIN_VALUE) {
                victim = s; // free (empty or older than the window); go on looking for a copy
                victimTime = Long.MIN_VALUE;
            }
        }
        pending = victim;
        pendingHead = h;
        pendingTail = t;
        pendingTime = timeNanos;
        pendingSignal = signal;
        return false;
    }

    /**
     * Keeps the frame just found new by {@link #isCopy}, with what its decoding found (the aircraft
     * table's address, -1 for none; its position, NaN without one) for whoever sees a copy of it
     * later (the other receivers' coverage, the signal level).
     */
    public void remember(int tableAddress, double latDeg, double lonDeg) {
        int s = pending;
        if (s < 0) return;
        pending = -1;
        if (time[s] != Long.MIN_VALUE && Math.abs(pendingTime - time[s]) <= windowNanos) overwritten++;
        head[s] = pendingHead;
        tail[s] = pendingTail;
        time[s] = pendingTime;
        signal[s] = pendingSignal;
        address[s] = tableAddress;
        lat[s] = latDeg;
        lon[s] = lonDeg;
    }

    /** The aircraft address the kept frame decoded to, -1 when unknown (not decoded or no address). */
    public int copyAddress() {
        return lastCopy < 0 ? -1 : address[lastCopy];
    }

    public double copyLatitude() {
        return lastCopy < 0 ? Double.NaN : lat[lastCopy];
    }

    public double copyLongitude() {
        return lastCopy < 0 ? Double.NaN : lon[lastCopy];
    }

    /** Data time of the kept frame. */
    public long copyTimeNanos() {
        return lastCopy < 0 ? Long.MIN_VALUE : time[lastCopy];
    }

    /**
     * When the copy just found was heard stronger than the frame kept: its signal level (from now
     * on the kept frame's), else -1.
     */
    public int strongerSignal() {
        return stronger;
    }

    /** The signal the kept frame had before the copy just found (negative: none given). */
    public int keptSignal() {
        return keptSignal;
    }

    /** Copies found (frames not decoded again). */
    public long copies() {
        return copies;
    }

    /** Copies heard with a stronger signal than the frame kept. */
    public long strongerCopies() {
        return strongerCopies;
    }

    /** Young slots overwritten for lack of room (copies of them would pass as new). */
    public long overwritten() {
        return overwritten;
    }

    private static long word(byte[] b, int off, int n) {
        long w = 0;
        for (int i = 0; i < n; i++) w = (w << 8) | (b[off + i] & 0xFF);
        return w;
    }

    private static int mix(long a, long b) {
        long x = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return (int) (x ^ (x >>> 29));
    }
}
