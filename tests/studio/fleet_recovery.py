"""A screen's problem being over reaches city IT (tests/cli_fleet_recovery.sh): a real studio
on 127.0.0.1 with a local SMTP sink (aiosmtpd), heartbeats POSTed over HTTP with each
kiosk's token as `litfass run` sends them. A screen that fell silent, or stayed behind a
publish, is told of once; when it reports again, or shows the published version, one more
e-mail says so, naming the screen, since when it was out and what it shows now. A screen
never told of gets no such e-mail, and a screen reporting on gets no second one. The studio
stopped and started while a screen is silent neither tells of it again nor forgets the
e-mail owed when it is back."""
import email.header
import json
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import (BIN, SRC, Checks, Client, Studio, add_kiosk, add_user,  # noqa: E402
                    free_port, stop_process, wait_for)

TMP = os.environ["STUDIO_TMP"]
DATA = os.path.join(TMP, "data")
WWW = os.path.join(TMP, "www")
os.makedirs(WWW)
PW = "Mohnblume-2026"
t = Checks()
check = t.check
procs = []
halle_stops = []

# the lines of the e-mails: (screen, finding) -> alert / over
ALERT = {"silent": "meldet sich nicht mehr / silent", "stale": "zeigt noch Version"}
OVER = {"silent": "meldet sich wieder / reports again",
        "stale": "zeigt wieder die aktuelle Version / shows the current serial again"}

