package org.vigil.server.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsSink;
import org.vigil.codec.modes.AircraftUpdater;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.DecodeFailure;
import org.vigil.codec.modes.FrameDeduplicator;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.aircraft.AircraftTable;
import org.vigil.core.aircraft.TrackingRules;

/**
 * From feed to air picture: frames (Beast/AVR framers) are decoded, their CPR positions
 * resolved and the result applied to the {@link AircraftTable}; already-decoded SBS messages go
 * straight to the table.
 *
 * <p>Threading: not thread-safe, and needs no lock: it belongs to the picture's owner thread
 * (docs/ARCHITECTURE.md "Threads"; the feeds hand their frames to it), which alone calls every
 * method. Readers on other threads read the snapshots the owner publishes. Readers using
 * {@link #withTable} must copy what they need inside the callback: the states are pooled.
 *
 * <p>Nothing is allocated per frame: one {@link ModeSMessage} is reused, decode failures are
 * counted against the decoder's constant reason strings (compared by identity).
 *
 * <p>Time: only message time. {@link #latestMessageNanos()} is the newest message time seen;
 * {@link #expireToLatest()} expires against it (a replay of files, which has no clock). A live
 * picture expires against its clock instead ({@link #expire} with {@code Picture.now()}, at each
 * recorded clock tick), so aircraft expire when every feed has stopped.
 */
public final class ModeSPipeline implements FrameSink, SbsSink {
    /** Reasons beyond this many distinct strings are counted as {@link #OTHER_REASON}. */
    private static final int MAX_REASONS = 16;

    public static final String OTHER_REASON = "other";

    private final AircraftTable table;
    private final AircraftUpdater updater = new AircraftUpdater();
    private final CprResolver cpr = new CprResolver();
    private final ModeSMessage frameMessage = new ModeSMessage();
    /** Copies of one transmission from several receivers are decoded once (docs/DECODE.md "Copies"). */
    private final FrameDeduplicator copies = new FrameDeduplicator();

    private final String[] failureReasons = new String[MAX_REASONS];
    private final long[] failureCounts = new long[MAX_REASONS + 1]; // last slot: OTHER_REASON
    private int reasonCount;

    private long frames, decodedFrames, sbsMessages, expiredAircraft, copyFrames;
    private long latestMessageNanos = Long.MIN_VALUE;
    /** Optional consumer of every decoded, CPR-resolved message (the tracker); called on the owner thread. */
    private Consumer<ModeSMessage> decodedListener;
    /** Optional: told of each copy (e.g. the receiver's coverage); on the owner thread. */
    private CopyListener copyListener;

    /** Hears of a frame that was a copy of one already decoded (another receiver heard it too). */
    @FunctionalInterface
    public interface CopyListener {
        /**
         * @param tableAddress the aircraft of the frame kept (-1: none)
         * @param latDeg       its position, NaN without one
         * @param timeNanos    the copy's own time
         */
        void onCopy(int tableAddress, double latDeg, double lonDeg, long timeNanos);
    }

    public ModeSPipeline() {
        this(TrackingRules.defaults());
    }

    public ModeSPipeline(TrackingRules rules) {
        this.table = new AircraftTable(rules);
    }

    /**
     * Receiver position for CPR local decoding of first frames and the surface quadrant
     * (without it, surface positions need a previous position of the same aircraft).
     */
    public void setReceiver(double lat, double lon) {
        cpr.setReceiver(lat, lon);
    }

