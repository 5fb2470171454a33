#!/usr/bin/env python3
"""Writes the carousel Chromium is measured with (bench/carousel_vs_chromium.sh):
the sample bundle's items as full-screen slides (header, title, text,
poster, footer with page dots), each shown SLIDE_MS and then slid out in
TRANSITION_MS with CSS transforms, as litfass does. Usage:
make_page.py CONTENT_DIR OUT.html SLIDE_MS TRANSITION_MS LANG"""
import html
import json
import os
import sys

content, out, slide_ms, transition_ms, lang = sys.argv[1:6]
with open(os.path.join(content, "content.json"), encoding="utf-8") as f:
    bundle = json.load(f)


def text(field):
    if isinstance(field, dict):
        return field.get(lang) or field.get(bundle.get("default_language", "de")) or ""
    return field or ""


slides = []
for item in bundle["items"]:
    title = text(item.get("title"))
    body = " ".join(text(item.get(k)) for k in ("summary", "message", "description", "text")
                    if item.get(k))
    image = item.get("image")
    img = ""
    if image:
        img = '<img src="%s">' % html.escape("file://" + os.path.abspath(os.path.join(content, image)))
    slides.append('<section class="slide"><div class="text"><h1>%s</h1><p>%s</p></div>%s</section>'
                  % (html.escape(title), html.escape(body), img))

page = """<!doctype html>
<html lang="%(lang)s"><head><meta charset="utf-8"><title>carousel</title>
<style>
html, body { margin: 0; height: 100%%; overflow: hidden; background: #10243e;
  font-family: "Noto Sans", sans-serif; color: #fff; }
header, footer { position: fixed; left: 0; right: 0; height: 8vh; background: #0b1a2e;
  display: flex; align-items: center; padding: 0 3vw; font-size: 3vh; z-index: 2; }
header { top: 0; } footer { bottom: 0; justify-content: center; gap: 1vw; }
footer i { width: 1.2vh; height: 1.2vh; border-radius: 50%%; background: #567; display: block; }
footer i.on { background: #fff; }
.slide { position: absolute; top: 8vh; bottom: 8vh; left: 0; width: 100vw; display: flex;
  gap: 3vw; padding: 4vh 4vw; box-sizing: border-box; background: #f4f1ea; color: #1b1b1b;
  transform: translateX(100vw); }
.slide.shown { transform: none; }
.slide.moving { transition: transform %(t)sms cubic-bezier(0.65, 0, 0.35, 1); }
.slide h1 { font-size: 6vh; margin: 0 0 3vh; } .slide p { font-size: 3.4vh; line-height: 1.35; }
.slide img { max-width: 40vw; max-height: 70vh; object-fit: contain; }
.text { flex: 1; }
</style></head><body>
<header><b>%(org)s</b><span id="clock" style="margin-left:auto"></span></header>
%(slides)s
<footer id="dots"></footer>
<script>
const slides = document.querySelectorAll('.slide');
const dots = document.getElementById('dots');
slides.forEach(() => dots.appendChild(document.createElement('i')));
let at = 0;
function show(i) {
  slides[i].classList.add('shown');
  dots.children[i].classList.add('on');
}
function clock() {
  const d = new Date();
  document.getElementById('clock').textContent =
    String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
}
show(0); clock(); setInterval(clock, 60000);
setInterval(() => {
  const from = slides[at], next = (at + 1) %% slides.length, to = slides[next];
  to.classList.remove('moving'); to.style.transform = 'translateX(100vw)';
  void to.offsetWidth;
  from.classList.add('moving'); to.classList.add('moving');
  from.style.transform = 'translateX(-100vw)'; to.style.transform = 'none';
  dots.children[at].classList.remove('on'); dots.children[next].classList.add('on');
  at = next;
}, %(s)s);
</script></body></html>
""" % {"lang": html.escape(lang), "t": int(transition_ms), "s": int(slide_ms),
       "org": html.escape(text(bundle.get("organisation"))), "slides": "\n".join(slides)}
with open(out, "w", encoding="utf-8") as f:
    f.write(page)
