// The preference matrix (issue 28): a sample of pages, one of each template
// shape, under the user settings the EU monitoring methodology asks testers
// to apply (Commission Implementing Decision 2018/1524), run by the Rust
// integration test `browser` (tests/it/browser.rs):
//
//   node tests/browser/matrix.mjs JOB.json
//
// JOB.json: { "chromium": "/path/to/chromium",
//   "names": { "de": "Deutsch", … }   (the site's languages' endonyms),
//   "pages": [{ "url": "http://…/de/", "kind": "home" }, …] }
// MATRIX_ONLY=substring limits the run to the pages whose URL contains it.
//
// Per page, each in a fresh load:
// - phone (360 × 800): the h1 starts within 320 px of the top; the header
//   starts at the inline-start edge (mirrored right-to-left);
// - 320 CSS px and 200 % text (1.4.4, 1.4.10): every text grows to about
//   twice its size, no horizontal scrolling, no clipped text;
// - the W3C text-spacing override at 320 px (1.4.12): no horizontal
//   scrolling, nothing clipped, no text overlapping other text;
// - forced-colors: active (1.4.1, 1.4.11, 2.4.7): every element that can
//   take focus (disclosures opened) draws an outline, which forced colours
//   keep (a box-shadow they drop); no information only in a background
//   image; `aria-current` marked by more than colour;
// - prefers-reduced-motion: reduce (2.3.3): no animation or transition
//   runs, also after focusing each element, and no smooth scrolling;
// - a keyboard walk at 1280 × 800 (2.4.1, 2.4.7, 2.4.11, 1.4.11): Tab
//   through every stop, opening each closed disclosure with Enter; the
//   first stop is a skip link whose target exists; every stop is visible,
//   draws an outline of at least 2 px with 3:1 against the colours
//   actually behind it (sampled around the element), and is not entirely
//   covered by anything else;
// - language of parts (3.1.2): no run of two or more words in another
//   script than the one of the surrounding `lang`, and no endonym of one of
//   the site's languages inside text of another language (a single word in
//   another script may be a name or a technical term, which 3.1.2 exempts).
//
// Prints { "failures": [{ "url", "check", "wcag", "element", "detail" }],
// "h1": [{ "url", "kind", "dir", "top" }], "ran": [{ "check", "wcag" }] }
// and exits 0; exits 2 with a message on stderr when the browser cannot be
// started. `ran` (the checks with the WCAG success criteria each tests, as
// listed above) is what the test suite records in the site's audits.toml.

import { readFileSync } from 'node:fs';
import { fail, launch, packages } from './chromium.mjs';

const jobPath = process.argv[2];
if (!jobPath) fail('matrix', 'usage: node matrix.mjs JOB.json');
const job = JSON.parse(readFileSync(jobPath, 'utf8'));
const only = process.env.MATRIX_ONLY;
const pages = job.pages.filter((p) => !only || p.url.includes(only));

