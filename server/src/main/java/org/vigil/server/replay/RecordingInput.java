package org.vigil.server.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.codec.asterix.plots.PlotCounters;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.SbsParser;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.codec.fpl.FplParser;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.recording.FighterAnswers;
import org.vigil.server.recording.RawCursor;
import org.vigil.server.recording.RawInput;
import org.vigil.server.recording.RawStore;

/**
 * The journal of a recorded period as a replay input: the raw inputs with receive time in
 * [from, to), in the order they were recorded (journal append order), which is the order the live
 * pipeline saw them: replaying the whole recording into a fresh pipeline gives the live run's events
 * again (RecordDeterminismTest). Layout of the inputs: {@link RawInput}.
 *
 * <p>Delivery, through the sinks a live run uses: Mode S frames to {@link ReplaySinks#frames()};
 * ASTERIX blocks through a {@link RadarPlotDecoder} (one per recorded radar source, all on one
 * {@link RadarNetwork} of the recording's sites, as the live run decodes them, made afresh with
 * each opening) to {@link ReplaySinks#plots()}, with the block's receive time as the reference for
 * its times of day; SBS lines parsed again to {@link ReplaySinks#messages()}, each message stamped
 * with the line's recorded data time; ATS message text parsed to {@link ReplaySinks#flightPlans()}; clock ticks to
 * {@link ReplaySinks#clock()}, a simulation's steps to {@link ReplaySinks#step()}, each tick's
 * fighter answers (which follow it in the journal, read ahead) to {@link ReplaySinks#fighters()}
 * just before the tick; the feed name of the inputs that follow to {@link ReplaySinks#source()}
 * whenever it changes. The time an input
 * is due is its data time. Inputs of an unknown kind, or too short to be what their kind says,
 * are skipped and counted ({@code skipped}).
 *
 * <p>Allocation: none per frame or radar block (the cursor's buffer is handed on). Flight-plan
 * text is rare and allocates when parsed.
 */
public final class RecordingInput implements InputSource {
    private final RawCursor cursor;
    private final RadarNetwork network;
    private final ReplaySinks sinks;
    private final Map<String, RadarPlotDecoder> decoders = new HashMap<>();
    private final FplParser fpl = new FplParser();
    /** SBS lines back to messages, stamped with their recorded data time (the message's live time). */
    private final SbsParser sbs;

    private final FeedCounters sbsCounters = new FeedCounters();
    private String lastFeed;
    private RawInput.Kind lastKind;
    private RadarPlotDecoder lastDecoder;
    /** The feed last told to {@link ReplaySinks#source()}. */
    private String toldFeed;

    private boolean ready, ended;
    /** The cursor sits on an input not yet taken (read ahead past a tick's fighter answers). */
    private boolean held;
    /** The tick ready to deliver (the cursor has moved past it) and its fighters' answers. */
    private long tickNanos;

    private final List<FighterAnswers.Answer> answers = new ArrayList<>();
    private long delivered, bytes, frames, blocks, planTexts, plans, planRejects, skipped, ticks, actions, sbsLines;
    private long steps, fighterAnswers, strayAnswers;

    /** @param radars the radar sites the recording's ASTERIX is decoded with (its manifest's) */
    public RecordingInput(RawStore raw, List<RadarSite> radars, long fromNanos, long toNanos, ReplaySinks sinks)
            throws IOException {
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.network = new RadarNetwork(radars);
        this.cursor = raw.cursor(fromNanos, toNanos);
        this.sbs = new SbsParser(sbsCounters, sinks.messages());
    }

    private static final byte[] LINE_END = {'\n'};

    @SuppressWarnings(
            "ReferenceEquality") // identity is a cache check: a new feed String re-derives kind and decoder as before
    @Override
    public long peekTime() throws IOException {
        while (!ready) {
            if (held) {
                held = false; // the cursor already sits on it (read ahead past a tick's answers)
            } else if (ended || !cursor.next()) {
                ended = true;
                return Long.MAX_VALUE;
            }
            String feed = cursor.feed();
            if (feed != lastFeed) {
                lastFeed = feed;
                lastKind = RawInput.kindOf(feed);
                lastDecoder = lastKind == RawInput.Kind.ASTERIX ? decoderFor(feed) : null;
            }
            bytes += cursor.length();
            if (lastKind == RawInput.Kind.UNKNOWN
                    || (lastKind == RawInput.Kind.MODES && cursor.length() < RawInput.MODES_HEADER)
                    || ((lastKind == RawInput.Kind.CLOCK || lastKind == RawInput.Kind.STEP)
                            && cursor.length() < RawInput.CLOCK_BYTES)) {
                skipped++;
                continue;
            }
            if (lastKind == RawInput.Kind.FIGHTERS) {
                strayAnswers++; // its tick lies before the period read: nothing asks for it
                continue;
            }
            ready = true;
            if (lastKind == RawInput.Kind.CLOCK || lastKind == RawInput.Kind.STEP) readAnswers();
        }
        return ready && (lastKind == RawInput.Kind.CLOCK || lastKind == RawInput.Kind.STEP)
                ? tickNanos
                : cursor.dataNanos();
    }

