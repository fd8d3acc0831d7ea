package org.vigil.codec.asterix;

/**
 * How the bits of one {@link Element} are to be read: the "content" line of the spec. Immutable.
 * Quantities keep their LSB as an exact rational {@code num/den} so that values are computed as
 * {@code raw * num / den} (exact for power-of-two denominators) and never from a rounded constant.
 */
public abstract sealed class Content
        permits Content.Raw, Content.Table, Content.Quantity, Content.Int, Content.Str, Content.Bds, Content.Case {

    private Content() {}

    /** Raw bits: integer below 24 bits, upper-case hex from 24 bits on (JSON convention). */
    public static final class Raw extends Content {
        static final Raw INSTANCE = new Raw();
    }

    /** An enumeration; the value is the raw code. Texts are kept for display only. */
    public static final class Table extends Content {
        final int[] codes;
        final String[] texts;

        Table(int[] codes, String[] texts) {
            this.codes = codes;
            this.texts = texts;
        }

        /** Meaning of a code, or null when the spec does not list it. */
        public String text(long code) {
            for (int i = 0; i < codes.length; i++) if (codes[i] == code) return texts[i];
            return null;
        }
    }

    /** A physical quantity raw * num / den in the spec's unit (NM, °, s, FL, ft, ...). */
    public static final class Quantity extends Content {
        public final boolean signed;
        public final double num;
        public final double den;
        public final String unit;

        Quantity(boolean signed, double num, double den, String unit) {
            this.signed = signed;
            this.num = num;
            this.den = den;
            this.unit = unit;
        }

        public double lsb() {
            return num / den;
        }

        public double value(long raw) {
            return raw * num / den;
        }

        /** Nearest raw value for a quantity (not clamped; the caller masks to the width). */
        public long raw(double value) {
            return Math.round(value * den / num);
        }
    }

    /** A plain signed or unsigned integer. */
    public static final class Int extends Content {
        public final boolean signed;

        Int(boolean signed) {
            this.signed = signed;
        }
    }

    /** Character strings: octal digits (3 bits), ICAO 6-bit characters, or ASCII octets. */
    public static final class Str extends Content {
        public enum Kind {
            OCTAL,
            ICAO,
            ASCII
        }

        public final Kind kind;

        Str(Kind kind) {
            this.kind = kind;
        }

        public int bitsPerChar() {
            return kind == Kind.OCTAL ? 3 : kind == Kind.ICAO ? 6 : 8;
        }
    }

    /** A Mode S Comm-B register (MB field); shown as hex like raw. */
    public static final class Bds extends Content {
        static final Bds INSTANCE = new Bds();
    }

    /**
     * Context-dependent content: the value of an earlier sibling element of the same group
     * (named by the last part of the spec's path) selects the content.
     */
    public static final class Case extends Content {
        public final String selector;
        final long[] keys;
        final Content[] cases;
        final Content otherwise;

        Case(String selector, long[] keys, Content[] cases, Content otherwise) {
            this.selector = selector;
            this.keys = keys;
            this.cases = cases;
            this.otherwise = otherwise;
        }

        public Content select(long selectorValue) {
            for (int i = 0; i < keys.length; i++) if (keys[i] == selectorValue) return cases[i];
            return otherwise;
        }
    }
}
