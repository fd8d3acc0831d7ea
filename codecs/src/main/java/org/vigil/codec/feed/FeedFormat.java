package org.vigil.codec.feed;

import java.util.Locale;

/** Wire format of a Mode S receiver feed. */
public enum FeedFormat {
    /** Mode-S Beast binary (port 30005). */
    BEAST,
    /** AVR raw hex text (port 30002). */
    AVR,
    /** SBS-1 BaseStation CSV (port 30003): decoded values, not frames. */
    SBS;

    /** Parses "beast", "avr"/"raw", "sbs"/"basestation" (any case); throws IllegalArgumentException otherwise. */
    public static FeedFormat parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "beast":
                return BEAST;
            case "avr":
            case "raw":
                return AVR;
            case "sbs":
            case "basestation":
                return SBS;
            default:
                throw new IllegalArgumentException("unknown feed format '" + text + "' (beast, avr, sbs)");
        }
    }

    /**
     * Guesses the format from the first bytes of a stream (already decompressed): 0x1A = Beast,
     * an AVR start character = AVR, a letter = SBS (a record name such as MSG). Blank lines are
     * passed over. Returns null when the bytes do not tell.
     */
    public static FeedFormat detect(byte[] head, int len) {
        for (int i = 0; i < len; i++) {
            int c = head[i] & 0xFF;
            if (c == 0x1A) return BEAST;
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t') continue;
            if (c == '*' || c == '@' || c == '%' || c == '<' || c == ':') return AVR;
            if (c >= 'A' && c <= 'Z') return SBS;
            return null;
        }
        return null;
    }

    /**
     * A framer for this format. Beast and AVR deliver to {@code frames}, SBS to {@code messages}
     * (the other sink may be null).
     */
    public FeedFramer newFramer(FeedCounters counters, FrameSink frames, SbsSink messages) {
        switch (this) {
            case BEAST:
                return new BeastFramer(counters, frames);
            case AVR:
                return new AvrFramer(counters, frames);
            default:
                return new SbsParser(counters, messages);
        }
    }

    /** true when the format delivers Mode S frames (Beast, AVR), false for decoded values (SBS). */
    public boolean carriesFrames() {
        return this != SBS;
    }
}
