"""Publishing to remote targets, four eyes, and TLS, against a real studio on 127.0.0.1
(tests/cli_studio_remote.sh starts Debian's nginx with WebDAV and OpenSSH's sshd for SFTP,
both on 127.0.0.1): a version uploaded over WebDAV and one over SFTP are each installed
byte for byte by a kiosk's `litfass sync --once` from nginx; a wrong password and an
unknown host key are refused with the web folder untouched; with require_approval an
editor's change waits until a publisher approves it; HTTPS built in (--tls-cert,
--tls-key): Secure cookie, HSTS, and a key file others can read refused."""
import json
import os
import ssl
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from studio import BIN, SRC, Checks, Client, Studio, add_user  # noqa: E402

TMP = os.environ["STUDIO_TMP"]
NGX_PORT = int(os.environ["NGX_PORT"])
SSH_PORT = int(os.environ["SSH_PORT"])
SSH_USER = os.environ["SSH_USER"]
DAV_DIR = os.environ["DAV_DIR"]      # what nginx serves at /dav/ (WebDAV) and /pub-dav/ (GET)
SFTP_DIR = os.environ["SFTP_DIR"]    # where SFTP uploads go; nginx serves it at /pub-sftp/
NGX_BODY_DIR = os.environ["NGX_BODY_DIR"]  # nginx's client_body_temp_path: PUT bodies until whole
PW_ANNA, PW_ED = "Mohnblume-2026", "Sonnenblume-99"
t = Checks()
check = t.check

DATA = os.path.join(TMP, "data")
add_user(DATA, "anna", "publisher", PW_ANNA)
add_user(DATA, "ed", "editor", PW_ED)
subprocess.run([BIN, "keygen", "--out", os.path.join(TMP, "ki")], check=True, capture_output=True)
pub = open(os.path.join(TMP, "ki.pub")).read().split("\n")[1].strip()
pwfile = os.path.join(TMP, "dav-password")
with open(pwfile, "w") as f:
    f.write("Dav-Geheimnis-1\n")
os.chmod(pwfile, 0o600)
poster = open(os.path.join(SRC, "assets/content/images/poster-migrationsleitbild.png"), "rb").read()

event = {"kind": "event", "title": {"de": "Infoabend Migrationsleitbild", "ar": "أمسية إعلامية"},
         "start": "2027-04-14T18:00", "end": "2027-04-14T20:00", "image": "images/leitbild.png"}


def kiosk_sync(url, name):
    cache = os.path.join(TMP, "cache-" + name)
    conf = os.path.join(TMP, "kiosk-%s.conf" % name)
    with open(conf, "w") as f:
        f.write("[sync]\nurl = %s\nallow_http = true\ntrusted_keys = %s\ncache_dir = %s\n" % (url, pub, cache))
    r = subprocess.run([BIN, "sync", "--once", "--config", conf], capture_output=True, text=True)
    return r, os.path.join(cache, "current")


def same_tree(a, b):
    files = []
    for root, _, names in os.walk(a):
        files += [os.path.relpath(os.path.join(root, n), a) for n in names]
    return len(files) >= 3 and all(
        os.path.exists(os.path.join(b, n)) and open(os.path.join(a, n), "rb").read() == open(os.path.join(b, n), "rb").read()
        for n in files)


def start(extra):
    conf = "[publish]\nkey = %s/ki.key\nvalid_days = 30\n%s" % (TMP, extra)
    st = Studio(TMP, DATA, conf)
    c = Client(st)
    c.login("anna", PW_ANNA)
    return st, c


