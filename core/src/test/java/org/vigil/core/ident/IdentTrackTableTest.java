package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The track table against a HashMap under random inserts and deletes (backward-shift deletion is easy to get wrong). */
class IdentTrackTableTest {
    @Test
    void behavesLikeAMap() {
        Random rnd = new Random(6);
        TrackTable table = new TrackTable(4);
        Map<Integer, TrackIdentity> ref = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            int key = rnd.nextInt(300) - 10; // includes 0 and negatives
            if (rnd.nextInt(3) == 0) {
                assertThat(table.remove(key)).isSameAs(ref.remove(key));
            } else {
                TrackIdentity v = new TrackIdentity();
                table.put(key, v);
                ref.put(key, v);
            }
            if (op % 1000 == 0) {
                for (int k = -10; k < 290; k++) assertThat(table.get(k)).isSameAs(ref.get(k));
                assertThat(table.size()).isEqualTo(ref.size());
            }
        }
    }
}