    /**
     * A tick's fighter answers follow it in the journal (given while it ran live): they are read
     * ahead here, to be handed over before the tick. The cursor is left on the first input after
     * them ({@code held}), which the next {@link #peekTime} takes without moving.
     */
    private void readAnswers() throws IOException {
        tickNanos = cursor.dataNanos();
        answers.clear();
        while (true) {
            if (!cursor.next()) {
                ended = true;
                return;
            }
            if (RawInput.kindOf(cursor.feed()) != RawInput.Kind.FIGHTERS) {
                held = true;
                return;
            }
            bytes += cursor.length();
            try {
                answers.add(FighterAnswers.decode(cursor.bytes(), cursor.offset(), cursor.length()));
                fighterAnswers++;
            } catch (IllegalArgumentException e) {
                skipped++;
            }
        }
    }

    private RadarPlotDecoder decoderFor(String feed) {
        RadarPlotDecoder d = decoders.get(feed);
        if (d == null) {
            d = new RadarPlotDecoder(network, sinks.plots(), new PlotCounters());
            decoders.put(feed, d);
        }
        return d;
    }

    @SuppressWarnings("ReferenceEquality") // one String instance per feed: identity tells a change
    @Override
    public void deliver() {
        if (!ready) throw new IllegalStateException("deliver before peekTime");
        ready = false;
        if (lastFeed != toldFeed) {
            toldFeed = lastFeed;
            sinks.source().accept(lastFeed);
        }
        byte[] b = cursor.bytes();
        int off = cursor.offset(), len = cursor.length();
        switch (lastKind) {
            case MODES -> {
                long mlat = (long) RawInput.LONG.get(b, off);
                int signal = (int) RawInput.INT.get(b, off + 8);
                sinks.frames()
                        .onFrame(
                                b,
                                off + RawInput.MODES_HEADER,
                                len - RawInput.MODES_HEADER,
                                cursor.dataNanos(),
                                mlat,
                                signal);
                frames++;
            }
            case ASTERIX -> {
                lastDecoder.decode(b, off, len, cursor.receiveNanos());
                blocks++;
            }
            case FPL -> {
                planTexts++;
                for (FplParseResult p : fpl.parseAll(new String(b, off, len, StandardCharsets.UTF_8))) {
                    if (p instanceof FplParseResult.Parsed ok) {
                        sinks.flightPlans().accept(ok.message());
                        plans++;
                    } else {
                        planRejects++;
                    }
                }
            }
            case SBS -> {
                // the line without its end as journalled: the end makes the parser deliver it
                sbs.accept(b, off, len, cursor.dataNanos());
                sbs.accept(LINE_END, 0, 1, cursor.dataNanos());
                sbsLines++;
            }
            case CLOCK -> {
                sinks.fighters().beforeTick(answers);
                sinks.clock().accept(tickNanos);
                ticks++;
            }
            case STEP -> {
                sinks.fighters().beforeTick(answers);
                sinks.step().accept(tickNanos);
                steps++;
            }
            case OPERATOR -> {
                actions++;
                sinks.actions().onAction(cursor.dataNanos(), new String(b, off, len, StandardCharsets.UTF_8));
            }
            default -> {}
        }
        delivered++;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String kind() {
        return "recording";
    }

    @Override
    public String format() {
        return "vigil-journal";
    }

    @Override
    public long delivered() {
        return delivered;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    /** {@code skipped}: inputs of an unknown kind or too short; {@code flight-plan}: ATS messages that did not parse. */
    @Override
    public Map<String, Long> rejects() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (skipped > 0) m.put("skipped", skipped);
        if (planRejects > 0) m.put("flight-plan", planRejects);
        for (Map.Entry<String, Long> e : sbsCounters.rejectsByReason().entrySet())
            if (e.getValue() > 0) m.put("sbs-" + e.getKey(), e.getValue());
        return m;
    }

    @Override
    public Map<String, Long> items() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("frames", frames);
        m.put("radar-blocks", blocks);
        m.put("flight-plan-texts", planTexts);
        m.put("flight-plans", plans);
        m.put("clock-ticks", ticks);
        if (sbsLines > 0) m.put("sbs-lines", sbsLines);
        if (actions > 0) m.put("operator-actions", actions);
        if (steps > 0) m.put("simulation-steps", steps);
        if (fighterAnswers > 0) m.put("fighter-answers", fighterAnswers);
        if (strayAnswers > 0) m.put("fighter-answers-without-tick", strayAnswers);
        return m;
    }

    @Override
    public void close() {
        try {
            cursor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
