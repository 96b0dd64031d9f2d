#!/bin/bash
# Profiles the loop thread of one bench server under wsload (issue 19, CPU per small message).
# usage: perf-loop.sh LABEL JAR SERVER "WSLOAD ARGS"    (SERVER: niows or floor; DIR, WSLOAD may be set)
# Server pinned to CPU 1, wsload to CPU 0; after 4 s, for 5 s: perf record (cpu-clock, 2 kHz, call graphs) and
# perf stat (task-clock, read calls) of the loop thread, and the bytes the process read (/proc/PID/io rchar).
# JIT symbols: jcmd Compiler.perfmap writes /tmp/perf-PID.map. Writes DIR/LABEL.{perf,stat,json}.
label=$1; jar=$2; server=$3; args=$4
dir=${DIR:-/tmp/small}; wsload=${WSLOAD:-/tmp/wsload}
mkdir -p "$dir"
log=$dir/server-$label.log
taskset -c 1 java -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+PreserveFramePointer -cp "$jar" \
    io.niows.bench.servers.ServerMain "$server" 1 > "$log" 2>&1 &
pid=$!
for i in $(seq 1 100); do grep -q LISTENING "$log" && break; sleep 0.1; done
port=$(awk '/LISTENING/{print $2}' "$log")
taskset -c 0 "$wsload" $args -p "$port" -w 3 -t 9 -S "$pid" > "$dir/$label.json" 2>/dev/null &
wl=$!
sleep 4
tid=$(ps -L -o tid=,comm= -p $pid | awk '/loo/{print $1; exit}')
r0=$(awk '/^rchar/{print $2}' /proc/$pid/io)
perf stat -t "$tid" -e task-clock,syscalls:sys_enter_read -o "$dir/$label.stat" -- sleep 5 &
ps_pid=$!
perf record -e cpu-clock -F 2000 -g -t "$tid" -o "$dir/$label.perf" -- sleep 5 2>/dev/null >/dev/null
wait $ps_pid
r1=$(awk '/^rchar/{print $2}' /proc/$pid/io)
echo "rchar $((r1 - r0))" >> "$dir/$label.stat"
jcmd $pid Compiler.perfmap > /dev/null
wait $wl
kill $pid; wait $pid 2>/dev/null
