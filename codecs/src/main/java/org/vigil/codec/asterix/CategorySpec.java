package org.vigil.codec.asterix;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One edition of one category: the UAP (FRN order) and the items. Immutable. The optional
 * {@link #expansion} is the Reserved Expansion Field definition (REF) used to decode the RE item.
 */
public final class CategorySpec {
    public final int category;
    public final String edition;
    /** UAP slots in FRN order (index = FRN - 1); null for unused FRNs. */
    private final ItemSpec[] uap;
    /** The REF expansion (a compound), or null when none is loaded. */
    public final Compound expansion;

    public final String expansionEdition;
    /** Octets of each UAP item when fixed-size, 0 when its length depends on the data (hot-path shortcut). */
    private final int[] fixedOctets;

    CategorySpec(int category, String edition, ItemSpec[] uap, Compound expansion, String expansionEdition) {
        this.category = category;
        this.edition = edition;
        this.uap = uap.clone();
        this.expansion = expansion;
        this.expansionEdition = expansionEdition;
        this.fixedOctets = new int[uap.length];
        for (int i = 0; i < uap.length; i++) {
            int bits = uap[i] == null ? -1 : uap[i].variation.bitSize();
            fixedOctets[i] = bits > 0 ? bits / 8 : 0;
        }
    }

    /** Octets of the item at UAP index when fixed-size, else 0. */
    int fixedOctets(int index) {
        return fixedOctets[index];
    }

    /** Same edition with a REF expansion attached. */
    public CategorySpec withExpansion(Compound ref, String refEdition) {
        return new CategorySpec(category, edition, uap, ref, refEdition);
    }

    public int uapSize() {
        return uap.length;
    }

    /** Item at UAP index (FRN - 1), or null for an unused FRN. */
    public ItemSpec uapItem(int index) {
        return uap[index];
    }

    public List<ItemSpec> uapList() {
        return Collections.unmodifiableList(Arrays.asList(uap));
    }

    /** UAP index of an item id ("040", "RE"), or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < uap.length; i++) if (uap[i] != null && uap[i].id.equals(id)) return i;
        return -1;
    }

    public ItemSpec item(String id) {
        int i = indexOf(id);
        return i < 0 ? null : uap[i];
    }

    @Override
    public String toString() {
        return String.format(
                "CAT%03d ed %s%s", category, edition, expansion == null ? "" : " + REF " + expansionEdition);
    }
}
