package org.vigil.codec.asterix;

import org.vigil.core.geo.Units;

/**
 * Base of the typed record views: wraps the decoder's reusable {@link AsterixRecord} and reads
 * resolved {@link FieldRef}s. Absent values are {@link #ABSENT} (ints/longs) or NaN (doubles).
 */
public abstract class TypedRecord {
    public static final int ABSENT = Integer.MIN_VALUE;
    /** Unit conversions to SI from the spec units. */
    public static final double NM = Units.NM;

    public static final double FT = Units.FT;
    public static final double KT = Units.KT;
    public static final double FT_PER_MIN = Units.FT_PER_MIN;

    protected final CategorySpec spec;
    protected AsterixRecord record;

    protected TypedRecord(CategorySpec spec, int category) {
        if (spec.category != category) throw new IllegalArgumentException(spec + " is not CAT" + category);
        this.spec = spec;
    }

    /** Points this view at a record (of this view's category); returns this. */
    public TypedRecord wrap(AsterixRecord r) {
        if (r.spec() != spec && r.category() != spec.category) {
            throw new IllegalArgumentException("record of CAT" + r.category() + " for a CAT" + spec.category + " view");
        }
        this.record = r;
        return this;
    }

    public AsterixRecord record() {
        return record;
    }

    protected FieldRef ref(String item, String... names) {
        return FieldRef.resolve(spec, item, names);
    }

    protected final int i(FieldRef f) {
        return (int) f.raw(record, ABSENT);
    }

    protected final long l(FieldRef f) {
        return f.raw(record, ABSENT);
    }

    protected final double d(FieldRef f) {
        return f.value(record);
    }

    /** Whether the item (by id, e.g. "040") is in the record; allocation-free after warm-up of ids. */
    public boolean has(String item) {
        return record.has(spec.indexOf(item));
    }
}
