package org.vigil.server.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.codec.asterix.plots.AsterixStreamFramer;
import org.vigil.codec.asterix.plots.PlotCounters;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.core.radar.TimeOfDay;
import org.vigil.core.track.Detection;
import org.vigil.server.radar.AsterixFile;
import org.vigil.server.radar.ReportSink;
import org.vigil.server.radar.SurveillanceReports;

/**
 * A radar recording as a replay input: raw data blocks end to end (streamed through the
 * {@link AsterixStreamFramer}), EUROCONTROL .ff frames or a pcap of ASTERIX over UDP, read by
 * {@link AsterixFile} (the one reader of ASTERIX files, shared with the radar file feed), decoded
 * by a {@link RadarPlotDecoder} against the given radars.
 *
 * <p>Time. A pcap's packet times date each datagram. Raw and .ff carry only the time of day: the
 * first of each radar is resolved near {@code referenceNanos} (the scenario start from a manifest,
 * or the given start), each later one near the radar's previous time, across midnights.
 *
 * <p>Decoding runs one chunk (raw: 4 KiB) or one packet ahead of delivery: plots are copied into
 * a reusable queue (grown once to the largest chunk's needs). Radar service messages are queued as
 * well, but the {@link RadarStatus} they refer to is live: read during delivery it may already
 * reflect the rest of that chunk.
 */
final class AsterixFileInput implements InputSource {
    private static final int CHUNK = 4 * 1024;
    private static final byte PLOT = 0, STATUS = 1, REPORT = 2, UPDATE = 3;

    private final String name;
    private final String format;
    private final RadarPlotSink sink;
    private final PlotCounters counters = new PlotCounters();
    private final RadarPlotDecoder decoder;
    /** The recording, read by the one ASTERIX file reader. */
    private final AsterixFile file;
    /** Raw recordings: cuts the stream into blocks; null for .ff and pcap (one payload per unit). */
    private final AsterixStreamFramer framer;

    private boolean eof;
    private long delivered;
    private long lastNanos;

    private byte[] kind = new byte[256];
    private RadarPlot[] plots = new RadarPlot[256];
    private RadarStatus[] statuses = new RadarStatus[256];
    private ServiceMessage[] messages = new ServiceMessage[256];
    private long[] time = new long[256];
    private int head, count;
    // CAT021 reports and CAT062 updates (when the sink takes them), queued like plots; grown on demand
    private final ReportSink reportSink;
    private final SurveillanceReports reports;
    private ModeSMessage[] reportQueue = new ModeSMessage[0];
    private Detection[] updateQueue = new Detection[0];
    private int[] trackNumbers = new int[0];

    AsterixFileInput(Path path, RadarNetwork network, long referenceNanos, RadarPlotSink sink) throws IOException {
        this.name = path.getFileName().toString();
        this.sink = sink;
        this.lastNanos = referenceNanos;
        for (int i = 0; i < plots.length; i++) plots[i] = new RadarPlot();
        this.decoder = new RadarPlotDecoder(
                network,
                new RadarPlotSink() {
                    @Override
                    public void onPlot(RadarPlot p) {
                        int i = slot();
                        kind[i] = PLOT;
                        plots[i].copyFrom(p);
                        time[i] = p.timeNanos;
                    }

                    @Override
                    public void onRadarStatus(RadarStatus status, ServiceMessage message) {
                        int i = slot();
                        kind[i] = STATUS;
                        statuses[i] = status;
                        messages[i] = message;
                        long t = status.lastTimeNanos();
                        time[i] = t == TimeOfDay.UNKNOWN ? lastNanos : t;
                    }
                },
                counters);
        decoder.seedReference(referenceNanos);
        this.reportSink = sink instanceof ReportSink r ? r : null;
        this.reports = reportSink == null
                ? null
                : SurveillanceReports.attach(decoder, new ReportSink() {
                    @Override
                    public void onAdsbReport(ModeSMessage m) {
                        int i = slot();
                        kind[i] = REPORT;
                        if (reportQueue[i] == null) reportQueue[i] = new ModeSMessage();
                        SurveillanceReports.copyReport(m, reportQueue[i]);
                        time[i] = m.timeNanos;
                    }

                    @Override
                    public void onSystemTrack(Detection d, int number) {
                        int i = slot();
                        kind[i] = UPDATE;
                        if (updateQueue[i] == null) updateQueue[i] = new Detection();
                        updateQueue[i].copyFrom(d);
                        trackNumbers[i] = number;
                        time[i] = d.timeNanos;
                    }
                });
        this.file = AsterixFile.open(path, null, CHUNK);
        this.format = file.format().label();
        this.framer = file.framed() ? new AsterixStreamFramer(decoder) : null;
        if (framer == null) counters.bytesRead((int) file.bytes()); // the stream framer counts its own
    }

    private int slot() {
        if (count == kind.length) {
            int n = count * 2;
            kind = Arrays.copyOf(kind, n);
            statuses = Arrays.copyOf(statuses, n);
            messages = Arrays.copyOf(messages, n);
            time = Arrays.copyOf(time, n);
            plots = Arrays.copyOf(plots, n);
            for (int i = count; i < n; i++) plots[i] = new RadarPlot();
        }
        if (reportSink != null && reportQueue.length < kind.length) {
            reportQueue = Arrays.copyOf(reportQueue, kind.length);
            updateQueue = Arrays.copyOf(updateQueue, kind.length);
            trackNumbers = Arrays.copyOf(trackNumbers, kind.length);
        }
        return count++;
    }

    @Override
    public long peekTime() throws IOException {
        while (head == count) {
            if (eof) return Long.MAX_VALUE;
            head = 0;
            count = 0;
            if (!file.next()) {
                eof = true;
                if (framer != null) framer.endOfStream();
            } else if (framer != null) {
                framer.accept(file.buffer(), file.offset(), file.length(), TimeOfDay.UNKNOWN);
            } else {
                decoder.decode(file.buffer(), file.offset(), file.length(), file.timeNanos());
            }
        }
        return time[head];
    }

    @Override
    public void deliver() {
        int i = head++;
        delivered++;
        lastNanos = time[i];
        switch (kind[i]) {
            case PLOT -> sink.onPlot(plots[i]);
            case STATUS -> sink.onRadarStatus(statuses[i], messages[i]);
            case REPORT -> reportSink.onAdsbReport(reportQueue[i]);
            default -> reportSink.onSystemTrack(updateQueue[i], trackNumbers[i]);
        }
    }

    /** Plots decoded and delivered so far (service messages not counted). */
    long plots() {
        return counters.plots();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "radar";
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public long delivered() {
        return delivered;
    }

    @Override
    public long bytes() {
        return file.bytes();
    }

    @Override
    public Map<String, Long> rejects() {
        Map<String, Long> m = new LinkedHashMap<>(InputFiles.nonZero(counters.rejectsByReason()));
        if (reports != null) InputFiles.nonZero(reports.rejectsByReason()).forEach((k, v) -> m.merge(k, v, Long::sum));
        if (file.framingErrors() > 0) m.put("framing", (long) file.framingErrors());
        return m;
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
