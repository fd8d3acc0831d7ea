package org.vigil.server.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;

/**
 * The one write path of operator actions, as the features see it (docs/STORAGE.md "Operator
 * actions"): every action of the alert queue, the identification and the scramble workflow goes
 * through {@link #refused}, {@link #enter} and {@link #commit}, in that order.
 * <ol>
 * <li>{@link #refused()} before anything: while actions cannot be made durable (the event store is
 *     unavailable) the action is refused with 503 and the reason, and nothing changes.</li>
 * <li>{@link #enter} on the picture's owner, after the action is checked (and audited) and just
 *     before it takes effect: its command enters the raw journal at that point of the input
 *     sequence ({@link Recorder#enterOperatorAction}); false refuses it.</li>
 * <li>{@link #commit} on the web thread, after the action took effect and before the 2xx: the
 *     journal is synced and the action's row committed with every event before it, its own events
 *     among them ({@link Recorder#commitOperatorAction}). A restart carries the journalled command
 *     out again at the same point ({@code live.OperatorActionReplay}), so the state it made is back.</li>
 * </ol>
 * The command is JSON: {@code {"ref" (unique), "action", "user", "role", "address", ...the action's arguments}};
 * the row is of type {@code action.<action>} with the actor's columns and the command as payload.
 */
public interface OperatorActionLog {
    /** Prefix of the event type of an action's row. */
    String ROW_PREFIX = "action.";

    /** Why actions are refused now, or null. */
    String refused();

    /**
     * Puts the command into the input journal; on the picture's owner, just before the action takes effect.
     * @return the entry to {@link #commit}, or null when it could not be journalled (refuse the action)
     */
    Entry enter(String action, long dataTimeNanos, Long track, ObjectNode arguments, Actor actor);

    /** Makes an entered action durable; before acknowledging it. */
    void commit(Entry entry) throws IOException;

    /** A journalled action: its row's fields. */
    record Entry(String action, long dataTimeNanos, Long track, String command, Actor actor) {}

    /** Not recording: nothing is journalled or refused (tests, an open development server). */
    OperatorActionLog NONE = new OperatorActionLog() {
        @Override
        public String refused() {
            return null;
        }

        @Override
        public Entry enter(String action, long dataTimeNanos, Long track, ObjectNode arguments, Actor actor) {
            return new Entry(action, dataTimeNanos, track, null, actor);
        }

        @Override
        public void commit(Entry entry) {}
    };

    /** Arguments of a command (a fresh JSON object). */
    static ObjectNode arguments() {
        return Commands.JSON.createObjectNode();
    }

    /** Journals to {@code recorder}. */
    static OperatorActionLog of(Recorder recorder) {
        return new OperatorActionLog() {
            @Override
            public String refused() {
                return recorder.operatorActionsRefused();
            }

            @Override
            public Entry enter(String action, long dataTimeNanos, Long track, ObjectNode arguments, Actor actor) {
                ObjectNode c = Commands.JSON.createObjectNode();
                c.put("ref", UUID.randomUUID().toString());
                c.put("action", action);
                c.put("user", actor == null ? null : actor.user());
                c.put("role", actor == null ? null : actor.role());
                c.put("address", actor == null ? null : actor.fromAddress());
                if (track != null) c.put("track", track);
                c.setAll(arguments);
                String json = c.toString();
                return recorder.enterOperatorAction(dataTimeNanos, json)
                        ? new Entry(action, dataTimeNanos, track, json, actor)
                        : null;
            }

            @Override
            public void commit(Entry e) throws IOException {
                recorder.commitOperatorAction(
                        ROW_PREFIX + e.action(), e.dataTimeNanos(), e.track(), e.command(), e.actor());
            }
        };
    }

    /** The command codec's one mapper. */
    final class Commands {
        static final ObjectMapper JSON = new ObjectMapper();

        private Commands() {}
    }
}
