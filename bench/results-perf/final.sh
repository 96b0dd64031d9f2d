#!/bin/bash
# The issue-19 table: wsload pinned (server CPU 1, wsload CPU 0) and shared (both on CPUs 0-1),
# niows before and after side by side with the floor server and Netty, order drawn at random
# each round; then the Java load tool (Compare) pinned and shared. Needs /tmp/wsload,
# /tmp/bench-base.jar (before) and /tmp/bench-after.jar (after). Writes into $DIR.
DIR=${DIR:-/tmp/perf/final}
mkdir -p "$DIR"
here=$(dirname "$0")
V="before=/tmp/bench-base.jar:niows after=/tmp/bench-after.jar:niows floor=/tmp/bench-after.jar:floor netty=/tmp/bench-after.jar:netty"
OUT=$DIR/wsload-pinned.jsonl VARIANTS="$V" ROUNDS=${ROUNDS:-3} "$here/matrix.sh"
OUT=$DIR/wsload-shared.jsonl VARIANTS="${V% netty=*}" ROUNDS=2 SCPU=0-1 CCPU=0-1 "$here/matrix.sh"
W=echo-100c-16-b,echo-1000c-16-b,echo-100c-16-b-x8,echo-100c-4-kib,echo-10c-1-mib,broadcast-1000s-1-kib
taskset -c 0 java -Xmx1g -cp /tmp/bench-after.jar io.niows.bench.load.Compare --servers niows,floor,netty --only $W \
    --rounds 3 --seconds 3 --warmup 1 --server-cpus 1 --random-order --out $DIR/java-pinned-after > $DIR/java-pinned-after.txt 2>&1
taskset -c 0 java -Xmx1g -cp /tmp/bench-base.jar io.niows.bench.load.Compare --servers niows,floor --only $W \
    --rounds 2 --seconds 3 --warmup 1 --server-cpus 1 --random-order --out $DIR/java-pinned-before > $DIR/java-pinned-before.txt 2>&1
java -Xmx1g -cp /tmp/bench-after.jar io.niows.bench.load.Compare --servers niows,floor --only $W \
    --rounds 2 --seconds 3 --warmup 1 --random-order --out $DIR/java-shared-after > $DIR/java-shared-after.txt 2>&1
