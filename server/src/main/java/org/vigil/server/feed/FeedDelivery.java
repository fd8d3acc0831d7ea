package org.vigil.server.feed;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.FeedFramer;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsParser;
import org.vigil.codec.feed.SbsSink;
import org.vigil.codec.modes.ModeSMessage;

/**
 * Where the sources deliver, and how. The consumers (decoder, picture) are not thread-safe, while
 * every feed reads on its own thread: each frame or SBS message is therefore delivered while
 * holding {@code lock}, the same object for all feeds that share these consumers. The lock is
 * taken per frame (no allocation; uncontended it is cheap) so that a paced file replay can wait
 * between frames without holding it.
 *
 * <p>A consumer that throws does not stop the feed: the frame is counted as a sink error on the
 * feed and reading goes on.
 */
public final class FeedDelivery {
    /**
     * How a frame or message reaches consumers owned by another thread (a picture's loop): frames
     * are copied and queued, a message (a reused object) is handed over and waited for.
     */
    public interface Handoff {
        /** A sink for one stream that hands each frame to {@code onOwner} on the owner thread. */
        FrameSink frames(FrameSink onOwner);

        /** Runs {@code task} on the owner thread and waits until it has run. */
        void runAndWait(Runnable task);
    }

    private final Object lock;
    /** Null: deliver under {@link #lock}. */
    private final Handoff handoff;

    private final Function<FeedCounters, FrameSink> frames;
    private final Function<FeedCounters, SbsSink> messages;

    /**
     * @param lock     monitor held during every delivery
     * @param frames   receives Beast/AVR frames (may be null when no such feed is used)
     * @param messages receives SBS messages (may be null when no SBS feed is used)
     */
    public FeedDelivery(Object lock, FrameSink frames, SbsSink messages) {
        this(lock, frames == null ? null : c -> frames, messages == null ? null : c -> messages);
    }

    /**
     * Per-feed consumers: the functions are called once per stream (connection, file) with that
     * feed's counters, so that the decoding pipeline can count what only it can see (e.g.
     * {@code counters.reject(RejectReason.BAD_CRC)}) on the right feed. Either may be null.
     */
    public FeedDelivery(
            Object lock, Function<FeedCounters, FrameSink> frames, Function<FeedCounters, SbsSink> messages) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.handoff = null;
        this.frames = frames;
        this.messages = messages;
    }

    /**
     * Consumers owned by one thread (docs/ARCHITECTURE.md "Threads"): the feed threads frame, then
     * hand each frame or message over through {@code handoff}; no lock is shared with the consumers.
     */
    public FeedDelivery(
            Handoff handoff, Function<FeedCounters, FrameSink> frames, Function<FeedCounters, SbsSink> messages) {
        this.lock = new Object();
        this.handoff = Objects.requireNonNull(handoff, "handoff");
        this.frames = frames;
        this.messages = messages;
    }

    public Object lock() {
        return lock;
    }

    /** A frame sink that delivers under the lock and counts consumer failures on {@code feed}. */
    FrameSink frameSinkFor(Feed feed) {
        if (frames == null)
            throw new IllegalArgumentException("feed " + feed.name() + " carries frames but no frame consumer is set");
        final FrameSink frames = Objects.requireNonNull(this.frames.apply(feed.counters()), "frame consumer");
        if (handoff != null) {
            return handoff.frames((buf, off, len, timeNanos, mlat, signal) -> {
                try {
                    frames.onFrame(buf, off, len, timeNanos, mlat, signal);
                } catch (RuntimeException e) {
                    feed.sinkFailed();
                }
            });
        }
        return (buf, off, len, timeNanos, mlat, signal) -> {
            synchronized (lock) {
                try {
                    frames.onFrame(buf, off, len, timeNanos, mlat, signal);
                } catch (RuntimeException e) {
                    feed.sinkFailed();
                }
            }
        };
    }

    /** An SBS sink that delivers under the lock and counts consumer failures on {@code feed}. */
    SbsSink sbsSinkFor(Feed feed) {
        return sbsSinkFor(feed, () -> null);
    }

    /**
     * As {@link #sbsSinkFor(Feed)}, telling a consumer that is an {@link SbsLineSink} the parser
     * of each message ({@code parser}: the stream's, made after this sink), so it can journal the
     * line. The feed thread waits while the message is delivered, so the parser's line stays put.
     */
    SbsSink sbsSinkFor(Feed feed, Supplier<SbsParser> parser) {
        if (messages == null)
            throw new IllegalArgumentException("feed " + feed.name() + " is SBS but no message consumer is set");
        final SbsSink messages = Objects.requireNonNull(this.messages.apply(feed.counters()), "message consumer");
        final SbsLineSink lines = messages instanceof SbsLineSink l ? l : null;
        if (handoff != null) {
            // one stream, one thread: the parser reuses its message, so it is handed over and waited for
            final ModeSMessage[] current = new ModeSMessage[1];
            final Runnable deliver = () -> {
                try {
                    if (lines != null) lines.onMessage(current[0], parser.get());
                    else messages.onMessage(current[0]);
                } catch (RuntimeException e) {
                    feed.sinkFailed();
                }
            };
            return (ModeSMessage m) -> {
                current[0] = m;
                handoff.runAndWait(deliver);
            };
        }
        return (ModeSMessage m) -> {
            synchronized (lock) {
                try {
                    if (lines != null) lines.onMessage(m, parser.get());
                    else messages.onMessage(m);
                } catch (RuntimeException e) {
                    feed.sinkFailed();
                }
            }
        };
    }

    /** Fails fast (at configuration) when the consumer a format needs is missing. */
    void requireConsumerFor(Feed feed, FeedFormat format) {
        if (format != null && format.carriesFrames() && frames == null)
            throw new IllegalArgumentException("feed " + feed.name() + " carries frames but no frame consumer is set");
        if (format == FeedFormat.SBS && messages == null)
            throw new IllegalArgumentException("feed " + feed.name() + " is SBS but no message consumer is set");
    }

    /** A framer for one stream of {@code feed} in {@code format}, delivering here. */
    FeedFramer newFramer(Feed feed, FeedFormat format) {
        if (format == FeedFormat.SBS) {
            // the parser is told to the consumer with each message (its line is journalled)
            SbsParser[] parser = new SbsParser[1];
            parser[0] = new SbsParser(feed.counters(), sbsSinkFor(feed, () -> parser[0]));
            return parser[0];
        }
        return format.carriesFrames()
                ? format.newFramer(feed.counters(), frameSinkFor(feed), null)
                : format.newFramer(feed.counters(), null, sbsSinkFor(feed));
    }
}
