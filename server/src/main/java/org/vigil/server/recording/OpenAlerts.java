package org.vigil.server.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was still open when Vigil stopped, read back from the event store for a restart: alerts
 * (docs/EVENTS.md "Alerts": every alert event carries the alert id and its state after the event)
 * and, with the same query, any other numbered lifecycle (scrambles) whose events carry an id and a
 * state. An item is open when its last event's state is not a closing one.
 *
 * <p>The result is the last stored event of each open item, oldest item first: the identification
 * and QRA owners reopen their items from it (id, track, rule or order, state, who acknowledged).
 */
public final class OpenAlerts {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Alert event types (docs/EVENTS.md). */
    public static final List<String> ALERT_TYPES =
            List.of("alert-raised", "alert-updated", "alert-acknowledged", "alert-assigned", "alert-resolved");

    /**
     * One open item.
     * @param id    the item's id (alert id)
     * @param state its state after its last event
     * @param last  its last stored event (payload has everything the event type carries)
     * @param first its first stored event (when and why it was raised)
     */
    public record Open(long id, Long track, String state, StoredEvent first, StoredEvent last) {}

    private OpenAlerts() {}

    /** Alerts whose last event is not {@code resolved}. */
    public static List<Open> alerts(EventStore store) throws SQLException {
        return open(store, ALERT_TYPES, "alert", Set.of("resolved"));
    }

    /**
     * Items of a numbered lifecycle still open.
     * @param types        the lifecycle's event types
     * @param idKey        the payload key holding the item's id
     * @param closedStates states (payload key {@code state}) that close the item; an event type in
     *                     this set closes it too (for lifecycles without a state key)
     */
    public static List<Open> open(EventStore store, List<String> types, String idKey, Set<String> closedStates)
            throws SQLException {
        List<StoredEvent> all = new ArrayList<>();
        for (String t : types) {
            long after = 0;
            while (true) {
                List<StoredEvent> page = store.query(EventQuery.all().ofType(t).after(after));
                all.addAll(page);
                if (page.size() < EventQuery.DEFAULT_LIMIT) break;
                after = page.get(page.size() - 1).seq();
            }
        }
        all.sort(Comparator.comparingLong(StoredEvent::seq));
        Map<Long, StoredEvent> first = new LinkedHashMap<>();
        Map<Long, StoredEvent> last = new LinkedHashMap<>();
        Map<Long, String> state = new LinkedHashMap<>();
        for (StoredEvent e : all) {
            JsonNode n;
            try {
                n = JSON.readTree(e.payloadJson());
            } catch (java.io.IOException bad) {
                continue; // not JSON: cannot be attributed to an item
            }
            JsonNode id = n.get(idKey);
            if (id == null || !id.canConvertToLong()) continue;
            long k = id.asLong();
            first.putIfAbsent(k, e);
            last.put(k, e);
            state.put(k, closedStates.contains(e.type()) ? e.type() : n.path("state").asText(e.type()));
        }
        List<Open> out = new ArrayList<>();
        for (Map.Entry<Long, StoredEvent> e : first.entrySet()) {
            String s = state.get(e.getKey());
            if (closedStates.contains(s)) continue;
            StoredEvent l = last.get(e.getKey());
            out.add(new Open(e.getKey(), l.trackNumber(), s, e.getValue(), l));
        }
        return out;
    }
}
