"""Proof of play has one source (tests/cli_fleet_play.sh gives an X display): the kiosk's
monitor counts each slide as it comes on screen and keeps the counts in proof-of-play.json;
the reporter sends those counts to the studio, so the fleet page says exactly what the
kiosk counted: a slide shown once counts once, heartbeats add nothing, and a restarted
kiosk adds to the day's count (its earlier showings are not lost)."""
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import (Checks, Client, Studio, add_kiosk, add_user, kiosk_config,  # noqa: E402
                    start_kiosk, stop_process, wait_for)

TMP = os.environ["STUDIO_TMP"]
DATA = os.path.join(TMP, "data")
STATE = os.path.join(TMP, "state")
CONTENT = os.path.join(TMP, "content")
PW = "Mohnblume-2026"
t = Checks()
check = t.check
os.makedirs(CONTENT)
# two slides of five minutes each: in this test the first is shown once per run
with open(os.path.join(CONTENT, "content.json"), "w") as f:
    json.dump({"format": 1, "version": "2026-12-02.1", "organisation": {"de": "KI Test"},
               "default_language": "de", "items": [
                   {"kind": "offer", "id": "beratung", "title": {"de": "Beratung"},
                    "description": {"de": "Beratung zu Aufenthalt und Arbeit."}, "duration": 300},
                   {"kind": "offer", "id": "sprachcafe", "title": {"de": "Sprachcafé"},
                    "description": {"de": "Deutsch sprechen bei Kaffee und Kuchen."},
                    "duration": 300}]}, f)


add_user(DATA, "anna", "publisher", PW)
r = add_kiosk(DATA, "foyer")
check(r.returncode == 0, "kiosk add foyer", r.stderr)
studio = Studio(TMP, DATA)
anna = Client(studio)
anna.login("anna", PW)
conf = kiosk_config(TMP, "foyer", r.stdout.strip(), studio.url, CONTENT, (800, 480), STATE,
                    "name = foyer\n[carousel]\ntransition_ms = 0\n")


def screen():
    st, out, _ = anna.request("GET", "/api/fleet")
    return out["screens"][0] if st == 200 and out.get("screens") else {}


def beats():
    return screen().get("heartbeats", 0)


def played_file():
    """proof-of-play.json's counts, the days (Europe/Berlin) added up: this test's state
    folder holds only its own runs, and a run across midnight counts on two days."""
    try:
        days = json.load(open(os.path.join(STATE, "proof-of-play.json")))
    except (OSError, ValueError):
        return None
    counts = {}
    for day in days.values():
        for item, n in day.items():
            counts[item] = counts.get(item, 0) + n
    return counts


try:
    for run, want in ((1, 1), (2, 2)):
        p, log = start_kiosk(conf, os.path.join(TMP, "kiosk-%d.log" % run))
        wait_for(lambda: p.poll() is not None or
                 screen().get("played_week", {}).get("beratung") == want, 60)
        got = screen().get("played_week", {}).get("beratung")
        # more heartbeats (every 2 s) must not count the slide again
        seen = screen().get("last_seen")
        wait_for(lambda: screen().get("last_seen") not in (None, seen), 10)
        time.sleep(4.5)
        week = screen().get("played_week", {})
        check(got == want and week == {"beratung": want},
              "run %d: the fleet page counts the slide shown %s: %s" %
              (run, "once" if run == 1 else "once more (after a restart)", week),
              (got, week, open(log.name).read()[-2000:]))
        check(stop_process(p, 30) == 0, "run %d: the kiosk stops cleanly" % run)
        check(played_file() == week,
              "run %d: proof-of-play.json says the same as the fleet page: %s" % (run, played_file()),
              (played_file(), week))
finally:
    check(studio.stopped_cleanly(), "the studio stops cleanly")
sys.exit(t.finish())
