package org.vigil.codec.asterix;

import java.util.Map;

/**
 * Walks ASTERIX data blocks (CAT, LEN, records) and hands each record to a {@link RecordHandler}
 * as a reusable {@link AsterixRecord}. No allocation per block or record; no exception escapes
 * for any input. A bad record costs the rest of its block (records carry no length), never the
 * next block: blocks are always stepped by their LEN.
 */
public final class AsterixDecoder {
    private final CategorySpec[] specs = new CategorySpec[256];
    private final AsterixRecord record = new AsterixRecord();
    private final DecodeStats stats = new DecodeStats();

    /** A decoder for the given editions, e.g. {@link AsterixSpecs#current()}. */
    public AsterixDecoder(Map<Integer, CategorySpec> editions) {
        for (CategorySpec s : editions.values()) specs[s.category] = s;
    }

    public AsterixDecoder() {
        this(AsterixSpecs.current());
    }

    /** Replaces the edition used for one category (configured per source). */
    public void use(CategorySpec spec) {
        specs[spec.category] = spec;
    }

    public CategorySpec spec(int category) {
        return specs[category & 0xFF];
    }

    public DecodeStats stats() {
        return stats;
    }

    /**
     * Decodes every block in {@code buf[off, off+len)} (a datagram or recording frame payload).
     * @return records delivered
     */
    public int decode(byte[] buf, int off, int len, RecordHandler handler) {
        int p = off;
        int end = off + len;
        int delivered = 0;
        while (p < end) {
            if (end - p < 3) {
                reject(handler, buf[p] & 0xFF, Rejection.TRUNCATED, p);
                break;
            }
            int cat = buf[p] & 0xFF;
            int blockLen = ((buf[p + 1] & 0xFF) << 8) | (buf[p + 2] & 0xFF);
            if (blockLen < 3 || blockLen > end - p) {
                reject(handler, cat, Rejection.BAD_LENGTH, p);
                break; // no trustworthy boundary left in this datagram
            }
            stats.blocks++;
            int blockEnd = p + blockLen;
            CategorySpec spec = specs[cat];
            handler.block(cat, buf, p, blockLen);
            if (spec == null) {
                reject(handler, cat, Rejection.UNKNOWN_CATEGORY, p);
                handler.unknownBlock(cat, buf, p, blockLen);
            } else {
                delivered += records(spec, buf, p + 3, blockEnd, handler);
            }
            p = blockEnd;
        }
        return delivered;
    }

    private int records(CategorySpec spec, byte[] buf, int p, int blockEnd, RecordHandler handler) {
        int n = 0;
        while (p < blockEnd) {
            int r = record(spec, buf, p, blockEnd);
            if (r < 0) {
                reject(handler, spec.category, Rejection.of(-r - 1), p);
                return n;
            }
            stats.records++;
            n++;
            handler.record(record);
            p = r;
        }
        return n;
    }

    /** Fills {@link #record}; returns the offset after the record, or -(Rejection.ordinal + 1). */
    private int record(CategorySpec spec, byte[] buf, int start, int blockEnd) {
        AsterixRecord rec = record;
        rec.begin(spec, buf, start, blockEnd);
        int uap = spec.uapSize();
        int maxFspec = (uap + 6) / 7;
        int p = start;
        while (true) {
            if (p >= blockEnd) return fail(Rejection.TRUNCATED);
            int octet = buf[p++] & 0xFF;
            if ((octet & 1) == 0) break;
            if (p - start >= maxFspec) return fail(Rejection.FSPEC_OVERRUN);
        }
        int fspecLen = p - start;
        rec.fspec(fspecLen);
        boolean any = false;
        for (int o = 0; o < fspecLen; o++) {
            int bits = buf[start + o] & 0xFE;
            for (int i = 0; bits != 0 && i < 7; i++) {
                int mask = 0x80 >>> i;
                if ((bits & mask) == 0) continue;
                bits &= ~mask;
                int index = o * 7 + i;
                if (index >= uap) return fail(Rejection.FSPEC_OVERRUN);
                ItemSpec item = spec.uapItem(index);
                if (item == null) return fail(Rejection.FSPEC_OVERRUN);
                int n = spec.fixedOctets(index);
                if (n > 0) {
                    if (p + n > blockEnd) return fail(Rejection.TRUNCATED);
                } else {
                    n = item.variation.length(buf, p, blockEnd);
                    if (n == Variation.TRUNCATED) return fail(Rejection.TRUNCATED);
                    if (n < 0) return fail(Rejection.BAD_ITEM);
                }
                rec.item(index, p, n);
                p += n;
                any = true;
            }
        }
        if (!any) return fail(Rejection.EMPTY_RECORD);
        rec.end(p);
        return p;
    }

    private static int fail(Rejection r) {
        return -(r.ordinal() + 1);
    }

    private void reject(RecordHandler handler, int cat, Rejection why, int offset) {
        stats.reject(why);
        handler.rejected(cat, why, offset);
    }
}
