#!/usr/bin/env bash
# `litfass sync --once` against a real web server: Debian's nginx, started by this test on
# 127.0.0.1 with ETags on, serving a copy of the sample bundle after `litfass pack`.
# The first sync installs it; an unchanged bundle is a 304 that writes nothing; after one
# image changes only that image is downloaded and the old bundle stays as `previous`. nginx
# answering 304 to requests that were not conditional (manifest, image) is an error.
. "$(dirname "$0")/shell_lib.sh"
. "$SRC/tests/servers/sync_lib.sh"

WWW=$TMP/www
CACHE=$TMP/cache
cp -r "$SRC/assets/content" "$WWW"
sign_bundle "$WWW"
published_long_ago "$WWW" 1 # so that its validators are sent back (the 304 of step 2)
n_files=$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["files"]))' \
  "$WWW/content.json" 2>/dev/null)
n_images=$(find "$WWW/images" -type f | wc -l)
[ "$n_files" = "$n_images" ] && ok "pack lists every image in \"files\" ($n_files)" ||
  bad "pack listed '$n_files' files, the bundle has $n_images images"

if ! start_nginx "$WWW"; then
  bad "nginx started on 127.0.0.1"
  finish
  exit
fi
ok "nginx serves the bundle on 127.0.0.1:$NGX_PORT"
URL=http://127.0.0.1:$NGX_PORT/content.json
SYNC=(--config "$SIGN_CONF" --url "$URL" --cache "$CACHE" --allow-http)

# new_requests FROM_LINE: access log lines after line FROM_LINE, sorted
log_lines() { wc -l <"$NGX_ACCESS"; }
new_requests() { tail -n +"$(($1 + 1))" "$NGX_ACCESS" | LC_ALL=C sort; }

# --- 1. first sync installs -------------------------------------------------------------
mark=$(log_lines)
# expect_images_installed DESCRIPTION: every image nginx serves is in current/, byte for byte
expect_images_installed() {
  local f differ=""
  for f in "$WWW"/images/*; do
    cmp -s "$f" "$CACHE/current/images/${f##*/}" || differ+=" ${f##*/}"
  done
  if [ -z "$differ" ]; then ok "$1"; else bad "$1: these differ:$differ"; fi
}
run_sync "$TMP/s1" "${SYNC[@]}"
[ "$RC" -eq 0 ] && ok "first sync installs (exit 0)" ||
  { bad "first sync: exit $RC"; sed 's/^/  stderr: /' "$TMP/s1.err" | head -20; }
expect_same "$CACHE/current/content.json" "$WWW/content.json" "current/content.json is the published manifest"
expect_images_installed "every image installed byte for byte"
id1=$(bundle_id "$WWW")
[ "$(readlink "$CACHE/current")" = "bundles/$id1" ] || [ "$(readlink "$CACHE/current")" = "$CACHE/bundles/$id1" ] &&
  ok "current -> bundles/<first 16 hex of the manifest's SHA-256>" ||
  bad "current -> '$(readlink "$CACHE/current")', wanted bundles/$id1"
[ "$(status_field "$CACHE" last_error)" = "null" ] && ok "status.json: last_error null" ||
  bad "status.json: last_error '$(status_field "$CACHE" last_error)'"
[ "$(status_field "$CACHE" installed_id)" = "$id1" ] && ok "status.json: installed_id $id1" ||
  bad "status.json: installed_id '$(status_field "$CACHE" installed_id)', wanted $id1"
[ "$(status_field "$CACHE" url)" = "$URL" ] && ok "status.json: url" ||
  bad "status.json: url '$(status_field "$CACHE" url)'"
"$PYTHON" -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(sorted(d) != sorted(
  ["last_attempt", "last_success", "installed_id", "installed_version", "installed_at",
   "last_error", "consecutive_failures", "failing_since", "next_attempt", "url", "self_check"]))' "$CACHE/status.json" 2>/dev/null &&
  ok "status.json has exactly the documented keys" ||
  { bad "status.json keys differ from the contract"; sed 's/^/  /' "$CACHE/status.json" 2>/dev/null | head -12; }
