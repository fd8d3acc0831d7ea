#!/usr/bin/env python3
"""Writes a theatre's FIR boundaries (GeoJSON) from VAT-Spy's Boundaries.geojson.

Keeps the features whose id is a 4-letter ICAO FIR id (not the sub-sectors, e.g. "LRBB-W") and
that touch the box WEST SOUTH EAST NORTH (a vertex in the box, a box corner in the polygon, or an
edge crossing the box's edges), unchanged and in file order. Source: GitHub
vatsimnetwork/vatspy-data-project, Boundaries.geojson, CC BY-SA 4.0; see the theatre's SOURCES.md.

    python3 tools/airspace/make_firs.py Boundaries.geojson COMMIT WEST SOUTH EAST NORTH OUT
"""
import json
import re
import sys


def rings(geometry):
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for poly in polys:
        for ring in poly:
            yield ring


def inside(ring, x, y):
    odd = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            odd = not odd
    return odd


def crosses(a, b, c, d):
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def touches(geometry, w, s, e, n):
    corners = [(w, s), (e, s), (e, n), (w, n)]
    edges = list(zip(corners, corners[1:] + corners[:1]))
    for ring in rings(geometry):
        if any(w <= x <= e and s <= y <= n for x, y in ring):
            return True
        if any(inside(ring, x, y) for x, y in corners):
            return True
        for p, q in zip(ring, ring[1:]):
            if any(crosses(p, q, c, d) for c, d in edges):
                return True
    return False


def main():
    src, commit, w, s, e, n, out = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:7]), sys.argv[7]
    data = json.load(open(src, encoding="utf-8"))
    kept = [f for f in data["features"]
            if re.fullmatch(r"[A-Z]{4}", f["properties"]["id"]) and touches(f["geometry"], w, s, e, n)]
    result = {
        "type": "FeatureCollection",
        "metadata": {
            "source": "vatsimnetwork/vatspy-data-project Boundaries.geojson, commit " + commit,
            "licence": "CC BY-SA 4.0 - attribution: VAT-Spy Client Data Update Project (VATSIM)",
            "warning": "flight-simulation data; approximates real FIRs; not for navigation",
            "region_filter": [w, s, e, n],
        },
        "features": kept,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(out, len(kept), "FIRs:", " ".join(f["properties"]["id"] for f in kept))


if __name__ == "__main__":
    main()
