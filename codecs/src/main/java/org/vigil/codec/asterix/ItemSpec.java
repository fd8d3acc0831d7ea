package org.vigil.codec.asterix;

/** One data item of a category: its id ("010", "RE", "SP"), JSON key ("I048/010") and structure. */
public final class ItemSpec {
    public final String id;
    public final String key;
    public final Variation variation;

    ItemSpec(int category, String id, Variation variation) {
        this.id = id;
        this.key = String.format("I%03d/%s", category, id);
        this.variation = variation;
    }

    @Override
    public String toString() {
        return key;
    }
}
