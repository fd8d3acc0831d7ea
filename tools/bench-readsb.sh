#!/usr/bin/env bash
# Whole process, side by side on one Beast file: CPU-seconds per million messages of `vigil replay`
# (aircraft table, tracker and identification on) and of a readsb-family decoder fed the same bytes.
#
#   tools/bench-readsb.sh CAPTURE.beast [RUNS]
#   tools/bench-readsb.sh --pace CAPTURE.beast [SECONDS]      real-time pace: `vigil run` beside the peer
#
# --pace: a `vigil run` server (default theatre: tracker, identification, recording, console) and the
# peer each listen for Beast; tools/beast-pace.py sends both the same first SECONDS (default 120) of
# the capture at real-time pace by its 12 MHz clock. Each one's CPU (user + sys from /proc) is read
# when the sending starts and when it ends, so the server's start-up is left out and its JIT and GC
# during the run are in; the share of one core is that CPU over the sending's wall time.
#
# The peer: readsb and dump1090-fa are not packaged by Debian (bookworm); dump1090-mutability, the
# fork readsb grew from, is, and is installed here with apt-get when absent (no other network).
# It is run with networking only: a Beast input port receives the file, nothing else is enabled
# (no JSON, no outputs read). Its CPU is read from /proc before and after the bytes are sent and
# once it has gone quiet. Vigil's is user + sys of the whole JVM (start-up, JIT, GC included), read
# by /usr/bin/time. Runs alternate (vigil, peer, vigil, peer, ...). Both figures are CPU seconds,
# not wall time: the machine may be shared.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${VIGIL_JAR:-$here/server/target/vigil.jar}"
file="${1:?usage: $0 CAPTURE.beast [RUNS]}"
runs="${2:-3}"
peer=/usr/bin/dump1090-mutability
if [ ! -x "$peer" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends dump1090-mutability
fi
[ -f "$jar" ] || { echo "no $jar: build with mvn -B -q -pl server -am -DskipTests package" >&2; exit 2; }
tck=$(getconf CLK_TCK)
cpu_of() { awk -v t="$tck" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$1/stat"; }
if [ "$file" = "--pace" ]; then
  file="${2:?usage: $0 --pace CAPTURE.beast [SECONDS]}"
  seconds="${3:-120}"
  data=$(mktemp -d)
  pv=$((30000 + RANDOM % 10000)); pw=$((40000 + RANDOM % 10000)); pp=$((50000 + RANDOM % 10000))
  echo "file: $file, first $seconds s at real-time pace; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
  java -Xmx1g -jar "$jar" run --listen-beast "$pv" --listen-bind 127.0.0.1 --bind 127.0.0.1 --port "$pw" \
    --data "$data" > "$data/run.log" 2>&1 &
  vpid=$!
  "$peer" --net-only --quiet --net-bi-port "$pp" --net-ri-port 0 --net-ro-port 0 --net-sbs-port 0 \
    --net-bo-port 0 --net-heartbeat 0 --stats > "$data/peer.txt" 2>&1 &
  ppid=$!
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$pv") 2>/dev/null && break; sleep 1; done
  sleep 5 # the server's start-up settles (its CPU before the sending is not counted)
  python3 "$here/tools/beast-pace.py" --cpu "$vpid,$ppid" "$file" "$seconds" 1 "127.0.0.1:$pv" "127.0.0.1:$pp" \
    | tee "$data/pace.txt"
  kill -TERM "$vpid" "$ppid"; wait "$vpid" "$ppid" 2>/dev/null || true
  awk -v vp="$vpid" -v pp="$ppid" -v l="$(cut -d' ' -f1 /proc/loadavg)" '
    $1 == "cpu" && $2 == vp { v = $3; w = $5 } $1 == "cpu" && $2 == pp { p = $3 }
    END { printf "window %.1f s: vigil run CPU %.2f s (%.2f %% of a core), peer CPU %.2f s (%.2f %% of a core): %.1fx, load %s\n", w, v, 100*v/w, p, 100*p/w, v/(p > 0 ? p : 1e-9), l }' "$data/pace.txt"
  rm -rf "$data"
  exit 0
fi
echo "file: $file ($(stat -c %s "$file") bytes); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
frames=""
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%U %S %e" -o /tmp/vigil-bench-time.txt java -Xmx1g -jar "$jar" replay "$file" > /tmp/vigil-bench-replay.txt
  read -r u s w < /tmp/vigil-bench-time.txt
  # the replay's own count of items read from the file (frames)
  frames=$(awk '/beast/ && /items/ { for (i = 1; i <= NF; i++) if ($(i+1) == "items") { gsub(",", "", $i); print $i; exit } }' /tmp/vigil-bench-replay.txt)
  awk -v u="$u" -v s="$s" -v w="$w" -v n="$frames" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "vigil  run %d: %s messages, CPU %.2f s (user %.2f, sys %.2f), wall %.2f s: %.3f CPU-s per million, load %s\n", '"$i"', n, u+s, u, s, w, (u+s)/n*1e6, l }'
  port=$((30000 + RANDOM % 20000))
  "$peer" --net-only --quiet --net-bi-port "$port" --net-ri-port 0 --net-ro-port 0 --net-sbs-port 0 \
    --net-bo-port 0 --net-heartbeat 0 --stats > /tmp/vigil-bench-peer.txt 2>&1 &
  pid=$!
  sleep 1
  c0=$(cpu_of "$pid")
  cat "$file" > "/dev/tcp/127.0.0.1/$port"
  # wait until it has used no CPU for a second: every byte decoded
  prev=""; cur=$(cpu_of "$pid")
  while [ "$cur" != "$prev" ]; do prev=$cur; sleep 1; cur=$(cpu_of "$pid"); done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  peer_msgs=$(grep -m1 -E "total usable messages" /tmp/vigil-bench-peer.txt | awk '{print $1}')
  awk -v a="$c0" -v b="$cur" -v n="$frames" -v m="${peer_msgs:-?}" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "peer   run %d: %s messages (it counted %s usable), CPU %.2f s: %.3f CPU-s per million, load %s\n", '"$i"', n, m, b-a, (b-a)/n*1e6, l }'
done
