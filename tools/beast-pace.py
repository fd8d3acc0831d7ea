#!/usr/bin/env python3
"""Sends a Beast capture to one or more TCP receivers at real-time pace (by its 12 MHz clock).

    tools/beast-pace.py [--cpu PID,PID...] CAPTURE.beast SECONDS SPEED HOST:PORT [HOST:PORT ...]

Every receiver gets the same bytes at the same moments (batches of 10 ms of data), so two
decoders fed by one run see one load. SECONDS of data from the start of the file are sent (0: all),
at SPEED x real time. Prints the frames and data seconds sent, and how late the sender ran; with
--cpu, the CPU seconds (user + sys, /proc) each process used from the first byte sent to the last,
and that window's wall time (the capture is read and indexed before the window opens).
"""
import os
import socket
import sys
import time


def frames(data, limit_ticks):
    """(start, end, ticks) of each Beast frame, up to limit_ticks after the first."""
    n = len(data)
    i = data.find(b"\x1a")
    first = None
    lengths = {0x31: 2, 0x32: 7, 0x33: 14, 0x34: 14}
    while 0 <= i < n - 1:
        kind = data[i + 1]
        body = lengths.get(kind)
        if body is None:
            i = data.find(b"\x1a", i + 1)
            continue
        want = 6 + 1 + body
        j = i + 2
        seg = data[j : j + want]
        if len(seg) == want and b"\x1a" not in seg:  # the usual frame: no escaped bytes
            ticks = int.from_bytes(seg[0:6], "big")
            if first is None:
                first = ticks
            if limit_ticks and ticks - first > limit_ticks:
                return
            yield i, j + want, ticks - first
            i = j + want if j + want < n and data[j + want] == 0x1A else data.find(b"\x1a", j + want)
            continue
        raw = bytearray()
        while len(raw) < want and j < n:
            b = data[j]
            if b == 0x1A:
                if j + 1 < n and data[j + 1] == 0x1A:
                    j += 2
                    raw.append(0x1A)
                    continue
                break  # a new frame began: this one is cut short
            raw.append(b)
            j += 1
        if len(raw) == want:
            ticks = int.from_bytes(raw[0:6], "big")
            if first is None:
                first = ticks
            if limit_ticks and ticks - first > limit_ticks:
                return
            yield i, j, ticks - first
        i = data.find(b"\x1a", j) if j < n else -1


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    args = sys.argv[1:]
    pids = []
    if args[0] == "--cpu":
        pids = [int(p) for p in args[1].split(",")]
        args = args[2:]
    path, seconds, speed = args[0], float(args[1]), float(args[2])
    targets = [a.rsplit(":", 1) for a in args[3:]]
    socks = [socket.create_connection((h, int(p))) for h, p in targets]
    with open(path, "rb") as f:
        data = f.read()
    index = list(frames(data, int(seconds * 12e6)))
    cpu0 = [cpu_seconds(p) for p in pids]
    start = time.monotonic()
    batch_ticks = int(0.010 * 12e6)
    k, late = 0, 0.0
    while k < len(index):
        first_tick = index[k][2]
        m = k
        while m < len(index) and index[m][2] - first_tick < batch_ticks:
            m += 1
        due = start + first_tick / 12e6 / speed
        now = time.monotonic()
        if due > now:
            time.sleep(due - now)
        else:
            late = max(late, now - due)
        chunk = data[index[k][0] : index[m - 1][1]]
        for s in socks:
            s.sendall(chunk)
        k = m
    window = time.monotonic() - start
    cpu1 = [cpu_seconds(p) for p in pids]
    span = index[-1][2] / 12e6 if index else 0
    for s in socks:
        s.close()
    print(f"sent {len(index)} frames, {span:.1f} s of data in {window:.1f} s, at most {late:.3f} s late")
    for p, a, b in zip(pids, cpu0, cpu1):
        print(f"cpu {p} {b - a:.3f} window {window:.3f}")


if __name__ == "__main__":
    main()
