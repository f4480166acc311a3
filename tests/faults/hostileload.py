#!/usr/bin/env python3
"""Hostile load against the real fieldbook-server, loopback only, bounded in time.

Usage: hostileload.py PATH/TO/fieldbook-server

One attacker address (127.0.0.2) tries, one pattern at a time, what docs/sync-contract.md's "Service under load"
guards against: TCP connections that never start TLS, TLS connections that drip their headers,
kept-alive connections that idle, and unauthenticated requests with 4 MiB bodies. Meanwhile a normal
client on 127.0.0.1 pushes and pulls over fresh connections. Each pattern asserts that the client's
slowest answer stays under 2 s and that the server's resident memory grows by less than 64 MiB.
Prints one line per pattern with the figures; exits 1 if any check failed, 77 (skipped) when
127.0.0.2 cannot be bound.
"""
import base64, json, os, re, secrets, socket, ssl, subprocess, sys, tempfile, threading, time

ATTACKER, CLIENT = "127.0.0.2", "127.0.0.1"
PATTERN_SECONDS = float(os.environ.get("FIELDBOOK_HOSTILE_SECONDS", "7"))
MAX_LATENCY, MAX_GROWTH = 2.0, 64 * 1024 * 1024
PER_ADDRESS = 64  # the server's default --max-connections-per-address
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE
failures = []


def admin(server, db, *args):
    out = subprocess.run([server, "admin", "--db", db, *args], capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        sys.exit(f"admin {args[0]} failed: {out.stderr}")
    return out.stdout.strip().splitlines()[-1]


def rss(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def connect(port, source, timeout=10, tls=True):
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))
    return TLS.wrap_socket(sock) if tls else sock


def request(port, method, path, body=None, token=None):
    """One request over a fresh TLS connection from the client's address: (status, json)."""
    data = json.dumps(body).encode() if body is not None else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: fieldbook\r\nConnection: close\r\nContent-Length: {len(data)}\r\n"
    head += "Content-Type: application/json\r\n" + (f"Authorization: Bearer {token}\r\n" if token else "") + "\r\n"
    with connect(port, CLIENT) as sock:
        sock.sendall(head.encode() + data)
        answer = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    header, _, payload = answer.partition(b"\r\n\r\n")
    status = int(header.split(b" ")[1]) if header.startswith(b"HTTP/1.1 ") else 0
    try:
        return status, json.loads(payload) if payload else None
    except ValueError:
        return status, None


def attacker_loop(stop, attempt):
    while not stop.is_set():
        try:
            attempt(stop)
        except (OSError, ssl.SSLError, ValueError):
            pass
        stop.wait(0.05)  # a refused attacker comes straight back, but does not spin the test machine


def idle_tcp(port):
    def attempt(stop):
        with connect(port, ATTACKER, timeout=30, tls=False) as sock:
            while not stop.is_set() and sock.recv(1):
                pass
    return attempt


def slow_headers(port):
    def attempt(stop):
        with connect(port, ATTACKER, timeout=30) as sock:
            for byte in b"POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 1000:
                if stop.wait(2):
                    return
                sock.send(bytes([byte]))
    return attempt


def idle_keepalive(port):
    def attempt(stop):
        with connect(port, ATTACKER, timeout=60) as sock:
            sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            sock.recv(65536)
            while not stop.is_set() and sock.recv(65536):  # then nothing, until the server closes
                pass
    return attempt


