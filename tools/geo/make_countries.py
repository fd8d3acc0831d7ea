#!/usr/bin/env python3
"""Build black-sea-countries.geojson from the npm package world-atlas (Natural Earth admin-0, 1:10m).

Our own script: a small TopoJSON decoder (delta-encoded, quantised arcs) + rectangle clipping
(Sutherland-Hodgman per ring).  Only the Python standard library is needed.

Usage:
  npm pack world-atlas@2.0.2            # -> world-atlas-2.0.2.tgz (contains package/countries-10m.json)
  tar -xzf world-atlas-2.0.2.tgz
  python3 make_black_sea_countries.py package/countries-10m.json black-sea-countries.geojson \
      [--bbox 20 38 45 50] [--decimals 5] [--crimea-to-ukraine]

--crimea-to-ukraine: Natural Earth v4.1.0 (world-atlas 2.x) draws de-facto control, so the Crimean
peninsula is part of Russia's MultiPolygon.  This flag moves that polygon (the one containing
Simferopol 34.10E 44.95N) to Ukraine and merges it topologically with mainland Ukraine (shared
arcs at Perekop removed), i.e. the internationally recognised (UN GA res. 68/262) view.

Properties written per feature: name (Natural Earth NAME via world-atlas), iso_n3 (world-atlas id =
ISO 3166-1 numeric), iso_a2 / iso_a3 (from the table below), clipped (true if geometry was cut
at the bbox).  Known limitation: Sutherland-Hodgman can leave zero-area "bridges" along the bbox
edge where a concave country leaves and re-enters the box; area and point-in-polygon are unaffected.
"""
import argparse, json, sys

# ISO 3166-1 numeric -> (alpha-2, alpha-3) for every country that can touch lon 15-50 E, lat 33-55 N.
ISO = {
    "008": ("AL", "ALB"), "031": ("AZ", "AZE"), "040": ("AT", "AUT"), "051": ("AM", "ARM"),
    "070": ("BA", "BIH"), "100": ("BG", "BGR"), "112": ("BY", "BLR"), "191": ("HR", "HRV"),
    "196": ("CY", "CYP"), "203": ("CZ", "CZE"), "268": ("GE", "GEO"), "300": ("GR", "GRC"),
    "348": ("HU", "HUN"), "364": ("IR", "IRN"), "368": ("IQ", "IRQ"), "398": ("KZ", "KAZ"),
    "422": ("LB", "LBN"), "440": ("LT", "LTU"), "498": ("MD", "MDA"), "499": ("ME", "MNE"),
    "616": ("PL", "POL"), "642": ("RO", "ROU"), "643": ("RU", "RUS"), "688": ("RS", "SRB"),
    "703": ("SK", "SVK"), "705": ("SI", "SVN"), "760": ("SY", "SYR"), "792": ("TR", "TUR"),
    "795": ("TM", "TKM"), "804": ("UA", "UKR"), "807": ("MK", "MKD"), "376": ("IL", "ISR"),
    "400": ("JO", "JOR"), "428": ("LV", "LVA"), "233": ("EE", "EST"), "246": ("FI", "FIN"),
    "276": ("DE", "DEU"), "380": ("IT", "ITA"), "434": ("LY", "LBY"), "818": ("EG", "EGY"),
}
# Natural Earth features without an ISO numeric code (world-atlas id is null): matched by name.
NO_ISO = {"Kosovo": ("XK", "XKX", "user-assigned code (not official ISO 3166-1)"),
          "N. Cyprus": (None, None, "no ISO code")}


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx; y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_from(arcs, idxs):
    ring = []
    for i in idxs:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def merge_polys(arcs, polys):
    """Union of TopoJSON polygons (lists of arc-index rings) sharing arcs: drop arcs used by two
    rings (interior), stitch the rest by endpoints.  Returns list of closed coordinate rings."""
    used = {}
    for poly in polys:
        for ring in poly:
            for i in ring:
                k = i if i >= 0 else ~i
                used[k] = used.get(k, 0) + 1
    frags = [i for poly in polys for ring in poly for i in ring if used[i if i >= 0 else ~i] == 1]
    seg = {i: (arcs[i] if i >= 0 else arcs[~i][::-1]) for i in frags}
    by_start = {}
    for i in frags:
        by_start.setdefault(seg[i][0], []).append(i)
    rings, left = [], set(frags)
    while left:
        i = left.pop(); ring = list(seg[i])
        while ring[-1] != ring[0]:
            nxt = [j for j in by_start.get(ring[-1], []) if j in left]
            if not nxt:
                raise ValueError("merge: open ring")
            left.discard(nxt[0]); ring.extend(seg[nxt[0]][1:])
        rings.append(ring)
    return rings


