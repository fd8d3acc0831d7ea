package org.vigil.codec.asterix;

/**
 * A named part of a group or extended item, or a spare run (name null), with its bit offset from
 * the start of the enclosing item (FX bits of extended items included in the count).
 */
public final class Field {
    public final String name;
    public final Variation variation;
    public final int bitOffset;
    public final int bits;

    Field(String name, Variation variation, int bitOffset, int bits) {
        this.name = name;
        this.variation = variation;
        this.bitOffset = bitOffset;
        this.bits = bits;
    }

    public boolean isSpare() {
        return name == null;
    }

    /** The field called {@code name} in a group's or extended item's list, or null (spares have no name). */
    static Field named(java.util.List<Field> fields, String name) {
        for (Field f : fields) if (name.equals(f.name)) return f;
        return null;
    }
}
