/* A transition on SDL's software renderer, moved in the window's own
 * memory.
 *
 * The software renderer draws into the window surface, a buffer of this
 * process that reaches the screen only at SDL_UpdateWindowSurface(Rects).
 * Where header and footer each cover their rows with an opaque band
 * across the screen and draw nothing outside them, a slide transition
 * changes only the rows between them (the "band"). So a transition here:
 *   - leaves the old page in the window surface, where it still stands
 *     (lf_window_slide_shown() said so), or draws it there;
 *   - draws the incoming page into its one copy of the band (the window
 *     surface is given that memory as its pixels for as long), then
 *     header and footer;
 *   - each frame moves the old page's columns within the window's rows
 *     (memmove: a slide only moves it out of sight, what it needs is
 *     still there), copies the incoming page's with memcpy, and sends
 *     only the rows that changed to the screen. Where a frame and the
 *     one before it both show one and the same colour (a page's
 *     background, the inside of a card: stretches of one colour found
 *     once per page), nothing is written: about a quarter of the band's
 *     pixels are written per frame for the sample slides. Each row's
 *     stretches of a frame are cut to where the pages show once and
 *     serve again as the last frame's in the next one; the incoming
 *     page's stretches are kept after the transition (tens of KB) and
 *     serve as the old page's in the next, as long as nothing but the
 *     header was drawn since (lf_window_slide_shown() after the last
 *     frame or lf_window_slide_header(); lf_window_slide_unshown() or any
 *     other frame drops them).
 * The screen shows the same pixels as drawing the frame in full would
 * (tests/test_window_slide.c compares them), never a half-drawn one: the
 * window surface reaches the screen only in lf_window_slide_present().
 *
 * Anything else (a GPU renderer, a header that is not opaque, chrome
 * reaching into the page's rows, no memory) makes lf_window_slide_begin()
 * return false; the caller then uses pictures (render/snapshot.h).
 *
 * Owner: create/destroy; the renderer and painter must outlive it. Main
 * thread only. */
#ifndef LF_RENDER_WINDOW_SLIDE_H
#define LF_RENDER_WINDOW_SLIDE_H

#include <SDL.h>
#include <stdbool.h>

#include "layout/scene.h"
#include "render/painter.h"

struct lf_window_slide;

struct lf_window_slide *lf_window_slide_create(SDL_Renderer *renderer,
                                               struct lf_painter *painter);
void lf_window_slide_destroy(struct lf_window_slide *ws);

/* Whether the renderer is SDL's software renderer drawing into its
 * window's surface (the only case this module handles). */
bool lf_window_slide_possible(const struct lf_window_slide *ws);

/* The frame just presented was `header`, a page and `footer` drawn in
 * full, still: its page rows can serve as the old page of the next
 * transition. */
void lf_window_slide_shown(struct lf_window_slide *ws, const struct lf_scene *header,
                           const struct lf_scene *footer);

/* The still frame shown (lf_window_slide_shown) gets a new `header`, its
 * page and `footer` as they were (the clock's minute): when the header
 * still covers the same rows, only it is drawn, over the old one, and
 * only its rows are sent to the screen, which then shows what drawing the
 * frame in full would (tests/test_window_slide.c compares them). False,
 * with nothing drawn, otherwise: the caller draws the frame in full. */
bool lf_window_slide_header(struct lf_window_slide *ws, const struct lf_scene *header,
                            const struct lf_scene *footer) LF_MUST_CHECK;

/* The page on screen is no longer the one shown (laid out anew, another
 * page, the window resized or blanked): the next transition draws it. */
void lf_window_slide_unshown(struct lf_window_slide *ws);

/* Starts a transition from `page` to `incoming`, `header` and `footer`
 * over both. Adds the number of pages it drew (1, or 2 when the old page
 * was not on screen) to *drawn. False when this transition cannot run in
 * the window's memory (see above): nothing is held then. */
bool lf_window_slide_begin(struct lf_window_slide *ws, const struct lf_scene *page,
                           const struct lf_scene *incoming, const struct lf_scene *header,
                           const struct lf_scene *footer, size_t *drawn) LF_MUST_CHECK;

/* Whether a transition is held (between begin and end). */
bool lf_window_slide_active(const struct lf_window_slide *ws);

/* Header or footer changed during the transition: they are drawn again
 * now and the next present sends the whole window. False when they no
 * longer leave the same rows to the pages: the caller ends the transition
 * here and draws its frames in full. */
bool lf_window_slide_chrome(struct lf_window_slide *ws, const struct lf_scene *header,
                            const struct lf_scene *footer) LF_MUST_CHECK;

/* Writes a frame into the window surface: the old page shifted by
 * dx_old, the incoming one by dx_new (the incoming one on top where they
 * overlap, black where neither is), as lf_snapshot_draw() would. False
 * when the window surface changed under it (resized) or the frame shows
 * columns of the old page the window no longer holds (it came back into
 * sight): the transition is ended, the caller draws the frame in full. */
bool lf_window_slide_frame(struct lf_window_slide *ws, int dx_old, int dx_new) LF_MUST_CHECK;

/* The window lost what it showed (exposed): the next present sends all. */
void lf_window_slide_expose(struct lf_window_slide *ws);

/* Sends what changed since the last present to the screen. */
void lf_window_slide_present(struct lf_window_slide *ws);

/* Frees the copy (the window surface keeps the last frame). */
void lf_window_slide_end(struct lf_window_slide *ws);

/* Bytes held for page copies now (0 while no transition runs). */
size_t lf_window_slide_held(const struct lf_window_slide *ws);

#endif
