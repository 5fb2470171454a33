"""Shared by the studio tests (not a test itself): start a real `litfass studio` on
127.0.0.1 (a free port: --listen 127.0.0.1:0, the port read from what it prints), talk
to its JSON API with a session cookie and the CSRF token, stop it by its pid."""
import http.client
import json
import os
import socket
import subprocess
import time

BIN = os.environ["LITFASS_BIN"]
SRC = os.environ["LITFASS_SOURCE_DIR"]


def free_port():
    """A port on 127.0.0.1 that nothing listens on right now."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_smtp_sink(log_path):
    """aiosmtpd on a free port of 127.0.0.1, each message written to log_path (open, "w+"):
    (process, port, log file), once the port accepts. The studio sends an alert once and
    does not try again, so a sink still starting on a busy machine lost it; a port taken
    between free_port() and the bind gets another try."""
    import sys
    log = open(log_path, "w+", encoding="utf-8")
    for _ in range(3):
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % port],
                                stdout=log, stderr=subprocess.STDOUT,
                                env=dict(os.environ, PYTHONUNBUFFERED="1"))
        end = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < end:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=5).close()
                return proc, port, log
            except OSError:
                time.sleep(0.1)
        stop_process(proc)
    raise RuntimeError("aiosmtpd did not start: %s" % open(log_path).read()[-2000:])


def wait_for(what, timeout):
    """what()'s first true value, asked every 0.3 s for up to `timeout` seconds; after that
    its last answer (false when the condition never came)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = what()
        if v:
            return v
        time.sleep(0.3)
    return what()


def stop_process(proc, timeout=60):
    """Stops proc if it still runs (SIGTERM, SIGKILL after `timeout` seconds); its exit code.
    60 s: a studio under the sanitizer on a loaded machine may take a while to end its
    workers cleanly, and a SIGKILL then failed 'stops cleanly'."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
    return proc.wait()


def add_kiosk(data, name):
    """`litfass studio kiosk add NAME`: the finished process (the new token on its stdout)."""
    return subprocess.run([BIN, "studio", "kiosk", "add", name, "--data", data],
                          capture_output=True, text=True)


def kiosk_config(tmp, name, token, report_url, content, size, state, more=""):
    """A kiosk reporting to the studio at report_url every 2 s: its token in TMP/NAME.token
    (mode 600, as the kiosk wants it) and its config TMP/NAME.conf, `content` windowed at
    size (w, h), its state folder `state` (made: the package makes /var/lib/litfass, where
    proof of play is counted); `more`: further lines, of [monitor] until a section starts.
    The config's path."""
    tok = os.path.join(tmp, name + ".token")
    with open(tok, "w") as f:
        f.write(token + "\n")
    os.chmod(tok, 0o600)
    os.makedirs(state, exist_ok=True)
    conf = os.path.join(tmp, name + ".conf")
    with open(conf, "w") as f:
        f.write("[content]\ndir = %s\n[display]\nwindowed = yes\nwidth = %d\nheight = %d\n"
                "[sync]\ncache_dir = %s\n[monitor]\nreport_url = %s\nreport_token_file = %s\n"
                "report_seconds = 2\nreport_allow_http = yes\n%s"
                % (content, size[0], size[1], state, report_url, tok, more))
    return conf


def start_kiosk(conf, log_path):
    """`litfass run --config CONF` (on the test's X display), its output in log_path:
    (process, log file)."""
    log = open(log_path, "w+")
    return subprocess.Popen([BIN, "run", "--config", conf], stdout=log, stderr=log), log