# --- WebDAV -------------------------------------------------------------------------------
st, anna = start("url = http://127.0.0.1:%d/dav/\nuser = litfass\npassword_file = %s\n" % (NGX_PORT, pwfile))
status, out, _ = anna.request("PUT", "/api/images/leitbild.png", raw=poster)
status, out, _ = anna.request("POST", "/api/items", {"item": event})
check(status == 201, "an event with a poster in the draft", out)
status, out, _ = anna.publish("/api/publish")
check(status == 200 and out["version"]["delivered"] == ["url"], "published over WebDAV", out)
serial = out["version"]["serial"] if status == 200 else 0
r, cur = kiosk_sync("http://127.0.0.1:%d/pub-dav/content.json" % NGX_PORT, "dav")
check(r.returncode == 0, "a kiosk syncs the bundle uploaded over WebDAV", r.stdout + r.stderr)
check(same_tree(os.path.join(DATA, "versions", str(serial)), cur),
      "the kiosk installed exactly the published version (WebDAV)")
leftover = [n for n in os.listdir(DAV_DIR) if n.endswith(".tmp")]
check(leftover == [], "no temp files left on the WebDAV server", leftover)
check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])



def tmp_files(root):
    return sorted(os.path.relpath(os.path.join(d, n), root) for d, _, names in os.walk(root)
                  for n in names if n.endswith(".tmp"))


def failed_upload_cleans_up(conf, root, what):
    """A folder standing at content.json.tmp on the server: the manifest cannot go up after
    the signature's temp file did. The failed upload removes what it put there (and says so
    in the log); the live files stay as they were."""
    os.mkdir(os.path.join(root, "content.json.tmp"))
    live = [open(os.path.join(root, n), "rb").read() for n in ("content.json", "content.json.sig")]
    st, anna = start(conf)
    status, out, _ = anna.publish("/api/publish")
    check(status == 502, "%s: an upload that fails at the manifest fails the publishing" % what, out)
    check(tmp_files(root) == [], "%s: the failed upload leaves no *.tmp file on the server" % what, tmp_files(root))
    check([open(os.path.join(root, n), "rb").read() for n in ("content.json", "content.json.sig")] == live,
          "%s: the live manifest and signature are as before" % what)
    check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])
    check("removed 1 unfinished file (*.tmp)" in st.stderr, "%s: the studio's log says what it removed" % what,
          st.stderr[-2000:])
    os.rmdir(os.path.join(root, "content.json.tmp"))


failed_upload_cleans_up("url = http://127.0.0.1:%d/dav/\nuser = litfass\npassword_file = %s\n" % (NGX_PORT, pwfile),
                        DAV_DIR, "WebDAV")

with open(pwfile, "w") as f:
    f.write("falsch\n")
before = open(os.path.join(DAV_DIR, "content.json"), "rb").read()
st, anna = start("url = http://127.0.0.1:%d/dav/\nuser = litfass\npassword_file = %s\n" % (NGX_PORT, pwfile))
status, out, _ = anna.publish("/api/publish")
check(status == 502 and "HTTP 401" in out["error"], "a wrong WebDAV password: publishing fails and says why", out)
check(open(os.path.join(DAV_DIR, "content.json"), "rb").read() == before, "the WebDAV folder is untouched")
status, out, _ = anna.request("GET", "/api/versions")
check(out["versions"][0].get("error") and out["versions"][0]["delivered"] == [],
      "the failed version is listed with its error", out["versions"][0])
check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])

# --- SFTP -----------------------------------------------------------------------------------
sftp = ("url = sftp://%s@127.0.0.1:%d%s/\nssh_key = %s/client\nknown_hosts = %s/known_hosts\n"
        % (SSH_USER, SSH_PORT, SFTP_DIR, TMP, TMP))
st, anna = start(sftp)
status, out, _ = anna.publish("/api/publish")
check(status == 200 and out["version"]["delivered"] == ["url"], "published over SFTP", out)
serial = out["version"]["serial"] if status == 200 else 0
r, cur = kiosk_sync("http://127.0.0.1:%d/pub-sftp/content.json" % NGX_PORT, "sftp")
check(r.returncode == 0, "a kiosk syncs the bundle uploaded over SFTP", r.stdout + r.stderr)
check(same_tree(os.path.join(DATA, "versions", str(serial)), cur),
      "the kiosk installed exactly the published version (SFTP)")
status, out, _ = anna.publish("/api/versions/%d/publish" % serial)
check(status == 200 and json.load(open(os.path.join(SFTP_DIR, "content.json")))["serial"] == serial + 1,
      "publishing again over SFTP replaces the files on the server", out)
