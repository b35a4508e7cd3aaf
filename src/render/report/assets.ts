/**
 * The report's one stylesheet and one script. Both are constants, never built from input: the
 * page's Content-Security-Policy allows exactly these two by their SHA-256, so no text of an
 * article (escaped in any case) could run or restyle anything even if it became markup.
 *
 * The script reads only what the markup says: a sentence button's `data-k` lists the keys of
 * the passages it highlights; piece `n` of key `k` is the element `#m{k}` or `#m{k}.{n}`.
 * Ids are looked up one by one (no selector over the page), so a click costs the same in a
 * report of five articles as in a digest of a thousand.
 */

export const STYLE = `:root{color-scheme:light dark;--bg:#fff;--fg:#1c1c1c;--muted:#555;--line:#d4d4d4;--panel:#f4f4f0;--hl:#ffe36e;--hlfg:#000;--accent:#0b57d0;--v0:#1a7f37;--v1:#c2410c;--v2:#7c3aed;--v3:#0369a1;--dim:#8c8c8c}
@media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#e6e6e6;--muted:#a6a6a6;--line:#3b3b3b;--panel:#222;--hl:#5c4d00;--hlfg:#fff;--accent:#8ab4f8;--v0:#4ade80;--v1:#fb923c;--v2:#c4b5fd;--v3:#7dd3fc;--dim:#777}}
*{box-sizing:border-box}
html,body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
body{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);grid-template-rows:auto minmax(0,1fr);height:100vh}
.top{grid-column:1/-1;padding:.6rem 1rem;border-bottom:1px solid var(--line)}
h1{font-size:1.25rem;margin:0}
h2{font-size:1.05rem;margin:0 0 .25rem}
h3{font-size:1rem;margin:0}
.meta,.hint{color:var(--muted);font-size:.875rem;margin:.15rem 0}
.pane{overflow:auto;padding:1rem;min-height:0}
#summary{border-right:1px solid var(--line)}
ol.sentences{list-style:none;margin:0;padding:0}
ol.sentences>li{margin:0 0 .6rem}
button{font:inherit;color:inherit}
button.sentence{display:block;width:100%;text-align:left;background:none;border:1px solid var(--line);border-radius:6px;padding:.45rem .6rem;cursor:pointer;overflow-wrap:anywhere}
button.sentence:hover{border-color:var(--accent)}
button.sentence[aria-expanded=true]{background:var(--panel);border-color:var(--accent);box-shadow:inset 4px 0 0 var(--accent)}
button:focus-visible,a:focus-visible,.on:focus{outline:3px solid var(--accent);outline-offset:2px}
.cite{color:var(--muted);font-size:.8rem;white-space:nowrap}
.differ{margin:.25rem 0 0;font-size:.875rem}
.support{background:var(--panel);border-radius:0 0 6px 6px;padding:.4rem .7rem;font-size:.875rem}
.support ul{margin:.2rem 0;padding-left:1.1rem}
.support q{quotes:"\\201C" "\\201D"}
.chip{padding:0 .15rem;border-bottom:3px solid}
.story{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;margin:0 0 .8rem}
.terms{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;margin:.3rem 0;padding:0}
.terms li{background:var(--panel);border-radius:4px;padding:0 .35rem;font-size:.8rem;overflow-wrap:anywhere}
button.story-open{background:none;border:1px solid var(--accent);border-radius:4px;color:var(--accent);padding:.15rem .6rem;cursor:pointer}
.story .sentences{margin-top:.6rem}
article{border-bottom:1px solid var(--line);padding:.2rem 0 1rem;margin:0 0 1rem;unicode-bidi:isolate}
article.hit{border-left:4px solid var(--accent);padding-left:.7rem}
.num{color:var(--muted)}
.title,.meta{overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate;margin:.5rem 0 0;font-family:Georgia,"Times New Roman",serif;line-height:1.6}
.f{color:var(--dim);font-style:italic}
.c{display:block;content-visibility:auto;contain-intrinsic-size:auto 40em}
article{content-visibility:auto;contain-intrinsic-size:auto 30em}
.s.on{background:var(--hl);color:var(--hlfg);border-radius:2px;scroll-margin:30vh}
.v.on{text-decoration-line:underline;text-decoration-thickness:3px;text-underline-offset:3px;font-weight:600}
.v0{--vc:var(--v0)}.v1{--vc:var(--v1)}.v2{--vc:var(--v2)}.v3{--vc:var(--v3)}
.v0.on{text-decoration-style:solid}.v1.on{text-decoration-style:wavy}.v2.on{text-decoration-style:dotted}.v3.on{text-decoration-style:double}
.v.on,.chip{text-decoration-color:var(--vc);border-color:var(--vc)}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
a{color:var(--accent)}
a.back{display:none}
@media (forced-colors:active){.s.on{background:Mark;color:MarkText}.v.on{text-decoration-color:LinkText}}
@media (max-width:760px){body{display:block;height:auto}.pane{overflow:visible;padding:.8rem}#summary{border-right:0;border-bottom:2px solid var(--line)}a.back{display:block;position:fixed;right:.8rem;bottom:.8rem;background:var(--bg);border:1px solid var(--accent);border-radius:6px;padding:.3rem .6rem}}
`;