def add_user(data, name, role, password):
    r = subprocess.run([BIN, "studio", "user", "add", name, "--role", role, "--data", data],
                       input=password + "\n", capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r


class Studio:
    """A running studio. config: text of the config file (or None)."""

    def __init__(self, tmp, data, config=None, extra_args=()):
        self.tmp = tmp
        self.data = data
        args = [BIN, "studio", "--data", data, "--listen", "127.0.0.1:0"]
        if config is not None:
            path = os.path.join(tmp, "studio-%d.conf" % time.monotonic_ns())
            with open(path, "w") as f:
                f.write(config)
            args += ["--config", path]
        args += list(extra_args)
        self.log = open(os.path.join(tmp, "studio-%d.log" % time.monotonic_ns()), "w+")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                     env=dict(os.environ, SDL_VIDEODRIVER="offscreen"))
        line = self.proc.stdout.readline()
        if "serving on" not in line:
            self.proc.wait(timeout=10)
            self.log.seek(0)
            raise RuntimeError("studio did not start: %r %s" % (line, self.log.read()))
        self.url = line.split("serving on ")[1].strip()
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def stop(self):
        stop_process(self.proc)
        self.log.seek(0)
        self.stderr = self.log.read()
        return self.stderr

    def stopped_cleanly(self):
        """Stops the studio; true when it exited 0 and no sanitizer complained (ASan build)."""
        log = self.stop()
        return self.proc.returncode == 0 and "Sanitizer" not in log and "runtime error" not in log


class Client:
    """One browser-like user: keeps the session cookie and the CSRF token."""

    def __init__(self, studio, ssl_context=None):
        self.studio = studio
        self.ssl_context = ssl_context
        self.cookie = None
        self.csrf = None
        self.set_cookie = None

    def request(self, method, path, body=None, headers=None, csrf=True, raw=None,
                content_type="application/json"):
        if self.studio.url.startswith("https:"):
            conn = http.client.HTTPSConnection("127.0.0.1", self.studio.port, timeout=120,
                                               context=self.ssl_context)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.studio.port, timeout=120)
        h = dict(headers or {})
        data = None
        if raw is not None:
            data = raw
            h.setdefault("Content-Type", "application/octet-stream")
        elif body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = content_type
        if self.cookie:
            h["Cookie"] = self.cookie
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        conn.request(method, path, body=data, headers=h)
        resp = conn.getresponse()
        payload = resp.read()
        conn.close()
        ctype = resp.getheader("Content-Type", "")
        out = json.loads(payload) if ctype.startswith("application/json") else payload
        return resp.status, out, resp

    def publish(self, path="/api/publish", body=None, timeout=600):
        """POST path (/api/publish or /api/versions/N/publish) and follow the job it starts
        (202; GET /api/publish) until it has ended: (200, {"version", "job"}) when delivered,
        (502, {"error", "job"}) when not, any other answer (403, 409, 422, ...) as it came."""
        status, out, resp = self.request("POST", path, body)
        if status != 202:
            return status, out, resp
        assert out["job"]["state"] == "running", out
        jid = out["job"]["id"]
        end = time.monotonic() + timeout
        while True:
            s, o, resp = self.request("GET", "/api/publish")
            job = (o or {}).get("job") or {}
            if s == 200 and job.get("id") == jid and job.get("state") != "running":
                break
            if time.monotonic() > end:
                raise RuntimeError("publish job %s did not end: %r" % (jid, o))
            time.sleep(0.05)
        if job["state"] == "done":
            return 200, {"version": job["version"], "job": job}, resp
        return 502, {"error": job["error"], "job": job}, resp

    def login(self, user, password):
        status, out, resp = self.request("POST", "/api/login", {"user": user, "password": password})
        if status == 200:
            self.set_cookie = resp.getheader("Set-Cookie")
            self.cookie = self.set_cookie.split(";")[0]
            self.csrf = out["csrf"]
        return status, out, resp


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, cond, what, detail=""):
        if cond:
            self.passed += 1
            print("ok: " + what)
        else:
            self.failed += 1
            print("FAIL: " + what + (("\n  " + str(detail)[:2000]) if detail != "" else ""))
        return cond

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 0 if self.failed == 0 and self.passed > 0 else 1
