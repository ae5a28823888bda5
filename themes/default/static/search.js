// The search page's script (templates/search.html): asks the site's
// Pagefind index (built by `vielfalt build` with [search] enabled) and
// lists the results: title, the matching excerpt with the match marked,
// and the page's variant. The number of results is announced politely
// (the status element is a live region). Without this script, or without
// the index, the page is the list of every page of its language.
//
// Pagefind picks the index of the page's language (<html lang>); the
// variant filter narrows it to one plain-language variant.

const PER_PAGE = 10;

const root = document.querySelector('.search');
const form = root?.querySelector('.search-form');
const input = root?.querySelector('#search-q');
const variantSelect = root?.querySelector('#search-variant');
const status = root?.querySelector('.search-status');
const results = root?.querySelector('.search-results');
const list = root?.querySelector('.search-list');
// "More results": in the page only while there are more (no dead or
// hidden button in the tab order).
const more = document.createElement('button');
more.type = 'button';
more.className = 'search-more';
const moreRow = document.createElement('p');
moreRow.append(more);
const lang = document.documentElement.lang;
const numbers = new Intl.NumberFormat(lang);

// Variant keys and their labels, from the filter's options.
const variantLabels = new Map(
  [...(variantSelect?.options ?? [])].filter((o) => o.value).map((o) => [o.value, o.text]),
);

let pagefind = null;
let pending = [];
// A newer search makes the answers of older ones stale.
let generation = 0;

function announce(text) {
  // Emptied first, so that the same count said twice is announced twice.
  status.textContent = '';
  window.setTimeout(() => { status.textContent = text; }, 50);
}

async function load() {
  if (!pagefind) {
    pagefind = await import(`${root.dataset.bundle}pagefind.js`);
    await pagefind.options({ excerptLength: 24 });
  }
  return pagefind;
}

// Pagefind's excerpt is HTML whose only elements are <mark>; anything else
// is dropped, keeping its text.
function excerptNodes(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const nodes = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement('li');
  const title = document.createElement('p');
  title.className = 'search-result-title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta?.title || data.url;
  title.append(link);
  const variant = data.filters?.variant?.[0];
  if (variant && variantLabels.has(variant)) {
    const label = document.createElement('span');
    label.className = 'search-variant';
    label.textContent = ` (${variantLabels.get(variant)})`;
    title.append(label);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  excerpt.append(...excerptNodes(data.excerpt || ''));
  item.append(title, excerpt);
  return item;
}

// Shows the next results; moves focus to the first new one when asked
// (after "more results", so keyboard users continue where they were).
async function showMore(focus) {
  const next = pending.splice(0, PER_PAGE);
  const mine = generation;
  const data = await Promise.all(next.map((r) => r.data()));
  if (mine !== generation) return;
  const items = data.map(resultItem);
  list.append(...items);
  if (pending.length) results.append(moreRow); else moreRow.remove();
  if (focus && items.length) items[0].querySelector('a').focus();
}

async function search(query, variant) {
  const mine = ++generation;
  list.replaceChildren();
  pending = [];
  moreRow.remove();
  if (!query.trim()) {
    results.hidden = true;
    announce(root.dataset.empty);
    return;
  }
  announce(root.dataset.searching);
  let found;
  try {
    const pf = await load();
    found = await pf.search(query, variant ? { filters: { variant } } : {});
  } catch {
    if (mine === generation) announce(root.dataset.unavailable);
    return;
  }
  if (mine !== generation || !found) return;
  const count = found.results.length;
  pending = [...found.results];
  await showMore(false);
  if (mine !== generation) return;
  results.hidden = false;
  announce(root.dataset.count.replace('{count}', numbers.format(count)));
}

function fromAddress() {
  const params = new URLSearchParams(window.location.search);
  const variant = params.get('variant') || '';
  if (variantSelect && variantLabels.has(variant)) variantSelect.value = variant;
  input.value = params.get('q') || '';
  return input.value;
}

function run() {
  const query = input.value;
  const variant = variantSelect?.value || '';
  const params = new URLSearchParams();
  params.set('q', query);
  if (variant) params.set('variant', variant);
  window.history.replaceState(null, '', `?${params}`);
  search(query, variant);
}

if (root && form && input && status && results && list) {
  more.textContent = root.dataset.more;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  variantSelect?.addEventListener('change', () => {
    if (input.value.trim()) run();
  });
  more.addEventListener('click', () => showMore(true));
  if (fromAddress()) {
    search(input.value, variantSelect?.value || '');
  }
}
