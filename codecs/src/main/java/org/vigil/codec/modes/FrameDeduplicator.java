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
 * <p>Memory: {@code capacity} slots (a power of two), open addressing with a short probe; a slot
 * whose frame is older than the window is free. What a lookup compares (the frame's bytes, time,
 * signal and address) sits together in one array, four longs a slot, so that a probe reads one
 * cache line or two adjacent ones, not one line in each of five arrays (every lookup is a cache
 * miss at these sizes: issue 20's profile had the lookup as the hottest frame of the decode stage). When every probed slot is
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
    /** Room for 2 windows of 100,000 distinct frames per second of data (the most it grows to). */
    public static final int DEFAULT_CAPACITY = 1 << 17;
    /**
     * Slots at the start (64 KiB): the table doubles when a new frame finds every probed slot young
     * (instead of overwriting one), so that it stays about twice the frames of one window — small enough to stay in the
     * processor's cache for a receiver network's traffic (every slot of a table sized for the worst
     * case is a cache miss per lookup; issue 20).
     */
    static final int INITIAL_CAPACITY = 1 << 11;

    private static final int PROBES = 8;

    private final long windowNanos;
    private final int maxCapacity;
    private int mask;
    /** Per slot at {@code 4 * slot}: the frame's first 8 bytes, its last 6 and length, its time, signal and address. */
    private long[] slots;
    /** Per slot at {@code 2 * slot}: latitude and longitude of the kept frame's position (read only for copies). */
    private double[] positions;

    private static final int HEAD = 0, TAIL = 1, TIME = 2, SIGNAL_ADDRESS = 3, STRIDE = 4;
    /** Slot for the last frame found new (for {@link #remember}), -1 none; and that frame. */
    private int pending = -1;
    /** How far from its first slot the pending frame's slot is ({@link #PROBES}: none free). */
    private int pendingDistance;

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
     * @param capacity    slots at most, a power of two ≥ 16 (the table starts smaller and grows)
     */
    public FrameDeduplicator(long windowNanos, int capacity) {
        if (windowNanos <= 0) throw new IllegalArgumentException("window must be > 0: " + windowNanos);
        if (capacity < 16 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 16: " + capacity);
        }
        this.windowNanos = windowNanos;
        this.maxCapacity = capacity;
        allocate(Math.min(capacity, INITIAL_CAPACITY));
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
        final long[] a = slots;
        int start = mix(h, t) & mask;
        int victim = -1;
        long victimTime = Long.MAX_VALUE;
        for (int i = 0; i < PROBES; i++) {
            int s = (start + i) & mask;
            int at = s * STRIDE;
            long kept = a[at + TIME];
            long age = kept == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(timeNanos - kept);
            if (age <= windowNanos) {
                if (a[at + HEAD] == h && a[at + TAIL] == t) {
                    copies++;
                    lastCopy = s;
                    long sa = a[at + SIGNAL_ADDRESS];
                    keptSignal = (int) (sa >> 32);
                    if (signal > keptSignal) {
                        strongerCopies++;
                        stronger = signal;
                        a[at + SIGNAL_ADDRESS] = signalAddress(signal, (int) sa);
                    }
                    return true;
                }
                if (kept < victimTime) {
                    victimTime = kept;
                    victim = s;
                }
            } else if (victimTime != Long.MIN_VALUE) {
                victim = s; // free (empty or older than the window); go on looking for a copy
                victimTime = Long.MIN_VALUE;
                pendingDistance = i;
            }
        }
        if (victimTime != Long.MIN_VALUE) pendingDistance = PROBES; // no free slot: the oldest is overwritten
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
        if (pendingDistance == PROBES && mask + 1 < maxCapacity) {
            grow();
            s = slotFor(pendingHead, pendingTail, pendingTime);
        }
        int at = s * STRIDE;
        long kept = slots[at + TIME];
        if (kept != Long.MIN_VALUE && Math.abs(pendingTime - kept) <= windowNanos) overwritten++;
        slots[at + HEAD] = pendingHead;
        slots[at + TAIL] = pendingTail;
        slots[at + TIME] = pendingTime;
        slots[at + SIGNAL_ADDRESS] = signalAddress(pendingSignal, tableAddress);
        positions[2 * s] = latDeg;
        positions[2 * s + 1] = lonDeg;
    }

    /** The first free slot (empty or older than the window) of the frame's probe, else the oldest. */
    private int slotFor(long h, long t, long timeNanos) {
        int start = mix(h, t) & mask;
        int oldestSlot = start;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < PROBES; i++) {
            int s = (start + i) & mask;
            long kept = slots[s * STRIDE + TIME];
            if (kept == Long.MIN_VALUE || Math.abs(timeNanos - kept) > windowNanos) return s;
            if (kept < oldest) {
                oldest = kept;
                oldestSlot = s;
            }
        }
        return oldestSlot;
    }

    /** Current slots (grows up to the capacity given). */
    int capacity() {
        return mask + 1;
    }

    private void allocate(int capacity) {
        mask = capacity - 1;
        slots = new long[capacity * STRIDE];
        positions = new double[capacity * 2];
        for (int i = 0; i < capacity; i++) slots[i * STRIDE + TIME] = Long.MIN_VALUE;
    }

    /**
     * Doubles the table, every kept frame moved to its place in the new one (the first empty slot of
     * its probe; at twice the room there is one). Allocates: rare, while the traffic rises.
     */
    private void grow() {
        long[] old = slots;
        double[] oldPositions = positions;
        allocate(Math.min(maxCapacity, 2 * (mask + 1)));
        for (int o = 0; o < old.length / STRIDE; o++) {
            int from = o * STRIDE;
            if (old[from + TIME] == Long.MIN_VALUE) continue;
            int start = mix(old[from + HEAD], old[from + TAIL]) & mask;
            int to = -1;
            long oldest = Long.MAX_VALUE;
            for (int i = 0; i < PROBES; i++) {
                int s = (start + i) & mask;
                long t = slots[s * STRIDE + TIME];
                if (t == Long.MIN_VALUE) {
                    to = s;
                    break;
                }
                if (t < oldest) {
                    oldest = t;
                    to = s;
                }
            }
            if (slots[to * STRIDE + TIME] != Long.MIN_VALUE && oldest > old[from + TIME]) continue; // keep the younger
            System.arraycopy(old, from, slots, to * STRIDE, STRIDE);
            positions[2 * to] = oldPositions[2 * o];
            positions[2 * to + 1] = oldPositions[2 * o + 1];
        }
    }

    /** The aircraft address the kept frame decoded to, -1 when unknown (not decoded or no address). */
    public int copyAddress() {
        return lastCopy < 0 ? -1 : (int) slots[lastCopy * STRIDE + SIGNAL_ADDRESS];
    }

    public double copyLatitude() {
        return lastCopy < 0 ? Double.NaN : positions[2 * lastCopy];
    }

    public double copyLongitude() {
        return lastCopy < 0 ? Double.NaN : positions[2 * lastCopy + 1];
    }

    /** Data time of the kept frame. */
    public long copyTimeNanos() {
        return lastCopy < 0 ? Long.MIN_VALUE : slots[lastCopy * STRIDE + TIME];
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

    /** Signal (high half, sign kept: negative is none) and table address (low half, -1 none) in one long. */
    private static long signalAddress(int signal, int address) {
        return ((long) signal << 32) | (address & 0xFFFF_FFFFL);
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
