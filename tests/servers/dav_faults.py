#!/usr/bin/env python3
"""A small WebDAV target (PUT, MKCOL, MOVE, DELETE, GET) for the studio's publishing tests that
fails on purpose. Standard library only; listens on 127.0.0.1 on a port the system picks
(the first line on stdout); exits when stdin closes or after --time-limit seconds.

    dav_faults.py --root DIR [--time-limit 300]

Files live in DIR; kiosks GET them under /dav/. The behaviour is set by the test at any
moment with GET /_mode/NAME (answers 200 "NAME"):
  ok        PUT, MKCOL, MOVE (Overwrite: T), DELETE and GET as a WebDAV server
  401       every PUT/MOVE/MKCOL answers 401 (a wrong password)
  403       every PUT/MOVE/MKCOL answers 403 (no permission on the folder)
  507       PUT answers 507 Insufficient Storage (disk full)
  cut       PUT: the connection is closed after half the body was read
  slow      PUT of the manifest (content.json.tmp): waits --slow seconds before answering (a very
            slow server), then as ok
  nomove    MOVE answers 405 Method Not Allowed (no WebDAV MOVE)
  nofolder  PUT/MOVE/MKCOL answer 409 Conflict (the target folder does not exist)
  manifest507  PUT of content.json (and its .tmp) answers 507, everything else as ok
  hold      every PUT waits, its body read, until the test calls GET /_release (a server that
            hangs for as long as the test wants: deterministic, no sleeps), then as ok; a PUT
            whose client went meanwhile is still written then, as a real server may do
GET /_log answers the requests seen, one "METHOD PATH STATUS" a line; GET /_held the number
of PUTs held so far (mode hold); GET /_release lets them (and every later PUT) go on."""
import argparse
import http.server
import os
import select
import sys
import threading
import time

ap = argparse.ArgumentParser()
ap.add_argument("--root", required=True)
ap.add_argument("--time-limit", type=float, default=300)
ap.add_argument("--slow", type=float, default=8)
args = ap.parse_args()
ROOT = os.path.abspath(args.root)
STATE = {"mode": "ok", "log": [], "held": 0}
LOCK = threading.Lock()
RELEASE = threading.Event()


def local(path):
    p = path.split("?", 1)[0]
    if not p.startswith("/dav/"):
        return None
    rel = os.path.normpath(p[len("/dav/"):].rstrip("/")) if p != "/dav/" else ""
    if rel.startswith("..") or os.path.isabs(rel):
        return None
    return os.path.join(ROOT, rel) if rel else ROOT


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def answer(self, code, body=b""):
        with LOCK:
            STATE["log"].append("%s %s %d" % (self.command, self.path, code))
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n)

    def fault(self):
        mode = STATE["mode"]
        if mode in ("401", "403", "nofolder"):
            self.body()
            self.answer({"401": 401, "403": 403, "nofolder": 409}[mode])
            return True
        return False

    def do_GET(self):
        if self.path.startswith("/_mode/"):
            STATE["mode"] = self.path[len("/_mode/"):]
            if STATE["mode"] == "hold":  # held anew until the next /_release
                with LOCK:
                    STATE["held"] = 0
                RELEASE.clear()
            return self.answer(200, STATE["mode"].encode())
        if self.path == "/_held":
            with LOCK:
                n = STATE["held"]
            return self.answer(200, str(n).encode())
        if self.path == "/_release":
            RELEASE.set()
            return self.answer(200, b"released")
        if self.path == "/_log":
            with LOCK:
                text = "\n".join(STATE["log"]) + "\n"
            return self.answer(200, text.encode())
        p = local(self.path)
        if not p or not os.path.isfile(p):
            return self.answer(404)
        self.answer(200, open(p, "rb").read())

    def do_MKCOL(self):
        self.body()
        if self.fault():
            return
        p = local(self.path)
        if not p:
            return self.answer(403)
        if os.path.isdir(p):
            return self.answer(405)
        os.makedirs(p, exist_ok=True)
        self.answer(201)

    def do_PUT(self):
        mode = STATE["mode"]
        if self.fault():
            return
        p = local(self.path)
        n = int(self.headers.get("Content-Length") or 0)
        if mode == "cut":
            self.rfile.read(n // 2)
            with LOCK:
                STATE["log"].append("PUT %s cut" % self.path)
            self.close_connection = True
            self.connection.shutdown(2)
            return
        data = self.rfile.read(n)
        if mode == "507" or (mode == "manifest507" and os.path.basename(p or "").startswith("content.json")
                             and not os.path.basename(p).startswith("content.json.sig")):
            return self.answer(507)
        if mode == "slow" and os.path.basename(p or "") == "content.json.tmp":
            time.sleep(args.slow)
        if mode == "hold" and not RELEASE.is_set():
            with LOCK:
                STATE["held"] += 1
                STATE["log"].append("PUT %s held" % self.path)
            RELEASE.wait(args.time_limit)
        if not p:
            return self.answer(403)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
        try:
            self.answer(201)
        except OSError:  # the client went while the PUT was held: the file is written all the same
            with LOCK:
                STATE["log"].append("PUT %s written after the client went" % self.path)

    def do_MOVE(self):
        self.body()
        if self.fault():
            return
        if STATE["mode"] == "nomove":
            return self.answer(405)
        src = local(self.path)
        dest = self.headers.get("Destination", "")
        dest = local("/" + dest.split("/", 3)[3]) if dest.count("/") >= 3 else None
        if not src or not dest or not os.path.isfile(src):
            return self.answer(404 if src else 403)
        os.replace(src, dest)
        self.answer(204)


    def do_DELETE(self):
        self.body()
        if self.fault():
            return
        p = local(self.path)
        if not p:
            return self.answer(403)
        if not os.path.isfile(p):
            return self.answer(404)
        os.remove(p)
        self.answer(204)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


srv = Server(("127.0.0.1", 0), H)
print(srv.server_address[1], flush=True)
threading.Thread(target=srv.serve_forever, daemon=True).start()
end = time.monotonic() + args.time_limit
while time.monotonic() < end:
    r, _, _ = select.select([sys.stdin], [], [], 1)
    if r and not sys.stdin.read(1):
        break
srv.shutdown()
