package org.vigil.core.ident;

/**
 * Standard identities of STANAG 1241 / APP-6 (MIL-STD-2525D code in {@link #app6Code}), the seven that
 * Link 16 and the symbology share. Joker and Faker are the exercise names of SUSPECT and HOSTILE
 * (exercise context is a display matter, not a separate identity).
 *
 * <p>{@link #weight} orders the identities when several rules propose one: the strongest claim wins.
 * Threat beats friendship (a listed fighter squawking 7500 is SUSPECT), positive identification beats
 * absence of evidence (a listed Allied aircraft without a filed plan stays ASSUMED_FRIEND), and
 * UNKNOWN beats only PENDING.
 */
public enum Identity {
    PENDING(0, 'P', 0),
    UNKNOWN(1, 'U', 1),
    ASSUMED_FRIEND(2, 'A', 3),
    FRIEND(3, 'F', 4),
    NEUTRAL(4, 'N', 2),
    SUSPECT(5, 'S', 5),
    HOSTILE(6, 'H', 6);

    /** 2525D / APP-6D standard identity digit. */
    public final int app6Code;
    /** Legacy (2525C) letter in the reality context. */
    public final char letter;
    /** Precedence when rules disagree: higher wins. */
    final int weight;

    private static final Identity[] VALUES = values();

    Identity(int app6Code, char letter, int weight) {
        this.app6Code = app6Code;
        this.letter = letter;
        this.weight = weight;
    }

    /** The stronger of two proposals (null means "no proposal"). */
    static Identity stronger(Identity a, Identity b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.weight > a.weight ? b : a;
    }

    /** Parses the YAML/API spelling: "assumed-friend", "ASSUMED_FRIEND", "Assumed Friend"; null if none. */
    public static Identity parse(String text) {
        if (text == null) return null;
        String t = text.strip().replace('-', '_').replace(' ', '_');
        for (Identity i : VALUES) if (i.name().equalsIgnoreCase(t)) return i;
        return null;
    }

    /** Lower-case, hyphenated: the spelling used in YAML and in events. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