try:
    add_user(DATA, "anna", "publisher", PW)
    tokens = {}
    for name in ("foyer", "flur", "halle", "lager", "kasse"):
        r = add_kiosk(DATA, name)
        tokens[name] = r.stdout.strip()
        assert r.returncode == 0, r.stderr

    smtp_port = free_port()
    mail_log = open(os.path.join(TMP, "smtp.log"), "w+", encoding="utf-8")
    sink = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l",
                             "127.0.0.1:%d" % smtp_port], stdout=mail_log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    procs.append(sink)
    subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True,
                   capture_output=True)
    config = ("[publish]\nkey = %s/ki.key\ndir = %s\n[fleet]\nsilent_seconds = 5\n"
              "stale_serial_seconds = 3\nalert_to = it@ki-muenster.example\n"
              "smtp_url = smtp://127.0.0.1:%d\nsmtp_from = litfass@ki-muenster.example\n"
              % (TMP, WWW, smtp_port))
    st = Studio(TMP, DATA, config)
    procs.append(st.proc)
    last_beat = {}
    beat_lock = threading.Lock()

    def beat(name, **fields):
        """One heartbeat of screen `name`, at least a second after its last (the studio
        refuses closer ones)."""
        with beat_lock:
            wait = last_beat.get(name, 0) + 1.1 - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        hb = {"serial": 1, "item": "sprachcafe", "slide": 3, "slides": 9, "mode": "carousel",
              "display_on": True, "clock": "", "clock_source": "system"}
        hb.update(fields)
        status, out, _ = Client(st).request("POST", "/api/fleet/heartbeat", hb,
                                            headers={"Authorization": "Bearer " + tokens[name]})
        with beat_lock:
            last_beat[name] = time.monotonic()
        assert status == 200, (name, status, out)

    def mails():
        mail_log.seek(0)
        return mail_log.read().split("MESSAGE FOLLOWS")[1:]

    def mail_with(*parts):
        def found():
            for m in mails():
                if all(p in m for p in parts):
                    return m
            return None
        return wait_for(found, 60)

    def told_in_order():
        """Each screen's findings as the e-mails told them, in order: {(screen, finding):
        ["alert", "over", ...]}."""
        seq = {}
        for line in "".join(mails()).splitlines():
            m = re.match(r"- ([A-Za-z0-9._-]+): (.*)", line)
            if not m:
                continue
            for kind in ALERT:
                if m.group(2).startswith(ALERT[kind]):
                    seq.setdefault((m.group(1), kind), []).append("alert")
                elif m.group(2).startswith(OVER[kind]):
                    seq.setdefault((m.group(1), kind), []).append("over")
        return seq

    def subject(mail):
        """The Subject header as a reader's mail program shows it (RFC 2047 decoded)."""
        m = re.search(r"^Subject:(.*(?:\r?\n[ \t].*)*)", mail or "", re.M)
        return str(email.header.make_header(email.header.decode_header(m.group(1)))).strip() \
            if m else ""

    def fleet():
        anna = Client(st)
        anna.login("anna", PW)
        return {s["name"]: s for s in anna.request("GET", "/api/fleet")[1]["screens"]}

    # halle reports on all through the test (every 1.5 s, as a kiosk does every minute):
    # it is never told of, so it must never be told it is back
    def start_halle():
        stop = threading.Event()
        halle_stops.append(stop)

        def keep_beating():
            while not stop.wait(0.4):
                try:
                    beat("halle")
                except (AssertionError, OSError):
                    return
        threading.Thread(target=keep_beating, daemon=True).start()
    beat("halle")
    start_halle()

    # --- silent, then back ----------------------------------------------------------------
    beat("foyer")
    beat("lager", item="wegweiser", slide=1, slides=4)
    beat("flur", serial=0)
    foyer_seen = fleet()["foyer"]["last_seen"]
    silent = mail_with("- foyer: meldet sich nicht mehr / silent (zuletzt / last seen: %s)"
                       % foyer_seen)
    check(silent is not None, "foyer silent for silent_seconds: an alert", "".join(mails()))
    beat("foyer", item="(agenda)", slide=0, slides=0, display_on=False)
    back = mail_with("- foyer: meldet sich wieder / reports again")
    check(back is not None and
          "  still seit / silent since %s (" % foyer_seen in back and
          "  zeigt jetzt / now shows: Bildschirm aus (Ruhezeit) / display off (scheduled), "
          "Terminübersicht / agenda; Version 1 / serial 1\n" in back.replace("\r\n", "\n") and
          re.fullmatch(r"litfass: (\d+ Bildschirm\(e\) auffällig / \d+ screen\(s\) need "
                       r"attention|\d+ Auffälligkeit\(en\) behoben / \d+ finding\(s\) resolved)",
                       subject(back)),
          "foyer reports again: one e-mail names it, since when it was silent (its last "
          "heartbeat before) and what it shows now", back or "".join(mails()))
    # it reports on: each of these heartbeats is no new e-mail
    for _ in range(3):
        beat("foyer")

    # --- behind a publish, then the version published -------------------------------------
    anna = Client(st)
    anna.login("anna", PW)
    sample = json.load(open(os.path.join(SRC, "assets/content/content.json")))
    item = [i for i in sample["items"] if i.get("kind") == "offer" and "image" not in i][0]
    check(anna.request("POST", "/api/items", {"item": item})[0] == 201, "an entry in the draft")
    status, out, _ = anna.publish("/api/publish", {"note": "recovery"})
    check(status == 200 and out["version"]["serial"] == 1, "version 1 is published", out)
    beat("flur", serial=0)
    behind = mail_with("- flur: zeigt noch Version 0 statt 1 / still shows serial 0, not 1")
    check(behind is not None, "flur behind the publish: an alert", "".join(mails()))
    anna2 = Client(st)
    anna2.login("anna", PW)
    published = anna2.request("GET", "/api/fleet")[1]["published_at"]
    beat("flur", serial=1, item="wegweiser", slide=2, slides=4)
    current = mail_with("- flur: zeigt wieder die aktuelle Version / shows the current "
                        "serial again")
    check(current is not None and
          "  veraltet seit / behind since %s (" % published in current and
          "  zeigt jetzt / now shows: wegweiser, Folie 2 von 4 / slide 2 of 4; Version 1 / "
          "serial 1\n" in current.replace("\r\n", "\n"),
          "flur on the published version: one e-mail says so, since the publish, and what it "
          "shows", current or "".join(mails()))

    # --- the studio restarted while lager is silent and told of ---------------------------
    lager_seen = fleet()["lager"]["last_seen"]
    check(mail_with("- lager: meldet sich nicht mehr / silent") is not None,
          "lager silent: an alert", "".join(mails()))
    halle_stops[-1].set()  # (halle's beats would fail while the studio is down)
    check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
    st = Studio(TMP, DATA, config)
    procs.append(st.proc)
    start_halle()
    beat("lager", item="wegweiser", slide=4, slides=4)
    again = mail_with("- lager: meldet sich wieder / reports again")
    check(again is not None and "  still seit / silent since %s (" % lager_seen in again and
          "  zeigt jetzt / now shows: wegweiser, Folie 4 von 4 / slide 4 of 4; Version 1 / "
          "serial 1\n" in again.replace("\r\n", "\n"),
          "after a restart of the studio lager's return is still told, with since when it "
          "was silent (from before the restart)", again or "".join(mails()))
    # one more finding after the last heartbeats: its e-mail comes from a later look than
    # any e-mail those heartbeats could have caused
    beat("kasse")
    marker = mail_with("- kasse: meldet sich nicht mehr / silent (zuletzt / last seen: 20")
    check(marker is not None, "kasse reports once and falls silent: an alert (the last e-mail "
          "looked for)", "".join(mails()))
    seq = told_in_order()
    bad = {k: v for k, v in seq.items()
           if any(v[i] != ("alert" if i % 2 == 0 else "over") for i in range(len(v)))}
    check(not bad and seq.get(("foyer", "silent"), [])[:2] == ["alert", "over"] and
          seq.get(("lager", "silent"), [])[:2] == ["alert", "over"],
          "every e-mail that a screen is back follows an alert of it, one each: none for "
          "foyer's further heartbeats, none for halle (never told of), lager's silence told "
          "once across the restart", seq)
    check(("halle", "silent") in seq or ("halle", "stale") in seq or
          "halle" not in "".join(mails()),
          "halle, reporting all along, is in no e-mail unless it was told of first", seq)
    halle_stops[-1].set()
    check(st.stopped_cleanly(), "the studio stops cleanly again", st.stderr[-2000:])
finally:
    for stop in halle_stops:
        stop.set()
    for p in procs:
        stop_process(p)
sys.exit(t.finish())
