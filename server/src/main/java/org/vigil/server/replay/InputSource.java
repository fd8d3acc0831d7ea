package org.vigil.server.replay;

import java.io.IOException;
import java.util.Map;

/**
 * One recorded input as a cursor in data-time order, what the {@link Replayer} merges: the time of
 * the next item, then delivering it to the sinks it was opened with. Implementations: the files of
 * a {@code vigil sim} directory or of receiver and radar captures (Beast, AVR, SBS, ASTERIX raw,
 * .ff and pcap, ICAO FPL; {@link ReplayFiles}) and the journal of a recorded period
 * ({@link RecordingInput}). An input reads ahead only as far as it must to know the next time.
 * Single-threaded.
 */
public interface InputSource extends AutoCloseable {
    /** Data time of the next item (ns since the epoch), or {@link Long#MAX_VALUE} when exhausted. */
    long peekTime() throws IOException;

    /** Delivers the item {@link #peekTime} announced to the sinks. */
    void deliver();

    /** Name for summaries (the file name, or the recording). */
    String name();

    /** "adsb", "radar", "flight-plans" or "recording". */
    String kind();

    /** "beast", "avr", "sbs", "asterix-raw", "asterix-ff", "asterix-pcap", "icao-fpl", "vigil-journal". */
    String format();

    /** Items delivered (frames, SBS messages, plots + radar service messages, flight plans, raw inputs). */
    long delivered();

    /** Octets read (after gzip). */
    long bytes();

    /** Rejections by reason (only the non-zero ones). */
    Map<String, Long> rejects();

    /** What the delivered items were, by kind, when an input carries several (a recording); else empty. */
    default Map<String, Long> items() {
        return Map.of();
    }

    @Override
    void close();
}
