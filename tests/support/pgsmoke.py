#!/usr/bin/env python3
"""The contract smoke test with the server on PostgreSQL.

Usage: pgsmoke.py SMOKE_PY SERVER_BINARY

smoke.py gives the server a database file path; this runs it against a shim that hands the real
server a fresh PostgreSQL database (created in the cluster FIELDBOOK_TEST_PG names, dropped at the
end) as --db, with the folder of that path as --state-dir. Exits 77 (skipped) without
FIELDBOOK_TEST_PG. Needs psql.
"""
import os, secrets, stat, subprocess, sys, tempfile, urllib.parse

if len(sys.argv) != 3:
    sys.exit(__doc__)
smoke, server = sys.argv[1], sys.argv[2]
cluster = os.environ.get("FIELDBOOK_TEST_PG", "")
if not cluster:
    print("SKIP: FIELDBOOK_TEST_PG is not set")
    sys.exit(77)

name = "fbsmoke_" + secrets.token_hex(8)
parts = urllib.parse.urlsplit(cluster)
uri = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))
subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", cluster, "-c", f"CREATE DATABASE {name}"], check=True)
try:
    with tempfile.TemporaryDirectory(prefix="fb-pgsmoke-") as folder:
        shim = os.path.join(folder, "fieldbook-server")
        with open(shim, "w") as out:
            out.write(f"""#!{sys.executable}
import os, sys
args = sys.argv[1:]
for i, arg in enumerate(args):
    if arg == "--db" and i + 1 < len(args):
        state = os.path.dirname(os.path.abspath(args[i + 1]))
        args[i + 1] = {uri!r}
        args[i + 2:i + 2] = ["--state-dir", state]
        break
os.execv({server!r}, [{server!r}] + args)
""")
        os.chmod(shim, stat.S_IRWXU)
        code = subprocess.run([sys.executable, smoke, shim]).returncode
finally:
    subprocess.run(["psql", "-q", cluster, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
sys.exit(code)
