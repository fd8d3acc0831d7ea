package org.vigil.server.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.codec.fpl.FplParser;
import org.vigil.core.flightplan.AtsMessage;

/**
 * A file of ICAO ATS messages (FPL ...) as a replay input. Such a file carries no times: every
 * message is due at {@code timeNanos} (the scenario start: {@code vigil sim} files every plan
 * before the first flight appears), in file order. Read and parsed whole when opened (human rates).
 */
final class FlightPlanFileInput implements InputSource {
    private final String name;
    private final long timeNanos;
    private final Consumer<AtsMessage> sink;
    private final List<AtsMessage> messages = new ArrayList<>();
    private final Map<String, Long> rejects = new LinkedHashMap<>();
    private final long bytes;
    private int next;

    FlightPlanFileInput(Path path, long timeNanos, Consumer<AtsMessage> sink) throws IOException {
        this.name = path.getFileName().toString();
        this.timeNanos = timeNanos;
        this.sink = sink;
        byte[] text;
        try (InputStream in = InputFiles.open(path)) {
            text = in.readAllBytes();
        }
        bytes = text.length;
        for (FplParseResult r : new FplParser().parseAll(new String(text, StandardCharsets.ISO_8859_1))) {
            if (r instanceof FplParseResult.Parsed p) messages.add(p.message());
            else if (r instanceof FplParseResult.Rejected x) rejects.merge("item_" + x.item(), 1L, Long::sum);
        }
    }

    @Override
    public long peekTime() {
        return next < messages.size() ? timeNanos : Long.MAX_VALUE;
    }

    @Override
    public void deliver() {
        sink.accept(messages.get(next++));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "flight-plans";
    }

    @Override
    public String format() {
        return "icao-fpl";
    }

    @Override
    public long delivered() {
        return next;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public Map<String, Long> rejects() {
        return rejects;
    }

    @Override
    public void close() {}
}
