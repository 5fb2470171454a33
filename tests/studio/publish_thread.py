"""Publishing on the studio's own thread, against a real studio and a WebDAV target on
127.0.0.1 that holds every upload until the test releases it (tests/servers/dav_faults.py,
mode hold): no sleeps decide anything. While the upload hangs, every other request is
answered; a second publish (another publisher, or "publish again") gets 409 naming who
publishes since when; after the release the job says done with the version, the server
holds exactly that signed version, the audit log lists it. A studio stopped (SIGTERM)
while an upload hangs exits 0, leaves the live content.json and its signature on the
server as they were, removes its unfinished file while the server still answers, records the
version as not delivered, and after the restart says the publish was interrupted and the live
content unchanged; the next publish removes the unfinished file the server wrote after the
stop. The same after a kill (no clean stop)."""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, SRC, Checks, Client, Studio, add_kiosk, add_user, stop_process  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
PW_ANNA, PW_BEN, PW_ED = "Mohnblume-2026", "Kornblume-77", "Sonnenblume-99"
t = Checks()
check = t.check
DATA = os.path.join(TMP, "data")
DAV = os.path.join(TMP, "dav")
os.makedirs(DAV)
add_user(DATA, "anna", "publisher", PW_ANNA)
add_user(DATA, "ben", "publisher", PW_BEN)
add_user(DATA, "ed", "editor", PW_ED)
token = add_kiosk(DATA, "foyer").stdout.strip()
subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True, capture_output=True)