const PHONE = { width: 360, height: 800 };
const NARROW = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 800 };
const H1_LIMIT = 320;
const TEXT_200 = 'html { font-size: 200% !important; }';
// The W3C bookmarklet for 1.4.12 (Understanding 1.4.12, "Text Spacing").
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }`;

// Helpers defined in every page before its own code runs (window.m).
function helpers() {
  const describe = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.classList.length) s += `.${[...el.classList].join('.')}`;
    const href = el.getAttribute('href');
    if (href) s += `[href="${href}"]`;
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    return text ? `${s} “${text}”` : s;
  };
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const luminance = ({ r, g, b }) => {
    const f = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (x, y) => {
    const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  // The colour painted at a point: the topmost element there with a
  // background, else the canvas (the root's background, else white).
  const backgroundAt = (x, y) => {
    for (const el of document.elementsFromPoint(x, y)) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const hex = ({ r, g, b }) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
  const visible = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const focusable = () => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
  )];
  // Text nodes with letters, and the element holding each.
  const texts = () => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (/\p{L}/u.test(n.data) && !n.parentElement.closest('script, style, code, kbd, samp')) out.push(n);
    }
    return out;
  };
  // Overflow shared by 200 % text and text spacing: horizontal scrolling,
  // and text cut off by an element that hides its overflow.
  function overflow(check, wcag) {
    const out = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      const wide = [...document.body.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1) && r.bottom > 0;
      });
      const outer = wide.filter((el) => !wide.includes(el.parentElement)).slice(0, 3);
      out.push([check, wcag, outer.map(m.describe).join('; ') || 'html', `scrolls horizontally: ${root.scrollWidth} px wide in ${root.clientWidth} px`]);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      const hides = (v) => v === 'hidden' || v === 'clip';
      if (!el.textContent.trim() || !m.visible(el)) continue;
      if ((hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
        out.push([check, wcag, m.describe(el), 'text is clipped by overflow: hidden']);
      }
    }
    return out;
  }
  window.m = { describe, parse, contrast, backgroundAt, hex, visible, focusable, texts, overflow };
}

const { chromium } = packages('matrix');
const { context, page, close } = await launch('matrix', chromium, job.chromium, DESKTOP);
await context.addInitScript(helpers);

const failures = [];
const h1 = [];

async function load(url, viewport, media = {}) {
  await page.setViewportSize(viewport);
  await page.emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference', ...media });
  await page.goto(url, { waitUntil: 'load' });
}

// Phone: where the h1 starts, and the header at the inline-start edge.
async function phone(url) {
  await load(url, PHONE);
  return page.evaluate((limit) => {
    const out = { failures: [], top: null };
    const heading = document.querySelector('h1');
    if (!heading) {
      out.failures.push(['h1-position', 'issue 28', 'body', 'the page has no h1']);
      return out;
    }
    out.top = Math.round(heading.getBoundingClientRect().top + window.scrollY);
    if (out.top > limit) {
      out.failures.push(['h1-position', 'issue 28', m.describe(heading), `the h1 starts ${out.top} px down a 360 × 800 screen (at most ${limit})`]);
    }
    const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
    for (const el of document.querySelectorAll('.site-name a, .header-tools > :first-child')) {
      const box = el.parentElement.getBoundingClientRect();
      const s = getComputedStyle(el.parentElement);
      const r = el.getBoundingClientRect();
      const gap = rtl ? box.right - parseFloat(s.paddingRight) - r.right : r.left - box.left - parseFloat(s.paddingLeft);
      if (Math.abs(gap) > 2) {
        out.failures.push(['mirrored', 'issue 28', m.describe(el), `starts ${Math.round(gap)} px from the inline-start edge of a ${rtl ? 'right-to-left' : 'left-to-right'} page`]);
      }
    }
    return out;
  }, H1_LIMIT);
}

// Opens every disclosure: what they hold must reflow and resize too.
const openAll = () => page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });

async function text200(url) {
  await load(url, NARROW);
  await openAll();
  const before = await page.evaluate(() => m.texts().map((n) => parseFloat(getComputedStyle(n.parentElement).fontSize)));
  await page.addStyleTag({ content: TEXT_200 });
  return page.evaluate((before) => {
    const out = [];
    const grown = m.texts();
    for (const [i, n] of grown.entries()) {
      const size = parseFloat(getComputedStyle(n.parentElement).fontSize);
      if (before[i] && size < before[i] * 1.9 && m.visible(n.parentElement)) {
        out.push(['text-200', '1.4.4', m.describe(n.parentElement), `text stays at ${size} px (was ${before[i]} px) when the text size is doubled`]);
        break;
      }
    }
    return out.concat(m.overflow('text-200', '1.4.4, 1.4.10'));
  }, before);
}

async function spacing(url) {
  await load(url, NARROW);
  await openAll();
  await page.addStyleTag({ content: TEXT_SPACING });
  return page.evaluate(() => {
    const out = m.overflow('text-spacing', '1.4.12');
    // Text overlapping other text: line boxes of different text nodes
    // sharing more than a quarter of the smaller one's height.
    const boxes = [];
    for (const n of m.texts()) {
      if (!m.visible(n.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0 && r.bottom > 0) boxes.push([n, r]);
    }
    const seen = new Set();
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [n, a] = boxes[i];
        const [o, b] = boxes[j];
        if (n === o) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > Math.min(a.height, b.height) / 4 && !seen.has(n.parentElement)) {
          seen.add(n.parentElement);
          out.push(['text-spacing', '1.4.12', m.describe(n.parentElement), `overlaps ${m.describe(o.parentElement)}`]);
        }
      }
    }
    return out;
  });
}

async function forcedColors(url) {
  await load(url, PHONE, { forcedColors: 'active' });
  await page.keyboard.press('Tab'); // keyboard modality, so :focus-visible applies
  await openAll();
  const found = await page.evaluate(() => {
    const out = [];
    for (const el of m.focusable()) {
      if (!m.visible(el)) continue;
      el.focus();
      const s = getComputedStyle(el);
      if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) {
        out.push(['forced-colors', '2.4.7', m.describe(el), 'no focus outline in forced colours (a box-shadow or colour change disappears there)']);
      }
    }
    const props = ['fontWeight', 'fontStyle', 'textDecorationLine', 'textDecorationThickness', 'borderTopWidth', 'borderBottomWidth', 'outlineStyle'];
    for (const el of document.querySelectorAll('[aria-current]')) {
      const peer = [...(el.parentElement?.parentElement?.children ?? [])]
        .map((li) => (li === el.parentElement ? null : li.querySelector(el.tagName)))
        .find((p) => p && !p.hasAttribute('aria-current'));
      if (!peer) continue;
      const [a, b] = [getComputedStyle(el), getComputedStyle(peer)];
      if (props.every((p) => a[p] === b[p])) {
        out.push(['forced-colors', '1.4.1', m.describe(el), 'the current item differs from the others only in colour']);
      }
    }
    return out;
  });
  // Forced colours drop background gradients and colours, so whatever only
  // a background image shows is looked for in the page's own colours.
  await page.emulateMedia({ forcedColors: 'none' });
  return found.concat(await page.evaluate(() => {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      const labelled = el.textContent.trim() || el.getAttribute('aria-label') || el.getAttribute('title');
      if (s.backgroundImage !== 'none' && !labelled && m.visible(el)) {
        out.push(['forced-colors', '1.1.1, 1.4.1', m.describe(el), 'shows something only as a background image']);
      }
    }
    return out;
  }));
}

async function reducedMotion(url) {
  await load(url, DESKTOP, { reducedMotion: 'reduce' });
  await page.keyboard.press('Tab');
  await openAll();
  return page.evaluate(() => {
    const out = [];
    const moving = (why) => {
      for (const a of document.getAnimations()) {
        out.push(['reduced-motion', '2.3.3', m.describe(a.effect?.target), `${a.constructor.name} ${a.animationName ?? a.transitionProperty ?? ''} runs ${why}`]);
      }
    };
    moving('on load');
    for (const el of m.focusable()) {
      el.focus();
      moving('on focus');
      if (out.length) break;
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') {
      out.push(['reduced-motion', '2.3.3', 'html', 'scroll-behavior: smooth']);
    }
    return out;
  });
}

// One Tab stop of the walk: visible, outlined with 3:1 against what is
// behind the outline, and not entirely covered.
function stop(first) {
  const out = [];
  const el = document.activeElement;
  const name = m.describe(el);
  if (first) {
    const href = el.getAttribute('href') || '';
    const target = href.startsWith('#') && document.getElementById(decodeURIComponent(href.slice(1)));
    if (el.tagName !== 'A' || !target) out.push(['keyboard', '2.4.1', name, 'the first Tab stop is not a skip link to an element of the page']);
  }
  const r = el.getClientRects()[0];
  if (!r || r.width < 1 || r.height < 1 || !m.visible(el)) return out.concat([['keyboard', '2.4.7', name, 'the focused element is not visible']]);
  if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return out.concat([['keyboard', '2.4.7', name, 'the focused element is outside the viewport']]);
  const s = getComputedStyle(el);
  const width = parseFloat(s.outlineWidth) || 0;
  if (s.outlineStyle === 'none' || width < 2) {
    out.push(['keyboard', '2.4.7', name, 'no focus outline of at least 2 px']);
  } else {
    const d = (parseFloat(s.outlineOffset) || 0) + width / 2;
    const cx = (r.left + r.right) / 2;
    const cy = (r.top + r.bottom) / 2;
    const ring = m.parse(s.outlineColor);
    let worst = null;
    for (const [x, y] of [[cx, r.top - d], [cx, r.bottom + d], [r.left - d, cy], [r.right + d, cy]]) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const bg = m.backgroundAt(x, y);
      const ratio = m.contrast(ring, bg);
      if (!worst || ratio < worst.ratio) worst = { ratio, bg };
    }
    if (ring && worst && worst.ratio < 3) {
      out.push(['keyboard', '1.4.11, 2.4.7', name, `focus outline ${m.hex(ring)} on ${m.hex(worst.bg)} is ${worst.ratio.toFixed(2)}:1 (needs 3:1)`]);
    }
  }
  const points = [[(r.left + r.right) / 2, (r.top + r.bottom) / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
  const covered = points.every(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return hit && !el.contains(hit) && !hit.contains(el);
  });
  if (covered) out.push(['keyboard', '2.4.11', name, `covered by ${m.describe(document.elementFromPoint(points[0][0], points[0][1]))}`]);
  return out;
}

async function keyboard(url) {
  await load(url, DESKTOP);
  const out = [];
  const seen = new Set();
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.dataset.matrixStop) el.dataset.matrixStop = String(document.querySelectorAll('[data-matrix-stop]').length);
      return el.dataset.matrixStop;
    });
    if (id === null || seen.has(id)) break;
    seen.add(id);
    out.push(...(await page.evaluate(stop, i === 0)));
    const closed = await page.evaluate(() => document.activeElement.tagName === 'SUMMARY' && !document.activeElement.parentElement.open);
    if (closed) await page.keyboard.press('Enter');
  }
  return out;
}

async function languageOfParts(url) {
  await load(url, DESKTOP);
  return page.evaluate((names) => {
    const out = [];
    const scriptOf = (lang) => { try { return new Intl.Locale(lang).maximize().script; } catch { return null; } };
    const inScript = {};
    const test = (word, script) => {
      inScript[script] ??= new RegExp(`^\\p{Script=${script}}`, 'u');
      return inScript[script].test(word);
    };
    const reported = new Set();
    for (const n of m.texts()) {
      const holder = n.parentElement.closest('[lang]');
      const lang = (holder?.getAttribute('lang') || '').toLowerCase();
      const base = lang.split('-')[0];
      const script = scriptOf(lang);
      if (!script || reported.has(n.parentElement)) continue;
      const problem = (detail) => {
        reported.add(n.parentElement);
        out.push(['language-of-parts', '3.1.2', m.describe(n.parentElement), `${detail} inside lang="${lang}"`]);
      };
      let run = [];
      for (const word of n.data.match(/[\p{L}\p{M}]+/gu) ?? []) {
        const foreign = !test(word, script) && word !== word.toUpperCase();
        run = foreign ? run.concat(word) : [];
        if (run.length === 2) { problem(`“${run.join(' ')}” is in another script than ${script}`); break; }
      }
      if (reported.has(n.parentElement)) continue;
      for (const [key, name] of Object.entries(names)) {
        const re = new RegExp(`(?<![\\p{L}\\p{M}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'u');
        if (key !== base && re.test(n.data)) { problem(`the language name “${name}” (${key}) without lang="${key}"`); break; }
      }
    }
    return out;
  }, job.names ?? {});
}

