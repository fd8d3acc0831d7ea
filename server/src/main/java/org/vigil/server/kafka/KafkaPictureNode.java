package org.vigil.server.kafka;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.event.EventCodec;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.picture.Picture;
import org.vigil.server.picture.Theatre;
import org.vigil.server.replay.PictureSinks;
import org.vigil.server.replay.Replayer;

/**
 * A picture built from the backbone (docs/SCALE.md "Picture from the backbone"): a fresh
 * {@link Picture} of the theatre fed with a range of offsets of the raw topic through the one
 * replayer, as a restart feeds it from the journal. The raw topic holds the journal's records in
 * the journal's order, so the events are the ones the process that produced the input stored, and
 * the same offsets always give the same events, byte for byte.
 */
public final class KafkaPictureNode {
    private KafkaPictureNode() {}

    /** What one replay gave: the events as JSON lines (the codec's form) and the replayer's counts. */
    public record Result(List<String> events, Replayer.Summary summary) {}

    /**
     * Builds the picture of {@code theatre} from {@code raw} on this thread, as fast as possible.
     *
     * @param radars the radar sites the ASTERIX of the topic is decoded with (the producer's)
     */
    public static Result replay(KafkaRawTopic raw, Theatre theatre, List<RadarSite> radars) throws IOException {
        List<String> events = new ArrayList<>();
        Picture picture = Picture.builder(theatre)
                .events(e -> events.add(EventCodec.encode(e)))
                .build();
        Replayer.Summary s = Replayer.recording(raw, radars, Long.MIN_VALUE, Long.MAX_VALUE, PictureSinks.of(picture));
        picture.flushEvents();
        return new Result(events, s);
    }
}
