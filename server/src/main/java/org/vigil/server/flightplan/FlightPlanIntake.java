package org.vigil.server.flightplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.codec.fpl.FplParser;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.server.recording.RecordingTap;

/**
 * Where ATS messages from outside (the API, a watched folder) enter the live flight-plan store:
 * parsed with {@link FplParser} on the caller's thread, then applied to the store on the thread that
 * owns it (the picture's loop, where identification reads the store), and recorded raw when the
 * server records, so a replay of the recording files the same plans.
 *
 * <p>Human rates: allocates freely. Thread-safe: a parser per call (it counts, so it is not shared).
 */
public final class FlightPlanIntake {

    /**
     * What became of one message of a text.
     *
     * @param message 1-based position of the message in the text
     * @param type    FPL, CHG, DLA, CNL, DEP, ARR; null when the type itself could not be read
     * @param flight  the flight the message names ("BCS123 LBSF-EDDF 2022-04-20"), null when rejected
     * @param outcome the store's answer in lower case (filed, replaced, amended, ..., no_plan), or
     *                "rejected", or "not_applied" (valid, but another message of an all-or-nothing text was bad)
     * @param error   "item N: reason" for a rejected message, else null
     */
    public record MessageResult(int message, String type, String flight, String outcome, String error) {
        public boolean rejected() {
            return error != null;
        }
    }

    /** The results of one text, in message order. */
    public record Batch(List<MessageResult> results, int applied, int rejected) {
        public Batch {
            results = List.copyOf(results);
        }
    }

    private final FlightPlanStore store;
    private final java.util.function.Consumer<Runnable> onOwner;
    private final RecordingTap tap;
    private final LongSupplier dataTimeNanos;

    /**
     * @param store         the live plans, owned by the thread {@code onOwner} runs its work on
     * @param onOwner       runs a task on the store's owner thread and waits for it (the picture's loop)
     * @param tap           records the accepted texts; null when not recording
     * @param dataTimeNanos the air picture's time, stamped on recorded texts; Long.MIN_VALUE before any data
     */
    public FlightPlanIntake(
            FlightPlanStore store,
            java.util.function.Consumer<Runnable> onOwner,
            RecordingTap tap,
            LongSupplier dataTimeNanos) {
        this.store = Objects.requireNonNull(store, "store");
        this.onOwner = Objects.requireNonNull(onOwner, "onOwner");
        this.tap = tap;
        this.dataTimeNanos = Objects.requireNonNull(dataTimeNanos, "dataTimeNanos");
    }

    /** Parses a text without applying anything: the parse results, in message order. */
    public List<FplParseResult> parse(CharSequence text) {
        return new FplParser().parseAll(text);
    }

    /**
     * Applies every valid message of {@code parsed} (the parse of {@code text}) and reports the bad
     * ones; a folder's file is applied this way, since nobody is there to resend it.
     *
     * @param source journal name of the source when recording ("api", "folder-NAME")
     */
    public Batch applyValid(String source, CharSequence text, List<FplParseResult> parsed) {
        return apply(source, text, parsed, false);
    }

    /**
     * Applies the messages only when all are valid; else nothing (the API: the sender fixes the
     * text and sends it again, without a DLA or CHG applied twice).
     */
    public Batch applyAllOrNothing(String source, CharSequence text, List<FplParseResult> parsed) {
        return apply(source, text, parsed, true);
    }

    private Batch apply(String source, CharSequence text, List<FplParseResult> parsed, boolean allOrNothing) {
        int bad = 0;
        for (FplParseResult r : parsed) if (r instanceof FplParseResult.Rejected) bad++;
        boolean applyAny = !allOrNothing || bad == 0;
        List<MessageResult> out = new ArrayList<>(parsed.size());
        int[] applied = new int[1];
        final int rejected = bad;
        onOwner.accept(() -> {
            if (applyAny && tap != null && rejected < parsed.size()) {
                long rx = RecordingTap.WALL_CLOCK.getAsLong();
                long t = dataTimeNanos.getAsLong();
                if (t == Long.MIN_VALUE) t = rx; // no data yet: the plans are due now
                // the whole text: a replay parses it again and skips the same bad messages
                tap.flightPlans(source, rx, t, text);
            }
            int n = 0;
            for (FplParseResult r : parsed) {
                n++;
                if (r instanceof FplParseResult.Rejected x) {
                    out.add(new MessageResult(n, typeOf(x.text()), null, "rejected", x.describe()));
                } else if (r instanceof FplParseResult.Parsed p) {
                    AtsMessage m = p.message();
                    String outcome = "not_applied";
                    if (applyAny) {
                        outcome = store.apply(m).name().toLowerCase(java.util.Locale.ROOT);
                        applied[0]++;
                    }
                    out.add(new MessageResult(n, m.type(), m.key().toString(), outcome, null));
                }
            }
        });
        return new Batch(out, applied[0], bad);
    }

    /**
     * The store's counters, read on its owner thread: {@code outcomes} (messages per outcome, lower
     * case), {@code route_unknown} (FPL and CHG messages that stored a plan whose route could not be
     * expanded) and {@code route_unknown_active} (active plans with such a route).
     */
    public java.util.Map<String, Object> counters() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        onOwner.accept(() -> {
            java.util.Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
            for (FlightPlanStore.Outcome o : FlightPlanStore.Outcome.values())
                outcomes.put(o.name().toLowerCase(java.util.Locale.ROOT), store.count(o));
            out.put("active", store.size());
            out.put("outcomes", outcomes);
            out.put("route_unknown", store.routeUnknownCount());
            out.put("route_unknown_active", store.routeUnknownActive());
        });
        return out;
    }

    /** The message type of a rejected text when it starts with one, for the operator's list. */
    private static String typeOf(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.startsWith("(")) t = t.substring(1).strip();
        return t.length() >= 3 && t.substring(0, 3).chars().allMatch(c -> c >= 'A' && c <= 'Z')
                ? t.substring(0, 3)
                : null;
    }
}
