package org.vigil.codec.asterix;

/** Counters of a decoder: blocks, records and rejections by reason. Not thread-safe (one per decoder). */
public final class DecodeStats {
    long blocks;
    long records;
    private final long[] rejected = new long[Rejection.values().length];

    void reject(Rejection r) {
        rejected[r.ordinal()]++;
    }

    public long blocks() {
        return blocks;
    }

    public long records() {
        return records;
    }

    public long rejected(Rejection r) {
        return rejected[r.ordinal()];
    }

    public long rejectedTotal() {
        long n = 0;
        for (long v : rejected) n += v;
        return n;
    }

    public void reset() {
        blocks = 0;
        records = 0;
        java.util.Arrays.fill(rejected, 0);
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("blocks=").append(blocks).append(" records=").append(records);
        for (Rejection r : Rejection.values()) {
            if (rejected[r.ordinal()] != 0)
                sb.append(' ').append(r.code).append('=').append(rejected[r.ordinal()]);
        }
        return sb.toString();
    }
}
