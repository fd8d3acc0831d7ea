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
        return replay(raw, theatre, radars, e -> {});
    }

    /**
     * As {@link #replay(KafkaRawTopic, Theatre, List)}, each event also handed to {@code more} (its
     * JSON line) as it is produced.
     */
    public static Result replay(
            KafkaRawTopic raw, Theatre theatre, List<RadarSite> radars, java.util.function.Consumer<String> more)
            throws IOException {
        List<String> events = new ArrayList<>();
        Picture picture = Picture.builder(theatre)
                .events(e -> {
                    String line = EventCodec.encode(e);
                    events.add(line);
                    more.accept(line);
                })
                .build();
        Replayer.Summary s = Replayer.recording(raw, radars, Long.MIN_VALUE, Long.MAX_VALUE, PictureSinks.of(picture));
        picture.flushEvents();
        return new Result(events, s);
    }

    /** What a published replay did: events regenerated, already on the topic (skipped), published now. */
    public record Published(long regenerated, long alreadyThere, long published) {}

    /**
     * A picture node that publishes its events to {@code outTopic} (one partition) and resumes after
     * a crash without losing or doubling any (docs/SCALE.md "Recovery"): the topic holds a prefix
     * of the node's event sequence (one partition, idempotent producer: in order, no duplicates, a
     * batch is written whole or not at all), so the node reads that prefix, rebuilds the picture
     * from the raw topic, checks that the regenerated events start with it, and publishes only the
     * rest. The rebuild replays from the range's first offset (no state snapshot yet).
     *
     * @throws IllegalStateException when the topic's events are not a prefix of the regenerated
     *     ones (another input or theatre): nothing is published then
     */
    public static Published publish(KafkaRawTopic raw, Theatre theatre, List<RadarSite> radars, String outTopic)
            throws IOException {
        KafkaBackbone.createTopic(raw.bootstrap(), outTopic, 30_000);
        List<String> there = KafkaMerger.lines(raw.bootstrap(), outTopic);
        Result r = replay(raw, theatre, radars);
        List<String> all = r.events();
        if (there.size() > all.size() || !all.subList(0, there.size()).equals(there)) {
            throw new IllegalStateException(outTopic + " holds events this picture does not regenerate (" + there.size()
                    + " there, " + all.size() + " regenerated): another input or theatre");
        }
        long sent;
        try (KafkaBackbone out = KafkaBackbone.producer(raw.bootstrap())) {
            out.warm(List.of(outTopic), 30_000);
            for (String line : all.subList(there.size(), all.size())) out.send(outTopic, line);
            out.flush();
            sent = all.size() - there.size() - out.failed();
        }
        return new Published(all.size(), there.size(), sent);
    }
}
