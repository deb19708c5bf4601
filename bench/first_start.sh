#!/usr/bin/env bash
# First start (issue 12): seconds from `make run` on a fresh clone of HEAD to the first 200 on /de/,
# then again for a second `make run` on the same clone (existing data kept).
#   bench/first_start.sh [PORT]      (default 8190; the clone goes to a temporary folder)
# A truly fresh machine also has no pip cache: `pip cache dir` tells where it is.
set -euo pipefail
port=${1:-8190}
repo=$(cd "$(dirname "$0")/.." && pwd)
clone=$(mktemp -d /tmp/beckum-first-start-XXXX)
git clone -q "$repo" "$clone"

serve() {
  local log=$1 start end
  start=$(date +%s.%N)
  (cd "$clone" && exec make run PORT="$port") >"$log" 2>&1 &
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/de/" || true)" = 200 ]; then
      end=$(date +%s.%N)
      echo "$2: serving after $(python3 -c "print(round($end - $start, 1))") s ($(grep -m1 -o 'Demo snapshot not used: .*\|Demo database restored from the snapshot' "$log"))"
      pkill -f "runserver --skip-checks 127.0.0.1:$port" || true
      sleep 1
      return 0
    fi
    sleep 0.5
  done
  echo "$2: not serving after 600 s; see $log" >&2
  return 1
}

serve "$clone/first.log" "first make run"
serve "$clone/second.log" "second make run"
echo "clone and logs: $clone"
