package org.vigil.codec.asterix;

/**
 * A fixed-position element of a record, resolved once from the spec by path (item id, then
 * compound subfield and group/extended names), so typed accessors read it without allocation.
 * Values come out in the spec's unit ({@link #value}) or as raw bits ({@link #raw}).
 */
public final class FieldRef {
    public final String path;
    final int index;
    final Compound compound;
    final int slot;
    final Variation container;
    final int bitOffset;
    final int bits;
    final boolean signed;
    final double num;
    final double den;
    /** Octets the item/subfield must have for the element to be there (extended items may be short). */
    final int needOctets;
    /** Octets before the compound's presence bits: 1 for the RE item's length octet, else 0. */
    final int header;

    private FieldRef(
            String path,
            int index,
            Compound compound,
            int header,
            int slot,
            Variation container,
            int bitOffset,
            Element e,
            int needOctets) {
        this.path = path;
        this.index = index;
        this.compound = compound;
        this.header = header;
        this.slot = slot;
        this.container = container;
        this.bitOffset = bitOffset;
        this.bits = e.bits;
        Content c = e.content;
        if (c instanceof Content.Quantity q) {
            signed = q.signed;
            num = q.num;
            den = q.den;
        } else {
            signed = c instanceof Content.Int i && i.signed;
            num = 1;
            den = 1;
        }
        this.needOctets = needOctets;
    }

    /**
     * Resolves e.g. {@code ("040", "RHO")}, {@code ("130", "SRL")}, {@code ("140")}, and inside the
     * Reserved Expansion Field through the loaded REF, e.g. {@code ("RE", "ERR")}.
     * @throws IllegalArgumentException if the path does not name a fixed-position element
     */
    public static FieldRef resolve(CategorySpec spec, String item, String... names) {
        String path = spec + " " + item + "/" + String.join("/", names);
        int index = spec.indexOf(item);
        if (index < 0) throw new IllegalArgumentException("no item " + path);
        Variation v = spec.uapItem(index).variation;
        Compound compound = null;
        int header = 0;
        int slot = -1;
        int i = 0;
        if (v instanceof Explicit x && x.reservedExpansion && spec.expansion != null) {
            v = spec.expansion; // RE: length octet, then the REF's compound
            header = 1;
        }
        if (i >= names.length && v instanceof Compound)
            throw new IllegalArgumentException("no subfield named in " + path);
        if (v instanceof Compound c) {
            compound = c;
            slot = c.slot(names[i++]);
            if (slot < 0) throw new IllegalArgumentException("no subfield " + path);
            v = c.subfields.get(slot);
        }
        Variation container = v;
        int bit = 0;
        int need = v.bitSize() > 0 ? v.bitSize() / 8 : 1;
        for (; i < names.length; i++) {
            Field f;
            if (v instanceof Group g) f = g.field(names[i]);
            else if (v instanceof Extended x) f = x.field(names[i]);
            else f = null;
            if (f == null) throw new IllegalArgumentException("no element " + path);
            if (v instanceof Extended x) need = x.octetsFor(bit + f.bitOffset);
            bit += f.bitOffset;
            v = f.variation;
        }
        if (!(v instanceof Element e)) throw new IllegalArgumentException("not an element: " + path);
        return new FieldRef(path, index, compound, header, slot, container, bit, e, need);
    }

    /** Offset of the item or subfield holding the element, -1 when absent or too short. */
    int base(AsterixRecord r) {
        int off = r.offset(index);
        if (off < 0) return -1;
        byte[] b = r.buffer();
        int end = off + r.length(index);
        if (compound != null) {
            off = compound.subfieldOffset(b, off + header, end, slot);
            if (off < 0) return -1;
        }
        if (needOctets > 1 && container instanceof Extended) {
            int len = container.length(b, off, end);
            if (len < needOctets) return -1;
        }
        return off;
    }

    public boolean present(AsterixRecord r) {
        return base(r) >= 0;
    }

    /** Raw bits (sign-extended when signed), or {@code absent} when the element is not there. */
    public long raw(AsterixRecord r, long absent) {
        int off = base(r);
        if (off < 0) return absent;
        return signed ? Bits.readSigned(r.buffer(), off, bitOffset, bits) : Bits.read(r.buffer(), off, bitOffset, bits);
    }

    /** Value in the spec's unit, NaN when absent. */
    public double value(AsterixRecord r) {
        int off = base(r);
        if (off < 0) return Double.NaN;
        long raw = signed
                ? Bits.readSigned(r.buffer(), off, bitOffset, bits)
                : Bits.read(r.buffer(), off, bitOffset, bits);
        return raw * num / den;
    }

    @Override
    public String toString() {
        return path;
    }
}
