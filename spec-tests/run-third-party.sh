#!/usr/bin/env bash
# Runs the fuzzing client against echo servers we did not write, to check the suite itself:
#   Node ws (npm) on 127.0.0.1:9001 and Python websockets (Debian python3-websockets) on 9002.
# Prerequisites (once):
#   apt-get update && apt-get install -y python3-websockets
#   (cd spec-tests/third-party && npm install)
#   mvn -B -DskipTests package
# Usage: spec-tests/run-third-party.sh [extra fuzzingclient options, e.g. --cases 1.*,6.4.*]
# Reports go to spec-tests/target/third-party/<agent>/; the exit status is non-zero if any run failed.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/niows-spec-tests.jar"
out="$here/target/third-party"
python=/usr/bin/python3   # Debian's python, which has python3-websockets; a pyenv python3 on PATH may not
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ -d "$here/third-party/node_modules/ws" ] || { echo "install ws first: (cd $here/third-party && npm install)" >&2; exit 2; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

node "$here/third-party/ws-echo.js" 9001 & pids+=($!)
"$python" "$here/third-party/websockets_echo.py" 9002 & pids+=($!)

wait_port() { for _ in $(seq 1 50); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
status=0
for target in "ws 9001 $(node -p 'require(process.argv[1]).version' "$here/third-party/node_modules/ws/package.json")" \
              "websockets 9002 $("$python" -c 'import websockets; print(websockets.__version__)')"; do
  set -- $target
  agent="$1-$3"
  wait_port "$2" || { echo "$1 did not start on port $2" >&2; status=2; continue; }
  echo "=== $agent on ws://127.0.0.1:$2/"
  java -jar "$jar" fuzzingclient --url "ws://127.0.0.1:$2/" --out "$out/$1" --agent "$agent" "${@:4}" \
    || status=$?
done
exit $status
