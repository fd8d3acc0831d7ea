package org.vigil.core.track;

/**
 * Bounded reordering window: detections from several sensors arrive slightly out of time order
 * (radar plots are sent per sector, ADS-B per message, feeds have different latencies). The buffer
 * holds each detection until the newest time seen is more than the window past it, then releases in
 * (time, arrival sequence) order. A detection older than the last released time is late beyond the
 * window: it is refused (the caller counts it) rather than processed out of order.
 *
 * <p>A binary min-heap of pooled {@link Detection}s: after the pool has grown to the window's
 * occupancy, nothing is allocated.
 */
final class ReorderBuffer {
    private final long windowNanos;
    private Detection[] heap = new Detection[256];
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
        if (size == heap.length) heap = java.util.Arrays.copyOf(heap, size * 2);
        heap[size] = c;
        siftUp(size++);
        if (correctedTime > newest) newest = correctedTime;
        return true;
    }

    /** The next detection whose time is at least the window older than the newest seen, or null. */
    Detection pollReady() {
        if (size == 0 || heap[0].timeNanos > newest - windowNanos) return null;
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
        heap[0] = heap[--size];
        heap[size] = null;
        if (size > 0) siftDown(0);
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

    private static boolean less(Detection a, Detection b) {
        return a.timeNanos < b.timeNanos || (a.timeNanos == b.timeNanos && a.sequence < b.sequence);
    }

    private void siftUp(int i) {
        Detection x = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(x, heap[p])) break;
            heap[i] = heap[p];
            i = p;
        }
        heap[i] = x;
    }

    private void siftDown(int i) {
        Detection x = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            if (c + 1 < size && less(heap[c + 1], heap[c])) c++;
            if (!less(heap[c], x)) break;
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = x;
    }
}