check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])

failed_upload_cleans_up(sftp, SFTP_DIR, "SFTP")

before = open(os.path.join(SFTP_DIR, "content.json"), "rb").read()
st, anna = start(sftp.replace("known_hosts = %s/known_hosts" % TMP, "known_hosts = %s/other_known_hosts" % TMP))
status, out, _ = anna.publish("/api/publish")
check(status == 502, "an SFTP server whose host key is not the known one is refused", out)
check(open(os.path.join(SFTP_DIR, "content.json"), "rb").read() == before, "the SFTP folder is untouched")
check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])

# --- a publish stopped in the middle: the studio's stop (SIGTERM) cancels the upload and
# removes what it put up while the server still answers; after a kill (no clean stop) the
# restarted studio says the publish was interrupted and the screens unchanged. A draft with
# a large manifest, sent slowly (LITFASS_TEST_PUBLISH_SEND_BPS, tests only): the signature's
# temp file is on the server while the manifest still travels.
with open(pwfile, "w") as f:
    f.write("Dav-Geheimnis-1\n")
# 60 offers (a manifest of some 420 kB, 50 s at 8 kB/s): each save writes the whole draft,
# and 120 of them at 16 kB/s took 55 s in the RelWithDebInfo build and some 4 minutes
# under ASan on a loaded machine, more than the test's 300 s with the rest
N_LONG = 60
st, anna = start("")
long_text = "Beratung zu Aufenthalt, Arbeit, Sprache und Familie im Kommunalen Integrationszentrum. " * 40
for n in range(N_LONG):
    status, out, _ = anna.request("POST", "/api/items", {"item": {
        "kind": "offer", "id": "lang-%03d" % n, "title": {"de": "Beratung %d" % n},
        "description": {"de": long_text[:3500], "tr": long_text[:3500]}}})
    if status != 201:
        break
check(status == 201, "%d long offers in the draft (a manifest of some 420 kB)" % N_LONG, out)
check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])


def slow_start(conf):
    os.environ["LITFASS_TEST_PUBLISH_SEND_BPS"] = "8192"
    try:
        return start(conf)
    finally:
        del os.environ["LITFASS_TEST_PUBLISH_SEND_BPS"]


def wait_until(cond, client):
    """Until cond() is true, or the publish has ended (then the check after fails)."""
    while not cond():
        status, out, _ = client.request("GET", "/api/publish")
        if status != 200 or (out.get("job") or {}).get("state") != "running":
            break
        time.sleep(0.05)
    return cond()


def wait_file(path, client):
    """Until path is on the server, or the publish has ended (then the check after fails)."""
    return wait_until(lambda: os.path.exists(path), client)


