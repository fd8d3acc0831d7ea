package org.vigil.core.airspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.vigil.core.geo.Units;

/**
 * National airspace of each state in a region: its land territory plus its territorial sea, and
 * the international airspace beyond. Looked up per track update without allocating.
 *
 * <p>Where instances come from:
 * <ul>
 * <li>{@link #europe()}: every state from Iceland to the Caspian and from Svalbard to North Africa
 *     (lon 32 W–52 E, lat 27–82 N), decoded from the precomputed classpath resource
 *     {@value #EUROPE_RESOURCE} (OpenStreetMap boundaries with territorial sea; how it is made:
 *     docs/AIRSPACE.md, tools/airspace). Loaded once on first use and shared.</li>
 * <li>{@link #read(InputStream, String)}: the same compact format from any stream, e.g. a theatre
 *     directory's own file written by the generator.</li>
 * <li>{@link #fromGeoJson}: built from land polygons by buffering them by each state's claim (a
 *     theatre's own country polygons); slow (seconds), for small regions.</li>
 * </ul>
 *
 * <p>Construction from land polygons (see docs/AIRSPACE.md for the reasoning and error budget):
 * <ol>
 * <li>Land polygons are repaired, densified and projected to the region's Lambert conformal conic
 *     ({@link LambertConformalConic#forRegion}).</li>
 * <li>Each state's land is buffered by its claimed width, scaled by the projection's scale factor
 *     at the state's latitude so that the width is true on the ground.</li>
 * <li>Land first: every buffer loses all other states' land (a neighbour's coast is never my sea).</li>
 * <li>Where two states' territorial seas still overlap (adjacent or facing coasts closer than
 *     24 NM), the overlap is split along an approximate median line: a Voronoi diagram of both
 *     coasts' vertices, each piece going to the state with the nearer coast vertex.</li>
 * <li>The result is projected back to lon/lat and clipped to the region; international airspace
 *     is the rest of the region.</li>
 * </ol>
 *
 * <p>Lookups use {@link RegionGrid}s over the lon/lat results. State indices are stable for the
 * life of the instance; {@link #iso} maps them to ISO 3166-1 alpha-2 codes. Immutable and
 * thread-safe once built.
 */
public final class NationalAirspace {
    /** No state: international airspace, or outside the modelled region. */
    public static final int NONE = -1;

    public static final double METRES_PER_NM = Units.NM;
    public static final double DEFAULT_TERRITORIAL_SEA_NM = 12.0;
    /** Classpath resource of the all-Europe national airspace (format: {@link AirspaceFile}). */
    public static final String EUROPE_RESOURCE = "/airspace/europe.airspace.gz";

    /** Grid cell size for lookups, degrees: about 5 km, a few coastline edges per cell. */
    static final double CELL_DEG = 0.05;
    /** Pieces smaller than this (m²) left by overlay of shared borders are noise, not sea. */
    private static final double SLIVER_M2 = 10_000;
    /** Coast vertices for the median line are at most this far apart (metres). */
    private static final double MEDIAN_SITE_SPACING_M = 500;

    private static final PrecisionModel METRE_GRID = new PrecisionModel(1.0);

    private final String[] iso;
    private final String[] names;
    private final double[] claimNm;
    private final Geometry[] land;
    private final Geometry[] territorialSea;

    private final Geometry[] national;
    private Geometry international;
    private final Envelope region;
    private final RegionGrid nationalGrid;
    private volatile RegionGrid landGrid;
    private final Map<String, Integer> indexByIso = new HashMap<>();
    private final String source;

    private static final class EuropeHolder {
        static final NationalAirspace INSTANCE = loadEurope();

