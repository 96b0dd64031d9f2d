#!/bin/bash
# Broadcast to 1,000 members: one node without Redis, one node through Redis, two nodes through
# Redis (500 members each). Every run starts its own redis-server and nodes (the examples jar's
# `broadcast [--redis]`); servers (nodes and Redis) pinned to CPU 1, wsload to CPU 0. The three
# setups run in every round, in an order rotated from round to round. One JSON line per wsload
# process: round, setup, node, Redis's CPU seconds during the wsload run (connect, warm-up and
# measure; 0 without Redis) and wsload's result.
#
# wsload is built from ../shared/tools/wsload/wsload.c with three lines changed (below): with two
# wsload processes, one process's members receive the other's publishes, and wsload takes its
# clock once per epoll batch, so a delivery read late in a long batch could look older than
# its publish (a negative latency, shown as an absurd p99). Here each read and each publish
# takes its own clock reading, and the stall check reads the clock again.
# Usage: bench/results-topics-redis/run.sh ROUNDS OUT.jsonl   (JAR=..., SIZE, WINDOW, WARM, SECS)
set -u
ROUNDS=${1:-3}
OUT=${2:-/tmp/topics-redis.jsonl}
JAR=${JAR:-examples/target/niows-examples.jar}
WSLOAD=/tmp/wsload-per-read-clock
SHARED_WSLOAD="$(dirname "$0")/../../../shared/tools/wsload/wsload.c"
READ='ssize_t r = read(c->fd, rbuf, sizeof rbuf);'
PUBLISH='                publish(t); if (o.rate > 0)'
STALL=' t - last_progress > 2000000000ull'
sed -e "s/$READ/$READ t = now_ns();/" \
    -e "s/$PUBLISH/                publish(now_ns()); if (o.rate > 0)/" \
    -e "s/$STALL/ now_ns() - last_progress > 2000000000ull/" \
    "$SHARED_WSLOAD" > "$WSLOAD.c"
[ "$(diff "$SHARED_WSLOAD" "$WSLOAD.c" | grep -c '^>')" = 3 ] \
    || { echo "the wsload patch no longer applies" >&2; exit 1; }
gcc -O2 -march=native -o "$WSLOAD" "$WSLOAD.c" || exit 1
SIZE=${SIZE:-16}
WINDOW=${WINDOW:-8}
WARM=${WARM:-3}
SECS=${SECS:-10}
: > "$OUT"

# Whatever this script started is stopped when it ends, also when it stops on an error.
STARTED=()
cleanup() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_redis() {
  RPORT=$(free_port)
  taskset -c 1 redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no > /tmp/trb-redis.log 2>&1 &
  RPID=$!
  STARTED+=("$RPID")
  for i in $(seq 1 100); do redis-cli -p "$RPORT" ping 2>/dev/null | grep -q PONG && return; sleep 0.05; done
  echo "redis-server did not start" >&2; exit 1
}

# start_node LOG [--redis URI]: sets NPID and NPORT
start_node() {
  local log=$1; shift
  NPORT=$(free_port)
  taskset -c 1 java -Xmx512m -jar "$JAR" broadcast --port "$NPORT" "$@" > "$log" 2>&1 &
  NPID=$!
  STARTED+=("$NPID")
  for i in $(seq 1 200); do grep -q "listening on" "$log" && return; sleep 0.05; done
  echo "node did not start: $(cat "$log")" >&2; exit 1
}

await_subscribers() {  # every node's relay holds one pattern subscription (all the same pattern)
  for i in $(seq 1 200); do
    [ "$(redis-cli -p "$RPORT" client list | grep -c ' psub=1 ')" = "$1" ] && return
    sleep 0.05
  done
  echo "nodes did not subscribe" >&2; exit 1
}

record() {  # round setup node json [redis CPU seconds over the whole wsload run]
  echo "{\"round\":$1,\"setup\":\"$2\",\"node\":$3,\"redis_cpu_s\":${5:-0},\"result\":$4}" >> "$OUT"
}

cpu_ticks() {  # user + system CPU of a process, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}

run_local() {
  start_node /tmp/trb-node1.log
  line=$(taskset -c 0 "$WSLOAD" -m bcast -p "$NPORT" -c 1000 -s "$SIZE" -W "$WINDOW" -w "$WARM" -t "$SECS" \
      -S "$NPID" 2>/dev/null | tail -1)
  record "$1" local 1 "$line"
  kill "$NPID"; wait "$NPID" 2>/dev/null
}

run_redis1() {
  start_redis
  start_node /tmp/trb-node1.log --redis "redis://127.0.0.1:$RPORT"
  await_subscribers 1
  r0=$(cpu_ticks "$RPID")
  line=$(taskset -c 0 "$WSLOAD" -m bcast -p "$NPORT" -c 1000 -s "$SIZE" -W "$WINDOW" -w "$WARM" -t "$SECS" \
      -S "$NPID" 2>/dev/null | tail -1)
  record "$1" redis-1node 1 "$line" "$(( $(cpu_ticks "$RPID") - r0 ))e-2"
  kill "$NPID"; wait "$NPID" 2>/dev/null
  kill "$RPID"; wait "$RPID" 2>/dev/null
}

run_redis2() {
  start_redis
  start_node /tmp/trb-node1.log --redis "redis://127.0.0.1:$RPORT"; P1=$NPORT; PID1=$NPID
  start_node /tmp/trb-node2.log --redis "redis://127.0.0.1:$RPORT"; P2=$NPORT; PID2=$NPID
  await_subscribers 2
  r0=$(cpu_ticks "$RPID")
  # Node 2's members: they publish one message (at the start of their warm-up) and then only
  # receive; started first, so that they are connected before node 1's publisher begins.
  taskset -c 0 "$WSLOAD" -m bcast -p "$P2" -c 500 -s "$SIZE" -w "$WARM" -t "$SECS" -S "$PID2" -r 0.001 \
      > /tmp/trb-wsload2.json 2> /tmp/trb-wsload2.err &
  W2=$!
  STARTED+=("$W2")
  for i in $(seq 1 200); do grep -q connected /tmp/trb-wsload2.err && break; sleep 0.05; done
  # Node 1's members: connection 0 publishes (closed loop: WINDOW messages not yet delivered to
  # all of node 1's members at most), all receive.
  line1=$(taskset -c 0 "$WSLOAD" -m bcast -p "$P1" -c 500 -s "$SIZE" -W "$WINDOW" -w "$WARM" -t "$SECS" \
      -S "$PID1" 2>/dev/null | tail -1)
  wait "$W2"
  rcpu="$(( $(cpu_ticks "$RPID") - r0 ))e-2"
  record "$1" redis-2nodes 1 "$line1" "$rcpu"
  record "$1" redis-2nodes 2 "$(tail -1 /tmp/trb-wsload2.json)"
  kill "$PID1" "$PID2"; wait "$PID1" "$PID2" 2>/dev/null
  kill "$RPID"; wait "$RPID" 2>/dev/null
}

SETUPS=(run_local run_redis1 run_redis2)
for r in $(seq 1 "$ROUNDS"); do
  for k in 0 1 2; do
    setup=${SETUPS[$(( (r + k) % 3 ))]}
    echo "round $r: $setup" >&2
    "$setup" "$r"
  done
done