def point_in_ring(pt, ring):
    x, y = pt; c = False
    for i in range(len(ring) - 1):
        (xa, ya), (xb, yb) = ring[i], ring[i + 1]
        if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
            c = not c
    return c


def clip_ring(ring, x0, y0, x1, y1):
    """Sutherland-Hodgman against an axis-aligned rectangle; ring is closed (first == last)."""
    pts = ring[:-1] if ring and ring[0] == ring[-1] else ring[:]
    edges = [(lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
             (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
             (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
             (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1))]
    for inside, cross in edges:
        if not pts:
            break
        out = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
        pts = out
    return pts


def area(pts):
    return 0.5 * sum(pts[i - 1][0] * pts[i][1] - pts[i][0] * pts[i - 1][1] for i in range(len(pts)))


def finish(pts, nd, want_ccw):
    q = []
    for x, y in pts:
        p = (round(x, nd), round(y, nd))
        if not q or q[-1] != p:
            q.append(p)
    while len(q) > 1 and q[0] == q[-1]:
        q.pop()
    if len(q) < 3 or abs(area(q)) < 1e-9:
        return None
    if (area(q) > 0) != want_ccw:          # RFC 7946: exterior CCW, holes CW
        q.reverse()
    q.append(q[0])
    return [list(p) for p in q]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("topojson"); ap.add_argument("out")
    ap.add_argument("--bbox", nargs=4, type=float, default=[20.0, 38.0, 45.0, 50.0],
                    metavar=("W", "S", "E", "N"))
    ap.add_argument("--decimals", type=int, default=5)
    ap.add_argument("--crimea-to-ukraine", action="store_true")
    ap.add_argument("--any-iso", action="store_true",
                    help="keep countries missing from the ISO table (alpha codes left empty): a basemap")
    a = ap.parse_args()
    x0, y0, x1, y1 = a.bbox
    topo = json.load(open(a.topojson))
    arcs = decode_arcs(topo)
    geoms = [g for g in topo["objects"]["countries"]["geometries"]
             if g.get("type") in ("Polygon", "MultiPolygon")]
    # each polygon becomes a list of coordinate rings (first = exterior)
    coord_polys = {id(g): [[ring_from(arcs, r) for r in poly]
                           for poly in ([g["arcs"]] if g["type"] == "Polygon" else g["arcs"])]
                   for g in geoms}
    extra_props = {}
    if a.crimea_to_ukraine:
        rus = next(g for g in geoms if g.get("id") == "643")
        ukr = next(g for g in geoms if g.get("id") == "804")
        rus_polys = [rus["arcs"]] if rus["type"] == "Polygon" else rus["arcs"]
        ukr_polys = [ukr["arcs"]] if ukr["type"] == "Polygon" else ukr["arcs"]
        k = next(i for i, poly in enumerate(rus_polys)
                 if point_in_ring((34.10, 44.95), ring_from(arcs, poly[0])))
        crimea = rus_polys[k]
        crimea_arcs = {i if i >= 0 else ~i for r in crimea for i in r}
        m = next(i for i, poly in enumerate(ukr_polys)
                 if crimea_arcs & {j if j >= 0 else ~j for r in poly for j in r})
        merged = merge_polys(arcs, [ukr_polys[m], crimea])
        merged.sort(key=lambda r: -abs(area(r)))
        cp_u = coord_polys[id(ukr)]
        cp_u[m] = [merged[0]] + merged[1:] + [ring_from(arcs, r) for r in ukr_polys[m][1:]]
        del coord_polys[id(rus)][k]
        extra_props = {"804": {"pov_note": "Crimea (incl. Sevastopol) merged into Ukraine (de jure)"},
                       "643": {"pov_note": "Crimea removed (de jure view)"}}
    feats = []
    for g in geoms:
        out_polys, clipped = [], False
        for rings in coord_polys[id(g)]:
            xs = [p[0] for p in rings[0]]; ys = [p[1] for p in rings[0]]
            if max(xs) - min(xs) > 180:
                continue  # a ring across the antimeridian (Chukotka, Fiji): never in a European box
            if max(xs) < x0 or min(xs) > x1 or max(ys) < y0 or min(ys) > y1:
                continue
            if min(xs) < x0 or max(xs) > x1 or min(ys) < y0 or max(ys) > y1:
                clipped = True
            outer = finish(clip_ring(rings[0], x0, y0, x1, y1), a.decimals, True)
            if outer is None:
                continue
            holes = [h for h in (finish(clip_ring(r, x0, y0, x1, y1), a.decimals, False)
                                 for r in rings[1:]) if h is not None]
            out_polys.append([outer] + holes)
        if not out_polys:
            continue
        name = g.get("properties", {}).get("name")
        iso_n3 = g.get("id")
        note = None
        if iso_n3 is not None:
            if iso_n3 not in ISO and a.any_iso:
                ISO[iso_n3] = (None, None)
            if iso_n3 not in ISO:
                sys.exit(f"no ISO alpha mapping for {iso_n3} {name}: extend the ISO table")
            a2, a3 = ISO[iso_n3]
        elif name in NO_ISO:
            a2, a3, note = NO_ISO[name]
        elif a.any_iso:
            a2, a3, note = None, None, "no ISO code"
        else:
            sys.exit(f"feature without id in bbox: {name}: extend NO_ISO")
        props = {"name": name, "iso_n3": iso_n3, "iso_a2": a2, "iso_a3": a3, "clipped": clipped}
        if note:
            props["iso_note"] = note
        props.update(extra_props.get(iso_n3, {}))
        geom = ({"type": "Polygon", "coordinates": out_polys[0]} if len(out_polys) == 1
                else {"type": "MultiPolygon", "coordinates": out_polys})
        feats.append({"type": "Feature", "id": a3 or name, "properties": props, "geometry": geom})
    feats.sort(key=lambda f: f["properties"]["name"])
    pov = ("de jure: Crimea assigned to Ukraine (--crimea-to-ukraine)" if a.crimea_to_ukraine
           else "Natural Earth default (de facto control as of v4.1.0: Crimea drawn as Russia)")
    fc = {"type": "FeatureCollection",
          "bbox": [x0, y0, x1, y1],
          "metadata": {"source": "Natural Earth Admin 0 countries (v4.1.0) via npm world-atlas@2.0.2 " + a.topojson.split("/")[-1],
                       "licence": "Natural Earth: public domain; world-atlas packaging: ISC",
                       "clip_bbox": [x0, y0, x1, y1],
                       "point_of_view": pov},
          "features": feats}
    with open(a.out, "w") as f:
        json.dump(fc, f, separators=(",", ":"))
    print(f"{len(feats)} features -> {a.out}")
    for ft in feats:
        p = ft["properties"]; g = ft["geometry"]
        n = sum(len(r) for poly in ([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]) for r in poly)
        print(f"  {p['iso_a3'] or '-':4} {p['iso_n3'] or '-':4} {p['name']:<24} {g['type']:<12} pts={n} clipped={p['clipped']}")


if __name__ == "__main__":
    main()
