#!/usr/bin/env python3
"""Breaks, swaps and false tracks of a tracks CSV (t,track_id,x,vx,y,vy) against truth.csv (the
exchange format of ss_run.py), at every multiple of --eval-step.

At each evaluation time, tracks are assigned to truths one-to-one (Hungarian, scipy) on position
distance, pairs beyond --threshold metres (default 2 km) dropped. For each truth, every change of
its assigned track number is counted:
  swap   the previous track now follows another truth (identity exchanged between aircraft);
  break  otherwise (the previous track ended or was left unassigned: a new number for the aircraft).
A gap (no track for a while) followed by a new number is a break; the same number again is not.
false tracks: track numbers never assigned to any truth at any evaluation time.

Usage: track_counts.py TRUTH_CSV TRACKS_CSV [--eval-step 5] [--threshold 2000] [--min-points 1]
Needs numpy and scipy (Debian: python3-numpy python3-scipy).
"""
import argparse, csv, math
from collections import defaultdict

import numpy as np
from scipy.optimize import linear_sum_assignment


def on_grid(t, step):
    k = round(t / step)
    return abs(t - k * step) < 1e-6


def load_tracks(path, step, t_from, t_to, min_points):
    """Track states resampled on the evaluation grid (last state at or before, extrapolated), from
    the min_points-th state on (Stone Soup's tracks.csv holds every update, not a grid)."""
    states = defaultdict(list)
    with open(path) as f:
        for r in csv.DictReader(f):
            states[r["track_id"]].append((float(r["t"]), float(r["x"]), float(r["vx"]), float(r["y"]), float(r["vy"])))
    by_time = defaultdict(dict)
    for tid, st in states.items():
        st.sort()
        st = st[min_points - 1:]
        if not st:
            continue
        j = 0
        k = math.ceil(st[0][0] / step - 1e-9)
        while k * step <= st[-1][0] + 1e-9:
            tk = k * step
            while j + 1 < len(st) and st[j + 1][0] <= tk + 1e-9:
                j += 1
            t, x, vx, y, vy = st[j]
            if t_from <= tk <= t_to:
                by_time[k][tid] = (x + vx * (tk - t), y + vy * (tk - t))
            k += 1
    return by_time


def load(path, id_key, step, t_from, t_to):
    by_time = defaultdict(dict)
    with open(path) as f:
        for r in csv.DictReader(f):
            t = float(r["t"])
            if not on_grid(t, step) or t < t_from or t > t_to:
                continue
            by_time[round(t / step)][r[id_key]] = (float(r["x"]), float(r["y"]))
    return by_time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("truth"); ap.add_argument("tracks")
    ap.add_argument("--eval-step", type=float, default=5.0)
    ap.add_argument("--threshold", type=float, default=2000.0)
    ap.add_argument("--from", dest="t_from", type=float, default=-1e18)
    ap.add_argument("--to", dest="t_to", type=float, default=1e18)
    ap.add_argument("--truth-id", default="id")
    ap.add_argument("--min-points", type=int, default=1,
                    help="score a track from its N-th state on (3 for Stone Soup's tracks.csv: from confirmation)")
    a = ap.parse_args()
    truths = load(a.truth, a.truth_id, a.eval_step, a.t_from, a.t_to)
    tracks = load_tracks(a.tracks, a.eval_step, a.t_from, a.t_to, a.min_points)
    last = {}            # truth -> last assigned track
    owner_now = {}       # track -> truth at the current time
    breaks = swaps = 0
    assigned_ever = set()
    all_tracks = set()
    for k in sorted(set(truths) | set(tracks)):
        tr = truths.get(k, {}); tk = tracks.get(k, {})
        all_tracks.update(tk)
        owner_now = {}
        if tr and tk:
            ti = list(tr); ki = list(tk)
            cost = np.array([[math.hypot(tr[u][0] - tk[v][0], tr[u][1] - tk[v][1]) for v in ki] for u in ti])
            big = 1e12
            rows, cols = linear_sum_assignment(np.where(cost <= a.threshold, cost, big))
            pairs = [(ti[r], ki[c]) for r, c in zip(rows, cols) if cost[r, c] <= a.threshold]
        else:
            pairs = []
        for u, v in pairs:
            owner_now[v] = u
            assigned_ever.add(v)
        for u, v in pairs:
            prev = last.get(u)
            if prev is not None and prev != v:
                if prev in owner_now and owner_now[prev] != u:
                    swaps += 1
                else:
                    breaks += 1
            last[u] = v
    false_tracks = len(all_tracks - assigned_ever)
    print(f"breaks {breaks} swaps {swaps} false_tracks {false_tracks} tracks {len(all_tracks)} "
          f"truths {len({u for d in truths.values() for u in d})}")


if __name__ == "__main__":
    main()
