#!/usr/bin/env bash
# Whole process, side by side on one Beast file: CPU-seconds per million messages of `vigil replay`
# (aircraft table, tracker and identification on) and of a readsb-family decoder fed the same bytes.
#
#   tools/bench-readsb.sh CAPTURE.beast [RUNS]
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
