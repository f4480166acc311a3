#!/usr/bin/env python3
"""Backup and restore round trip against the real fieldbook-server, as the README tells operators.

Usage: backuprestore.py PATH/TO/fieldbook-server [PATH/TO/smoke.py]

A server runs on a database with a practitioner's person and case pushed to it; `admin backup`
copies it while the server runs (the key into FILE.key, 0600, never inside FILE); the server stops;
`admin restore` installs the copy under a new path; a server on the restored database answers
health, the same device's next token call and a pull with both records; the contract smoke test
then runs against the same binary. Exits 1 if any check failed.
"""
import base64, json, os, re, secrets, ssl, stat, subprocess, sys, tempfile, time
import urllib.error, urllib.request

TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE
results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else f"  [{str(detail)[:300]}]"), flush=True)


def run(server, *args):
    out = subprocess.run([server, *args], capture_output=True, text=True, timeout=60)
    return out.returncode, out.stdout.strip(), out.stderr.strip()


def call(base, method, path, body=None, token=None):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, context=TLS, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def serve(server, db):
    proc = subprocess.Popen([server, "serve", "--db", db, "--listen", "127.0.0.1:0", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        found = re.search(r"listening on (https://[0-9.]+:\d+)", line)
        if found:
            return proc, found.group(1)
    proc.kill()
    sys.exit("the server did not start")


def stop(proc):
    proc.terminate()
    proc.wait(15)
    return proc.returncode


def change(device, n, record_type, fields, record_id):
    ms = int(time.time() * 1000)
    return {"id": secrets.token_hex(16), "record_type": record_type, "record_id": record_id, "op": "upsert",
            "hlc": f"{ms:013d}-{n:06d}-{device}", "form_version": 1, "fields": fields}


def main(server, smoke):
    folder = tempfile.mkdtemp(prefix="fb-backup-")
    db = os.path.join(folder, "live", "fieldbook.db")
    rc, pat, err = run(server, "admin", "--db", db, "add-user", "--name", "Pat", "--role", "practitioner")
    rc, code, err = run(server, "admin", "--db", db, "enrol-code", "--user", pat.splitlines()[-1])
    pat = pat.splitlines()[-1]
    proc, base = serve(server, db)
    key = base64.b64encode(secrets.token_bytes(32)).decode()
    st, enrolled = call(base, "POST", "/v1/enrol", {"code": code.splitlines()[-1], "device_name": "b", "public_key": key})
    device, refresh = enrolled["device_id"], enrolled["refresh_token"]
    st, issued = call(base, "POST", "/v1/token", {"device_id": device, "refresh_token": refresh})
    refresh = issued.get("refresh_token", refresh)
    person, case = secrets.token_hex(16), secrets.token_hex(16)
    batch = [change(device, 1, "person", {"kind": "prisoner", "given_name": "Ada", "family_name": "M",
                                          "date_of_birth": "1990-01-31", "prison_number": "A0000AA",
                                          "establishment": "North"}, person),
             change(device, 2, "case", {"person_id": person, "stream": "casework", "practitioner_id": pat,
                                        "status": "open"}, case)]
    st, pushed = call(base, "POST", "/v1/sync/push", {"changes": batch}, issued["access_token"])
    check("two records pushed before the backup", st == 200 and [r["status"] for r in pushed["results"]] == ["applied"] * 2,
          pushed)

    backup = os.path.join(folder, "offsite", "fieldbook-backup.db")
    os.makedirs(os.path.dirname(backup))
    rc, out, err = run(server, "admin", "--db", db, "backup", "--out", backup)
    check("admin backup runs while the server serves", rc == 0 and os.path.exists(backup), (rc, out, err))
    check("the backup's key is written apart, mode 0600",
          os.path.exists(backup + ".key") and stat.S_IMODE(os.stat(backup + ".key").st_mode) == 0o600)
    check("the backup file itself is mode 0600", stat.S_IMODE(os.stat(backup).st_mode) == 0o600)
    with open(backup, "rb") as f, open(backup + ".key", "rb") as k:
        check("the backup does not hold the key, nor a field in clear", k.read().strip()[:24] not in (data := f.read())
              and b"A0000AA" not in data)
    rc, out, err = run(server, "admin", "--db", db, "backup", "--out", backup)
    check("a backup never overwrites a file", rc != 0, (rc, out))
    check("the live server stops cleanly", stop(proc) == 0)

    restored = os.path.join(folder, "restored", "fieldbook.db")
    rc, out, err = run(server, "admin", "--db", restored, "restore", "--from", backup)
    check("admin restore installs the backup under a new path", rc == 0 and os.path.exists(restored + ".key"), (rc, out, err))
    rc, out, err = run(server, "admin", "--db", restored, "restore", "--from", backup)
    check("a restore never overwrites a database", rc != 0, (rc, out))
    proc, base = serve(server, restored)
    st, health = call(base, "GET", "/v1/health")
    check("the restored server is healthy and ready", st == 200 and health.get("status") == "ok"
          and health.get("store") == "ok", (st, health))
    st, issued = call(base, "POST", "/v1/token", {"device_id": device, "refresh_token": refresh})
    check("the device's refresh token works on the restored server", st == 200, (st, issued))
    seen = set()
    if st == 200:
        st, page = call(base, "GET", "/v1/sync/pull?limit=500", None, issued["access_token"])
        seen = {(c["record_type"], c["record_id"]) for c in page.get("changes", [])}
        people = [c for c in page.get("changes", []) if c["record_id"] == person]
        check("the restored pull has the person and the case, fields unsealed",
              {("person", person), ("case", case)} <= seen and people and
              people[0]["fields"].get("prison_number") == "A0000AA", sorted(seen))
    rc, out, err = run(server, "admin", "--db", restored, "audit", "--since", "2000-01-01T00:00:00Z")
    check("the restore is in the audit log", "admin.restore" in out, out[-300:])
    check("the restored server stops cleanly", stop(proc) == 0)

    if smoke and os.path.exists(smoke):
        out = subprocess.run([sys.executable, smoke, server], capture_output=True, text=True, timeout=180)
        check("the contract smoke test passes on the same binary", out.returncode == 0, out.stdout[-500:])
    print(f"{results.count(True)} passed, {results.count(False)} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
