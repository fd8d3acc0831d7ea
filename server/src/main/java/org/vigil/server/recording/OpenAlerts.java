package org.vigil.server.recording;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.event.IdentEvent;
import org.vigil.core.event.IdentEvent.AlertChange;
import org.vigil.core.event.VigilEvent;

/**
 * What was still open when Vigil stopped, read back from the event store for a restart: alerts
 * (docs/EVENTS.md "Alerts": every alert event carries the alert id and its state after the event).
 * An alert is open when its last event's state is not {@code resolved}. Stored lines the codec
 * refuses (unknown type, newer schema) are skipped and counted ({@link EventDecoder}).
 *
 * <p>The result is the last stored event of each open alert, oldest alert first: the
 * identification owner reopens its alerts from it (id, track, rule, state, who acknowledged).
 */
public final class OpenAlerts {
    /** Alert event types, from the model ({@link AlertChange#type()}; docs/EVENTS.md). */
    public static final List<String> ALERT_TYPES =
            Arrays.stream(AlertChange.values()).map(AlertChange::type).toList();

    private static final String RESOLVED = "resolved";

    /**
     * One alert.
     * @param id    the alert id
     * @param state its state after its last event
     * @param first its first stored event (when and why it was raised)
     * @param last  its last stored event (payload has everything the event type carries)
     */
    public record Open(long id, Long track, String state, StoredEvent first, StoredEvent last) {}

    private OpenAlerts() {}

    /** Alerts whose last event is not {@code resolved}. */
    public static List<Open> alerts(EventStore store) throws SQLException {
        return alerts(store, new EventDecoder("restart"));
    }

    /** Alerts whose last event is not {@code resolved}; refused lines counted in {@code decoder}. */
    public static List<Open> alerts(EventStore store, EventDecoder decoder) throws SQLException {
        List<Open> out = new ArrayList<>();
        for (Open o : all(store, decoder)) if (!RESOLVED.equals(o.state())) out.add(o);
        return out;
    }

    /** Every alert of the store, open or not, oldest first; refused lines counted in {@code decoder}. */
    public static List<Open> all(EventStore store, EventDecoder decoder) throws SQLException {
        List<StoredEvent> stored = new ArrayList<>();
        for (String t : ALERT_TYPES) {
            long after = 0;
            while (true) {
                List<StoredEvent> page = store.query(EventQuery.all().ofType(t).after(after));
                stored.addAll(page);
                if (page.size() < EventQuery.DEFAULT_LIMIT) break;
                after = page.get(page.size() - 1).seq();
            }
        }
        stored.sort(Comparator.comparingLong(StoredEvent::seq));
        Map<Long, StoredEvent> first = new LinkedHashMap<>();
        Map<Long, StoredEvent> last = new LinkedHashMap<>();
        Map<Long, String> state = new LinkedHashMap<>();
        for (StoredEvent e : stored) {
            Optional<VigilEvent> ev = decoder.decode(e);
            if (ev.isEmpty() || !(ev.get() instanceof IdentEvent.AlertChanged a)) continue;
            first.putIfAbsent(a.alert(), e);
            last.put(a.alert(), e);
            state.put(a.alert(), a.state() != null ? a.state() : e.type());
        }
        List<Open> out = new ArrayList<>();
        for (Map.Entry<Long, StoredEvent> e : first.entrySet()) {
            StoredEvent l = last.get(e.getKey());
            out.add(new Open(e.getKey(), l.trackNumber(), state.get(e.getKey()), e.getValue(), l));
        }
        return out;
    }
}
