#!/bin/bash
# As histogram.sh, but each connection first sends one text message and reads its echo (chatty.py),
# then stays idle: what a connection that has talked keeps once it is quiet.
# usage: histogram-chatty.sh JAR SERVER OUTPREFIX [N]
JAR=$1; SRV=$2; OUT=$3; N=${4:-10000}
HERE=$(dirname "$0")
java -XX:+UseG1GC -Xmx1g -cp "$JAR" io.niows.bench.servers.ServerMain "$SRV" 1 > "$OUT.server.log" 2>&1 &
SPID=$!
for i in $(seq 50); do grep -q LISTENING "$OUT.server.log" && break; sleep 0.2; done
PORT=$(awk '/LISTENING/{print $2}' "$OUT.server.log")
python3 "$HERE/chatty.py" "$PORT" 1000 1 > /dev/null
sleep 1
jcmd $SPID GC.class_histogram > "$OUT.h0.txt"
python3 "$HERE/chatty.py" "$PORT" "$N" 40 > "$OUT.load.txt" 2>&1 &
LPID=$!
for i in $(seq 60); do grep -q held "$OUT.load.txt" && break; sleep 1; done
sleep 5
jcmd $SPID GC.class_histogram > "$OUT.h1.txt"
kill $LPID; wait $LPID 2>/dev/null
kill $SPID; wait $SPID 2>/dev/null
python3 "$HERE/histogram_diff.py" "$OUT.h0.txt" "$OUT.h1.txt" "$N" > "$OUT.diff.txt"
head -30 "$OUT.diff.txt"
