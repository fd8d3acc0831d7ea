#!/usr/bin/env bash
# Profiles `vigil replay` with Java Flight Recorder (built into the JDK: nothing to download) and
# prints where the CPU and the allocation go (docs/PERFORMANCE.md).
#
#   tools/bench-profile.sh [replay arguments...]       e.g. tools/bench-profile.sh /tmp/bs/adsb-*.beast
#   tools/bench-profile.sh --summary                   the summary of the last recording in $OUT again
#
# Environment: VIGIL_JAR (default server/target/vigil.jar), OUT (default /tmp/vigil-profile),
# HEAP (default 1g), TOP (rows per table, default 25).
# Output: $OUT/replay.jfr (open it in JDK Mission Control for a flame graph), $OUT/replay.txt (the
# replay's own report), $OUT/time.txt (CPU seconds: user + sys, the figure to compare on a shared
# machine) and the text summary on stdout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${VIGIL_JAR:-$here/server/target/vigil.jar}"
out="${OUT:-/tmp/vigil-profile}"
heap="${HEAP:-1g}"
[ -f "$jar" ] || { echo "no $jar: build with mvn -B -q -pl server -am -DskipTests package" >&2; exit 2; }
if [ "${1:-}" = "--summary" ]; then summary_only=1; shift; else summary_only=0; fi
[ $# -gt 0 ] || [ "$summary_only" = 1 ] || { echo "usage: $0 REPLAY-ARGUMENTS (a sim directory or capture files)" >&2; exit 2; }
mkdir -p "$out"
if [ "$summary_only" = 0 ]; then
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "cpu_user_s=%U cpu_sys_s=%S wall_s=%e max_rss_kb=%M" -o "$out/time.txt" \
  java "-Xmx$heap" -XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename="$out/replay.jfr",settings=profile,dumponexit=true \
  -jar "$jar" replay "$@" > "$out/replay.txt" 2> "$out/replay.err"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out/time.txt"
grep -E "inputs in|Tracker|refused|Identification|copies" "$out/replay.txt" || true
fi
jfr print --json --events jdk.ExecutionSample "$out/replay.jfr" > "$out/cpu.json"
jfr print --json --events jdk.ObjectAllocationSample "$out/replay.jfr" > "$out/alloc.json"
jfr print --json --events jdk.GarbageCollection "$out/replay.jfr" > "$out/gc.json"
TOP="${TOP:-25}" python3 - "$out" <<'PY'
import json, os, sys, collections
out = sys.argv[1]; top = int(os.environ["TOP"])
def events(name):
    with open(os.path.join(out, name)) as f:
        return json.load(f)["recording"]["events"]
def frames(e):
    st = e["values"].get("stackTrace") or {}
    for fr in st.get("frames") or []:
        m = fr.get("method") or {}
        t = (m.get("type") or {}).get("name", "?").replace("/", ".")
        yield t + "." + m.get("name", "?")
def short(n):
    return n.replace("org.vigil.", "")
cpu = events("cpu.json")
n = len(cpu)
print(f"\nCPU: {n} execution samples (Java code only; JIT and GC threads are not sampled here)")
threads = collections.Counter((e["values"].get("sampledThread") or {}).get("javaName", "?") for e in cpu)
print("  by thread: " + ", ".join(f"{t} {100*c/n:.1f}%" for t, c in threads.most_common(5)))
self_ = collections.Counter(); incl = collections.Counter(); stage = collections.Counter()
STAGES = [("codec.feed.", "framing (Beast/AVR)"), ("codec.modes.ModeSDecoder", "Mode S decode"),
          ("codec.modes.CprResolver", "CPR"), ("codec.modes.AircraftUpdater", "aircraft table"),
          ("core.aircraft.", "aircraft table"), ("server.tracking.", "tracking adapters"), ("server.pipeline.", "Mode S pipeline"),
          ("core.track.", "tracker (core.track)"), ("core.ident.", "identification"),
          ("server.ident.", "identification"), ("core.gnss.", "GNSS picture"), ("server.picture.GnssPicture", "GNSS picture"),
          ("core.event.", "events (writing)"), ("server.tracking.TrackEventWriter", "events (writing)"),
          ("server.replay.", "replay (reading, merging)"), ("java.io.", "I/O"), ("sun.nio.", "I/O"),
          ("core.airspace.", "airspace (start-up build, lookups)"), ("org.locationtech.jts.", "start-up: geometry (JTS)"),
          ("server.theatre.", "start-up: theatre"), ("server.picture.Picture", "picture (wiring)"), ("java.lang.ClassLoader", "start-up: class loading"),
          ("jdk.internal.loader.", "start-up: class loading"), ("jdk.internal.jimage.", "start-up: class loading")]
for e in cpu:
    fs = list(frames(e))
    if not fs: continue
    self_[fs[0]] += 1
    for f in set(fs): incl[f] += 1
    # attribute the sample to the innermost stage found walking up the stack
    s = "other"
    for f in fs:
        g = short(f)
        hit = next((name for prefix, name in STAGES if g.startswith(prefix)), None)
        if hit: s = hit; break
    stage[s] += 1
print("\n  by stage (innermost Vigil stage on the stack):")
for s, c in stage.most_common(): print(f"    {100*c/n:5.1f}%  {s}")
steady = {s: c for s, c in stage.items() if not s.startswith("start-up") and not s.startswith("airspace")}
m = sum(steady.values())
print(f"\n  per message only (start-up stages left out: {m} samples; airspace lookups are counted in start-up here):")
for s, c in sorted(steady.items(), key=lambda x: -x[1]): print(f"    {100*c/max(m,1):5.1f}%  {s}")
print(f"\n  top {top} frames by self time (the method running when sampled):")
for f, c in self_.most_common(top): print(f"    {100*c/n:5.1f}%  {short(f)}")
print(f"\n  top {top} Vigil frames by total time (on the stack: a textual flame graph from the root down):")
for f, c in [(f, c) for f, c in incl.most_common() if f.startswith("org.vigil.")][:top]:
    print(f"    {100*c/n:5.1f}%  {short(f)}")
alloc = events("alloc.json")
tot = sum(e["values"].get("weight", 0) for e in alloc)
print(f"\nAllocation: {len(alloc)} samples, about {tot/2**20:,.0f} MiB allocated in all (sampled weights)")
byc = collections.Counter(); bysite = collections.Counter()
for e in alloc:
    w = e["values"].get("weight", 0)
    byc[((e["values"].get("objectClass") or {}).get("name", "?")).replace("/", ".")] += w
    site = next((f for f in frames(e) if f.startswith("org.vigil.")), next(frames(e), "?"))
    bysite[site] += w
print(f"  top {top} allocation sites (first Vigil frame):")
for f, w in bysite.most_common(top): print(f"    {100*w/max(tot,1):5.1f}%  {w/2**20:9,.1f} MiB  {short(f)}")
print(f"  top 10 classes allocated:")
for f, w in byc.most_common(10): print(f"    {100*w/max(tot,1):5.1f}%  {w/2**20:9,.1f} MiB  {f}")
gc = events("gc.json")
def seconds(iso):  # JFR durations print as ISO-8601, e.g. PT0.102878812S or PT1M2.5S
    iso = str(iso).removeprefix("PT"); total = 0.0; num = ""
    for ch in iso:
        if ch in "HMS": total += float(num or 0) * {"H": 3600, "M": 60, "S": 1}[ch]; num = ""
        else: num += ch
    return total
pause = sum(seconds(e["values"].get("sumOfPauses", "PT0S")) for e in gc)
causes = collections.Counter(e["values"].get("cause", "?") for e in gc)
print(f"\nGC: {len(gc)} collections, {pause:.2f} s of pauses; causes: " + ", ".join(f"{c} {k}" for k, c in causes.most_common(4)))
PY