        private static NationalAirspace loadEurope() {
            try (InputStream in = NationalAirspace.class.getResourceAsStream(EUROPE_RESOURCE)) {
                if (in == null) throw new AirspaceDataException("missing classpath resource " + EUROPE_RESOURCE);
                return read(in, EUROPE_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * National airspace of every state of Europe and its neighbours (see the class comment), read
     * on first use (about a second) and shared; immutable and thread-safe.
     */
    public static NationalAirspace europe() {
        return EuropeHolder.INSTANCE;
    }

    /**
     * Reads precomputed national airspace in the {@link AirspaceFile} format (gzip; what the
     * generator in tools/airspace writes). Nothing is buffered or overlaid: the file's polygons are
     * indexed as they are. {@code what} names the file in errors; the caller keeps the stream.
     *
     * @throws AirspaceDataException if the file is not such a file, or is truncated or corrupt
     */
    public static NationalAirspace read(InputStream in, String what) throws IOException {
        return new NationalAirspace(AirspaceFile.read(in, what));
    }

    /** Precomputed: national airspace, land and territorial sea as given; international airspace on request. */
    private NationalAirspace(AirspaceFile.Contents file) {
        int n = file.states().size();
        this.region = new Envelope(file.region());
        this.source = file.source() + " (" + file.licence() + ")";
        this.iso = new String[n];
        this.names = new String[n];
        this.claimNm = new double[n];
        this.land = new Geometry[n];
        this.territorialSea = new Geometry[n];
        this.national = new Geometry[n];
        for (int i = 0; i < n; i++) {
            AirspaceFile.State s = file.states().get(i);
            iso[i] = s.iso();
            names[i] = s.name();
            claimNm[i] = s.claimNm();
            national[i] = s.national();
            land[i] = s.land();
            territorialSea[i] = s.territorialSea();
            if (indexByIso.put(iso[i], i) != null)
                throw new AirspaceDataException("state " + iso[i] + " appears twice");
        }
        nationalGrid = new RegionGrid(List.of(national), region, CELL_DEG);
    }

    /**
     * Builds from a GeoJSON FeatureCollection of admin-0 polygons with an {@code iso_a2} (and
     * optionally {@code name}) property per feature.
     *
     * @param claims territorial sea width in NM by ISO code; states not listed claim 12 NM
     */
    public static NationalAirspace fromGeoJson(InputStream countries, Envelope region, Map<String, Double> claims)
            throws IOException {
        Object root = AirspaceFiles.readJson(countries, "countries GeoJSON");
        List<String> isos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Geometry> shapes = new ArrayList<>();
        for (GeoJson.Feature f : GeoJson.features(root)) {
            Object code = f.properties().get("iso_a2");
            if (!(code instanceof String s) || s.isBlank()) {
                throw new AirspaceDataException("country feature without iso_a2: " + f.properties());
            }
            if (isos.contains(s)) throw new AirspaceDataException("country " + s + " appears twice");
            isos.add(s);
            Object name = f.properties().get("name");
            names.add(name == null ? s : name.toString());
            shapes.add(f.geometry());
        }
        return new NationalAirspace(isos, names, shapes, region, claims);
    }

    NationalAirspace(
            List<String> isos,
            List<String> stateNames,
            List<Geometry> landLonLat,
            Envelope region,
            Map<String, Double> claims) {
        int n = isos.size();
        this.region = new Envelope(region);
        this.source = "land polygons buffered by each state's claim";
        this.iso = isos.toArray(new String[0]);
        this.names = stateNames.toArray(new String[0]);
        this.claimNm = new double[n];
        this.land = new Geometry[n];
        this.territorialSea = new Geometry[n];
        this.national = new Geometry[n];
        for (int i = 0; i < n; i++) {
            indexByIso.put(iso[i], i);
            claimNm[i] = claims.getOrDefault(iso[i], DEFAULT_TERRITORIAL_SEA_NM);
            if (!(claimNm[i] >= 0 && claimNm[i] <= 200)) {
                throw new AirspaceDataException("territorial sea claim for " + iso[i] + " out of range: " + claimNm[i]);
            }
        }
        LambertConformalConic proj = LambertConformalConic.forRegion(region);
        Geometry box = GeoJson.FACTORY.toGeometry(region);

        // 1. land: repaired, clipped, densified (the box edges are long straight lines), projected
        Geometry[] landP = new Geometry[n];
        double[] bufferM = new double[n];
        for (int i = 0; i < n; i++) {
            Geometry g = intersection(GeometryFixer.fix(landLonLat.get(i)), box);
            land[i] = g;
            landP[i] = GeometryFixer.fix(proj.forward(Densifier.densify(g, 0.05)));
            double latMid =
                    g.isEmpty() ? region.centre().y : g.getEnvelopeInternal().centre().y;
            bufferM[i] = claimNm[i] * METRES_PER_NM * proj.scale(latMid);
        }
        Geometry allLandP = OverlayNGRobust.union(List.of(landP));

        // 2-3. buffer, land first
        Geometry[] seaP = new Geometry[n];
        for (int i = 0; i < n; i++) {
            if (bufferM[i] <= 0 || landP[i].isEmpty()) {
                seaP[i] = GeoJson.FACTORY.createPolygon();
                continue;
            }
            seaP[i] = withoutSlivers(difference(landP[i].buffer(bufferM[i], 8), allLandP), SLIVER_M2);
        }

        // 4. split overlaps between neighbours along an approximate median line
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (seaP[i].isEmpty() || seaP[j].isEmpty()) continue;
                if (!seaP[i].getEnvelopeInternal().intersects(seaP[j].getEnvelopeInternal())) continue;
                Geometry overlap = withoutSlivers(intersection(seaP[i], seaP[j]), SLIVER_M2);
                if (overlap.isEmpty()) continue;
                Geometry nearerJ = nearerToSecond(landP[i], landP[j], overlap, Math.max(bufferM[i], bufferM[j]) * 1.5);
                Geometry toJ = intersection(overlap, nearerJ);
                Geometry toI = difference(overlap, nearerJ);
                seaP[i] = withoutSlivers(difference(seaP[i], toJ), SLIVER_M2);
                seaP[j] = withoutSlivers(difference(seaP[j], toI), SLIVER_M2);
            }
        }

        // 5. back to lon/lat, clipped to the region
        List<Geometry> nationals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Geometry sea = intersection(GeometryFixer.fix(proj.inverse(seaP[i])), box);
            territorialSea[i] = withoutSlivers(difference(sea, land[i]), 1e-8);
            national[i] = withoutSlivers(OverlayNGRobust.overlay(land[i], territorialSea[i], OverlayNG.UNION), 1e-8);
            nationals.add(national[i]);
        }
        international = difference(box, OverlayNGRobust.union(nationals));
        nationalGrid = new RegionGrid(List.of(national), region, CELL_DEG);
        landGrid = new RegionGrid(List.of(land), region, CELL_DEG);
    }

