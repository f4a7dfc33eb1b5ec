#!/usr/bin/env bash
# Latency of a legitimate user while others misbehave, against a running app (the README's first command).
# Prints p50/p95 of (1) reads as nasa alone and while 8 clients hammer wrong passwords, (2) versioned edits as
# nasa alone and while another user runs the largest allowed phase scan (20 years, 72 phases).
# Usage: docs/bench/latency-under-load.sh [http://localhost:8080]   (needs curl, jq and wrk; loopback only)
set -euo pipefail
GP=${1:-http://localhost:8080}
N=${N:-40}
stats() { sort -n | awk '{a[NR]=$1} END {printf "p50 %.0f ms, p95 %.0f ms (n=%d)\n", a[int(NR*0.5)+1]*1000, a[int(NR*0.95)+1]*1000, NR}'; }
reads() { for _ in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' -u nasa:gateway "$GP/api/v1/workspaces/$WS"; done; }

WS=$(curl -fsS -u nasa:gateway "$GP/api/v1/workspaces" | jq '.[] | select(.name=="Gateway demo") | .id')
LOAD=$(curl -fsS -u nasa:gateway "$GP/api/v1/workspaces/$WS" | jq '[.loads[] | select(.name|test("thermal";"i"))][0].id')
edits() {
  for i in $(seq 1 "$N"); do
    body=$(curl -fsS -u nasa:gateway "$GP/api/v1/workspaces/$WS/loads/$LOAD" | jq --argjson w $((400 + i % 7)) \
      '.standbyPowerW = $w')
    curl -s -o /dev/null -w '%{time_total}\n' -u nasa:gateway -H Content-Type:application/json -X PUT -d "$body" \
      "$GP/api/v1/workspaces/$WS/loads/$LOAD"
  done
}
reads > /dev/null   # warm up (and make nasa known-good from this address)

curl -s -o /dev/null -u esa:gateway "$GP/api/v1/me"   # esa too has signed in from this address before

echo "reads alone:                       $(reads | stats)"
# Eight clients sending wrong passwords as fast as the server answers, on kept-alive connections (wrk, from
# Debian's packages: a loop of curl processes would load the machine more than the server does).
wrk -t 2 -c 8 -d 40s -H "Authorization: Basic $(printf 'intruder:wrong-password' | base64)" "$GP/api/v1/me" \
  > /tmp/wrk-flood.txt &
flood=$!
sleep 3
echo "reads under 8 wrong-password clients: $(reads | stats)"
wait $flood || true
echo "  the flood: $(grep -E 'Requests/sec' /tmp/wrk-flood.txt) $(grep -E 'Non-2xx' /tmp/wrk-flood.txt)"

echo "edits alone:                       $(edits | stats)"
curl -s -o /dev/null -w 'the 20-year 72-phase scan answered %{http_code} after %{time_total} s\n' -u esa:gateway \
  "$GP/api/v1/orbit/phase-scan?from=2027-01-01T00:00:00Z&to=2046-12-31T00:00:00Z&perilune=2027-01-01T00:00:00Z&phases=72" &
scan=$!
sleep 3
echo "a second scan by the same user meanwhile: HTTP $(curl -s -o /dev/null -w '%{http_code}' -u esa:gateway \
  "$GP/api/v1/orbit/phase-scan?from=2027-01-01T00:00:00Z&to=2030-01-01T00:00:00Z&perilune=2027-01-01T00:00:00Z&phases=12")"
echo "edits during that scan:            $(edits | stats)"
wait $scan
