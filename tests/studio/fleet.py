"""The fleet against a real studio and two real kiosks on 127.0.0.1 (tests/e2e_fleet_kiosks.sh
gives an X display): kiosk tokens from the command line (stored hashed), heartbeats
and screenshots from `litfass run` with [monitor] report_url, proof of play, /api/fleet,
/metrics, a wrong token refused, limits, a kiosk still on an old serial after a publish
and a stopped kiosk marked, and the alert e-mail in a local SMTP sink (aiosmtpd)."""
import os
import signal
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import (BIN, SRC, Checks, Client, Studio, add_kiosk, add_user,  # noqa: E402
                    start_smtp_sink, kiosk_config, png_size, start_kiosk, stop_process, wait_for)

TMP = os.environ["STUDIO_TMP"]
DATA = os.path.join(TMP, "data")
WWW = os.path.join(TMP, "www")
os.makedirs(WWW)
PW = "Mohnblume-2026"
t = Checks()
check = t.check


procs = []


def cleanup():
    for p in procs:
        stop_process(p)


try:
    # --- kiosks added from the command line ---------------------------------------------
    add_user(DATA, "anna", "publisher", PW)
    tokens = {}
    for name in ("foyer", "flur"):
        r = add_kiosk(DATA, name)
        tokens[name] = r.stdout.strip()
        check(r.returncode == 0 and len(tokens[name]) == 64 and "not shown again" in r.stderr,
              "kiosk add %s prints a token of 256 bits" % name, r.stdout + r.stderr)
    r = add_kiosk(DATA, "foyer")
    check(r.returncode == 1 and "exists" in r.stderr, "a second kiosk of the same name is refused")
    r = add_kiosk(DATA, "../x")
    check(r.returncode == 1 and "kiosk name" in r.stderr, "a kiosk name with / is refused")
    kiosks = os.path.join(DATA, "kiosks.json")
    text = open(kiosks).read()
    check(stat.S_IMODE(os.stat(kiosks).st_mode) == 0o600 and tokens["foyer"] not in text and
          tokens["flur"] not in text and "token_blake2b" in text,
          "kiosks.json (mode 600) keeps hashes of the tokens only")

    # --- the studio, with a mail sink ---------------------------------------------------
    sink, smtp_port, mail_log = start_smtp_sink(os.path.join(TMP, "smtp.log"))
    procs.append(sink)
    subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True,
                   capture_output=True)
    # silent after 12 s: the running kiosk reports every 2 s, and a loaded machine may delay
    # a few of its reports (with 6 s it could be marked silent)
    config = ("[publish]\nkey = %s/ki.key\ndir = %s\n[fleet]\nsilent_seconds = 12\n"
              "stale_serial_seconds = 3\nalert_to = it@ki-muenster.example\n"
              "smtp_url = smtp://127.0.0.1:%d\nsmtp_from = litfass@ki-muenster.example\n"
              % (TMP, WWW, smtp_port))
    st = Studio(TMP, DATA, config)
    anna = Client(st)
    anna.login("anna", PW)

    status, out, _ = anna.request("GET", "/api/fleet")
    check(status == 200 and [s["name"] for s in out["screens"]] == ["foyer", "flur"] and
          all(s["last_seen"] is None for s in out["screens"]),
          "GET /api/fleet lists both kiosks, not yet seen", out)
    status, out, _ = Client(st).request("GET", "/api/fleet")
    check(status == 401, "the fleet page needs a login", status)

    # --- a wrong token, limits ------------------------------------------------------------
    nobody = Client(st)
    hb = {"serial": 1, "item": "x", "display_on": True}
    status, out, resp = nobody.request("POST", "/api/fleet/heartbeat", hb,
                                       headers={"Authorization": "Bearer " + "0" * 64})
    check(status == 401 and "unknown kiosk token" in out["error"] and
          resp.getheader("WWW-Authenticate", "").startswith("Bearer"),
          "a heartbeat with a wrong token is refused (401)", out)
    status, out, _ = nobody.request("POST", "/api/fleet/heartbeat", hb)
    check(status == 401, "a heartbeat without a token is refused", out)
    big = dict(hb, item="x" * 20000)
    status, out, _ = nobody.request("POST", "/api/fleet/heartbeat", big,
                                    headers={"Authorization": "Bearer " + tokens["foyer"]})
    check(status == 413, "a heartbeat over 16 KiB is refused (413)", status)
    status, out, _ = nobody.request("POST", "/api/fleet/heartbeat", dict(hb, serial="eins"),
                                    headers={"Authorization": "Bearer " + tokens["foyer"]})
    check(status == 400 and "serial" in out["error"], "a heartbeat with a bad field is refused, "
          "naming it", out)
    status, out, _ = nobody.request("POST", "/api/fleet/screenshot", raw=b"GIF89a" + b"\0" * 100,
                                    headers={"Authorization": "Bearer " + tokens["foyer"],
                                             "Content-Type": "image/png"})
    check(status == 415, "a screenshot that is no PNG is refused", (status, out))

    # --- kiosks added but not yet heard from: marked silent after silent_seconds ---------
    def never_seen_marked():
        status, out, _ = anna.request("GET", "/api/fleet")
        scr = {x["name"]: x for x in out.get("screens", [])} if status == 200 else {}
        return scr if all(scr.get(n, {}).get("silent") and scr[n]["last_seen"] is None
                          for n in ("foyer", "flur")) else None

    check(wait_for(never_seen_marked, 60) is not None,
          "kiosks never heard from are marked silent after silent_seconds")

    def never_mailed():
        mail_log.seek(0)
        text = mail_log.read()
        return text if ("foyer: meldet sich nicht mehr / silent (zuletzt / last seen: nie / never)"
                        in text) else None

    # the alert goes out at the studio's next check (every 5 s), before any kiosk reports
    check(wait_for(never_mailed, 60) is not None,
          "kiosks added but never heard from are reported by e-mail")

    # --- two kiosks report ----------------------------------------------------------------
    kproc = {}
    for name, size in (("foyer", (800, 480)), ("flur", (480, 800))):
        # one kiosk per state folder
        conf = kiosk_config(TMP, name, tokens[name], st.url, os.path.join(SRC, "assets/content"),
                            size, os.path.join(TMP, name + "-state"),
                            "screenshot_seconds = 60\n[carousel]\nslide_seconds = 3\n"
                            "transition_ms = 200\n")
        p, log = start_kiosk(conf, os.path.join(TMP, name + ".log"))
        procs.append(p)
        kproc[name] = (p, log)

    def fleet():
        return anna.request("GET", "/api/fleet")[1]

    def both_seen():
        f = fleet()
        scr = {s["name"]: s for s in f["screens"]}
        ok = all(scr[n]["last_seen"] and scr[n].get("heartbeat", {}).get("item") and
                 scr[n].get("screenshot_at") and sum(scr[n]["played_week"].values()) >= 2
                 for n in ("foyer", "flur"))
        return scr if ok else None

    t0 = time.monotonic()
    scr = wait_for(both_seen, 90)
    print("  (reports arrived after %.1f s)" % (time.monotonic() - t0))
    if not check(scr is not None, "both kiosks' heartbeats, screenshots and slides shown arrive"):
        for name, (p, log) in kproc.items():
            log.seek(0)
            print("  %s log: %s" % (name, log.read()[-3000:]))
        scr = {s["name"]: s for s in fleet()["screens"]}
    foyer = scr["foyer"]
    hbf = foyer.get("heartbeat") or {}
    check(hbf.get("version") and hbf.get("slides", 0) >= 3 and 1 <= hbf.get("slide", 0) and
          hbf.get("display_on") is True and hbf.get("mode") == "carousel" and
          hbf.get("content_age_s") == -1 and foyer["address"] == "127.0.0.1" and
          not foyer["silent"],
          "the heartbeat says version, slide of slides, display on, content age, from where", foyer)
    status, png, resp = anna.request("GET", "/api/fleet/foyer/screenshot.png")
    check(status == 200 and resp.getheader("Content-Type") == "image/png" and
          png_size(png) == (480, 288), "the foyer's screenshot: a PNG 480 pixels across "
          "(800x480 scaled)", (status, png[:40]))
    with open(os.path.join(TMP, "foyer-shot.png"), "wb") as f:
        f.write(png)
    status, png2, _ = anna.request("GET", "/api/fleet/flur/screenshot.png")
    check(status == 200 and png_size(png2) == (480, 800), "the portrait kiosk's screenshot "
          "keeps its shape", png_size(png2) if status == 200 else status)
    status, out, _ = nobody.request("POST", "/api/fleet/screenshot", raw=png,
                                    headers={"Authorization": "Bearer " + tokens["foyer"],
                                             "Content-Type": "image/png"})
    check(status == 429, "a second screenshot within a minute is refused (429)", (status, out))

    status, metrics, resp = nobody.request("GET", "/metrics")
    metrics = metrics.decode() if isinstance(metrics, bytes) else str(metrics)
    check(status == 200 and resp.getheader("Content-Type", "").startswith("text/plain") and
          'litfass_screen_up{screen="foyer"} 1' in metrics and
          'litfass_screen_up{screen="flur"} 1' in metrics and
          "# TYPE litfass_screen_last_seen_seconds gauge" in metrics,
          "GET /metrics: Prometheus text, one series per screen", metrics[:1500])

    # --- a publish the kiosks do not follow, then a kiosk stopped ----------------------------
    contact = {"kind": "contact", "title": {"de": "Kommunales Integrationszentrum"},
               "phone": "+49 251 4920"}
    status, out, _ = anna.request("POST", "/api/items", {"item": contact})
    status, out, _ = anna.publish("/api/publish", {"note": "fleet"})
    check(status == 200 and out["version"]["serial"] == 1, "a version is published", out)
    p, _ = kproc["flur"]
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=30)

    def marked():
        scr = {s["name"]: s for s in fleet()["screens"]}
        return scr if scr["flur"]["silent"] and scr["foyer"]["stale"] else None

    scr = wait_for(marked, 60)
    check(scr is not None and not scr["foyer"]["silent"],
          "the stopped kiosk is marked silent, the running one on serial 0 as behind", scr)

    def mails():
        mail_log.seek(0)
        return mail_log.read().split("MESSAGE FOLLOWS")[1:]

    def mailed():
        text = "".join(mails())
        return text if ("- flur: meldet sich nicht mehr / silent (zuletzt / last seen: 20" in text
                        and "- foyer: zeigt noch Version 0 statt 1 / still shows serial 0, not 1"
                        in text) else None

    text = wait_for(mailed, 60)
    check(text is not None and "To: it@ki-muenster.example" in text,
          "the alert e-mails reached the SMTP sink: flur silent since its last heartbeat, foyer "
          "behind the publish", "".join(mails()))
    status, metrics, _ = nobody.request("GET", "/metrics")
    check('litfass_screen_up{screen="flur"} 0' in metrics.decode() and
          'litfass_screen_serial_behind{screen="foyer"} 1' in metrics.decode(),
          "/metrics says so too")

    # --- the state survives a restart of the studio ---------------------------------------
    check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])
    st = Studio(TMP, DATA, config)
    anna = Client(st)
    anna.login("anna", PW)
    scr = {s["name"]: s for s in anna.request("GET", "/api/fleet")[1]["screens"]}
    check(scr["flur"]["last_seen"] and scr["flur"]["screenshot_at"] and
          sum(scr["flur"]["played_week"].values()) >= 1,
          "after a restart the studio still knows what each screen reported", scr["flur"])
    p, log = kproc["foyer"]
    p.send_signal(signal.SIGTERM)
    check(p.wait(timeout=30) == 0, "the reporting kiosk stops cleanly")
    log.seek(0)
    klog = log.read()
    check("Sanitizer" not in klog and "runtime error" not in klog, "no sanitizer complaint in the kiosk")
    check(st.stopped_cleanly(), "the studio stops cleanly again", st.stderr[-2000:])
finally:
    cleanup()
sys.exit(t.finish())