    /**
     * The part of the overlap's neighbourhood nearer to the second state's coast than to the
     * first's: union of the Voronoi cells of the second state's coast vertices. Vertices on the
     * land border the two share belong to both and are left out.
     */
    private static Geometry nearerToSecond(Geometry landA, Geometry landB, Geometry overlap, double reach) {
        Envelope env = new Envelope(overlap.getEnvelopeInternal());
        env.expandBy(reach);
        Set<Coordinate> onB = new HashSet<>(List.of(landB.getCoordinates()));
        Set<Coordinate> onA = new HashSet<>(List.of(landA.getCoordinates()));
        Map<Coordinate, Boolean> siteIsB = new HashMap<>();
        addSites(landA, env, onB, false, siteIsB);
        addSites(landB, env, onA, true, siteIsB);
        if (siteIsB.isEmpty()) return GeoJson.FACTORY.createPolygon();
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(siteIsB.keySet());
        // unclipped cells: the builder's own clipping uses the non-robust overlay; the caller
        // intersects the union with the overlap instead
        @SuppressWarnings("unchecked")
        List<Geometry> cells = voronoi.getSubdivision().getVoronoiCellPolygons(GeoJson.FACTORY);
        List<Geometry> nearB = new ArrayList<>();
        for (Geometry cell : cells) {
            Object site = cell.getUserData();
            if (site instanceof Coordinate c && Boolean.TRUE.equals(siteIsB.get(c))) nearB.add(GeometryFixer.fix(cell));
        }
        // snap-rounded to a 1 m grid: adjacent cells share edges only up to rounding, which makes
        // floating-point overlay fail; snap-rounding is robust, and 1 m is far below the data's accuracy
        return nearB.isEmpty() ? GeoJson.FACTORY.createPolygon() : UnaryUnionNG.union(nearB, METRE_GRID);
    }

    private static void addSites(
            Geometry landP, Envelope env, Set<Coordinate> shared, boolean isB, Map<Coordinate, Boolean> out) {
        for (int p = 0; p < landP.getNumGeometries(); p++) {
            Polygon poly = (Polygon) landP.getGeometryN(p);
            if (!poly.getEnvelopeInternal().intersects(env)) continue;
            addRingSites(poly.getExteriorRing().getCoordinates(), env, shared, isB, out);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                addRingSites(poly.getInteriorRingN(h).getCoordinates(), env, shared, isB, out);
            }
        }
    }