def big_bodies(port):
    body = b"[" * (4 * 1024 * 1024)
    def attempt(stop):
        with connect(port, ATTACKER, timeout=30) as sock:
            sock.sendall(b"POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body))
            try:
                sock.sendall(body)
            except OSError:
                pass
            while sock.recv(65536):
                pass
        stop.wait(0.2)
    return attempt


def person(device, n):
    ms = int(time.time() * 1000)
    return {"id": secrets.token_hex(16), "record_type": "person", "record_id": secrets.token_hex(16), "op": "upsert",
            "hlc": f"{ms:013d}-{n:06d}-{device}", "form_version": 1,
            "fields": {"kind": "prisoner", "given_name": "Load", "family_name": "Test", "date_of_birth": "1990-01-31",
                       "prison_number": "A0000AA", "establishment": "North"}}


def open_connections(metrics_port):
    with socket.create_connection(("127.0.0.1", metrics_port), timeout=5) as sock:
        sock.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        text = b""
        while chunk := sock.recv(65536):
            text += chunk
    found = re.search(rb"\nfieldbook_open_connections (\d+)", text)
    return int(found.group(1)) if found else -1


def run_pattern(name, attempt, threads, port, pid, device, token, metrics_port):
    stop = threading.Event()
    baseline = rss(pid)
    peak = baseline
    most_open = 0
    workers = [threading.Thread(target=attacker_loop, args=(stop, attempt), daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(1.0)  # let the attack take every slot it can
    latencies, errors, n = [], [], 0
    deadline = time.time() + PATTERN_SECONDS
    while time.time() < deadline:
        n += 1
        for method, path, body in (("POST", "/v1/sync/push", {"changes": [person(device, n)]}),
                                   ("GET", "/v1/sync/pull?limit=100", None)):
            started = time.time()
            try:
                status, answer = request(port, method, path, body, token)
            except (OSError, ssl.SSLError) as e:
                status, answer = 0, repr(e)
            latencies.append(time.time() - started)
            if status != 200:
                errors.append((method, path, status, str(answer)[:100]))
        peak = max(peak, rss(pid))
        most_open = max(most_open, open_connections(metrics_port))
        time.sleep(0.1)
    stop.set()
    for worker in workers:
        worker.join(timeout=5)
    growth = peak - baseline
    worst = max(latencies)
    # The attacker's address holds at most its share; the client's own connection comes on top.
    ok = not errors and worst < MAX_LATENCY and growth < MAX_GROWTH and 0 <= most_open <= PER_ADDRESS + 2
    if not ok:
        failures.append(name)
    print(f"{'PASS' if ok else 'FAIL'} {name}: {len(latencies)} client calls, slowest {worst * 1000:.0f} ms, "
          f"median {sorted(latencies)[len(latencies) // 2] * 1000:.0f} ms, server RSS {baseline / 2**20:.1f} -> "
          f"peak {peak / 2**20:.1f} MiB (+{growth / 2**20:.1f}), at most {most_open} connections open" + (f", errors {errors[:3]}" if errors else ""),
          flush=True)


def main(server):
    try:
        socket.create_connection
        probe = socket.socket()
        probe.bind((ATTACKER, 0))
        probe.close()
    except OSError:
        print("SKIP: cannot bind 127.0.0.2")
        sys.exit(77)
    db = os.path.join(tempfile.mkdtemp(prefix="fb-hostile-"), "fieldbook.db")
    user = admin(server, db, "add-user", "--name", "Load", "--role", "practitioner")
    code = admin(server, db, "enrol-code", "--user", user)
    proc = subprocess.Popen([server, "serve", "--db", db, "--listen", "127.0.0.1:0", "--log-level", "error",
                             "--metrics-listen", "127.0.0.1:0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = metrics_port = None
        for line in proc.stdout:
            found = re.search(r"metrics on http://127\.0\.0\.1:(\d+)", line)
            if found:
                metrics_port = int(found.group(1))
            found = re.search(r"listening on https://127\.0\.0\.1:(\d+)", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            sys.exit("the server did not start")
        key = base64.b64encode(secrets.token_bytes(32)).decode()
        status, enrolled = request(port, "POST", "/v1/enrol", {"code": code, "device_name": "load", "public_key": key})
        assert status == 201, (status, enrolled)
        status, issued = request(port, "POST", "/v1/token",
                                 {"device_id": enrolled["device_id"], "refresh_token": enrolled["refresh_token"]})
        assert status == 200, (status, issued)
        device, token = enrolled["device_id"], issued["access_token"]
        for _ in range(5):  # warm up: the worker pool's connections, the page cache
            request(port, "GET", "/v1/sync/pull?limit=100", None, token)
        run_pattern("256 idle TCP connections that never start TLS", idle_tcp(port), 256, port, proc.pid, device, token, metrics_port)
        run_pattern("256 TLS connections sending headers a byte every 2 s", slow_headers(port), 256, port, proc.pid,
                    device, token, metrics_port)
        run_pattern("256 kept-alive connections idle after a health check", idle_keepalive(port), 256, port,
                    proc.pid, device, token, metrics_port)
        run_pattern("100 unauthenticated requests with 4 MiB bodies", big_bodies(port), 100, port, proc.pid, device,
                    token, metrics_port)
        status, health = request(port, "GET", "/v1/health")
        if status != 200:
            failures.append("healthy at the end")
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            failures.append("stops on SIGTERM")
    print(f"{4 - len(failures)} patterns passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