def stopped_upload(conf, root, what, shows_whole):
    """shows_whole: the server puts a file in its folder only once it came whole (nginx's
    WebDAV keeps a PUT's body aside, in NGX_BODY_DIR, until its end); else (SFTP) a file
    is there, growing, from the start of its upload."""
    live = [open(os.path.join(root, n), "rb").read() for n in ("content.json", "content.json.sig")]
    st, anna = slow_start(conf)
    status, out, _ = anna.request("POST", "/api/publish")
    check(status == 202, "%s: a slow publish starts" % what, out)
    serial = (out.get("job") or {}).get("serial")
    sig_tmp = os.path.join(root, "content.json.sig.tmp")
    # The stop must come once the studio has the signature's temp file up whole and while
    # the manifest still travels (upload.c sends them one after the other, then renames
    # both): a file cut off in the middle is removed without being counted as removed.
    # Over SFTP the manifest's temp file is there from its first byte: the studio began
    # it, so the signature's upload had ended. nginx shows the signature's once it came
    # whole, maybe before the studio read the answer (libcurl may pause first to keep the
    # slow rate), and the manifest's only once it came whole, right before the renames
    # (waiting for that one stopped the studio in time only during such a pause); the
    # manifest's body growing in nginx's body folder after the signature's was put in
    # place says the studio began the manifest.
    if shows_whole:
        on_its_way = wait_until(lambda: os.path.exists(sig_tmp) and os.listdir(NGX_BODY_DIR), anna)
    else:
        on_its_way = wait_file(sig_tmp, anna) and wait_file(os.path.join(root, "content.json.tmp"), anna)
    check(on_its_way, "%s: the signature's temp file is on the server, the manifest on its way" % what)
    check(st.stopped_cleanly(), "%s: stopped (SIGTERM) in the middle of the upload, the studio exits 0" % what,
          st.stderr[-3000:])
    check(tmp_files(root) == [], "%s: the cancelled upload removed its unfinished files from the server" % what,
          tmp_files(root))
    check("publishing was cancelled: removed" in st.stderr, "%s: the log says what it removed" % what,
          st.stderr[-2000:])
    check([open(os.path.join(root, n), "rb").read() for n in ("content.json", "content.json.sig")] == live,
          "%s: the live manifest and signature are as before" % what)
    st, anna = start(conf)
    status, out, _ = anna.request("GET", "/api/publish")
    job = out.get("job") or {}
    check(job.get("state") == "interrupted" and job.get("live") == "unchanged" and job.get("serial") == serial,
          "%s: after the restart the publish is said to be interrupted, the screens unchanged" % what, out)
    check(st.stopped_cleanly(), "%s: the studio stops cleanly" % what, st.stderr[-2000:])
    # killed in the middle: no clean stop, nothing removed, and still told truthfully
    st2, anna = slow_start(conf)
    status, out, _ = anna.request("POST", "/api/publish")
    serial = (out.get("job") or {}).get("serial")
    wait_file(sig_tmp, anna)
    st2.proc.kill()
    st2.proc.wait(timeout=30)
    check(tmp_files(root) != [], "%s: killed in the middle, the upload's temp files stay on the server" % what)
    st, anna = start(conf)
    status, out, _ = anna.request("GET", "/api/publish")
    job = out.get("job") or {}
    check(job.get("state") == "interrupted" and job.get("live") == "unchanged" and job.get("serial") == serial,
          "%s: after the kill the publish is said to be interrupted, the screens unchanged" % what, out)
    status, out, _ = anna.publish("/api/publish")
    check(status == 200 and json.load(open(os.path.join(root, "content.json")))["serial"] == out["version"]["serial"],
          "%s: the next publish goes out" % what, out)
    check(tmp_files(root) == [], "%s: and leaves no *.tmp file on the server" % what, tmp_files(root))
    check(st.stopped_cleanly(), "%s: the studio stops cleanly" % what, st.stderr[-2000:])


stopped_upload("url = http://127.0.0.1:%d/dav/\nuser = litfass\npassword_file = %s\n" % (NGX_PORT, pwfile),
               DAV_DIR, "WebDAV", True)
stopped_upload(sftp, SFTP_DIR, "SFTP", False)
st, anna = start("")
for n in range(N_LONG):
    anna.request("DELETE", "/api/items/lang-%03d?revision=1" % n)
check(st.stopped_cleanly(), "the studio stops cleanly", st.stderr[-2000:])

# --- four eyes ----------------------------------------------------------------------------------
www = os.path.join(TMP, "www-approval")
st, anna = start("dir = %s\nrequire_approval = yes\n" % www)
ed = Client(st)
status, out, _ = ed.login("ed", PW_ED)
check(out.get("require_approval") is True, "the login says that changes need approval")
status, out, _ = anna.publish("/api/publish")
check(status == 200, "with nothing unapproved a publisher publishes", out)
status, entry, _ = ed.request("GET", "/api/items/infoabend-migrationsleitbild")
item = dict(entry["item"], title={"de": "Infoabend zum Migrationsleitbild", "ar": "أمسية إعلامية"},
            room={"de": "Ratssaal"})