export const SCRIPT = String.raw`(function () {
  'use strict';
  var d = document, status = d.getElementById('status'), current = null, story = null, lit = [], hits = [];
  function byId(id) { return d.getElementById(id); }
  function pieces(k) {
    var out = [], el = byId('m' + k), i = 1;
    while (el) { out.push(el); el = byId('m' + k + '.' + i++); }
    return out;
  }
  function clear() {
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove('on'); lit[i].removeAttribute('role'); }
    for (i = 0; i < hits.length; i++) hits[i].classList.remove('hit');
    lit = []; hits = [];
    if (current) { current.setAttribute('aria-expanded', 'false'); byId(current.getAttribute('aria-controls')).hidden = true; current = null; }
  }
  function select(b) {
    var again = b === current;
    clear();
    if (again) { status.textContent = 'Selection cleared.'; return; }
    current = b;
    b.setAttribute('aria-expanded', 'true');
    byId(b.getAttribute('aria-controls')).hidden = false;
    var keys = (b.getAttribute('data-k') || '').split(' '), names = [];
    for (var i = 0; i < keys.length; i++) {
      if (!keys[i]) continue;
      var p = pieces(keys[i]);
      for (var j = 0; j < p.length; j++) {
        p[j].classList.add('on');
        p[j].setAttribute('role', 'mark');
        lit.push(p[j]);
        var a = p[j].closest('article');
        if (a && hits.indexOf(a) < 0) { a.classList.add('hit'); hits.push(a); names.push(a.querySelector('h3').textContent); }
      }
    }
    if (lit[0]) lit[0].scrollIntoView({ block: 'center' });
    status.textContent = 'Highlighted in ' + hits.length + (hits.length === 1 ? ' article: ' : ' articles: ') + names.join('; ') + '.';
  }
  function toggleStory(b) {
    var again = b === story;
    clear();
    if (story) { story.setAttribute('aria-expanded', 'false'); byId(story.getAttribute('aria-controls')).hidden = true; byId('a' + story.getAttribute('aria-controls').slice(1)).hidden = true; story = null; }
    byId('pick').hidden = !again;
    if (again) { status.textContent = 'Story closed.'; return; }
    story = b;
    b.setAttribute('aria-expanded', 'true');
    var unit = byId(b.getAttribute('aria-controls'));
    unit.hidden = false;
    byId('a' + b.getAttribute('aria-controls').slice(1)).hidden = false;
    byId('sources').scrollTop = 0;
    status.textContent = 'Story opened: ' + unit.querySelectorAll('button.sentence').length + ' sentences.';
  }
  d.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target : e.target.parentElement;
    var b = t.closest('button.sentence');
    if (b) return select(b);
    b = t.closest('button.story-open');
    if (b) return toggleStory(b);
    var a = t.closest('a.jump');
    if (a) {
      var target = byId(a.getAttribute('href').slice(1));
      if (!target) return;
      e.preventDefault();
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
    }
  });
  d.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && current) { var b = current; clear(); b.focus(); status.textContent = 'Selection cleared.'; }
  });
})();
`;
