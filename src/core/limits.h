/* Named ceilings on everything that comes from outside the program.
 * Every check against input uses one of these, so the limits are
 * documented in one place (docs/content-format.md repeats them). */
#ifndef LF_CORE_LIMITS_H
#define LF_CORE_LIMITS_H

/* content bundle (manifest) */
#define LF_MAX_MANIFEST_BYTES   (1024 * 1024)  /* content.json size */
#define LF_MAX_JSON_DEPTH       16             /* object/array nesting */
#define LF_MAX_STRING_BYTES     4096           /* one text, in bytes of UTF-8 */
#define LF_MAX_ITEMS            500            /* items in one bundle */
#define LF_MAX_TRANSLATIONS     64             /* languages per text and per bundle */
#define LF_MAX_PHRASES          4096           /* entries in content.json's "phrases" */
#define LF_MAX_PHRASE_KEY       48             /* a phrase key ("open_until") */
#define LF_MAX_PHRASE_BYTES     512            /* one phrase, bytes of UTF-8 */
#define LF_MAX_LANG_TAG         35             /* BCP 47 tag length (RFC 5646) */
#define LF_STUDIO_MAX_LANGUAGE_QUERY 128       /* tags one GET /api/languages asks about */
#define LF_MAX_TAGS             8              /* tags on one event */
#define LF_MAX_SPOKEN_LANGUAGES 16             /* languages an offer lists */
#define LF_MAX_HOURS_RANGES     14             /* consultation-hour ranges per item */
#define LF_MAX_ID_BYTES         64             /* item id */
#define LF_MAX_PATH_BYTES       255            /* a file name inside the bundle */
#define LF_MAX_PATH_DEPTH       8              /* folders above a file inside the bundle
                                                  ("images/2026/a.png": 2); validate, sign,
                                                  pack and the store's tree walks share it */

/* calendar feeds (import-ics, the studio's calendar import) */
#define LF_ICS_MAX_BYTES            (4 * 1024 * 1024) /* one feed */
#define LF_ICS_MAX_COMPONENTS       30000 /* VEVENTs in one feed (a city's whole event
                                             calendar, years of it, fits in the bytes) */
#define LF_ICS_MAX_OCCURRENCES      400   /* events made from one feed (series expanded):
                                             beyond it only the nearest are imported, said */
#define LF_ICS_MAX_COLLECTED        1600  /* events held while finding the nearest */
#define LF_ICS_MAX_FILTERS          16    /* --category and --match texts, each */
#define LF_ICS_MAX_SERIES_STEPS     100000 /* recurrence steps followed per series */
#define LF_ICS_MAX_FEED_STEPS       1000000 /* recurrence steps followed in one feed */
#define LF_ICS_MAX_HORIZON_DAYS     730
#define LF_ICS_LONG_LINE_BYTES      (64 * 1024) /* a line this long in a feed over
                                                   LF_ICS_MAX_BYTES is named as the cause */

/* images named by a bundle */
#define LF_MAX_IMAGE_BYTES      (8 * 1024 * 1024)
#define LF_MAX_IMAGE_PIXELS     (4096 * 4096)  /* a PNG, a GIF's screen, a WebP's canvas
                                                  (shrunk while read, but an interlaced PNG,
                                                  a GIF frame's indexes and a lossless WebP
                                                  are held whole while decoding) */
#define LF_MAX_PHOTO_PIXELS     (6144 * 4096)  /* a JPEG (a 24-megapixel camera's 6000 x
                                                  4000): libjpeg decodes it already scaled
                                                  to the screen */
#define LF_MAX_IMAGE_DECODE_BYTES (96 * 1024 * 1024) /* libjpeg's buffers for one picture
                                                  (a progressive JPEG keeps all its
                                                  coefficients: 72 MB at 6000 x 4000) */
#define LF_MAX_IMAGE_SIDE       8192
#define LF_MAX_IMAGE_ASPECT     20             /* longer side / shorter side: a 1 x 8192
                                                  picture is a line no one sees on a slide */

/* synced bundles (issue 4) */
#define LF_MAX_BUNDLE_FILES     1000           /* entries in a manifest's "files" list */
#define LF_NET_CHILD_MAX_BODY_BYTES (64u * 1024 * 1024) /* a report handed to the network child */
#define LF_MAX_URL_BYTES        2048           /* the sync URL and a file's URL */
#define LF_MAX_HTTP_HEADER_BYTES 1024          /* ETag, Last-Modified, Retry-After kept */
#define LF_MAX_HTTP_RESPONSE_HEADER_BYTES (64 * 1024) /* all header lines of one response */
#define LF_SYNC_MAX_REDIRECTS   5              /* redirects followed per request */
#define LF_SYNC_MAX_RETRY_AFTER_S (24 * 3600)  /* a longer Retry-After is cut to this */
/* `litfass run --clock-offset`: at most this far either way (a clock at 1970 is
 * about 57 years behind) */