const CHECKS = [['text-200', text200], ['text-spacing', spacing], ['forced-colors', forcedColors],
  ['reduced-motion', reducedMotion], ['keyboard', keyboard], ['language-of-parts', languageOfParts]];
const CRITERIA = {
  'phone': [],
  'text-200': ['1.4.4', '1.4.10'],
  'text-spacing': ['1.4.12'],
  'forced-colors': ['1.4.1', '1.4.11', '2.4.7'],
  'reduced-motion': ['2.3.3'],
  'keyboard': ['1.4.11', '2.4.1', '2.4.7', '2.4.11'],
  'language-of-parts': ['3.1.2'],
};
const ran = ['phone', ...CHECKS.map(([name]) => name)].map((check) => ({ check, wcag: CRITERIA[check] }));
for (const { url, kind } of pages) {
  const add = ([check, wcag, element, detail]) => failures.push({ url, check, wcag, element, detail });
  const started = Date.now();
  try {
    const { failures: found, top } = await phone(url);
    found.forEach(add);
    h1.push({ url, kind, dir: await page.evaluate(() => getComputedStyle(document.documentElement).direction), top });
  } catch (e) {
    add(['phone', '-', '-', `could not run: ${e.message.split('\n')[0]}`]);
  }
  for (const [name, check] of CHECKS) {
    try {
      (await check(url)).forEach(add);
    } catch (e) {
      add([name, '-', '-', `could not run: ${e.message.split('\n')[0]}`]);
    }
  }
  if (process.env.MATRIX_TIMING) process.stderr.write(`${url} ${Date.now() - started} ms\n`);
}

await close();
process.stdout.write(JSON.stringify({ failures, h1, ran }));
