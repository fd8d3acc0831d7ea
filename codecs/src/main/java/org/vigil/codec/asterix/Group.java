package org.vigil.codec.asterix;

import java.util.List;

/** Concatenated elements, sub-groups and spares; fixed size. */
public final class Group extends Variation {
    public final List<Field> fields;
    final int bits;

    Group(List<Field> fields) {
        this.fields = List.copyOf(fields);
        int n = 0;
        for (Field f : fields) n += f.bits;
        this.bits = n;
    }

    @Override
    public int bitSize() {
        return bits;
    }

    @Override
    public int length(byte[] b, int off, int end) {
        return fixedLength(bits, off, end);
    }

    /** The named field, or null. */
    public Field field(String name) {
        return Field.named(fields, name);
    }
}
