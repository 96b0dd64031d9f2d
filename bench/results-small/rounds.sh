#!/bin/bash
# Paired rounds: perf-loop.sh on niows before (OLDJAR), niows after (NEWJAR) and the floor (OLDJAR), on the three
# small-message workloads, the order of the three drawn at random in each round.
# usage: OLDJAR=... NEWJAR=... rounds.sh PREFIX ROUNDS     then: per-message.py PREFIX
here=$(dirname "$0")
out=$1; rounds=${2:-2}
declare -A W
W[100c]="-m echo -c 100 -s 16"
W[1000c]="-m echo -c 1000 -s 16"
W[d8]="-m echo -c 100 -s 16 -d 8"
for r in $(seq 1 "$rounds"); do
  for w in 100c 1000c d8; do
    for v in $(printf '%s\n' old=$OLDJAR:niows new=$NEWJAR:niows floor=$OLDJAR:floor | shuf); do
      label=${v%%=*}; rest=${v#*=}
      "$here/perf-loop.sh" "$out-$w-$label-$r" "${rest%%:*}" "${rest#*:}" "${W[$w]}" > /dev/null
    done
  done
done
