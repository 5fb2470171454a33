#!/usr/bin/env python3
"""A web server for the sync tests that serves a bundle folder and misbehaves on purpose.

Standard library only. Listens on 127.0.0.1 only, on a port the system picks; the port is
the first line on stdout. Exits when stdin closes (the test that started it went away) or
after --time-limit seconds, whichever comes first, so it never outlives a test.

    misbehave.py --root A [--next B] [--time-limit 120]

Paths (the first path segment chooses the behaviour; the rest is a file of the bundle):
  /ok/...          folder A, served properly (ETag, Last-Modified, 304 on a match)
  /next/...        folder B (default: A), served properly
  /m-FAULT/...     B, but content.json (or any path ending in "/") misbehaves
  /a-FAULT/...     B, content.json served properly, every other file misbehaves
  content.json.sig (the signature) is always B's, served properly.
A path that ends in "/" means the folder's content.json.

FAULTs:
  truncate    Content-Length of the whole file, half of it sent, then the connection closed
  reset       half of the file sent, then the connection reset (SO_LINGER 0, RST)
  500         HTTP 500
  503         HTTP 503 with Retry-After: 120
  404         HTTP 404
  drip        Content-Length of the whole file, one byte per second
  endless     no Content-Length, bytes until the client hangs up (capped at ENDLESS_CAP)
  hugelen     Content-Length: 10 GiB, then bytes as for endless
  badjson     manifest: broken JSON (served with a proper 200)
  invalid     manifest: well-formed JSON that is not a valid bundle (an item without title)
  nofiles     manifest: B's manifest without its "files" list
  badhash     manifest: every listed sha256 changed; asset: one byte flipped, same size
  badsize     asset: one byte more than the manifest lists
  evilpath    manifest: the first listed file (and the items naming it) at "../escape.png"
  redirfile   302 to file:///etc/passwd
  redirftp    302 to ftp://127.0.0.1:21/content.json (a scheme the kiosk never follows; no
              FTP server needed: a kiosk that followed would fail to connect, not refuse)
  redirloop   302 to the same URL, forever (each response is a single redirect)
  304         304 Not Modified whatever was asked (also to a request without If-None-Match)
  bighead     200 with 200 KiB of header lines before the body
  olddate     served properly, but with Date: Thu, 01 Jan 2026 00:00:00 GMT (a server whose
              clock disagrees with the kiosk's by far)
  gzip        the file gzip-compressed, with Content-Encoding: gzip, although the request
              asked for no encoding (a server compressing whatever it sends)
  redirhost   302 to the same server under another host name (localhost), whose manifest
              then comes as for olddate: a Date from a host the kiosk was not configured with
  206         206 Partial Content (Content-Range: the whole file) although no range was asked
  shortlen    Content-Length one byte less than the file, then the whole file (the last byte
              is left on the kept-alive connection, ahead of the next answer)
  slowhead    the status line, then one more header line a second, no end of the header
  nothttp     bytes that are no HTTP answer at all, then the connection closed
  portal      manifest: 200 with a web page (text/html), as the login page of a hotspot or
              proxy answers for every address until someone logs in
  churn       served properly, but with a new ETag and Last-Modified every time and never a
              304 (a server or proxy whose validators change while the file does not)

  /s-FAULT/... B served properly, except content.json.sig:
  empty       the signature file has 0 bytes
  huge        the signature file has 10 MiB
  junk        1024 bytes that are no signature (no "untrusted comment" lines)

Every finished request is logged on stderr as one line:
  REQ <method> <path> <status> <fault or -> sent=<body bytes>
"""

import argparse
import email.utils
import gzip
import hashlib
import http.server
import json
import os
import socket
import struct
import sys
import threading
import time

ENDLESS_CAP = 256 * 1024 * 1024   # bytes an "endless" body sends at most
HUGE_LENGTH = 10 * 1024 * 1024 * 1024
CHUNK = 64 * 1024

MANIFEST_FAULTS = {"portal", "206", "shortlen", "slowhead", "nothttp", "churn", "gzip", "304", "bighead", "olddate", "redirhost", "truncate", "reset", "500", "503", "404", "drip", "endless", "hugelen",
                   "badjson", "invalid", "nofiles", "badhash", "evilpath", "redirfile",
                   "redirftp", "redirloop"}
