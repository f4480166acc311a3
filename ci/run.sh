#!/usr/bin/env bash
# Command 1: installs what is missing, builds, starts fieldbook-server on 127.0.0.1 with an embedded
# SQLite database full of demo data, then starts the app enrolled against it. Without a display the
# app runs under Xvfb, syncs for real, and saves screenshots of its main screens.
#   ci/run.sh          start (again) and take screenshots
#   ci/run.sh stop     stop the demo server
# Environment: FIELDBOOK_PORT (default 0 = a free port), FIELDBOOK_RUN_DIR (default run/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FIELDBOOK_BUILD_DIR:-$root/build}
run=${FIELDBOOK_RUN_DIR:-$root/run}
server="$build/server/fieldbook-server"
app="$build/mobile/fieldbook"
pin=246810

stop_server() {
    if [[ -f "$run/server.pid" ]] && kill -0 "$(cat "$run/server.pid")" 2>/dev/null; then
        kill -TERM "$(cat "$run/server.pid")"
        for _ in $(seq 50); do kill -0 "$(cat "$run/server.pid")" 2>/dev/null || break; sleep 0.1; done
        echo "stopped the demo server (pid $(cat "$run/server.pid"))"
    fi
    rm -f "$run/server.pid"
}

if [[ "${1:-}" == "stop" ]]; then
    stop_server
    exit 0
fi

"$root/ci/install-deps.sh" --run
"$root/ci/build.sh"
mkdir -p "$run"
stop_server

db="$run/fieldbook.db"
# A fresh demo each run: the demo data of this version, never a database left by an older one.
rm -f "$db" "$db-wal" "$db-shm" "$db.key" "$db.cert.pem" "$db.key.pem"
"$server" admin --db "$db" seed-demo > "$run/demo.json"
# The demo establishment's population by self-defined ethnicity, for the monthly report's take-up.
printf 'ethnicity,count\r\nWhite British,540\r\nBlack British,210\r\nAsian British,150\r\n"Mixed, multiple",60\r\nOther,40\r\n' \
    > "$run/population.csv"
"$server" admin --db "$db" import-population --establishment "HMP Northfield" --file "$run/population.csv" > /dev/null

"$server" serve --db "$db" --listen "127.0.0.1:${FIELDBOOK_PORT:-0}" > "$run/server.log" 2>&1 &
echo $! > "$run/server.pid"
url="" fingerprint=""
for _ in $(seq 100); do
    url=$(sed -n 's/.*listening on \(https:\/\/[0-9.]*:[0-9]*\).*/\1/p' "$run/server.log" | head -n1)
    fingerprint=$(sed -n 's/.*certificate fingerprint (SHA-256): \([0-9a-f]\{64\}\).*/\1/p' "$run/server.log" | head -n1)
    [[ -n "$url" && -n "$fingerprint" ]] && break
    kill -0 "$(cat "$run/server.pid")" 2>/dev/null || { cat "$run/server.log"; echo "the server did not start" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$url" ]] || { cat "$run/server.log"; echo "the server did not say where it listens" >&2; exit 1; }

code_for() { python3 -c 'import json,sys; print(next(u["code"] for u in json.load(open(sys.argv[1]))["users"] if u["role"]==sys.argv[2]))' "$run/demo.json" "$1"; }

echo
echo "Fieldbook server:  $url"
echo "Certificate SHA-256 fingerprint (pin this in the app): $fingerprint"
echo "Database:          $db   (log: $run/server.log)"
echo "Demo logins (one-time enrolment codes, one per user; app PIN for the demo devices: $pin):"
python3 - "$run/demo.json" <<'PY'
import json, sys
for u in json.load(open(sys.argv[1]))["users"]:
    print(f"  {u['role']:<22} {u['name']:<20} user {u['user_id']}  code {u['code']}")
PY

status=0
shots="$run/screenshots"
# The mentor (through the gate) adds the release timelines and the intensive rota.
# The demo walk (--walk) takes the cases on, each role answering the one before: the practitioner
# tries Grace three times, re-opens and sends the First Contact Report, closes Mark's case; the
# coordinator matches Aisha and Leo by name and ends Mark's match; the play volunteer opens the
# report; the practitioner, again on the same phone, moves Leo's referral on (practitioner-again).
for role in befriender practitioner coordinator play_volunteer mentor manager safeguarding_officer practitioner-again; do
    who=${role%-again}
    data="$run/app-$who"
    enrol=(--enrol-code "$(code_for "$who")")
    if [[ $role == "$who" ]]; then
        rm -rf "$data"
    else
        enrol=() # the same phone, already enrolled: unlocked with the PIN
    fi
    rm -rf "$shots/$role"
    mkdir -p "$shots/$role"
    echo
    echo "Running the app as the demo $role under Xvfb: enrol, unlock, sync, screenshots, walk..."
    if ! xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
        "$app" --data-dir "$data" --server "$url" --fingerprint "$fingerprint" \
        "${enrol[@]}" --pin "$pin" \
        --screenshots "$shots/$role" --quit-after-screenshots --walk; then
        echo "the app as $role did not finish its run" >&2
        status=1
    fi
done

# The befriender and the practitioner again in Polish at 200 % text (a fresh enrolment each):
# every main screen must still fit a phone's width.
user_for() { python3 -c 'import json,sys; print(next(u["user_id"] for u in json.load(open(sys.argv[1]))["users"] if u["role"]==sys.argv[2]))' "$run/demo.json" "$1"; }
for role in befriender practitioner; do
    variant="$role-pl-200"
    data="$run/app-$variant"
    rm -rf "$data" "$shots/$variant"
    mkdir -p "$shots/$variant"
    echo
    echo "Running the app as the demo $role in Polish at 200 % text..."
    if ! LANG=pl_PL.UTF-8 LANGUAGE=pl FIELDBOOK_LANGUAGE=pl FIELDBOOK_TEXT_SCALE=2 \
        xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
        "$app" --data-dir "$data" --server "$url" --fingerprint "$fingerprint" \
        --enrol-code "$("$server" admin --db "$db" enrol-code --user "$(user_for "$role")")" --pin "$pin" \
        --screenshots "$shots/$variant" --quit-after-screenshots; then
        echo "the app as $role (Polish, 200 %) did not finish its run" >&2
        status=1
    fi
done

# The manager's monthly report as a PDF, and its first page as an image.
month=$(date -u +%Y-%m)
mkdir -p "$shots/manager"
"$server" admin --db "$db" report monthly --month "$month" --format pdf --out "$run/report-$month.pdf" > /dev/null
if command -v pdftoppm > /dev/null; then
    pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$run/report-$month.pdf" "$shots/manager/report-page1"
fi
echo
echo "Monthly report for $month: $run/report-$month.pdf"

echo
echo "Screenshots: one folder a role under $shots"
ls -1 "$shots"/*/*.png 2>/dev/null | sed 's/^/  /' || true
if [[ -n "${DISPLAY:-}" && -z "${CI:-}" ]]; then
    code=$("$server" admin --db "$db" enrol-code --user \
        "$(python3 -c 'import json,sys; print(next(u["user_id"] for u in json.load(open(sys.argv[1]))["users"] if u["role"]=="befriender"))' "$run/demo.json")")
    echo
    echo "Opening the app on your display as the demo befriender (PIN $pin)."
    rm -rf "$run/app-interactive"
    "$app" --data-dir "$run/app-interactive" --server "$url" --fingerprint "$fingerprint" \
        --enrol-code "$code" --pin "$pin" &
fi
echo
echo "The server keeps running at $url. Stop it with: ci/run.sh stop"
exit $status
