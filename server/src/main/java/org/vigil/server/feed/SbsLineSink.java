package org.vigil.server.feed;

import org.vigil.codec.feed.SbsParser;
import org.vigil.codec.feed.SbsSink;
import org.vigil.codec.modes.ModeSMessage;

/**
 * An SBS consumer that is also told the parser each message came from, so that it can journal the
 * line ({@link SbsParser#copyLine}) where the message enters the picture: a replay of the recording
 * parses the same lines again (docs/REPLAY.md). The parser's line is valid during the call only.
 */
public interface SbsLineSink extends SbsSink {
    /** @param from the parser the message came from, or null when not known (the line is then not journalled) */
    void onMessage(ModeSMessage m, SbsParser from);

    @Override
    default void onMessage(ModeSMessage m) {
        onMessage(m, null);
    }
}
