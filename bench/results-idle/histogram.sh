#!/bin/bash
# Live heap per idle connection by class: start SERVER from JAR, open and close 1,000 connections
# (class loading, JIT), take a class histogram, hold N idle connections with wsload, take another,
# and divide the growth by N (histogram_diff.py).
# usage: histogram.sh JAR SERVER OUTPREFIX [N]   (wsload built at /tmp/wsload, see ../../../shared/tools/wsload)
JAR=$1; SRV=$2; OUT=$3; N=${4:-10000}
HERE=$(dirname "$0")
java -XX:+UseG1GC -Xmx1g -cp "$JAR" io.niows.bench.servers.ServerMain "$SRV" 1 > "$OUT.server.log" 2>&1 &
SPID=$!
for i in $(seq 50); do grep -q LISTENING "$OUT.server.log" && break; sleep 0.2; done
PORT=$(awk '/LISTENING/{print $2}' "$OUT.server.log")
/tmp/wsload -m idle -p "$PORT" -c 1000 -t 2 > "$OUT.warm.json" 2>&1
sleep 1
jcmd $SPID GC.class_histogram > "$OUT.h0.txt"
/tmp/wsload -m idle -p "$PORT" -c "$N" -t 25 > "$OUT.load.json" 2>&1 &
LPID=$!
sleep 15
jcmd $SPID GC.class_histogram > "$OUT.h1.txt"
wait $LPID
kill $SPID; wait $SPID 2>/dev/null
python3 "$HERE/histogram_diff.py" "$OUT.h0.txt" "$OUT.h1.txt" "$N" > "$OUT.diff.txt"
head -40 "$OUT.diff.txt"
