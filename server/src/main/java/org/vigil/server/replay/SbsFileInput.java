package org.vigil.server.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.SbsParser;
import org.vigil.codec.feed.SbsSink;
import org.vigil.codec.modes.ModeSMessage;

/**
 * An SBS-1 (BaseStation) recording as a replay input. Lines are handed to the parser one at a time
 * so that each gives at most one message, which is held (the parser's reused instance) until it
 * is delivered. Times are the lines' own date and time (UTC); a line without them takes the time
 * of the previous message (the start for the first).
 */
final class SbsFileInput implements InputSource {
    private static final int BUFFER = 64 * 1024;

    private final String name;
    private final InputStream in;
    private final FeedCounters counters = new FeedCounters();
    private final SbsParser parser;
    private final SbsSink sink;
    private final byte[] buf = new byte[BUFFER];
    private int start, end;
    private boolean eof;
    private long bytes, delivered;
    private ModeSMessage pending;
    private long lastNanos;

    SbsFileInput(Path path, long startNanos, SbsSink sink) throws IOException {
        this.name = path.getFileName().toString();
        this.in = InputFiles.open(path);
        this.sink = sink;
        this.lastNanos = startNanos;
        this.parser = new SbsParser(counters, m -> pending = m, true, 0);
    }

    @Override
    public long peekTime() throws IOException {
        while (pending == null) {
            int nl = -1;
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl >= 0) {
                // the receive time is the fallback for lines without their own time
                parser.accept(buf, start, nl + 1 - start, lastNanos);
                start = nl + 1;
                continue;
            }
            if (eof) {
                if (end > start) parser.accept(buf, start, end - start, lastNanos);
                start = end;
                parser.endOfStream();
                return Long.MAX_VALUE;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) { // a line longer than the buffer: the parser rejects it as too long
                parser.accept(buf, 0, end, lastNanos);
                end = 0;
                continue;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) eof = true;
            else {
                end += n;
                bytes += n;
            }
        }
        return pending.timeNanos;
    }

    @Override
    public void deliver() {
        ModeSMessage m = pending;
        pending = null;
        lastNanos = m.timeNanos;
        delivered++;
        sink.onMessage(m);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "adsb";
    }

    @Override
    public String format() {
        return "sbs";
    }

    @Override
    public long delivered() {
        return delivered;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public Map<String, Long> rejects() {
        return InputFiles.nonZero(counters.rejectsByReason());
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
