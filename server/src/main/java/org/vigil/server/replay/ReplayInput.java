package org.vigil.server.replay;

import java.io.IOException;
import java.util.Map;

/**
 * One recorded input as a time-ordered cursor for the merge in {@link RecordedRun}: the time of the
 * next item, then delivering it. Inputs read ahead only as far as they must to know the next time.
 * Single-threaded.
 */
interface ReplayInput extends AutoCloseable {
    /** Data time of the next item (ns since the epoch), or {@link Long#MAX_VALUE} when exhausted. */
    long peekTime() throws IOException;

    /** Delivers the item {@link #peekTime} announced to the sinks. */
    void deliver();

    /** Name for summaries (the file name). */
    String name();

    /** "adsb", "radar" or "flight-plans". */
    String kind();

    /** "beast", "avr", "sbs", "asterix-raw", "asterix-ff", "asterix-pcap", "icao-fpl". */
    String format();

    /** Items delivered (frames, SBS messages, plots + radar service messages, flight plans). */
    long delivered();

    /** Octets read from the file (after gzip). */
    long bytes();

    /** Rejections by reason (only the non-zero ones). */
    Map<String, Long> rejects();

    @Override
    void close();
}
