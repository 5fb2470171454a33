#!/usr/bin/env bash
# Two publishes within one second, of the same size, against Debian's nginx on 127.0.0.1.
# nginx's ETag is the file's mtime in whole seconds and its size, and Last-Modified counts
# whole seconds: serial 2 replacing serial 1 in the second serial 1 was fetched in looks
# unchanged to both. A kiosk that sent serial 1's validators back would get a 304 and keep
# showing serial 1 until the next publish. It sends them only when Last-Modified lies at
# least a second before the answer's Date (RFC 9110 8.8.2.2; sync/fetch.h), so it installs
# serial 2; once the file is older than that, it asks conditionally again and gets 304.
#
# Deterministic, no timing: both serials get one mtime a day ahead, a second that no
# answer's Date reaches during the test (as "modified in the second of the answer", its
# Last-Modified is not before the Date); then the settled case gets an mtime in the past.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

WWW=$TMP/www
CACHE=$TMP/cache

# publish SERIAL MTIME: the sample bundle as "serial-SERIAL" (the same length for 1, 2, 3),
# signed with that serial, every file with mtime MTIME (seconds since 1970), replacing
# what nginx serves in one rename
publish() {
  rm -rf "$WWW.new"
  cp -r "$SRC/assets/content" "$WWW.new"
  sed -i "s/\"version\": *\"[^\"]*\"/\"version\": \"serial-$1\"/" "$WWW.new/content.json"
  sign_bundle "$WWW.new" --serial "$1"
  find "$WWW.new" -type f -exec touch -d "@$2" {} +
  rm -rf "$WWW"
  mv "$WWW.new" "$WWW"
}

# state_field KEY: a text of the cache's state.json ("" when null or missing)
state_field() {
  "$PYTHON" -c 'import json, sys; v = json.load(open(sys.argv[1])).get(sys.argv[2]); print(v or "")' \
    "$CACHE/state.json" "$1" 2>/dev/null
}

# ask_nginx PATH ETAG: the status nginx answers to GET PATH with If-None-Match: ETAG
ask_nginx() {
  "$PYTHON" - "http://127.0.0.1:$NGX_PORT$1" "$2" <<'EOF'
import sys, urllib.error, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"If-None-Match": sys.argv[2]})
try:
    with urllib.request.urlopen(req, timeout=20) as r:
        print(r.status)
except urllib.error.HTTPError as e:
    print(e.code)
EOF
}

log_lines() { wc -l <"$NGX_ACCESS"; }
# manifest_requests FROM_LINE: "STATUS IF-NONE-MATCH" of each request for content.json
# (nginx writes a header's " as \x22)
manifest_requests() {
  tail -n +"$(($1 + 1))" "$NGX_ACCESS" | awk '$2 == "/content.json" {print $3, $5}' |
    sed 's/\\x22/"/g'
}

SOON=$(($(date +%s) + 86400))
publish 1 "$SOON"
cp "$WWW/content.json" "$TMP/serial-1.json"
if ! start_nginx "$WWW"; then
  bad "nginx started on 127.0.0.1"
  finish
  exit
fi
URL=http://127.0.0.1:$NGX_PORT/content.json
SYNC=(--config "$SIGN_CONF" --url "$URL" --cache "$CACHE" --allow-http)

# --- 1. serial 1 installs; its validators are kept, with the answer's Date -------------
run_sync "$TMP/s1" "${SYNC[@]}"
ID1=$(bundle_id "$WWW")
[ "$RC" -eq 0 ] && grep -q "installed bundle $ID1" "$TMP/s1.out" && ok "serial 1 installs" ||
  { bad "serial 1: exit $RC"; sed 's/^/  /' "$TMP/s1.out" "$TMP/s1.err" | head -8; }
ETAG1=$(state_field etag)
[ -n "$ETAG1" ] && [ -n "$(state_field last_modified)" ] && [ -n "$(state_field date)" ] &&
  ok "state.json keeps ETag $ETAG1, Last-Modified and the answer's Date" ||
  { bad "state.json lacks a validator or the Date"; sed 's/^/  /' "$CACHE/state.json"; }

