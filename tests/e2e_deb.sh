#!/usr/bin/env bash
# The Debian package as city IT installs it (needs root: CI runs as root
# on a throwaway machine; elsewhere the test is skipped, exit 77):
#   1. dpkg-buildpackage -b -us -uc builds it from a copy of the sources,
#      lintian finds no errors;
#   2. apt-get installs it: /usr/bin/litfass, the conffile
#      /etc/litfass/litfass.conf, user litfass in video/render/input/audio,
#      /var/lib/litfass owned by it; both units pass `systemd-analyze
#      verify` and `systemd-analyze security --offline` at most 4.0;
#   3. the installed program runs as user litfass under cage's headless
#      backend; grim's screenshot shows the slide (not blank);
#   4. the package is purged again when it was not installed before.
. "$(dirname "$0")/shell_lib.sh"
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: installing a package needs root (CI runs as root)"
  exit 77
fi
CPID=""
XDG=""
was_installed=no
dpkg-query -W -f='${Status}' litfass 2>/dev/null | grep -q "install ok installed" && was_installed=yes
cleanup() {
  [ -n "$CPID" ] && { kill "$CPID" 2>/dev/null; wait "$CPID" 2>/dev/null; }
  [ -n "$XDG" ] && rm -rf "$XDG"
  if [ "$was_installed" = no ] && dpkg-query -W litfass >/dev/null 2>&1; then
    apt-get -o DPkg::Lock::Timeout=600 purge -y -q litfass >/dev/null 2>&1
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# 1. build from a copy (dpkg-buildpackage writes next to the source folder)
mkdir -p "$TMP/pkg/src"
if [ -d "$SRC/.git" ] || [ -f "$SRC/.git" ]; then
  (cd "$SRC" && git ls-files -co --exclude-standard) | grep -v -E '^(build[^/]*|obj-[^/]*)/' |
    (cd "$SRC" && tar -cf - -T -) | tar -xf - -C "$TMP/pkg/src"
else
  (cd "$SRC" && tar --exclude='./build*' --exclude='./obj-*' -cf - .) | tar -xf - -C "$TMP/pkg/src"
fi
if (cd "$TMP/pkg/src" && dpkg-buildpackage -b -us -uc -j"$(nproc)" >"$TMP/build.log" 2>&1); then
  ok "dpkg-buildpackage -b -us -uc built the package"
else
  bad "dpkg-buildpackage failed"; tail -30 "$TMP/build.log" | sed 's/^/  build: /'; finish; exit 1
fi
deb=$(ls "$TMP"/pkg/litfass_*.deb)
# errors fail, and so do warnings (a missing manual page, a copyright file
# that says nothing of the licence): both are cheap to keep at zero
lintian --fail-on error,warning --display-info "$deb" >"$TMP/lintian.log" 2>&1 &&
  ok "lintian: no errors, no warnings" ||
  { bad "lintian found errors or warnings"; sed 's/^/  lintian: /' "$TMP/lintian.log"; }
grep -qE '^[EW]:' "$TMP/lintian.log" && bad "lintian: $(grep -E '^[EW]:' "$TMP/lintian.log" | head -3)"
dpkg-deb -c "$deb" | grep -q ' \./usr/share/man/man1/litfass\.1\.gz$' &&
  ok "the package has the manual page litfass(1)" || bad "no usr/share/man/man1/litfass.1.gz in the package"

# 2. install
if apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$deb" >"$TMP/apt.log" 2>&1; then
  ok "apt-get installed $(basename "$deb")"
else
  bad "apt-get install failed"; tail -20 "$TMP/apt.log" | sed 's/^/  apt: /'; finish; exit 1
fi
[ -x /usr/bin/litfass ] && /usr/bin/litfass --version | grep -q '^litfass ' && ok "/usr/bin/litfass runs" || bad "/usr/bin/litfass missing"
dpkg-query -W -f='${Conffiles}\n' litfass | grep -q '/etc/litfass/litfass.conf' &&
  ok "/etc/litfass/litfass.conf is a conffile" || bad "litfass.conf is not a conffile"
grep -q '^dir = /usr/share/litfass/content' /etc/litfass/litfass.conf &&
  [ -f /usr/share/litfass/content/content.json ] && ok "the installed config names the installed sample content" ||
  bad "installed config does not point at /usr/share/litfass/content"
groups=$(id -nG litfass 2>/dev/null)
for g in video render input audio; do
  case " $groups " in *" $g "*) ok "user litfass is in group $g" ;; *) bad "user litfass not in group $g (groups: $groups)" ;; esac
