package org.vigil.server.tracking;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The "state" lines of a {@code vigil sim} truth file (docs/SCENARIOS.md), held in primitive
 * columns in file order (which is time order: the simulator writes all flights of one truth instant
 * together). Event lines are skipped. Malformed lines are counted in {@link #badLines}, not thrown.
 */
public final class TruthStates {
    private int size;
    private long[] timeNanos = new long[4096];
    private int[] icao = new int[4096];
    private long[] truthId = new long[4096];
    private double[] lat = new double[4096];
    private double[] lon = new double[4096];
    private double[] altFt = new double[4096];
    private byte[] flags = new byte[4096];
    private long badLines;

    static final int TRANSPONDER = 1, ADSB = 2, SPOOFED = 4;

    public static TruthStates read(Path file) throws IOException {
        TruthStates s = new TruthStates();
        JsonFactory f = new JsonFactory();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                try (JsonParser p = f.createParser(line)) {
                    s.parse(p);
                } catch (IOException | RuntimeException e) {
                    s.badLines++;
                }
            }
        }
        return s;
    }

    private void parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object");
        long epochMs = Long.MIN_VALUE;
        String type = null;
        int id = -1;
        double la = Double.NaN, lo = Double.NaN, alt = Double.NaN;
        int fl = 0;
        String flight = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "epochMs" -> epochMs = p.getLongValue();
                case "type" -> type = p.getText();
                case "icao" -> id = Integer.parseInt(p.getText(), 16);
                case "flight" -> flight = p.getText();
                case "lat" -> la = p.getDoubleValue();
                case "lon" -> lo = p.getDoubleValue();
                case "altFt" -> alt = p.getDoubleValue();
                case "transponder" -> fl |= v == JsonToken.VALUE_TRUE ? TRANSPONDER : 0;
                case "adsb" -> fl |= v == JsonToken.VALUE_TRUE ? ADSB : 0;
                case "spoofed" -> fl |= v == JsonToken.VALUE_TRUE ? SPOOFED : 0;
                default -> p.skipChildren();
            }
        }
        if (!"state".equals(type)) return;
        if (epochMs == Long.MIN_VALUE || id < 0 || Double.isNaN(la) || Double.isNaN(lo))
            throw new IOException("incomplete state");
        if (size == timeNanos.length) grow();
        timeNanos[size] = epochMs * 1_000_000L;
        icao[size] = id;
        truthId[size] = ((long) flight.hashCode() & 0xFFFFFFFFL) << 24 | id;
        lat[size] = la;
        lon[size] = lo;
        altFt[size] = alt;
        flags[size] = (byte) fl;
        size++;
    }

    private void grow() {
        int n = size * 2;
        timeNanos = Arrays.copyOf(timeNanos, n);
        icao = Arrays.copyOf(icao, n);
        truthId = Arrays.copyOf(truthId, n);
        lat = Arrays.copyOf(lat, n);
        lon = Arrays.copyOf(lon, n);
        altFt = Arrays.copyOf(altFt, n);
        flags = Arrays.copyOf(flags, n);
    }

    public int size() {
        return size;
    }

    public long timeNanos(int i) {
        return timeNanos[i];
    }

    public int icao(int i) {
        return icao[i];
    }
    /**
     * Identity of the flight: ICAO address and callsign together, because a scenario may give two
     * flights the same address (the simulator's background traffic does not avoid scripted addresses).
     */
    public long truthId(int i) {
        return truthId[i];
    }

    public double latDeg(int i) {
        return lat[i];
    }

    public double lonDeg(int i) {
        return lon[i];
    }

    public double altitudeFt(int i) {
        return altFt[i];
    }

    public boolean transponder(int i) {
        return (flags[i] & TRANSPONDER) != 0;
    }

    public boolean adsb(int i) {
        return (flags[i] & ADSB) != 0;
    }

    public boolean spoofed(int i) {
        return (flags[i] & SPOOFED) != 0;
    }

    public long badLines() {
        return badLines;
    }
}