# --- 2. serial 2 in the same second, of the same size ------------------------------------
publish 2 "$SOON"
ID2=$(bundle_id "$WWW")
size1=$(stat -c %s "$TMP/serial-1.json")
size2=$(stat -c %s "$WWW/content.json")
[ "$size1" = "$size2" ] && ! cmp -s "$TMP/serial-1.json" "$WWW/content.json" &&
  ok "serial 2's manifest differs from serial 1's and has its size ($size2 bytes)" ||
  bad "the manifests: sizes $size1 and $size2, or equal"
# the trap is real: nginx takes serial 1's ETag for serial 2
got=$(ask_nginx /content.json "$ETAG1")
[ "$got" = 304 ] && ok "nginx answers serial 1's ETag with 304 although serial 2 is published" ||
  bad "nginx answered serial 1's ETag with '$got': the test does not reproduce the trap"

mark=$(log_lines)
run_sync "$TMP/s2" "${SYNC[@]}"
[ "$RC" -eq 0 ] && grep -q "installed bundle $ID2" "$TMP/s2.out" &&
  cmp -s "$CACHE/current/content.json" "$WWW/content.json" &&
  ok "serial 2, published in the same second with the same size, is installed" ||
  { bad "serial 2 not installed: exit $RC, current -> $(readlink "$CACHE/current")"
    sed 's/^/  /' "$TMP/s2.out" "$TMP/s2.err" | head -8; }
[ "$(manifest_requests "$mark")" = "200 -" ] &&
  ok "the manifest was asked for without If-None-Match (Last-Modified not before the Date)" ||
  bad "manifest requests: $(manifest_requests "$mark" | tr '\n' ';')"
[ "$(status_field "$CACHE" installed_id)" = "$ID2" ] && ok "status.json: installed_id is serial 2's" ||
  bad "status.json: installed_id '$(status_field "$CACHE" installed_id)', wanted $ID2"

# --- 3. the same manifest, settled: the validators are sent again, nginx answers 304 ----
find "$WWW" -type f -exec touch -d "@$(($(date +%s) - 600))" {} +
mark=$(log_lines)
run_sync "$TMP/s3" "${SYNC[@]}"
[ "$RC" -eq 0 ] && grep -q "up to date" "$TMP/s3.out" && [ "$(manifest_requests "$mark")" = "200 -" ] &&
  ok "older now, the same manifest: downloaded once more without validators, up to date" ||
  { bad "settling look: exit $RC, requests $(manifest_requests "$mark" | tr '\n' ';')"
    sed 's/^/  /' "$TMP/s3.out" "$TMP/s3.err" | head -5; }
ETAG2=$(state_field etag)
[ -n "$ETAG2" ] && [ "$ETAG2" != "$ETAG1" ] && ok "state.json keeps the settled ETag $ETAG2" ||
  bad "state.json etag '$ETAG2' (serial 1's was $ETAG1)"
before=$(cache_listing "$CACHE")
mark=$(log_lines)
run_sync "$TMP/s4" "${SYNC[@]}"
[ "$RC" -eq 0 ] && [ "$(manifest_requests "$mark")" = "304 $ETAG2" ] &&
  ok "the next look sends ETag $ETAG2 back and nginx answers 304" ||
  bad "settled look: exit $RC, requests $(manifest_requests "$mark" | tr '\n' ';')"
[ "$before" = "$(cache_listing "$CACHE")" ] && ok "the 304 writes nothing" ||
  bad "the 304 changed the cache"

# --- 4. and a settled serial 3 of the same size, a second later, installs ----------------
publish 3 "$(($(date +%s) - 599))"
ID3=$(bundle_id "$WWW")
mark=$(log_lines)
run_sync "$TMP/s5" "${SYNC[@]}"
[ "$RC" -eq 0 ] && grep -q "installed bundle $ID3" "$TMP/s5.out" &&
  [ "$(manifest_requests "$mark")" = "200 $ETAG2" ] &&
  ok "serial 3 (a second later, same size): asked with ETag $ETAG2, got 200, installed" ||
  { bad "serial 3: exit $RC, requests $(manifest_requests "$mark" | tr '\n' ';')"
    sed 's/^/  /' "$TMP/s5.out" "$TMP/s5.err" | head -5; }
finish