done
[ "$(stat -c '%U %a' /var/lib/litfass 2>/dev/null)" = "litfass 750" ] && ok "/var/lib/litfass belongs to litfass, mode 750" ||
  bad "/var/lib/litfass: $(stat -c '%U %a' /var/lib/litfass 2>&1)"
for unit in litfass.service litfass-cage.service; do
  f=/lib/systemd/system/$unit
  [ -f "$f" ] || { bad "$f missing"; continue; }
  if systemd-analyze verify "$f" >"$TMP/verify.log" 2>&1 && [ ! -s "$TMP/verify.log" ]; then
    ok "systemd-analyze verify $unit: clean"
  else
    bad "systemd-analyze verify $unit"; sed 's/^/  verify: /' "$TMP/verify.log"
  fi
  systemd-analyze security --offline=true "$f" >"$TMP/security.log" 2>&1
  level=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$TMP/security.log")
  if [ -n "$level" ] && awk -v l="$level" 'BEGIN { exit !(l <= 4.0) }'; then
    ok "systemd-analyze security $unit: exposure $level (at most 4.0)"
  else
    bad "systemd-analyze security $unit: exposure '${level}'"; tail -5 "$TMP/security.log"
  fi
  grep -q '^Type=notify' "$f" && grep -q '^Restart=always' "$f" && grep -q '^WatchdogSec=' "$f" &&
    ok "$unit: Type=notify, Restart=always, WatchdogSec" || bad "$unit lacks Type=notify/Restart/WatchdogSec"
done

# 3. the installed program, as user litfass, under cage (headless) and grim
XDG=$(mktemp -d /tmp/litfass-e2e-xdg.XXXXXX)
chown litfass:litfass "$XDG"
chmod 700 "$XDG"
# cage refuses root; its runtime folder must be the user's own, mode 0700.
# The output is turned twice (-r -r): grim captures black when a client
# window is scanned out directly (docs: display-notes).
(cd "$XDG" && exec runuser -u litfass -- env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER \
  XDG_RUNTIME_DIR="$XDG" WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
  cage -r -r -- /usr/bin/litfass run >"$XDG/cage.log" 2>&1) &
CPID=$!
for i in $(seq 1200); do # up to 120 s: a busy machine
  grep -q "first frame on screen" "$XDG/cage.log" 2>/dev/null && break
  kill -0 "$CPID" 2>/dev/null || break
  sleep 0.1
done
if grep -q "first frame on screen" "$XDG/cage.log"; then
  ok "the installed kiosk put its first frame on screen under cage as user litfass"
else
  bad "no first frame under cage"; tail -20 "$XDG/cage.log" | sed 's/^/  cage: /'
fi
grep -q "config /etc/litfass/litfass.conf;" "$XDG/cage.log" && ok "it read /etc/litfass/litfass.conf" ||
  bad "start-up line does not name /etc/litfass/litfass.conf"
sleep 1
sock=$(cd "$XDG" && ls wayland-* 2>/dev/null | grep -v lock | head -n1)
if runuser -u litfass -- env XDG_RUNTIME_DIR="$XDG" WAYLAND_DISPLAY="$sock" grim "$XDG/shot.png" 2>"$TMP/grim.log"; then
  cp "$XDG/shot.png" "$TMP/shot.png"
  read -r w h colours lit < <("$PYTHON" "$SRC/tests/servers/png_stats.py" "$TMP/shot.png")
  # a slide: header, cards, footer in many colours and anti-aliased text
  [ "$colours" -ge 50 ] && [ "$lit" -ge 50 ] &&
    ok "grim's screenshot shows the slide (${w}x${h}, $colours colours, $lit % not black)" ||
    bad "screenshot blank: ${w}x${h}, $colours colours, $lit % not black"
  [ -n "${LITFASS_KEEP_SHOT:-}" ] && cp "$TMP/shot.png" "$LITFASS_KEEP_SHOT"
else
  bad "grim failed: $(cat "$TMP/grim.log")"
fi
kill "$CPID" 2>/dev/null; wait "$CPID" 2>/dev/null; CPID=""
finish
