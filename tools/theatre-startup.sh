#!/bin/bash
# start-up of `vigil run --theatre THEATRE` to a served console: wall time from process start to the first HTTP 200 on /
JAR=$1; THEATRE=$2; N=${3:-3}
for i in $(seq 1 $N); do
  D=$(mktemp -d); P=$((18300 + i)); L=$((30200 + i))
  t0=$(date +%s.%N)
  java -jar "$JAR" run --theatre "$THEATRE" --listen-beast $L --port $P --bind 127.0.0.1 --data "$D/data" > "$D/out" 2> "$D/err" &
  pid=$!
  while true; do
    c=$(curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:$P/ 2>/dev/null)
    [ "$c" = "200" ] && break
    if ! kill -0 $pid 2>/dev/null; then echo "died"; cat "$D/err" | tail -5; break; fi
    sleep 0.05
  done
  t1=$(date +%s.%N)
  # CPU seconds the JVM had used by then (utime + stime, clock ticks)
  cpu=$(awk -v hz=$(getconf CLK_TCK) '{printf "%.2f", ($14 + $15) / hz}' /proc/$pid/stat)
  printf "%s run %d: %.2f s to a served console, %s s CPU\n" "$THEATRE" $i $(echo "$t1 - $t0" | bc) $cpu
  kill $pid; wait $pid 2>/dev/null
  rm -rf "$D"
done