#define LF_MAX_CLOCK_OFFSET_S (100LL * 366 * 86400)

/* signed bundles (issue 5) */
#define LF_MAX_TRUSTED_KEYS     8              /* public keys in [sync] trusted_keys */
#define LF_MAX_KEY_FILE_BYTES   1024           /* a NAME.key / NAME.pub file */
#define LF_MAX_SIGNATURE_BYTES  1024           /* a content.json.sig file */
#define LF_MAX_BUNDLE_SERIAL    9007199254740991LL /* "serial": 2^53 - 1, exact in any JSON reader */
#define LF_MAX_VALID_DAYS       3650           /* `litfass sign --valid-days` */

/* read aloud (speech/script.h) */
#define LF_MAX_SCRIPT_BYTES     (16 * 1024 * 1024) /* one page's spoken script, and any
                                                  part of it: far above what a page holds
                                                  (a 4096-byte text of dates or phone
                                                  numbers said in words: about 20 kB; a
                                                  list of LF_MAX_ITEMS such titles: 10 MB);
                                                  beyond it the rest is not said, logged */

#define LF_MAX_ESPEAK_DICT_BYTES (64 * 1024 * 1024) /* an eSpeak NG dictionary read for
                                                  its emoji (speech/voice.h; ru_dict,
                                                  the largest, is 2 MB) */

/* config file */
#define LF_MAX_CONFIG_BYTES     (64 * 1024)
#define LF_MAX_CONFIG_LINE      1024

/* screen */
#define LF_MIN_SCREEN_SIDE      320
#define LF_MAX_SCREEN_SIDE      8192
#define LF_MIN_DISPLAY_DPI      20             /* a pixel density the display reports (SDL):
                                                  an 85-inch 1080p screen has 26; below it
                                                  (0, 1: "unknown" from a driver) not believed */
#define LF_MAX_DISPLAY_DPI      600            /* a phone's panel is about 500; above it (a
                                                  size in millimetres of 0 or 1 from EDID) not
                                                  believed */
#define LF_MAX_CONFIG_DPI       1000           /* [display] dpi */
#define LF_MIN_LAYOUT_SIDE      240            /* a window smaller than this a side (a 1x1
                                                  window: thousands of pages of one letter)
                                                  is laid out as if its shorter side were
                                                  this long and scaled down to fit */
#define LF_MEASURE_MEMO_WIDTHS  2048           /* widths of text the kiosk remembers
                                                  (layout/measure_memo.h): the footer's
                                                  strings and a build's words; a power
                                                  of two */
#define LF_MEASURE_MEMO_TEXT_BYTES (64 * 1024) /* their texts in all; a text longer than
                                                  a sixteenth of it is measured each
                                                  time */
#define LF_CAROUSEL_KEPT_SCENE_BYTES (1024 * 1024) /* the carousel's pages kept as laid out
                                                  (app/carousel.h), so a page shown again
                                                  in the same build is not laid out anew;
                                                  the sample's 21 pages: 143 kB at 1080p
                                                  and 4K, 172 kB for 25 pages of large
                                                  text; pages past it are laid out when
                                                  shown */

/* memory held between pages (issue 13) */
#define LF_FONT_KEEP_PAGES      24             /* an open font (a face at a size: SDL_ttf's
                                                  and HarfBuzz's copies of its tables,
                                                  0.1-2.7 MB) not used to lay out or draw
                                                  any of the last this many pages shown is
                                                  closed (render/typesetter.h) and opens
                                                  again when a line asks for it: a round of
                                                  a carousel (the sample's 21 pages) keeps
                                                  every font it draws with; the sizes only
                                                  text fitting tried, a language a visitor
                                                  left and content gone are closed */
#define LF_PAINTER_CORNER_RADII 8              /* rounded corners kept drawn at their size
                                                  by the software renderer's painter, a
                                                  picture per radius of at most 64 px
                                                  (128 x 128 x 4 bytes: at most 512 kB in
                                                  all; the sample uses 2-3 radii, 30 kB at
                                                  1080p): drawn unscaled, not stretched
                                                  from the circle at every card; the
                                                  oldest is dropped for a new radius */

#endif
