#!/usr/bin/env bash
# tools/stonesoup/compare.sh SCENARIO SAC SIC MINUTES OUT STONESOUP_SRC [THEATRE]
# Vigil's tracker and Stone Soup's GNN + EKF on the same plots of one radar of a simulated scenario,
# scored with Stone Soup's metric generators (OSPA, GOSPA, SIAP; ss_run.py) and track_counts.py
# (breaks, swaps, false tracks). Needs the reactor build's classes (mvn ... test-compile
# dependency:build-classpath, docs/BENCHMARKS.md), numpy and scipy (Debian python3-numpy
# python3-scipy) and Stone Soup's source tree (public repository dstl/Stone-Soup) at STONESOUP_SRC.
set -euo pipefail
scenario=$1; sac=$2; sic=$3; minutes=$4; out=$5; ss=$6; theatre=${7:-}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
cp="$root/server/target/classes:$root/core/target/classes:$root/codecs/target/classes:$(cat "$root/server/target/test.classpath")"
py=/usr/bin/python3
mkdir -p "$out"
[ -f "$out/sim/manifest.json" ] || \
  java -cp "$cp" org.vigil.server.cli.Vigil sim $scenario ${theatre:+--theatre $theatre} --out "$out/sim" --duration "${minutes}m" > /dev/null
java -cp "$cp" org.vigil.server.cli.Vigil asterix "$out/sim/radar-$sac-$sic.ast" --quiet > "$out/radar.jsonl"
$py "$here/vigilsim_to_exchange.py" "$out/sim" "$sac" "$sic" "$out/radar.jsonl" "$out/ex" --eval-step 5
period=$($py -c "import json,sys; m=json.load(open('$out/sim/manifest.json')); print([f for f in m['files'] if f.get('kind')=='radar' and f['sac']==$sac and f['sic']==$sic][0]['rotationSeconds'])")
mkdir -p "$out/cls"
javac -nowarn -cp "$cp" -d "$out/cls" "$here/ExchangeTracker.java"
cover=$($py -c "import json,sys; m=json.load(open('$out/sim/manifest.json')); print([f for f in m['files'] if f.get('kind')=='radar' and f['sac']==$sac and f['sic']==$sic][0]['rangeNm'] * 1852)")
# COVER=0 tools/stonesoup/compare.sh ...: the tracker is not told the radar's range (as before issue #14's fix)
java -cp "$cp:$out/cls" ExchangeTracker "$out/ex" imm 5 1 "$period" "${COVER:-$cover}" | grep "^motion" || true
PYTHONPATH="$ss:$here" $py "$here/ss_run.py" --dir "$out/ex" --batch 1 --eval-step 5 --online \
  --external "$out/ex/vigil_imm_tracks.csv" --c 10000 2>&1 | grep -v "^{" | sed -n '/stonesoup tracker/p;/^metric/,$p' | grep -v '^ *"'
echo "counts (2 km association, every 5 s):"
echo -n "  stonesoup GNN+EKF: "; $py "$here/track_counts.py" "$out/ex/truth.csv" "$out/ex/tracks.csv" --min-points 3
echo -n "  vigil IMM:         "; $py "$here/track_counts.py" "$out/ex/truth.csv" "$out/ex/vigil_imm_tracks.csv"