ASSET_FAULTS = {"206", "shortlen", "slowhead", "nothttp", "churn", "gzip", "304", "bighead", "truncate", "reset", "500", "503", "404", "drip", "endless", "hugelen",
                "badhash", "badsize", "redirfile", "redirftp", "redirloop"}

SIG_FAULTS = {"empty", "huge", "junk"}
SIG_HUGE = 10 * 1024 * 1024
CHURN = [0]   # how many answers "churn" gave: each gets validators of its own

DEADLINE = [0.0]   # monotonic time at which everything stops
LOG_LOCK = threading.Lock()


def log(line):
    with LOG_LOCK:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


class Aborted(Exception):
    """The connection was cut on purpose; nothing more may be written."""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "misbehave/1"
    roots = {}   # "ok" -> folder A, "next" -> folder B

    def log_message(self, format, *args):   # noqa: A002 (BaseHTTPRequestHandler's name)
        pass   # one line per request is written by finish_log instead

    def finish_log(self, status, fault, sent):
        log("REQ %s %s %s %s sent=%d" % (self.command, self.path, status, fault or "-", sent))

    # ---- request dispatch ----

    def do_HEAD(self):
        self.handle_any(head=True)

    def do_GET(self):
        self.handle_any(head=False)

    fake_date = None

    def date_time_string(self, timestamp=None):
        if self.fake_date:
            return self.fake_date
        return super().date_time_string(timestamp)

    def handle_any(self, head):
        self.fake_date = None
        path = self.path.split("?", 1)[0]
        parts = path.lstrip("/").split("/", 1)
        prefix = parts[0]
        rel = parts[1] if len(parts) > 1 else ""
        if rel == "" or rel.endswith("/"):
            rel += "content.json"
        if ".." in rel.split("/") or rel.startswith("/"):
            return self.plain(404, "no such file")
        try:
            if prefix in ("ok", "next"):
                return self.serve_file(self.roots[prefix], rel, head)
            if prefix.startswith("s-"):
                if prefix[2:] not in SIG_FAULTS:
                    return self.plain(404, "unknown fault " + prefix[2:])
                if rel != "content.json.sig":
                    return self.serve_file(self.roots["next"], rel, head)
                return self.misbehave_signature(prefix[2:])
            if rel == "content.json.sig" and prefix[:2] in ("m-", "a-"):
                # the signature is always B's, served properly: a manifest fault changes
                # the manifest (so its signature no longer fits), an asset fault the images
                return self.serve_file(self.roots["next"], rel, head)
            if prefix.startswith("m-") or prefix.startswith("a-"):
                fault = prefix[2:]
                is_manifest = rel == "content.json"
                wants_fault = (prefix[0] == "m") == is_manifest
                known = MANIFEST_FAULTS if prefix[0] == "m" else ASSET_FAULTS
                if fault not in known:
                    return self.plain(404, "unknown fault " + fault)
                if not wants_fault:
                    return self.serve_file(self.roots["next"], rel, head)
                return self.misbehave(fault, rel, is_manifest)
            return self.plain(404, "unknown prefix")
        except Aborted:
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as e:
            self.close_connection = True
            log("REQ %s %s client-gone %s" % (self.command, self.path, type(e).__name__))

    # ---- proper answers ----

    def plain(self, status, text, extra=()):
        body = (text + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.finish_log(status, None, len(body))

    def read_file(self, root, rel):
        full = os.path.join(root, rel)
        try:
            with open(full, "rb") as f:
                return f.read(), os.stat(full).st_mtime
        except OSError:
            return None, 0

    def serve_file(self, root, rel, head):
        data, mtime = self.read_file(root, rel)
        if data is None:
            return self.plain(404, "no such file")
        etag = '"%s"' % hashlib.sha256(data).hexdigest()[:16]
        last_modified = email.utils.formatdate(int(mtime), usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        not_modified = False
        if inm is not None:
            not_modified = etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        elif ims is not None:
            try:
                not_modified = email.utils.parsedate_to_datetime(ims).timestamp() >= int(mtime)
            except (TypeError, ValueError):
                not_modified = False
        if not_modified:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.end_headers()
            return self.finish_log(304, None, 0)
        self.send_response(200)
        self.send_header("Content-Type", "application/json" if rel.endswith(".json")
                         else "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        self.end_headers()
        if not head:
            self.wfile.write(data)
        self.finish_log(200, None, 0 if head else len(data))

    # ---- misbehaviour ----

    def cut(self, reset):
        """Ends the connection now: with a FIN, or with a RST when reset is true."""
        sock = self.connection
        if reset:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            os.close(sock.detach())   # the fd really closes now: the peer gets RST
        else:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass   # the client hung up first
        raise Aborted()

    def head200(self, length, close=True):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if length is not None:
            self.send_header("Content-Length", str(length))
        if close:
            self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = close

    def send_endless(self, fault):
        junk = b"x" * CHUNK
        sent = 0
        try:
            while sent < ENDLESS_CAP and time.monotonic() < DEADLINE[0]:
                self.wfile.write(junk)
                sent += len(junk)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass
        self.finish_log(200, fault, sent)
        self.cut(reset=False)

    def misbehave(self, fault, rel, is_manifest):
        data, _ = self.read_file(self.roots["next"], rel)
        if data is None:
            return self.plain(404, "no such file")
        if fault in ("500", "404"):
            self.close_connection = True
            body = b"misbehaving on purpose\n"
            self.send_response(int(fault))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return self.finish_log(int(fault), fault, len(body))
        if fault == "503":
            body = b"come back later\n"
            self.send_response(503)
            self.send_header("Retry-After", "120")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return self.finish_log(503, fault, len(body))
        if fault == "olddate":
            self.fake_date = "Thu, 01 Jan 2026 00:00:00 GMT"
            return self.serve_file(self.roots["next"], rel, False)
        if fault == "redirhost":
            self.close_connection = True
            self.send_response(302)
            self.send_header("Location", "http://localhost:%d/m-olddate/content.json"
                             % self.server.server_address[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return self.finish_log(302, fault, 0)
        if fault == "304":
            self.send_response(304)
            self.end_headers()
            return self.finish_log(304, fault, 0)
        if fault == "bighead":
            self.send_response(200)
            for i in range(200):
                self.send_header("X-Filler-%d" % i, "x" * 1000)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return self.finish_log(200, fault, len(data))
        if fault in ("redirfile", "redirftp", "redirloop"):
            if fault == "redirfile":
                target = "file:///etc/passwd"
            elif fault == "redirftp":
                target = "ftp://127.0.0.1:21/content.json"
            else:
                target = self.path   # the same URL again: a loop however far one follows
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return self.finish_log(302, fault, 0)
        if fault in ("truncate", "reset"):
            self.head200(len(data))
            half = data[:max(1, len(data) // 2)]
            self.wfile.write(half)
            self.finish_log(200, fault, len(half))
            time.sleep(0.05)   # let the half arrive before the cut
            self.cut(reset=(fault == "reset"))
        if fault == "drip":
            self.head200(len(data))
            sent = 0
            try:
                for b in data:
                    if time.monotonic() >= DEADLINE[0]:
                        break
                    self.wfile.write(bytes([b]))
                    sent += 1
                    if sent == 1:  # the transfer has begun (tests wait for this line)
                        log("DRIP %s %s first byte sent" % (self.command, self.path))
                    time.sleep(1.0)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                pass
            self.finish_log(200, fault, sent)
            self.cut(reset=False)
        if fault == "endless":
            self.head200(None)
            self.send_endless(fault)
        if fault == "hugelen":
            self.head200(HUGE_LENGTH)
            self.send_endless(fault)
        if fault == "badjson":
            body = data[: len(data) // 3]   # stops in the middle of the items
            return self.send_body(body, fault)
        if fault == "invalid":
            doc = json.loads(data)
            for item in doc.get("items", []):
                item.pop("title", None)
            return self.send_body(json.dumps(doc, ensure_ascii=False, indent=2).encode(), fault)
        if fault == "nofiles":
            doc = json.loads(data)
            doc.pop("files", None)
            return self.send_body(json.dumps(doc, ensure_ascii=False, indent=2).encode(), fault)
        if fault == "evilpath":
            doc = json.loads(data)
            files = doc.get("files") or [{"path": "images/x.png"}]
            old = files[0]["path"]
            files[0]["path"] = "../escape.png"
            for item in doc.get("items", []):
                if item.get("image") == old:
                    item["image"] = "../escape.png"
            return self.send_body(json.dumps(doc, ensure_ascii=False, indent=2).encode(), fault)
        if fault == "badhash":
            if is_manifest:
                doc = json.loads(data)
                for f in doc.get("files", []):
                    f["sha256"] = hashlib.sha256(f["sha256"].encode()).hexdigest()
                body = json.dumps(doc, ensure_ascii=False, indent=2).encode()
            else:
                body = bytearray(data)
                body[len(body) // 2] ^= 0xFF
                body = bytes(body)
            return self.send_body(body, fault)
        if fault == "portal":
            page = ("<!DOCTYPE html>\n<html><head><title>WLAN Login</title></head><body>"
                    "<form action=\"/login\">Bitte melden Sie sich an.</form></body></html>\n")
            return self.send_body(page.encode(), fault, [("Content-Type", "text/html")])
        if fault == "206":
            self.send_response(206)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Range", "bytes 0-%d/%d" % (len(data) - 1, len(data)))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return self.finish_log(206, fault, len(data))
        if fault == "shortlen":
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data) - 1))
            self.end_headers()
            self.wfile.write(data)
            return self.finish_log(200, fault, len(data))
        if fault == "slowhead":
            self.close_connection = True
            self.send_response(200)
            self.flush_headers()
            sent = 0
            try:
                while time.monotonic() < DEADLINE[0]:
                    self.wfile.write(b"X-Slow-%d: still coming\r\n" % sent)
                    self.wfile.flush()
                    sent += 1
                    time.sleep(1.0)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                pass
            self.finish_log(200, fault, sent)
            self.cut(reset=False)
        if fault == "nothttp":
            self.close_connection = True
            self.wfile.write(b"SSH-2.0-OpenSSH_9.2\r\n" + bytes(range(256)) * 4)
            self.finish_log(0, fault, 0)
            self.cut(reset=False)
        if fault == "churn":
            CHURN[0] += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", '"churn-%d"' % CHURN[0])
            self.send_header("Last-Modified", email.utils.formatdate(
                time.time() - 3600 + CHURN[0], usegmt=True))
            self.end_headers()
            self.wfile.write(data)
            return self.finish_log(200, fault, len(data))
        if fault == "badsize":
            return self.send_body(data + b"\0", fault)
        if fault == "gzip":
            return self.send_body(gzip.compress(data), fault, [("Content-Encoding", "gzip")])
        return self.plain(404, "unknown fault " + fault)

    def misbehave_signature(self, fault):
        if fault == "empty":
            body = b""
        elif fault == "huge":
            body = b"untrusted comment: litfass signature\n" + b"A" * SIG_HUGE
        else:
            body = bytes((i * 7 + 3) % 256 for i in range(1024))
        self.close_connection = True
        return self.send_body(body, "s-" + fault)

    def send_body(self, body, fault, extra=()):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.finish_log(200, fault, len(body))


    def finish(self):
        try:
            super().finish()
        except OSError:
            pass   # the connection was cut on purpose


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        log("REQ error %s" % (sys.exc_info()[1],))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="bundle folder served on /ok/")
    ap.add_argument("--next", help="bundle folder served on /next/ and under the faults")
    ap.add_argument("--time-limit", type=float, default=120.0,
                    help="seconds after which the server exits in any case")
    args = ap.parse_args()
    Handler.roots = {"ok": os.path.abspath(args.root),
                     "next": os.path.abspath(args.next or args.root)}
    DEADLINE[0] = time.monotonic() + args.time_limit

    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)

    stop = threading.Event()

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except OSError:
            pass
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                     daemon=True).start()
    stop.wait(timeout=args.time_limit)
    log("misbehave: stopping (%s)" % ("stdin closed" if stop.is_set() else "time limit"))
    sys.stderr.flush()
    os._exit(0)   # handler threads may be in the middle of a drip: do not wait for them


if __name__ == "__main__":
    main()
