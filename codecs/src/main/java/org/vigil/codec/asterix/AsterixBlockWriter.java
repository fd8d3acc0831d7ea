package org.vigil.codec.asterix;

/**
 * The part every writer of ASTERIX records shares: a data block (CAT, LEN) in a caller's buffer,
 * records with an FSPEC built from the items set, big-endian fields. Allocation-free.
 * Subclasses set items ({@link #set}) and write each present item in FRN order in {@link #writeItem}.
 */
abstract class AsterixBlockWriter {
    private final int category;
    private final int largestRecord;
    private final boolean keepItems;
    private byte[] buf;
    private int blockStart;
    protected int pos;
    private int records;
    /** Bit per FRN - 1 of the items set for the current record. */
    protected long present;
    /** SAC << 8 | SIC of the record's data source (the I0xx/010 every category starts with). */
    private int sacSic;
    /** The record's time of day in 1/128 s (the time item every category has). */
    private int timeOfDay;

    /** @param largestRecord the most octets one record of this writer can take (FSPEC included) */
    protected AsterixBlockWriter(int category, int largestRecord) {
        this(category, largestRecord, false);
    }

    /** @param keepItems whether the items set stay set for the next record (else each record starts empty) */
    protected AsterixBlockWriter(int category, int largestRecord, boolean keepItems) {
        this.category = category;
        this.largestRecord = largestRecord;
        this.keepItems = keepItems;
    }

    /** Starts a block at {@code buf[off]}; the header is patched by {@link #endBlock}. */
    protected final void begin(byte[] buf, int off) {
        this.buf = buf;
        this.blockStart = off;
        this.pos = off + 3;
        this.records = 0;
        this.present = 0;
    }

    protected final void set(int frnMinusOne) {
        present |= 1L << frnMinusOne;
    }

    protected final void unset(int frnMinusOne) {
        present &= ~(1L << frnMinusOne);
    }

    protected final boolean has(int frnMinusOne) {
        return (present & (1L << frnMinusOne)) != 0;
    }

    /** Called before a record is written: a writer adds the items another item requires. */
    protected void completeItems() {}

    /** Writes item {@code frnMinusOne} (it is set); called in FRN order. */
    protected abstract void writeItem(int frnMinusOne);

    /**
     * Appends the current record to the block and (unless the writer keeps them) clears its items; returns its length in octets,
     * or -1 (nothing written) when the buffer is too small or no item is set.
     */
    public final int endRecord() {
        if (present == 0) return -1;
        if (pos + largestRecord > buf.length) return -1;
        completeItems();
        int start = pos;
        int last = 63 - Long.numberOfLeadingZeros(present);
        int fspecLen = last / 7 + 1;
        for (int o = 0; o < fspecLen; o++) buf[pos + o] = (byte) (o < fspecLen - 1 ? 1 : 0);
        // the set items only, lowest FRN first
        for (long m = present; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            buf[pos + i / 7] |= (byte) (0x80 >>> (i % 7));
        }
        pos += fspecLen;
        for (long m = present; m != 0; m &= m - 1) writeItem(Long.numberOfTrailingZeros(m));
        if (!keepItems) present = 0;
        records++;
        return pos - start;
    }

    /** Patches CAT and LEN; returns the block length (0 if no record was written). */
    public final int endBlock() {
        if (records == 0) return 0;
        int len = pos - blockStart;
        buf[blockStart] = (byte) category;
        buf[blockStart + 1] = (byte) (len >>> 8);
        buf[blockStart + 2] = (byte) len;
        return len;
    }

    /** Octets written so far in the block, header included. */
    public final int blockLength() {
        return pos - blockStart;
    }

    /** Sets the record's data source identifier (SAC, SIC). */
    protected final void sacSic(int sac, int sic) {
        sacSic = packSacSic(sac, sic);
    }

    /** SAC and SIC as the two octets of a data source identifier item. */
    protected static int packSacSic(int sac, int sic) {
        return (sac & 0xFF) << 8 | (sic & 0xFF);
    }

    /** Writes the data source identifier item (I0xx/010): SAC, SIC. */
    protected final void putSacSic() {
        put16(sacSic);
    }

    /** Sets the record's time of day (seconds since UTC midnight). */
    protected final void setTimeOfDay(double seconds) {
        timeOfDay = tod128(seconds);
    }

    /** Writes the time of day item: three octets of 1/128 s. */
    protected final void putTimeOfDay() {
        put24(timeOfDay);
    }

    protected final void put8(int v) {
        buf[pos++] = (byte) v;
    }

    protected final void put16(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    protected final void put24(int v) {
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    protected final void put32(int v) {
        put16(v >>> 16);
        put16(v);
    }

    protected final void put48(long v) {
        put24((int) (v >>> 24));
        put24((int) v & 0xFFFFFF);
    }

    /** Time of day in 1/128 s, wrapping like the 24-bit fields. */
    protected static int tod128(double seconds) {
        return (int) (Math.round(seconds * 128) & 0xFFFFFF);
    }

    protected static int clamp16(long v) {
        return (int) (Math.max(-32768, Math.min(32767, v)) & 0xFFFF);
    }

    /** {@code v} clamped to a signed field of {@code bits} (two's complement, not masked). */
    protected static int clampSigned(long v, int bits) {
        long max = (1L << (bits - 1)) - 1;
        return (int) Math.max(-max - 1, Math.min(max, v));
    }

    /** {@code v} clamped to an unsigned field of {@code bits}. */
    protected static int clampUnsigned(long v, int bits) {
        return (int) Math.max(0, Math.min((1L << bits) - 1, v));
    }
}