status, out, _ = ed.request("PUT", "/api/items/" + item["id"], {"item": item, "revision": entry["revision"]})
check(status == 200 and out["approved"] is False, "an editor's change is saved, not approved", out)
status, out, _ = anna.publish("/api/publish")
check(status == 409 and out["waiting"] == [item["id"]], "publishing waits for the approval of the change", out)
status, out, _ = anna.request("GET", "/api/changes")
ch = [c for c in out["changes"] if c["item"]["id"] == item["id"]][0]
fields = {(f["field"], f.get("lang")): (f.get("before"), f.get("after")) for f in ch["fields"]}
check(fields.get(("title", "de")) == ("Infoabend Migrationsleitbild", "Infoabend zum Migrationsleitbild") and
      ("title", "ar") not in fields and fields.get(("room", "de")) == (None, "Ratssaal"),
      "the publisher sees the differences field by field and language by language", ch["fields"])
status, out, _ = ed.request("POST", "/api/approve", {"ids": [item["id"]]})
check(status == 403, "an editor cannot approve", out)
status, out, _ = anna.request("POST", "/api/approve", {"ids": [item["id"]]})
check(status == 200, "a publisher approves", out)
status, out, _ = anna.publish("/api/publish")
check(status == 200 and json.load(open(os.path.join(www, "content.json")))["items"][0]["room"] == {"de": "Ratssaal"},
      "after the approval the change is published", out)
# a removal by an editor is a change too
status, out, _ = anna.request("POST", "/api/items", {"item": {"kind": "contact", "id": "alt", "title": "Alter Kontakt"}})
status, out, _ = anna.publish("/api/publish")
status, out, _ = ed.request("DELETE", "/api/items/alt?revision=1")
check(status == 200, "an editor removes an item", out)
status, out, _ = anna.publish("/api/publish")
check(status == 409 and out.get("waiting") == ["alt"], "publishing waits for the approval of the removal", out)
status, out, _ = anna.request("GET", "/api/changes")
rem = [c for c in out["changes"] if c["status"] == "removed"]
check(rem and rem[0]["modified_by"] == "ed" and rem[0]["approved"] is False, "the removal is listed with who removed it", rem)
anna.request("POST", "/api/approve", {"ids": ["alt"]})
status, out, _ = anna.publish("/api/publish")
check(status == 200 and "alt" not in [i["id"] for i in json.load(open(os.path.join(www, "content.json")))["items"]],
      "after its approval the removal is published", out)
status, out, _ = anna.request("GET", "/api/audit")
acts = [(e["user"], e["action"], e.get("item")) for e in out["entries"]]
check(("anna", "approve", item["id"]) in acts and ("ed", "change", item["id"]) in acts,
      "the audit log has who changed and who approved", acts[:8])
check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])

# --- TLS -------------------------------------------------------------------------------------------
cert, key = os.path.join(TMP, "cert.pem"), os.path.join(TMP, "key.pem")
subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
os.chmod(key, 0o600)
st = Studio(TMP, DATA, None, ["--tls-cert", cert, "--tls-key", key])
check(st.url.startswith("https://"), "with --tls-cert and --tls-key the studio serves HTTPS", st.url)
ctx = ssl.create_default_context(cafile=cert)
c = Client(st, ctx)
status, out, resp = c.login("anna", PW_ANNA)
check(status == 200 and "Secure" in (c.set_cookie or "") and "HttpOnly" in c.set_cookie,
      "over HTTPS the session cookie is Secure", c.set_cookie)
check("max-age" in (resp.getheader("Strict-Transport-Security") or ""), "HSTS is sent over HTTPS")
status, out, _ = c.request("GET", "/api/items")
check(status == 200 and out["items"], "the API works over HTTPS")
check(st.stopped_cleanly(), "the studio stops cleanly on SIGTERM (exit 0, no sanitizer report)", st.stderr[-3000:])
os.chmod(key, 0o644)
r = subprocess.run([BIN, "studio", "--data", DATA, "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key],
                   capture_output=True, text=True, timeout=30)
check(r.returncode == 1 and "readable by others" in r.stderr, "a TLS key file others can read is refused", r.stderr)

sys.exit(t.finish())