    private static void addRingSites(
            Coordinate[] ring, Envelope env, Set<Coordinate> shared, boolean isB, Map<Coordinate, Boolean> out) {
        for (int k = 0; k + 1 < ring.length; k++) {
            Coordinate a = ring[k];
            Coordinate b = ring[k + 1];
            if (!env.intersects(a) && !env.intersects(b)) continue;
            boolean aShared = shared.contains(a);
            if (!aShared) out.putIfAbsent(new Coordinate(a.x, a.y), isB);
            if (aShared || shared.contains(b)) continue; // a shared land border is nobody's coast
            double len = a.distance(b);
            int pieces = (int) Math.ceil(len / MEDIAN_SITE_SPACING_M);
            for (int s = 1; s < pieces; s++) {
                double f = (double) s / pieces;
                out.putIfAbsent(new Coordinate(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)), isB);
            }
        }
    }

    // Results are reduced to their polygons (overlay may add stray lines and points along shared
    // edges). OverlayNG with snapping fallbacks: the classic overlay fails on the near-coincident edges
    // that buffers of neighbouring coasts produce.
    private static Geometry intersection(Geometry a, Geometry b) {
        return withoutSlivers(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION), 0);
    }

    private static Geometry difference(Geometry a, Geometry b) {
        return withoutSlivers(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE), 0);
    }

    /** Drops polygon pieces smaller than {@code minArea} (in the geometry's units squared). */
    private static Geometry withoutSlivers(Geometry g, double minArea) {
        List<Polygon> keep = new ArrayList<>();
        collectPolygons(g, minArea, keep);
        if (keep.isEmpty()) return GeoJson.FACTORY.createPolygon();
        if (keep.size() == 1) return keep.get(0);
        return GeoJson.FACTORY.createMultiPolygon(keep.toArray(new Polygon[0]));
    }

    private static void collectPolygons(Geometry g, double minArea, Collection<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty() && p.getArea() > 0 && p.getArea() >= minArea) out.add(p);
        } else if (g instanceof GeometryCollection c) {
            for (int k = 0; k < c.getNumGeometries(); k++) collectPolygons(c.getGeometryN(k), minArea, out);
        }
    }

    // ---- lookups (allocation-free) ----

    /** State whose national airspace (land or territorial sea) contains the point, or {@link #NONE}. */
    public int stateAt(double latDeg, double lonDeg) {
        return nationalGrid.first(latDeg, lonDeg);
    }

    /**
     * State whose land territory contains the point, or {@link #NONE}. The land index of
     * precomputed airspace is built on the first call (under a second for Europe).
     */
    public int landStateAt(double latDeg, double lonDeg) {
        RegionGrid g = landGrid;
        if (g == null) g = buildLandGrid();
        return g.first(latDeg, lonDeg);
    }

    /** Over some state's territorial sea (inside its national airspace but not over land). */
    public boolean inTerritorialSea(double latDeg, double lonDeg) {
        return stateAt(latDeg, lonDeg) != NONE && landStateAt(latDeg, lonDeg) == NONE;
    }

    /** Whether the given state's national airspace contains the point. */
    public boolean inNationalAirspace(int state, double latDeg, double lonDeg) {
        return state >= 0 && nationalGrid.contains(state, latDeg, lonDeg);
    }

    /** Inside the modelled region and beyond every territorial sea. */
    public boolean isInternational(double latDeg, double lonDeg) {
        return nationalGrid.covers(latDeg, lonDeg) && stateAt(latDeg, lonDeg) == NONE;
    }

    /** Whether the point is inside the modelled region at all (outside it every lookup says NONE). */
    public boolean covers(double latDeg, double lonDeg) {
        return nationalGrid.covers(latDeg, lonDeg);
    }

    // ---- the state table ----

    public int stateCount() {
        return iso.length;
    }

    /** ISO 3166-1 alpha-2 code of a state index (XK for Kosovo, user-assigned). */
    public String iso(int state) {
        return iso[state];
    }

    public String name(int state) {
        return names[state];
    }

    /** Index of an ISO alpha-2 code, or {@link #NONE}. */
    public int indexOf(String isoA2) {
        Integer i = indexByIso.get(isoA2);
        return i == null ? NONE : i;
    }

    public double territorialSeaNm(int state) {
        return claimNm[state];
    }

    // ---- geometries for map layers and further computation (lon/lat, x = lon) ----

    public Geometry land(int state) {
        return land[state];
    }

    /** The state's national airspace less its land. */
    public Geometry territorialSea(int state) {
        return territorialSea[state];
    }

    public Geometry nationalAirspace(int state) {
        return national[state];
    }

    /**
     * The region less every state's national airspace. For precomputed airspace it is computed on
     * the first request, which takes tens of seconds for all of Europe: for analysis, not start-up.
     */
    public synchronized Geometry internationalAirspace() {
        if (international == null) {
            international = difference(GeoJson.FACTORY.toGeometry(region), OverlayNGRobust.union(List.of(national)));
        }
        return international;
    }

    public Envelope region() {
        return new Envelope(region);
    }

    /** Where the data comes from and its licence, for the product's attribution. */
    public String source() {
        return source;
    }

    private synchronized RegionGrid buildLandGrid() {
        if (landGrid == null) landGrid = new RegionGrid(List.of(land), region, CELL_DEG);
        return landGrid;
    }
}
