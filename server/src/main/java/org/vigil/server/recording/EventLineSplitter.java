package org.vigil.server.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Lets the existing JSON Lines event writers feed an {@link EventSink} unchanged: an
 * {@link OutputStream} (for {@code TrackEventWriter}) and an {@link Appendable} (for the
 * identification {@code EventLines}) that cut the stream at newlines and read each line's
 * envelope ({@code time}, {@code type}, {@code track}; docs/EVENTS.md) to call
 * {@link EventSink#event} with the line as its JSON.
 *
 * <p>Both writers may share one splitter (the track writer through {@link #stream()} must be
 * flushed before an ident line is appended, as {@code SharedEventStream} does), because each keeps
 * its own line buffer. Events are rare next to raw input (changes and throttled updates), so the
 * per-event parse allocates; a line that is not a JSON object with an envelope is counted
 * ({@link #malformed()}) and stored nowhere, never thrown.
 */
public final class EventLineSplitter implements Appendable {
    private final EventSink sink;
    private final JsonFactory json = new JsonFactory();
    private final StringBuilder chars = new StringBuilder(512);
    private byte[] bytes = new byte[1024];
    private int byteLen;
    private long lines, malformed;

    private final OutputStream stream = new OutputStream() {
        @Override
        public void write(int b) {
            if (b == '\n') {
                line(new String(bytes, 0, byteLen, StandardCharsets.UTF_8));
                byteLen = 0;
                return;
            }
            if (byteLen == bytes.length) bytes = Arrays.copyOf(bytes, bytes.length * 2);
            bytes[byteLen++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off, end = off + len; i < end; i++) write(b[i]);
        }
    };

    public EventLineSplitter(EventSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The byte side, for writers that take an OutputStream (UTF-8 JSON Lines). */
    public OutputStream stream() {
        return stream;
    }

    @Override
    public Appendable append(CharSequence csq) {
        return append(csq, 0, csq.length());
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
        for (int i = start; i < end; i++) append(csq.charAt(i));
        return this;
    }

    @Override
    public Appendable append(char c) {
        if (c == '\n') {
            line(chars.toString());
            chars.setLength(0);
        } else {
            chars.append(c);
        }
        return this;
    }

    public long lines() { return lines; }

    public long malformed() { return malformed; }

    private void line(String line) {
        if (line.isBlank()) return;
        String type = null, time = null;
        Long track = null;
        try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                malformed++;
                return;
            }
            // the whole line is read (the store keeps JSON text only: a cut line is refused)
            JsonToken tok;
            while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "type" -> type = p.getValueAsString();
                    case "time" -> time = p.getValueAsString();
                    case "track" -> track = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    default -> p.skipChildren();
                }
            }
            if (tok != JsonToken.END_OBJECT || p.nextToken() != null) {
                malformed++;
                return;
            }
        } catch (IOException e) {
            malformed++;
            return;
        }
        if (type == null || time == null) {
            malformed++;
            return;
        }
        long nanos;
        try {
            Instant t = Instant.parse(time);
            nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (DateTimeParseException e) {
            malformed++;
            return;
        }
        lines++;
        sink.event(type, nanos, track, line);
    }
}
