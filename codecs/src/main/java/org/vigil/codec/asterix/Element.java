package org.vigil.codec.asterix;

/** A run of {@code bits} bits read as {@code content}. */
public final class Element extends Variation {
    public final int bits;
    public final Content content;

    Element(int bits, Content content) {
        this.bits = bits;
        this.content = content;
    }

    @Override
    public int bitSize() {
        return bits;
    }

    @Override
    public int length(byte[] b, int off, int end) {
        return fixedLength(bits, off, end);
    }
}
