#!/bin/bash
# JFR of one bench server under wsload: Java execution samples every 1 ms (the profile settings sample every
# 10 ms) and allocation samples, for DUR seconds once the load runs.
# usage: jfr-loop.sh LABEL JAR SERVER "WSLOAD ARGS"      then: jfr-shares.py DIR/LABEL.jfr
label=$1; jar=$2; server=$3; args=$4
dir=${DIR:-/tmp/small}; wsload=${WSLOAD:-/tmp/wsload}; dur=${DUR:-20}
mkdir -p "$dir"
jdk=$(dirname "$(dirname "$(readlink -f "$(which java)")")")
sed 's#<setting name="period" control="method-sampling-java-interval">[^<]*<#<setting name="period" control="method-sampling-java-interval">1 ms<#' \
    "$jdk/lib/jfr/profile.jfc" > "$dir/sampling-1ms.jfc"
log=$dir/server-$label.log
taskset -c 1 java -Xmx1g -cp "$jar" io.niows.bench.servers.ServerMain "$server" 1 > "$log" 2>&1 &
pid=$!
for i in $(seq 1 100); do grep -q LISTENING "$log" && break; sleep 0.1; done
port=$(awk '/LISTENING/{print $2}' "$log")
taskset -c 0 "$wsload" $args -p "$port" -w 3 -t $((dur + 4)) -S "$pid" > "$dir/$label.json" 2>/dev/null &
wl=$!
sleep 4
jcmd $pid JFR.start duration=${dur}s filename="$dir/$label.jfr" settings="$dir/sampling-1ms.jfc" > /dev/null
wait $wl
sleep 1
kill $pid; wait $pid 2>/dev/null