dav = subprocess.Popen([sys.executable, os.path.join(SRC, "tests/servers/dav_faults.py"), "--root", DAV,
                        "--time-limit", "280"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
dav_port = int(dav.stdout.readline())


def dav_get(path):
    return urllib.request.urlopen("http://127.0.0.1:%d%s" % (dav_port, path), timeout=30).read().decode()


def wait_for(cond, what, limit=120):
    """Polls cond until true; a limit only so that a broken studio fails the test instead
    of hanging it (no assertion about how long anything took)."""
    end = time.monotonic() + limit
    while not cond():
        if time.monotonic() > end:
            raise RuntimeError("never happened: " + what)
        time.sleep(0.05)


def live():
    return [open(os.path.join(DAV, "ki", n), "rb").read() if os.path.exists(os.path.join(DAV, "ki", n)) else None
            for n in ("content.json", "content.json.sig")]


def kept(serial):
    d = os.path.join(DATA, "versions", str(serial))
    return [open(os.path.join(d, n), "rb").read() for n in ("content.json", "content.json.sig")]


def audit():
    with open(os.path.join(DATA, "audit.log")) as f:
        return [json.loads(line) for line in f if line.strip()]


config = "[publish]\nkey = %s/ki.key\nvalid_days = 30\nurl = http://127.0.0.1:%d/dav/ki/\n" % (TMP, dav_port)
st = None
try:
    st = Studio(TMP, DATA, config)
    anna, ben, ed, kiosk = Client(st), Client(st), Client(st), Client(st)
    anna.login("anna", PW_ANNA)
    ben.login("ben", PW_BEN)
    ed.login("ed", PW_ED)
    event = {"kind": "event", "id": "infoabend", "title": {"de": "Infoabend", "ar": "أمسية إعلامية"},
             "start": "2027-04-14T18:00", "end": "2027-04-14T20:00"}
    status, out, _ = anna.request("POST", "/api/items", {"item": event})
    check(status == 201, "an event in the draft", out)
    status, out, _ = anna.request("GET", "/api/publish")
    check(status == 200 and out["job"] is None, "GET /api/publish before any publish: no job", out)
    status, out, _ = anna.publish()
    check(status == 200 and out["version"]["serial"] == 1 and out["version"]["delivered"] == ["url"],
          "with the server answering, version 1 is published through the job", out)
    first = live()
    check(first == kept(1), "the server holds version 1 as signed")

    # --- a publish whose upload hangs ----------------------------------------------------
    dav_get("/_mode/hold")
    status, out, _ = ed.request("PUT", "/api/items/infoabend",
                                {"item": dict(event, title={"de": "Infoabend (neu)", "ar": "أمسية إعلامية"}),
                                 "revision": 1})
    if status != 200:  # the revision the draft gives
        rev = ed.request("GET", "/api/items/infoabend")[1].get("revision")
        status, out, _ = ed.request("PUT", "/api/items/infoabend",
                                    {"item": dict(event, title={"de": "Infoabend (neu)", "ar": "أمسية إعلامية"}),
                                     "revision": rev})
    check(status == 200, "an editor changes the event", out)
    status, out, _ = anna.request("POST", "/api/publish", {"note": "Dezember"})
    job = out.get("job") or {}
    check(status == 202 and job.get("state") == "running" and job.get("by") == "anna" and job.get("serial") == 2
          and re.fullmatch(r"\d\d:\d\d", job.get("since", "")),
          "POST /api/publish answers at once (202) with the job: running, by anna, version 2, since HH:MM", out)
    wait_for(lambda: int(dav_get("/_held")) >= 1, "the upload reached the server")
    check(int(dav_get("/_held")) >= 1, "the server holds the upload (the publish is under way)")

    # everybody else is answered meanwhile
    page = urllib.request.urlopen(st.url, timeout=60)
    check(page.status == 200 and b"<html" in page.read().lower(), "the page (GET /) answers while the upload hangs")
    status, out, _ = ed.request("GET", "/api/items")
    check(status == 200 and any(e["item"]["id"] == "infoabend" for e in out["items"]),
          "GET /api/items answers while the upload hangs", status)
    status, out, _ = ed.request("POST", "/api/items", {"item": {"kind": "notice", "id": "hinweis",
                                                                "title": {"de": "Heute geschlossen"},
                                                                "valid_from": "2027-04-01T08:00",
                                                                "valid_until": "2027-04-02T00:00"}})
    check(status == 201, "an editor saves a new entry while the upload hangs", out)
    status, out, _ = ed.request("GET", "/api/versions")
    v2 = [v for v in out.get("versions", []) if v["serial"] == 2]
    check(status == 200 and v2 and v2[0]["delivered"] == [],
          "GET /api/versions answers: version 2 is kept, not yet delivered", out)
    status, out, _ = ed.request("GET", "/api/fleet")
    check(status == 200, "the fleet page's API answers while the upload hangs", out)
    status, out, _ = kiosk.request("POST", "/api/fleet/heartbeat", {"serial": 1, "item": "infoabend", "display_on": True},
                                   headers={"Authorization": "Bearer " + token})
    check(status in (200, 204), "a kiosk's heartbeat is taken while the upload hangs", out)
    status, out, _ = kiosk.request("GET", "/metrics")
    check(status == 200, "/metrics answers while the upload hangs", status)
    status, out, _ = ed.request("GET", "/api/publish")
    check(status == 200 and out["job"]["state"] == "running" and out["job"]["id"] == job["id"],
          "GET /api/publish: the job is running", out)

    # a second publish gets a clear answer and starts nothing
    status, out, _ = ben.request("POST", "/api/publish")
    check(status == 409 and out.get("msgid") == "a publish is under way: started by %s at %s"
          and out.get("args") == ["anna", job["since"]] and out["job"]["id"] == job["id"]
          and out["error"] == "a publish is under way: started by anna at %s" % job["since"],
          "a second publish while one runs: 409 naming who publishes since when, and the job", out)
    status, out, _ = ben.request("POST", "/api/versions/1/publish")
    check(status == 409 and out["job"]["id"] == job["id"], "publishing a version again meanwhile: 409 as well", out)
    check(not os.path.exists(os.path.join(DATA, "versions", "3.json")), "neither made a version")
    check(live() == first, "while the upload hangs the server's live pair is still version 1")
    check(not [a for a in audit() if a["action"] == "publish" and a.get("detail") == "serial 2"],
          "the audit log does not list version 2 before it is delivered")

    # released: the job ends, and its state, the server and the audit log agree
    dav_get("/_release")
    wait_for(lambda: anna.request("GET", "/api/publish")[1]["job"]["state"] != "running", "the publish ended")
    status, out, _ = anna.request("GET", "/api/publish")
    j = out["job"]
    check(j["id"] == job["id"] and j["state"] == "done" and j["version"]["serial"] == 2
          and j["version"]["delivered"] == ["url"] and j["version"]["note"] == "Dezember" and "finished" in j,
          "after the release GET /api/publish says done, with version 2 delivered", out)
    check(live() == kept(2), "the server holds version 2 exactly as signed")
    check(b"Infoabend (neu)" in live()[0] and b"hinweis" not in live()[0],
          "version 2 is the draft as it was when publishing began (the entry saved meanwhile waits)")
    check([a["detail"] for a in audit() if a["action"] == "publish"] == ["serial 1", "serial 2"]
          and audit()[-1]["user"] == "anna",
          "the audit log lists both publishes, by anna", audit()[-3:])
    status, out, _ = ben.publish()
    check(status == 200 and out["version"]["serial"] == 3 and out["version"]["by"] == "ben",
          "after it, the next publish runs (version 3, by ben)", out)
    status, out, _ = ben.publish("/api/versions/1/publish")
    check(status == 200 and out["version"]["serial"] == 4 and out["version"]["again_from"] == 1,
          "publishing version 1 again runs as a job too (version 4)", out)
    check([a["detail"] for a in audit() if a["action"] == "publish"][-1] == "serial 4 (again: version 1)",
          "the audit log names the version published again", audit()[-1])
    check(live() == kept(4), "the server holds version 4")

    # --- stopped while an upload hangs ---------------------------------------------------
    # the version under way has a poster the next one will not have: its unfinished
    # images/plakat.png.tmp is not overwritten by the next upload, only removed
    poster = open(os.path.join(SRC, "assets/content/images/poster-migrationsleitbild.png"), "rb").read()
    status, out, _ = anna.request("PUT", "/api/images/plakat.png", raw=poster)
    check(status in (200, 201), "a poster in the draft", out)
    status, out, _ = anna.request("POST", "/api/items", {"item": {
        "kind": "event", "id": "plakat", "title": {"de": "Ausstellung"}, "image": "images/plakat.png",
        "start": "2027-05-14T18:00", "end": "2027-05-14T20:00"}})
    check(status == 201, "an event with the poster", out)
    before = live()
    dav_get("/_mode/hold")
    status, out, _ = anna.request("POST", "/api/publish", {"note": "abgebrochen"})
    check(status == 202, "another publish starts", out)
    stopped_job = out.get("job") or {}
    wait_for(lambda: int(dav_get("/_held")) >= 1, "the upload reached the server")
    stop_process(st.proc, timeout=60)
    st.log.seek(0)
    log = st.log.read()
    check(st.proc.returncode == 0, "SIGTERM while the upload hangs: the studio exits 0 (the upload is cancelled, "
          "its thread joined)", log[-2000:])
    check(live() == before, "the server's live content.json and signature are as before the stop")
    meta = json.load(open(os.path.join(DATA, "versions", "5.json")))
    check(meta["delivered"] == [] and "cancelled: the studio is stopping" in meta.get("error", ""),
          "version 5 is kept and listed as not delivered: cancelled as the studio stopped", meta)
    check(audit()[-1]["action"] == "publish-failed" and "cancelled" in audit()[-1]["detail"],
          "the audit log says publishing failed", audit()[-1])
    check("DELETE /dav/ki/images/plakat.png.tmp" in dav_get("/_log"),
          "the cancelled upload asked the server, which still answers, to remove its unfinished file")
    # the held PUT goes on after the studio went: the server writes the file all the same
    dav_get("/_release")
    wait_for(lambda: "plakat.png.tmp written after the client went" in dav_get("/_log"), "the held PUT ended")
    check(os.path.exists(os.path.join(DAV, "ki", "images", "plakat.png.tmp")),
          "the server wrote the unfinished images/plakat.png.tmp after the studio had gone")
    dav_get("/_mode/ok")

    # restarted: the studio says the last publish was interrupted, and that nothing changed
    st = Studio(TMP, DATA, config)
    anna, ed = Client(st), Client(st)
    anna.login("anna", PW_ANNA)
    ed.login("ed", PW_ED)
    status, out, _ = ed.request("GET", "/api/publish")
    j = out.get("job") or {}
    check(status == 200 and j.get("state") == "interrupted" and j.get("serial") == 5 and j.get("by") == "anna"
          and j.get("id") == stopped_job.get("id") and j.get("live") == "unchanged"
          and j.get("since") == stopped_job.get("since"),
          "after the restart GET /api/publish says: version 5 by anna was interrupted, the live content unchanged", out)
    rev = anna.request("GET", "/api/items/plakat")[1].get("revision")
    status, out, _ = anna.request("DELETE", "/api/items/plakat?revision=%s" % rev)
    check(status == 200, "the poster's event is deleted", out)
    status, out, _ = anna.publish()
    check(status == 200 and out["version"]["serial"] == 6 and live() == kept(6),
          "after a restart publishing works again (version 6 on the server)", out)
    check(out.get("job", {}).get("id", 0) > stopped_job.get("id", 0), "the new job has a new id", out)
    left = [os.path.relpath(os.path.join(d, n), DAV) for d, _, names in os.walk(DAV) for n in names if n.endswith(".tmp")]
    check(left == [], "the next publish removed the unfinished file the cancelled one left (no *.tmp on the server)", left)
    check(not os.path.exists(os.path.join(DATA, "publish-leftovers.json"))
          or json.load(open(os.path.join(DATA, "publish-leftovers.json"))) == [],
          "nothing is listed as left on the server any more")

    # --- killed (no clean stop) while an upload hangs --------------------------------------
    dav_get("/_mode/hold")
    status, out, _ = anna.request("POST", "/api/publish", {"note": "abgestuerzt"})
    check(status == 202, "a publish starts", out)
    wait_for(lambda: int(dav_get("/_held")) >= 1, "the upload reached the server")
    st.proc.kill()
    st.proc.wait(timeout=30)
    dav_get("/_release")
    dav_get("/_mode/ok")
    st = Studio(TMP, DATA, config)
    anna = Client(st)
    anna.login("anna", PW_ANNA)
    status, out, _ = anna.request("GET", "/api/publish")
    j = out.get("job") or {}
    check(status == 200 and j.get("state") == "interrupted" and j.get("serial") == 7 and j.get("live") == "unchanged",
          "after a crash GET /api/publish says: version 7 was interrupted, the live content unchanged", out)
    check(live() == kept(6), "the server's live pair is still version 6")
    status, out, _ = anna.publish()
    check(status == 200 and out["version"]["serial"] == 8 and live() == kept(8), "then version 8 goes out", out)
    status, out, _ = anna.request("GET", "/api/publish")
    check(out["job"]["state"] == "done" and out["job"]["serial"] == 8, "and the job says done", out)
    check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
    st = None
finally:
    if st:
        st.stop()
    dav.stdin.close()
    dav.wait(timeout=30)
sys.exit(t.finish())
