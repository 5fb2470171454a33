"""Logins kept across a studio restart (tests/cli_studio_sessions.sh): a real `litfass studio`
on 127.0.0.1 is stopped and started again on the same data folder; the editors' cookies and
CSRF tokens still work, while a logout, `user passwd`, `user remove` and the idle timeout
still end sessions, before and after the restart. DATA/sessions.json has mode 600 and holds
no token a request could be made with."""
import json
import os
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, Checks, Client, Studio, add_user  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
DATA = os.path.join(TMP, "data")
PW = "Lindenblatt-2026"
CONF = "[studio]\nsession_seconds = 600\n"
t = Checks()
check = t.check

for name in ("anna", "bert", "cem", "dora", "emil"):
    add_user(DATA, name, "editor", PW)

studio = Studio(TMP, DATA, CONF)
clients = {}
for name in ("anna", "bert", "cem", "dora", "emil"):
    c = Client(studio)
    st, out, _ = c.login(name, PW)
    check(st == 200, "%s logs in" % name, out)
    clients[name] = c

path = os.path.join(DATA, "sessions.json")
check(os.path.exists(path) and stat.S_IMODE(os.stat(path).st_mode) == 0o600,
      "sessions.json is kept in the data folder with mode 600")
text = open(path).read()
leaked = [n for n, c in clients.items() if c.cookie.split("=", 1)[1] in text or c.csrf in text]
check(not leaked and len(json.load(open(path))["sessions"]) == 5,
      "sessions.json holds 5 sessions, none of their cookie or CSRF tokens", leaked)

st, _, _ = clients["bert"].request("POST", "/api/logout", {})
check(st == 200, "bert logs out")
r = subprocess.run([BIN, "studio", "user", "remove", "cem", "--data", DATA],
                   capture_output=True, text=True)
check(r.returncode == 0, "cem is removed while the studio runs", r.stderr)
st, out, _ = clients["cem"].request("GET", "/api/session")
check(st == 401, "the removed user's session ends at once", out)

check(studio.stopped_cleanly(), "the studio stops cleanly")
r = subprocess.run([BIN, "studio", "user", "passwd", "emil", "--data", DATA],
                   input="Neues-Passwort-77\n", capture_output=True, text=True)
check(r.returncode == 0, "emil gets a new password while the studio is stopped", r.stderr)
# dora's session idle for longer than session_seconds (as if ten minutes had passed)
doc = json.load(open(path))
for e in doc["sessions"]:
    if e["user"] == "dora":
        e["last_seen"] -= 700
        e["created"] -= 700
with open(path, "w") as f:
    json.dump(doc, f)
os.chmod(path, 0o644)

studio = Studio(TMP, DATA, CONF)
for c in clients.values():
    c.studio = studio
anna = clients["anna"]
st, out, _ = anna.request("GET", "/api/session")
check(st == 200 and out.get("user") == "anna" and out.get("csrf") == anna.csrf,
      "after the restart anna is still logged in, with the same CSRF token", (st, out))
st, out, _ = anna.request("POST", "/api/items", {"item": {
    "kind": "notice", "id": "nach-neustart", "title": {"de": "Nach dem Neustart"},
    "message": {"de": "Die Anmeldung hat den Neustart überstanden."},
    "valid_from": "2026-12-01T08:00", "valid_until": "2026-12-31T18:00"}})
check(st == 201, "... and saves a change with that CSRF token", (st, out))
st, out, _ = anna.request("POST", "/api/items", {"item": {"kind": "notice", "id": "x"}}, csrf=False)
check(st == 403, "a change without the CSRF token is still refused", (st, out))
st, out, _ = clients["bert"].request("GET", "/api/session")
check(st == 401, "bert, who logged out, stays logged out", (st, out))
st, out, _ = clients["cem"].request("GET", "/api/session")
check(st == 401, "cem, who was removed, stays out", (st, out))
st, out, _ = clients["emil"].request("GET", "/api/session")
check(st == 401 and "password" in json.dumps(out), "emil's session ended with the new password",
      (st, out))
st, out, _ = clients["dora"].request("GET", "/api/session")
check(st == 401, "dora's session, idle longer than session_seconds, has expired", (st, out))
forged = Client(studio)
forged.cookie = "litfass_session=" + json.load(open(path))["sessions"][0]["token_hash"]
st, out, _ = forged.request("GET", "/api/session")
check(st == 401, "the hash in sessions.json is no cookie", (st, out))
st, out, _ = anna.request("POST", "/api/logout", {})
check(st == 200, "anna logs out")
st, out, _ = anna.request("GET", "/api/items")
check(st == 401, "... and her cookie opens nothing any more", (st, out))
check(stat.S_IMODE(os.stat(path).st_mode) == 0o600 and
      [e["user"] for e in json.load(open(path))["sessions"]] == [],
      "sessions.json is private again and lists no session any more",
      open(path).read())
check(studio.stopped_cleanly(), "the studio stops cleanly again")
sys.exit(t.finish())
