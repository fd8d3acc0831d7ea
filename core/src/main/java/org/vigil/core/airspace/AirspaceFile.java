package org.vigil.core.airspace;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The compact file of precomputed national airspace ({@code *.airspace.gz}): per state its ISO
 * code, name, claimed territorial sea breadth, national airspace (land + territorial sea) and land
 * polygons, in lon/lat. Written by the generator (tools/airspace), read at start-up by
 * {@link NationalAirspace#read}: reading is a decode, no geometry is computed, which keeps start-up
 * with all of Europe loaded fast.
 *
 * <p>Layout (all inside one gzip stream; integers big-endian, "varint" is unsigned LEB128, "zigzag"
 * maps signed to unsigned): int magic {@code VGAS}, int version 1, UTF source, UTF licence, four
 * doubles for the region (min lon, min lat, max lon, max lat), int state count; per state: UTF ISO
 * alpha-2, UTF name, double claim NM, national, land and territorial sea geometries (the sea is
 * stored, not derived at start-up: the overlay for all of Europe takes seconds). A geometry is varint
 * polygon count, per polygon varint ring count (shell first), per ring varint point count and the
 * points as zigzag varint deltas of lon and lat in units of 1e-5 degree (about 1 m), the first
 * point relative to 0; rings are stored open. Precision: 1e-5 degree, i.e. at most 0.6 m off the
 * generator's coordinates.
 */
public final class AirspaceFile {
    static final int MAGIC = 0x56474153; // "VGAS"
    static final int VERSION = 1;
    private static final double UNIT = 1e5;

    /** One state as stored: national airspace and land, lon/lat polygons. */
    public record State(
            String iso, String name, double claimNm, Geometry national, Geometry land, Geometry territorialSea) {}

    /** A whole file: provenance, region covered, states in index order. */
    public record Contents(String source, String licence, Envelope region, List<State> states) {}

    private AirspaceFile() {}

    public static void write(OutputStream out, Contents c) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(c.source());
        d.writeUTF(c.licence());
        Envelope r = c.region();
        d.writeDouble(r.getMinX());
        d.writeDouble(r.getMinY());
        d.writeDouble(r.getMaxX());
        d.writeDouble(r.getMaxY());
        d.writeInt(c.states().size());
        for (State s : c.states()) {
            d.writeUTF(s.iso());
            d.writeUTF(s.name());
            d.writeDouble(s.claimNm());
            writeGeometry(d, s.national());
            writeGeometry(d, s.land());
            writeGeometry(d, s.territorialSea());
        }
        d.flush();
        gz.finish();
    }

    private static void writeGeometry(DataOutputStream d, Geometry g) throws IOException {
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) polys.add(p);
        }
        writeVarint(d, polys.size());
        for (Polygon p : polys) {
            writeVarint(d, 1 + p.getNumInteriorRing());
            writeRing(d, p.getExteriorRing().getCoordinates());
            for (int h = 0; h < p.getNumInteriorRing(); h++)
                writeRing(d, p.getInteriorRingN(h).getCoordinates());
        }
    }

    private static void writeRing(DataOutputStream d, Coordinate[] ring) throws IOException {
        int n = ring.length - 1; // stored open
        writeVarint(d, n);
        long px = 0, py = 0;
        for (int i = 0; i < n; i++) {
            long x = Math.round(ring[i].x * UNIT);
            long y = Math.round(ring[i].y * UNIT);
            writeVarint(d, zigzag(x - px));
            writeVarint(d, zigzag(y - py));
            px = x;
            py = y;
        }
    }

    /**
     * Reads a file written by {@link #write}. {@code what} names the file in errors; a truncated,
     * foreign or corrupt file is an {@link AirspaceDataException}. The caller keeps the stream.
     */
    public static Contents read(InputStream in, String what) throws IOException {
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
            if (d.readInt() != MAGIC) throw new AirspaceDataException(what + ": not a Vigil airspace file");
            int version = d.readInt();
            if (version != VERSION) {
                throw new AirspaceDataException(what + ": airspace file version " + version + ", expected " + VERSION);
            }
            String source = d.readUTF();
            String licence = d.readUTF();
            double minLon = d.readDouble();
            double minLat = d.readDouble();
            double maxLon = d.readDouble();
            double maxLat = d.readDouble();
            Envelope region = new Envelope(minLon, maxLon, minLat, maxLat);
            int n = d.readInt();
            if (n < 0 || n > 10_000) throw new AirspaceDataException(what + ": bad state count " + n);
            List<State> states = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String iso = d.readUTF();
                String name = d.readUTF();
                double claim = d.readDouble();
                Geometry national = readGeometry(d, what);
                Geometry land = readGeometry(d, what);
                Geometry sea = readGeometry(d, what);
                states.add(new State(iso, name, claim, national, land, sea));
            }
            return new Contents(source, licence, region, states);
        } catch (EOFException e) {
            throw new AirspaceDataException(what + ": truncated airspace file", e);
        } catch (java.util.zip.ZipException e) {
            throw new AirspaceDataException(what + ": not a gzip-compressed airspace file: " + e.getMessage(), e);
        }
    }

    private static Geometry readGeometry(DataInputStream d, String what) throws IOException {
        int polys = count(d, what);
        Polygon[] out = new Polygon[polys];
        for (int p = 0; p < polys; p++) {
            int rings = count(d, what);
            if (rings < 1) throw new AirspaceDataException(what + ": polygon without rings");
            LinearRing shell = readRing(d, what);
            LinearRing[] holes = new LinearRing[rings - 1];
            for (int h = 0; h < holes.length; h++) holes[h] = readRing(d, what);
            out[p] = GeoJson.FACTORY.createPolygon(shell, holes);
        }
        if (polys == 1) return out[0];
        return GeoJson.FACTORY.createMultiPolygon(out);
    }

    private static LinearRing readRing(DataInputStream d, String what) throws IOException {
        int n = count(d, what);
        if (n < 3) throw new AirspaceDataException(what + ": ring with " + n + " points");
        Coordinate[] c = new Coordinate[n + 1];
        long x = 0, y = 0;
        for (int i = 0; i < n; i++) {
            x += unzigzag(readVarint(d));
            y += unzigzag(readVarint(d));
            c[i] = new Coordinate(x / UNIT, y / UNIT);
        }
        c[n] = c[0].copy();
        return GeoJson.FACTORY.createLinearRing(c);
    }

    private static int count(DataInputStream d, String what) throws IOException {
        long v = readVarint(d);
        if (v > 50_000_000) throw new AirspaceDataException(what + ": implausible count " + v);
        return (int) v;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarint(DataOutputStream d, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            d.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        d.writeByte((int) v);
    }

    private static long readVarint(DataInputStream d) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = d.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new IOException("varint too long");
    }
}