expected=$( (echo "GET /content.json 200"; echo "GET /content.json.sig 200"; for f in "$WWW"/images/*; do echo "GET /images/${f##*/} 200"; done) | LC_ALL=C sort)
got=$(new_requests "$mark" | awk '{print $1, $2, $3}')
[ "$got" = "$expected" ] && ok "first sync fetched the manifest, its signature and each image once" ||
  { bad "first sync requests differ"; diff <(echo "$expected") <(echo "$got") | sed 's/^/  /'; }
[ -z "$(leftovers "$CACHE")" ] && ok "no staging-* or *.tmp after the install" ||
  bad "leftovers: $(leftovers "$CACHE" | tr '\n' ' ')"

# --- 2. unchanged bundle: 304, nothing written ------------------------------------------
before=$(cache_listing "$CACHE")
attempt1=$(status_field "$CACHE" last_attempt)
sleep 1.1   # so that a rewritten file would show a different mtime even at 1 s resolution
mark=$(log_lines)
run_sync "$TMP/s2" "${SYNC[@]}"
[ "$RC" -eq 0 ] && ok "unchanged bundle: sync exits 0" ||
  { bad "unchanged bundle: exit $RC"; sed 's/^/  stderr: /' "$TMP/s2.err" | head -20; }
got=$(new_requests "$mark" | awk '{print $1, $2, $3}')
[ "$got" = "GET /content.json 304" ] && ok "nginx answered the manifest with 304 and nothing else was fetched" ||
  { bad "unchanged bundle: requests were:"; echo "$got" | sed 's/^/  /'; }
after=$(cache_listing "$CACHE")
[ "$before" = "$after" ] && ok "a 304 writes nothing (every file's size, mtime and inode unchanged)" ||
  { bad "a 304 changed the cache:"; diff <(echo "$before") <(echo "$after") | sed 's/^/  /' | head -20; }
[ "$(status_field "$CACHE" last_error)" = "null" ] && ok "304: last_error null" ||
  bad "304: last_error '$(status_field "$CACHE" last_error)'"
attempt2=$(status_field "$CACHE" last_attempt)
[ "$attempt2" != "null" ] && [ "$attempt2" != "MISSING" ] && [ "$attempt2" != "$attempt1" ] &&
  ok "status.json records the 304 attempt ($attempt2)" ||
  bad "status.json last_attempt '$attempt2' (before: '$attempt1')"

# --- 3. one image changed: only that image is fetched -----------------------------------
old_target=$(readlink "$CACHE/current")
cp "$CACHE/current/content.json" "$TMP/old-content.json"
changed=poster-migrationsleitbild.png
"$PYTHON" "$SERVERS/png_text.py" "$WWW/images/$changed" "changed for the sync test"
sign_bundle "$WWW"
published_long_ago "$WWW" 2 # a second of its own: the manifest's size is the same
id2=$(bundle_id "$WWW")
mark=$(log_lines)
run_sync "$TMP/s3" "${SYNC[@]}"
[ "$RC" -eq 0 ] && ok "changed bundle installs (exit 0)" ||
  { bad "changed bundle: exit $RC"; sed 's/^/  stderr: /' "$TMP/s3.err" | head -20; }
expected=$(printf 'GET /content.json 200\nGET /content.json.sig 200\nGET /images/%s 200\n' "$changed" | LC_ALL=C sort)
got=$(new_requests "$mark" | awk '{print $1, $2, $3}')
[ "$got" = "$expected" ] && ok "only the manifest, its signature and the changed image were fetched" ||
  { bad "changed bundle: requests differ"; diff <(echo "$expected") <(echo "$got") | sed 's/^/  /'; }
expect_same "$CACHE/current/content.json" "$WWW/content.json" "current is the new manifest"
expect_same "$CACHE/current/images/$changed" "$WWW/images/$changed" "the changed image is installed"
expect_images_installed "the unchanged images are in the new bundle too"
[ "$(readlink "$CACHE/previous")" = "$old_target" ] && ok "the old bundle is kept as previous" ||
  bad "previous -> '$(readlink "$CACHE/previous")', wanted $old_target"
expect_same "$CACHE/previous/content.json" "$TMP/old-content.json" "previous still holds the old manifest"
"$BIN" validate "$CACHE/previous" >/dev/null 2>&1 && ok "the previous bundle still validates" ||
  bad "the previous bundle does not validate"
[ "$(status_field "$CACHE" installed_id)" = "$id2" ] && ok "status.json: installed_id is the new id" ||
  bad "status.json installed_id '$(status_field "$CACHE" installed_id)', wanted $id2"
[ "$(status_field "$CACHE" last_error)" = "null" ] && ok "status.json: last_error null" ||
  bad "status.json: last_error '$(status_field "$CACHE" last_error)'"
[ -z "$(leftovers "$CACHE")" ] && ok "no staging-* or *.tmp left" ||
  bad "leftovers: $(leftovers "$CACHE" | tr '\n' ' ')"
[ -z "$(unreferenced_bundles "$CACHE")" ] && ok "no bundle left that neither current nor previous names" ||
  bad "unreferenced bundles: $(unreferenced_bundles "$CACHE" | tr '\n' ' ')"

# --- 4. and again unchanged: 304 ---------------------------------------------------------
mark=$(log_lines)
run_sync "$TMP/s4" "${SYNC[@]}"
got=$(new_requests "$mark" | awk '{print $1, $2, $3}')
[ "$RC" -eq 0 ] && [ "$got" = "GET /content.json 304" ] && ok "the new bundle is then answered with 304" ||
  bad "after the change: exit $RC, requests: $(echo "$got" | tr '\n' ';')"

# --- 5. a 304 to a request that was not conditional (issue 11, point 5) --------------------
# nginx itself answering 304 whatever was asked (`return 304`, as a misconfigured cache or
# proxy in front of the real server does): a kiosk without the bundle asked without
# If-None-Match, so this is no "up to date"; nothing is installed and the failure is
# recorded. First for the manifest, then for an image.
stop_nginx
for where in manifest image; do
  if [ "$where" = manifest ]; then
    NGX_LOCATIONS='location = /content.json { return 304; } location / { }'
  else
    NGX_LOCATIONS='location /images/ { return 304; } location / { }'
  fi
  if ! start_nginx "$WWW"; then bad "nginx with 'return 304' for the $where did not start"; continue; fi
  C5=$TMP/cache-304-$where
  mark=$(log_lines)
  run_sync "$TMP/s5$where" --config "$SIGN_CONF" --url "http://127.0.0.1:$NGX_PORT/content.json" \
    --cache "$C5" --allow-http
  got=$(new_requests "$mark" | awk '$3 == 304 {print $1, $2, $3}' | head -1)
  if [ "$where" = manifest ]; then want="GET /content.json 304"; else want="GET /images/"; fi
  case "$got" in "$want"*) ok "nginx answered the unconditional $where request with 304 ($got)" ;;
    *) bad "no 304 from nginx for the $where: $(new_requests "$mark" | tr '\n' ';')" ;; esac
  [ "$RC" -eq 1 ] && grep -qi "304" "$TMP/s5$where.err" &&
    ok "$where: 304 to an unconditional request is an error, not 'up to date': $(head -1 "$TMP/s5$where.err")" ||
    { bad "$where 304: exit $RC"; sed 's/^/  /' "$TMP/s5$where.out" "$TMP/s5$where.err" | head -5; }
  if [ "$where" = manifest ]; then
    grep -qi "not conditional\|without If-None-Match\|unconditional" "$TMP/s5$where.err" &&
      ok "manifest: the error says the request was not conditional" ||
      bad "manifest: the error does not say why: $(head -1 "$TMP/s5$where.err")"
  fi
  [ ! -e "$C5/current" ] && ok "$where 304: nothing installed" || bad "$where 304: current -> $(readlink "$C5/current")"
  [ "$(status_field "$C5" last_error)" != null ] && [ "$(status_field "$C5" consecutive_failures)" = 1 ] &&
    ok "$where 304: status.json records the failure ($(status_field "$C5" last_error | cut -c1-70))" ||
    bad "$where 304: last_error $(status_field "$C5" last_error), failures $(status_field "$C5" consecutive_failures)"
  [ -z "$(leftovers "$C5")" ] && ok "$where 304: no staging folder left" || bad "leftovers: $(leftovers "$C5")"
  stop_nginx
done
unset NGX_LOCATIONS
finish