    @Override
    public void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal) {
        accept(buf, off, len, timeNanos, signal);
    }

    /**
     * Decodes and applies one frame.
     * @return null when the frame decoded, else the decoder's reason (e.g.
     *         {@link DecodeFailure#BAD_CRC}) so that the caller can count it on its own feed
     */
    public DecodeFailure accept(byte[] buf, int off, int len, long timeNanos, int signal) {
        frames++;
        if (copies.isCopy(buf, off, len, timeNanos, signal)) {
            copyFrames++;
            noteTime(timeNanos);
            takeCopy(buf, off, timeNanos, signal);
            return null;
        }
        ModeSMessage m = frameMessage;
        if (!ModeSDecoder.decode(buf, off, len, timeNanos, m)) {
            countFailure(m.error == null ? null : m.error.label());
            return m.error;
        }
        decodedFrames++;
        noteTime(timeNanos);
        cpr.resolve(m);
        copies.remember(
                AircraftUpdater.tableAddress(m),
                m.hasPosition() ? m.lat : Double.NaN,
                m.hasPosition() ? m.lon : Double.NaN);
        updater.apply(m, table, signal);
        if (decodedListener != null) decodedListener.accept(m);
        return null;
    }

    /** A copy: counted on its aircraft (with its signal when stronger), then the copy listener. */
    private void takeCopy(byte[] buf, int off, long timeNanos, int signal) {
        int address = copies.copyAddress();
        if (address >= 0) {
            org.vigil.core.aircraft.AircraftState s = table.find(address);
            int kept = copies.strongerSignal() >= 0 ? copies.keptSignal() : -1;
            if (s != null) s.heardCopy((buf[off] >>> 3) & 0x1F, copies.copyTimeNanos(), kept, signal);
        }
        if (copyListener != null)
            copyListener.onCopy(address, copies.copyLatitude(), copies.copyLongitude(), timeNanos);
    }

    /** Hands every copy of an already decoded frame to {@code listener} (null: none). */
    public void setCopyListener(CopyListener listener) {
        this.copyListener = listener;
    }

    /** An SBS line already decoded by the receiver (positions included). */
    @Override
    public void onMessage(ModeSMessage message) {
        onDecoded(message);
    }

    /** A message decoded elsewhere (SBS): applied as is; the caller keeps ownership of it. */
    public void onDecoded(ModeSMessage m) {
        sbsMessages++;
        noteTime(m.timeNanos);
        updater.apply(m, table);
        if (decodedListener != null) decodedListener.accept(m);
    }

    /**
     * Hands every decoded and CPR-resolved message (frames and SBS) to {@code listener} as well,
     * after the air picture took it, so a second consumer (the
     * multi-sensor tracker) needs no decoder of its own. The message is reused: read it during the call.
     */
    public void setDecodedListener(Consumer<ModeSMessage> listener) {
        this.decodedListener = listener;
    }

    /** The listener {@link #setDecodedListener} set (null: none), e.g. to run it on another thread. */
    public Consumer<ModeSMessage> decodedListener() {
        return decodedListener;
    }

    private void noteTime(long t) {
        if (t > latestMessageNanos) latestMessageNanos = t;
    }

    @SuppressWarnings("ReferenceEquality") // identity is only the fast path; equals() follows
    private void countFailure(String reason) {
        if (reason == null) reason = OTHER_REASON; // a decoder bug, but still never lost
        for (int i = 0; i < reasonCount; i++) {
            if (failureReasons[i] == reason) { // constants: identity is the fast path
                failureCounts[i]++;
                return;
            }
        }
        for (int i = 0; i < reasonCount; i++) {
            if (failureReasons[i].equals(reason)) {
                failureCounts[i]++;
                return;
            }
        }
        if (reasonCount < MAX_REASONS) {
            failureReasons[reasonCount] = reason;
            failureCounts[reasonCount++]++;
        } else {
            failureCounts[MAX_REASONS]++;
        }
    }

    /** Drops aircraft not heard for the configured time before {@code nowNanos}. @return aircraft dropped */
    public int expire(long nowNanos) {
        int n = table.expire(nowNanos);
        expiredAircraft += n;
        return n;
    }

    /** {@link #expire} against the newest message time seen (no-op before the first message). */
    public int expireToLatest() {
        return latestMessageNanos == Long.MIN_VALUE ? 0 : expire(latestMessageNanos);
    }

    /** Runs {@code reader} on the table; copy out what you need. */
    public <R> R withTable(Function<AircraftTable, R> reader) {
        return reader.apply(table);
    }

    /** Like {@link #withTable} without a result. */
    public void snapshot(Consumer<AircraftTable> reader) {
        reader.accept(table);
    }

    public long latestMessageNanos() {
        return latestMessageNanos;
    }

    /** A consistent copy of the counters, for health and feed pages (allocates: not for the hot path). */
    public Stats stats() {
        Map<String, Long> failures = new LinkedHashMap<>();
        for (int i = 0; i < reasonCount; i++) failures.put(failureReasons[i], failureCounts[i]);
        if (failureCounts[MAX_REASONS] > 0) failures.merge(OTHER_REASON, failureCounts[MAX_REASONS], Long::sum);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (AircraftUpdater.Outcome o : AircraftUpdater.Outcome.values()) {
            outcomes.put(o.name().toLowerCase(java.util.Locale.ROOT), updater.count(o));
        }
        return new Stats(
                frames,
                decodedFrames,
                sbsMessages,
                table.size(),
                expiredAircraft,
                table.positionsAccepted(),
                table.positionsRelocated(),
                table.positionsRejected(),
                table.refusedTableFull(),
                cpr.globalDecodes(),
                cpr.localDecodes(),
                cpr.jumpRejected(),
                Collections.unmodifiableMap(failures),
                Collections.unmodifiableMap(outcomes),
                copyFrames);
    }

    /**
     * Pipeline counters at one instant.
     * @param decodeFailures frames the decoder refused, by the decoder's reason ("bad_crc", ...)
     * @param outcomes       decoded messages by what the air picture did with them
     * @param copyFrames     frames that were copies of one already decoded (several receivers), not decoded again
     */
    public record Stats(
            long frames,
            long decodedFrames,
            long sbsMessages,
            int aircraft,
            long expiredAircraft,
            long positionsAccepted,
            long positionsRelocated,
            long positionsRejected,
            long refusedTableFull,
            long cprGlobalDecodes,
            long cprLocalDecodes,
            long cprJumpsRejected,
            Map<String, Long> decodeFailures,
            Map<String, Long> outcomes,
            long copyFrames) {
        public long decodeFailures(String reason) {
            return decodeFailures.getOrDefault(reason, 0L);
        }

        public long outcome(AircraftUpdater.Outcome o) {
            return outcomes.getOrDefault(o.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
    }
}
