package org.vigil.core.track;

/**
 * Bounded reordering window: detections from several sensors arrive slightly out of time order
 * (radar plots are sent per sector, ADS-B per message, feeds have different latencies). The buffer
 * holds each detection until the newest time seen is more than the window past it, then releases in
 * (time, arrival sequence) order. A detection older than the last released time is late beyond the
 * window: it is refused (the caller counts it) rather than processed out of order.
 *
 * <p>A binary min-heap of pooled {@link Detection}s, with the (time, sequence) keys kept in parallel
 * primitive arrays so that sifting does not chase pointers into the detections. After the pool has
 * grown to the window's occupancy, nothing is allocated.
 */
final class ReorderBuffer {
    private final long windowNanos;
    private Detection[] heap = new Detection[256];
    private long[] keyTime = new long[256];
    private long[] keySeq = new long[256];
    private Detection[] pool = new Detection[256];
    private int size;
    private int poolSize;
    private long newest = Long.MIN_VALUE;
    private long lastReleased = Long.MIN_VALUE;
    private long sequence;

    ReorderBuffer(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Copies {@code d} in; false if it is older than what was already released (late). */
    boolean offer(Detection d, long correctedTime) {
        if (correctedTime < lastReleased) return false;
        Detection c = poolSize > 0 ? pool[--poolSize] : new Detection();
        c.copyFrom(d);
        c.timeNanos = correctedTime;
        c.sequence = sequence++;
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
            keyTime = java.util.Arrays.copyOf(keyTime, size * 2);
            keySeq = java.util.Arrays.copyOf(keySeq, size * 2);
        }
        siftUp(size++, c);
        if (correctedTime > newest) newest = correctedTime;
        return true;
    }

    /** The next detection whose time is at least the window older than the newest seen, or null. */
    Detection pollReady() {
        if (size == 0 || keyTime[0] > newest - windowNanos) return null;
        return poll();
    }

    /** Moves the newest time forward without a detection (live feeds: the caller's clock). */
    void advance(long timeNanos) {
        if (timeNanos > newest) newest = timeNanos;
    }

    /** The earliest held detection regardless of the window, or null. */
    Detection poll() {
        if (size == 0) return null;
        Detection top = heap[0];
        Detection last = heap[--size];
        heap[size] = null;
        if (size > 0) siftDown(last);
        lastReleased = top.timeNanos;
        return top;
    }

    /** Returns a released detection to the pool once processed. */
    void recycle(Detection d) {
        if (poolSize == pool.length) pool = java.util.Arrays.copyOf(pool, poolSize * 2);
        pool[poolSize++] = d;
    }

    int size() {
        return size;
    }

    private boolean less(long t, long q, int j) {
        return t < keyTime[j] || (t == keyTime[j] && q < keySeq[j]);
    }

    private void siftUp(int i, Detection x) {
        long t = x.timeNanos;
        long q = x.sequence;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(t, q, p)) break;
            move(p, i);
            i = p;
        }
        put(i, x);
    }

    /** Re-inserts {@code x} (the former last element) from the root down. */
    private void siftDown(Detection x) {
        long t = x.timeNanos;
        long q = x.sequence;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            if (c + 1 < size
                    && (keyTime[c + 1] < keyTime[c] || (keyTime[c + 1] == keyTime[c] && keySeq[c + 1] < keySeq[c])))
                c++;
            if (less(t, q, c) || (t == keyTime[c] && q == keySeq[c])) break;
            move(c, i);
            i = c;
        }
        put(i, x);
    }

    private void move(int from, int to) {
        heap[to] = heap[from];
        keyTime[to] = keyTime[from];
        keySeq[to] = keySeq[from];
    }

    private void put(int i, Detection x) {
        heap[i] = x;
        keyTime[i] = x.timeNanos;
        keySeq[i] = x.sequence;
    }
}
