// Search page: our own small UI over Pagefind's JS API (see wenxian/search/records.py for the index).
//
// The query is folded exactly like the index (NFKC, lower case, the OpenCC-generated script fold
// in assets/search/fold.txt), cut into runs of letters/digits, and each run into character
// bigrams. Every bigram is searched on its own and the result sets are intersected, so no term
// is ever dropped (Pagefind drops terms that match nothing). Every result is then verified against
// the article text and metadata values stored in each record: an article is shown only if it
// contains every term (grep semantics, in either script).
// Nothing is fetched from outside the site.
//
// The index may be cut into date-range shards (wenxian/search/shards.py), listed in date order in
// assets/search/shards.json: the newest is the bundle at pagefind/, whose code and WASM the others
// share through Pagefind's mergeIndex; a merged search() covers every shard. Pagefind re-sorts a
// merged result list by score, which for a search sorted by date is only a position inside one
// shard, so sorted searches walk the shards in date order instead, each restricted to one shard
// by the hidden `shard` filter that every record carries.
//
// The facet menus (region, topic, source, year) sit in a disclosure that starts closed: filling
// them needs assets/search/facets.json (every value with its number of articles, region names;
// wenxian.search.facets), which most searches never use. It is loaded the first time the
// disclosure is opened, or at start-up when the URL already holds a facet value. Pagefind's own
// count (pagefind.filters()) would load every filter chunk of every shard; a search itself only
// loads the filter chunks it filters on.

const ROOT = new URL("../../", import.meta.url);
const WORD = /[\p{L}\p{N}]/u;
// What separates two CJK ideographs is dropped before cutting runs, so a phrase is found without
// its punctuation or across a paragraph break (the ranges of wenxian/search/records.py's _JOIN).
const CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}";
const JOIN = new RegExp(`(?<=[${CJK}])[^\\p{L}\\p{N}]+(?=[${CJK}])`, "gu");
const ALL_CJK = new RegExp(`^[${CJK}]+$`, "u");
const PAGE = 10;
const CHECK = 40; // candidates checked at most per page of results (see `pageOnce`)
const HANT = location.pathname.includes("/hant/");
const T = HANT
  ? { search: "搜尋", facets: "篩選", all: "全部", region: "地區", topic: "主題", source: "來源", year: "年份", sort: "排序",
      author: "作者", tags: "主題", regions: "地區", foundIn: "在以下欄位找到：", results: "搜尋結果",
      relevance: "相關度", newest: "最新", oldest: "最早", more: "更多結果", none: "沒有找到符合的文章。",
      count: (n) => `共 ${n} 篇`, atLeast: (n) => `至少 ${n} 篇`, nodate: "日期不詳",
      checked: (n, all) => `已核對 ${n} / ${all} 篇候選`, copies: (n) => `${n} 個版本`, allCopies: "顯示所有版本",
      broken: (f, why) => `搜尋暫時無法使用：搜尋檔案 ${f} 無法載入（${why}）。請稍後再試，或告知網站維護者。`, placeholder: "輸入詞語,可用空格分隔多個詞,用引號搜尋整句" }
  : { search: "搜索", facets: "筛选", all: "全部", region: "地区", topic: "主题", source: "来源", year: "年份", sort: "排序",
      author: "作者", tags: "主题", regions: "地区", foundIn: "在以下字段找到：", results: "搜索结果",
      relevance: "相关度", newest: "最新", oldest: "最早", more: "更多结果", none: "没有找到符合的文章。",
      count: (n) => `共 ${n} 篇`, atLeast: (n) => `至少 ${n} 篇`, nodate: "日期不详",
      checked: (n, all) => `已核对 ${n} / ${all} 篇候选`, copies: (n) => `${n} 个版本`, allCopies: "显示所有版本",
      broken: (f, why) => `搜索暂时无法使用：搜索文件 ${f} 无法加载（${why}）。请稍后再试，或告知网站维护者。`, placeholder: "输入词语,可用空格分隔多个词,用引号搜索整句" };
const FILTERS = ["region", "topic", "source", "year"];

let foldMap = null;   // folded variant -> representative
let hantMap = null;   // representative -> traditional display form
let regionLabels = {}; // code -> [name, parent code]; loaded with the facet menus
let shards = [];      // [{name, path, count, first, last}] in date order (oldest first)
let pagefind = null;
let loading = null;   // the promise of load(), made once
let foldLoading = null; // the promise of loadFold(), made once
let facetsFilled = null; // the promise of fillFilters(), made once

// Pagefind, every shard's metadata and the fold table: what a search needs (about 300 KB at 20,000
// articles), loaded when the first search needs it, or when the reader starts typing (main).
const load = () => (loading ??= loadOnce());
// The fold table alone: the facet menus write names in the reader's script with it.
const loadFold = () => (foldLoading ??= fetchText("assets/search/fold.txt").then(parseFold));

/** A search file that cannot be used: the page says so instead of searching with wrong data. */
class LoadError extends Error {
  constructor(file, why) { super(`${file}: ${why}`); this.file = file; this.why = why; }
}

/** The text of a search file; a LoadError when the server refuses it (403, 404…). */
async function fetchText(path) {
  let r;
  try {
    r = await fetch(new URL(path, ROOT));
  } catch (e) {
    throw new LoadError(path, String(e.message || e));
  }
  if (!r.ok) throw new LoadError(path, `HTTP ${r.status}`);
  return r.text();
}

async function fetchJson(path, check) {
  const text = await fetchText(path);
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new LoadError(path, "not valid JSON");
  }
  if (!check(data)) throw new LoadError(path, "unexpected content");
  return data;
}

/** fold.txt (wenxian.search.browser_table): groups of two or more characters separated by single
 *  spaces, never ASCII (an HTML error page served in its place is refused). */
function parseFold(text) {
  if (text && !/^[^\x00-\x7f]{2,}( [^\x00-\x7f]{2,})*\n?$/u.test(text)) {
    throw new LoadError("assets/search/fold.txt", "unexpected content");
  }
  foldMap = new Map();
  hantMap = new Map();
  for (const group of text.trim() ? text.trim().split(" ") : []) {
    const [rep, disp, ...others] = Array.from(group);
    if (disp !== rep) { hantMap.set(rep, disp); foldMap.set(disp, rep); }
    for (const c of others) foldMap.set(c, rep);
  }
}

async function loadOnce() {
  const [, list, pf] = await Promise.all([
    loadFold(),
    fetchJson("assets/search/shards.json", (d) => d && Array.isArray(d.shards)),
    import(new URL("pagefind/pagefind.js", ROOT).href).catch((e) => { throw new LoadError("pagefind/pagefind.js", String(e.message || e)); }),
  ]);
  shards = list.shards;
  await pf.options({ basePath: new URL("pagefind/", ROOT).pathname, noWorker: true });
  // Pagefind takes its query language from <html lang> and, for zh, splits every query word
  // with Intl.Segmenter (扶贫 → 扶 + 贫). Our tokens are pre-cut, so it is started while the page
  // says "und", the language of our records (wenxian.search.LANGUAGE); then lang is restored.
  const html = document.documentElement;
  const lang = html.getAttribute("lang");
  html.setAttribute("lang", "und");
  try {
    await pf.init();
  } finally {
    if (lang === null) html.removeAttribute("lang"); else html.setAttribute("lang", lang);
  }
  // The other shards: only their entry file and metadata now, word chunks when a query needs them.
  const primary = new URL("pagefind/", ROOT).pathname;
  await Promise.all(shards.map((s) => new URL(s.path, ROOT).pathname).filter((p) => p !== primary)
    .map((p) => pf.mergeIndex(p, { language: "und" }).catch((e) => { throw new LoadError(p, String(e.message || e)); })));
  pagefind = pf;
}

// --- folding and tokens (mirror of wenxian/search/fold.py and wenxian/search/records.py) ---------------

function foldChar(ch) {
  let out = "";
  for (const c of ch.normalize("NFKC").toLowerCase()) out += foldMap.get(c) ?? c;
  return out;
}

/** Folded text as search matches it (separators between CJK ideographs dropped) and, for each of
 *  its UTF-16 indexes, where the original character starts and ends in `text`. */
function foldWithMap(text) {
  let f = "";
  const start = [];
  const end = [];
  let i = 0;
  for (const ch of text) {
    const fc = foldChar(ch);
    f += fc;
    for (let k = 0; k < fc.length; k++) { start.push(i); end.push(i + ch.length); }
    i += ch.length;
  }
  let s = "";
  const from = [];
  const to = [];
  let last = 0;
  const keep = (a, b) => { s += f.slice(a, b); for (let k = a; k < b; k++) { from.push(start[k]); to.push(end[k]); } };
  for (const m of f.matchAll(JOIN)) { keep(last, m.index); last = m.index + m[0].length; }
  keep(last, f.length);
  return { s, from, to };
}

function runsOf(folded) {
  const out = [];
  let cur = "";
  for (const c of folded.replace(JOIN, "")) {
    if (WORD.test(c)) cur += c;
    else if (cur) { out.push(cur); cur = ""; }
  }
  if (cur) out.push(cur);
  return out;
}

/** Lookups for one run: the run itself when it has one or two characters, else bigrams that
 *  cover it without overlap (转移就业 → 转移 + 就业). Each lookup is an index chunk to download;
 *  runs longer than two characters are verified against the text anyway. */
function tokensOf(run) {
  const cs = Array.from(run);
  if (cs.length <= 2) return [run];
  const out = [];
  for (let i = 0; i + 1 < cs.length; i += 2) out.push(cs[i] + cs[i + 1]);
  if (cs.length % 2) out.push(cs[cs.length - 2] + cs[cs.length - 1]);
  return out;
}

/** Terms of a query: unquoted words (each run its own AND term) and quoted phrases. */
export function parseQuery(q) {
  const terms = [];
  const re = /"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|『([^』]*)』?|(\S+)/gu;
  for (const m of (q || "").normalize("NFKC").matchAll(re)) {
    const quoted = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (quoted !== undefined) {
      const runs = runsOf(foldChar(quoted));
      if (runs.length) terms.push({ runs, phrase: true });
    } else {
      for (const run of runsOf(foldChar(m[5]))) terms.push({ runs: [run], phrase: false });
    }
  }
  return terms;
}

const spaced = (text) => " " + runsOf(foldChar(text)).join(" ") + " ";

/** The metadata a term may match instead of the text (wenxian.search.meta_values): [field, value,
 *  value as matched], each value on its own. */
function metaValues(m) {
  const out = [];
  const add = (field, v) => { if (v) out.push([field, v, spaced(v)]); };
  add("source", m.source);
  for (const a of (m.author || "").split("|")) add("author", a);
  for (const g of (m.tags || "").split("|")) add("tags", g);
  const names = new Set();
  for (const p of (m.regions || "").split("|")) for (const n of p.split("/")) if (n) names.add(n);
  for (const n of names) add("regions", n);
  return out;
}

/** Where the article has every term: [] when the text (title and body) has them all, else the
 *  [field, value] pairs of the metadata that hold the others; null when a term is nowhere.
 *  (runs separated by punctuation count as adjacent) */
function whereFound(m, terms) {
  const text = spaced(m.text || "");
  let values = null;
  const found = [];
  for (const t of terms) {
    const needle = t.runs.join(" ");
    if (text.includes(needle)) continue;
    values ??= metaValues(m);
    const hit = values.find((v) => v[2].includes(needle));
    if (!hit) return null;
    if (!found.some(([f, v]) => f === hit[0] && v === hit[1])) found.push([hit[0], hit[1]]);
  }
  return found;
}

// Every result is checked against the article text (grep semantics), whatever the length of the
// terms: Pagefind folds Latin diacritics (ā, é would find a, e) and matches one letter as a prefix.
// For terms that are one run of one or two CJK ideographs the index lookup is already exact, so
// the number of candidates is the number of results and can be shown before all are checked.
const exactLookup = (terms) => terms.every((t) => t.runs.length === 1 && Array.from(t.runs[0]).length <= 2 &&
  ALL_CJK.test(t.runs[0]));

// --- search --------------------------------------------------------------------------------------

/** Ordered candidate results for the state: [{id, data}], and whether they still need checking. */
async function candidates(state) {
  const filters = {};
  for (const f of FILTERS) if (state[f]) filters[f] = state[f];
  const terms = parseQuery(state.q);
  if (!terms.length && !Object.keys(filters).length) return { list: [], terms, verify: false, idle: true };
  const dir = state.sort === "newest" ? "desc" : state.sort === "oldest" ? "asc" : null;
  let list;
  if (!dir || shards.length < 2) {
    list = await matches(terms, filters, dir ? { date: dir } : {}, !dir);
    if (dir === "asc") list = await undatedLast([[shards[0]?.name, list]]);
  } else {
    // Shards are date ranges: their results, each sorted, concatenated in date order.
    const order = dir === "asc" ? shards : [...shards].reverse();
    const parts = await Promise.all(order.map((s) => matches(terms, { ...filters, shard: s.name }, { date: dir }, false)));
    list = dir === "asc" ? await undatedLast(order.map((s, i) => [s.name, parts[i]])) : parts.flat();
  }
  return { list, terms, verify: terms.length > 0, exact: terms.length === 0 || exactLookup(terms) };
}

let undated = null; // the promise of assets/search/undated.json: {shard name: [result ids]}

/** [shard name, results sorted by date ascending] in shard order → one list, undated articles
 *  last. Undated articles sort as 0000-00-00, which puts them last in the newest-first order and
 *  first in this one; the build lists their result ids per shard (hooks/search.py). */
async function undatedLast(parts) {
  const ids = await (undated ??= fetchJson("assets/search/undated.json", (d) => d && typeof d === "object"));
  const dated = [];
  const rest = [];
  for (const [name, list] of parts) {
    const set = new Set(ids[name] || []);
    for (const x of list) (set.has(x.id) ? rest : dated).push(x);
  }
  return dated.concat(rest);
}

/** Results that contain every token of the terms (all results when there are no terms), in the
 *  sort order, or by summed relevance when `relevance`. */
async function matches(terms, filters, sort, relevance) {
  if (!terms.length) return (await pagefind.search(null, { filters, sort })).results;
  const tokens = [...new Set(terms.flatMap((t) => t.runs.flatMap(tokensOf)))];
  // A bigram is looked up as an exact word ("…"): unquoted, Pagefind falls back to shorter
  // prefixes when a word is missing. A single character is looked up as a prefix, which finds
  // every bigram that starts with it. The unquoted search also gives the relevance scores.
  const exact = await Promise.all(tokens.map((tok) =>
    pagefind.search(Array.from(tok).length > 1 ? `"${tok}"` : tok, { filters, sort })));
  const sets = exact.map((r) => new Set(r.results.map((x) => x.id)));
  let list = exact[0].results.filter((x) => sets.every((m) => m.has(x.id)));
  if (relevance && list.length > 1) {
    const scored = await Promise.all(tokens.map((tok) => pagefind.search(tok, { filters })));
    const score = new Map();
    for (const r of scored) for (const x of r.results) score.set(x.id, (score.get(x.id) || 0) + x.score);
    list = list.map((x) => [score.get(x.id) || 0, x]).sort((a, b) => b[0] - a[0]).map((p) => p[1]);
  }
  return list;
}

// --- rendering -----------------------------------------------------------------------------------

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

/** Text in the reader's script (character by character; a display approximation). */
function toReader(text, script) {
  if (!text) return "";
  const map = HANT ? (script === "hant" ? null : hantMap) : (script === "hans" ? null : foldMap);
  if (!map) return text;
  let out = "";
  for (const c of text) out += map.get(c) ?? c;
  return out;
}

function excerpt(text, terms, script) {
  const { s, from, to } = foldWithMap(text);
  const ranges = [];
  for (const t of terms) {
    for (const run of t.runs) {
      let i = s.indexOf(run);
      while (i >= 0) { ranges.push([from[i], to[i + run.length - 1]]); i = s.indexOf(run, i + run.length); }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const bodyStart = text.indexOf("\n") + 1;
  const first = ranges.find((r) => r[0] >= bodyStart) || ranges[0];
  const start = Math.max(first ? first[0] - 40 : bodyStart, first && first[0] < bodyStart ? 0 : bodyStart);
  const end = Math.min(text.length, start + 140);
  let html = start > 0 ? "…" : "";
  let i = start;
  for (const [a, b] of ranges) {
    if (b <= i || a >= end) continue;
    const a2 = Math.max(a, i);
    html += esc(toReader(text.slice(i, a2), script)) + "<mark>" + esc(toReader(text.slice(a2, Math.min(b, end)), script)) + "</mark>";
    i = Math.min(b, end);
  }
  html += esc(toReader(text.slice(i, end), script)) + (end < text.length ? "…" : "");
  return html.replace(/\n/g, " ");
}

function articleUrl(id) {
  return new URL(`${HANT ? "hant/" : ""}articles/${encodeURIComponent(id)}/`, ROOT).href;
}

/** "Found in 来源 (…), 地区 (…)" for the terms a result matched in its metadata, not its text. */
function foundIn(where, script) {
  if (!where.length) return "";
  const parts = where.map(([f, v]) => `<span data-field="${f}">${T[f]}：${esc(toReader(v, f === "regions" || f === "tags" ? "hans" : script))}</span>`);
  return `<div class="wx-result__found" data-fields="${[...new Set(where.map((w) => w[0]))].join(" ")}">${T.foundIn}` +
    `${parts.join("；")}</div>`;
}

function renderResult(data, terms, where = [], copies = 0) {
  const m = data.meta;
  const li = document.createElement("li");
  li.className = "wx-result";
  li.dataset.id = m.id;
  // The build writes a field as the article pages in the other script do wherever converting it
  // character by character would differ (m.alt: wenxian.search.reader_forms).
  const other = m.script !== (HANT ? "hant" : "hans");
  const useAlt = (field) => m.alt?.[field] !== undefined && (field === "regions" ? HANT : other);
  const shown = (field, script) => (useAlt(field) ? m.alt[field] : toReader(m[field], script));
  const regions = (m.regions ? shown("regions", "hans").split("|") : []).map((p) => p.split("/").join(" / "));
  li.innerHTML =
    `<a class="wx-result__title" href="${esc(articleUrl(m.id))}">${esc(m.title ? shown("title", m.script) : m.id)}</a>` +
    `<div class="wx-result__meta"><span class="wx-result__date">${esc(m.date || T.nodate)}</span>` +
    (m.source ? ` · <span class="wx-result__source">${esc(shown("source", m.script))}</span>` : "") +
    (regions.length ? ` · <span class="wx-result__regions">${esc(regions.join(";"))}</span>` : "") +
    (copies > 1 ? ` · <a class="wx-result__copies" href="${esc(allCopiesUrl())}">${esc(T.copies(copies))}</a>` : "") +
    `</div>${foundIn(where, m.script)}<p class="wx-result__excerpt">${excerpt(m.text || "", terms, m.script)}</p>`;
  return li;
}

// --- page ----------------------------------------------------------------------------------------

/** This search with every copy of a story listed. */
function allCopiesUrl() {
  const p = new URLSearchParams(location.search);
  p.set("copies", "all");
  return `${location.pathname}?${p}`;
}

function readState() {
  const p = new URLSearchParams(location.search);
  const st = { q: p.get("q") || "", sort: p.get("sort") || "relevance", copies: p.get("copies") === "all" ? "all" : "" };
  for (const f of FILTERS) st[f] = p.get(f) || "";
  return st;
}

function writeState(st) {
  const p = new URLSearchParams();
  if (st.q) p.set("q", st.q);
  for (const f of FILTERS) if (st[f]) p.set(f, st[f]);
  if (st.sort && st.sort !== "relevance") p.set("sort", st.sort);
  if (st.copies === "all") p.set("copies", "all");
  const url = `${location.pathname}${p.toString() ? "?" + p : ""}`;
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
  keepStateOnSwitch();
}

/** The 简/繁 switch (overrides/main.html) leads to the twin search page with the same query,
 *  filters and sort. */
function keepStateOnSwitch() {
  for (const a of document.querySelectorAll(".wx-switch__link")) {
    const u = new URL(a.href, location.href);
    u.search = location.search;
    a.href = u.href;
  }
}

function option(value, label, selected) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  o.selected = value === selected;
  return o;
}

function regionOrder(codes) {
  // Tree order: each province, then its prefectures, each followed by its counties.
  const known = codes.filter((c) => regionLabels[c]);
  const children = (parent) => known.filter((c) => regionLabels[c][1] === parent).sort();
  const out = [];
  const walk = (parent, depth) => { for (const c of children(parent)) { out.push([c, depth]); walk(c, depth + 1); } };
  walk("", 0);
  for (const c of codes) if (!regionLabels[c]) out.push([c, 0]);
  return out;
}

/** Select `value` in a facet menu; a value the menu does not list yet (menus not filled) gets a
 *  placeholder option, so the form still submits the state it shows. */
function setFacet(sel, value) {
  if (value && ![...sel.options].some((o) => o.value === value)) sel.append(option(value, value, value));
  sel.value = value;
}

/** facets.json's shape: an object of value -> count (region: code cut to its level -> [name, count])
 *  for each menu; anything else (an HTML error page, a truncated file) is refused. */
const facetsShape = (d) => d && typeof d === "object" && FILTERS.every((f) => d[f] && typeof d[f] === "object" &&
  !Array.isArray(d[f]) && Object.values(d[f]).every((v) => f === "region" ? Array.isArray(v) && v.length === 2 : Number.isInteger(v)));

/** Fill the facet menus once (counts over the whole archive, the region tree, the reader's
 *  script), keeping whatever each menu has selected by then. */
function fillFilters(form) {
  return (facetsFilled ??= (async () => {
    // the fold table: names are written in the reader's script (not Pagefind: the menus need none)
    const [data] = await Promise.all([fetchJson("assets/search/facets.json", facetsShape), loadFold()]);
    // Region codes come cut to their level (2, 4 or 6 digits): the 12-digit code is the cut code
    // padded with zeros, its parent the code cut one level up (wenxian.search.facets).
    const all = { ...data, region: {} };
    regionLabels = {};
    for (const [cut, [name, n]] of Object.entries(data.region)) {
      const code = cut.padEnd(12, "0");
      all.region[code] = n;
      regionLabels[code] = [name, cut.length > 2 && cut.length <= 6 ? cut.slice(0, -2).padEnd(12, "0") : ""];
    }
    for (const f of FILTERS) {
      const sel = form.elements[f];
      const cur = sel.value;
      sel.replaceChildren(option("", T.all, cur));
      const values = Object.keys(all[f] || {});
      if (cur && !values.includes(cur)) values.push(cur);
      if (f === "region") {
        for (const [code, depth] of regionOrder(values)) {
          const name = regionLabels[code] ? toReader(regionLabels[code][0], "hans") : code;
          sel.append(option(code, "\u3000".repeat(depth) + name + (all[f]?.[code] ? ` (${all[f][code]})` : ""), cur));
        }
      } else {
        values.sort();
        if (f === "year") values.reverse();
        for (const v of values) sel.append(option(v, `${f === "year" ? v : toReader(v, "hans")}${all[f]?.[v] ? ` (${all[f][v]})` : ""}`, cur));
      }
    }
    form.querySelector(".wx-search__facets").dataset.filled = "1";
  })());
}

/** Say on the page that a search file failed to load (no search runs with partial data). */
let failure = null; // the first LoadError: once a file failed, no search result is shown

function showError(root, err) {
  failure ??= err;
  const status = root.querySelector(".wx-search__status");
  err = failure;
  const file = err instanceof LoadError ? err.file : "search";
  const why = err instanceof LoadError ? err.why : String(err?.message || err);
  status.textContent = T.broken(file, why);
  status.setAttribute("role", "alert");
  status.classList.add("wx-search__status--error");
  root.querySelector(".wx-search__results").replaceChildren();
  root.querySelector(".wx-search__more").hidden = true;
  root.dataset.state = "error";
}

/** Open the facet disclosure (its toggle event fills the menus). */
function openFacets(form) {
  const details = form.querySelector(".wx-search__facets");
  if (!details.open) details.open = true;
  else fillFilters(form).catch((e) => showError(form.parentElement, e));
}

function buildForm(root, st) {
  const form = document.createElement("form");
  form.className = "wx-search__form";
  form.setAttribute("role", "search"); // the page's one search landmark (the header box is none here)
  form.setAttribute("aria-label", T.search);
  form.innerHTML =
    `<div class="wx-search__row"><input type="search" name="q" class="wx-search__q" aria-label="${T.search}" placeholder="${esc(T.placeholder)}">` +
    `<button type="submit">${T.search}</button></div><div class="wx-search__row wx-search__filters">` +
    `<label>${T.sort} <select name="sort"><option value="relevance">${T.relevance}</option>` +
    `<option value="newest">${T.newest}</option><option value="oldest">${T.oldest}</option></select></label>` +
    `<label><input type="checkbox" name="copies" value="all"> ${T.allCopies}</label></div>` +
    `<details class="wx-search__facets"><summary>${T.facets}</summary><div class="wx-search__row wx-search__filters">` +
    FILTERS.map((f) => `<label>${T[f]} <select name="${f}"><option value="">${T.all}</option></select></label>`).join("") +
    `</div></details>`;
  form.elements.q.value = st.q;
  form.elements.sort.value = st.sort;
  form.elements.copies.checked = st.copies === "all";
  for (const f of FILTERS) setFacet(form.elements[f], st[f]);
  const details = form.querySelector(".wx-search__facets");
  details.addEventListener("toggle", () => { if (details.open) fillFilters(form).catch((e) => showError(root, e)); });
  root.append(form);
  return form;
}

let generation = 0;

async function runSearch(root, st) {
  const gen = ++generation;
  root.dataset.searches = String(gen);
  const status = root.querySelector(".wx-search__status");
  const list = root.querySelector(".wx-search__results");
  const more = root.querySelector(".wx-search__more");
  list.replaceChildren();
  more.hidden = true;
  root.dataset.state = "searching";
  let c;
  try {
    if (st.q || FILTERS.some((f) => st[f])) await load();
    c = await candidates(st);
  } catch (e) {
    if (gen === generation) showError(root, e);
    return;
  }
  if (gen !== generation) return;
  if (failure) return showError(root, failure);
  let next = 0;
  let shown = 0;
  let rejected = 0; // candidates that failed the check against the text
  // Copies of one story (a reprint group, wenxian.reprints) are listed once, where the first of
  // them comes in the order, with "N 个版本", unless the reader asks for every copy.
  const groupsShown = new Set();
  let collapsed = 0; // copies not listed because their group is
  // A page ends after PAGE results, or after CHECK candidates checked against their text (each
  // a fragment to download): a term the index cannot decide (longer than two characters) costs
  // at most CHECK fragments before the reader chooses to check more, whatever the archive's size.
  const pageOnce = async () => {
    root.dataset.state = "searching";
    let added = 0;
    let checked = 0;
    while (next < c.list.length && added < PAGE && checked < CHECK) {
      const batch = c.list.slice(next, next + Math.min(PAGE - added, CHECK - checked));
      next += batch.length;
      checked += batch.length;
      const datas = await Promise.all(batch.map((x) => x.data()));
      if (gen !== generation) return;
      if (failure) return showError(root, failure);
      for (const d of datas) {
        const where = c.verify ? whereFound(d.meta, c.terms) : [];
        if (!where) { rejected++; continue; }
        const group = st.copies === "all" ? null : d.meta.group;
        if (group && groupsShown.has(group)) { collapsed++; continue; }
        if (group) groupsShown.add(group);
        list.append(renderResult(d, c.terms, where, group ? d.meta.copies : 0));
        added++;
      }
    }
    shown += added;
    const done = next >= c.list.length;
    status.textContent = c.idle ? "" : shown === 0 && done ? T.none
      : done ? T.count(shown) : c.exact ? T.count(c.list.length - rejected - collapsed)
        : `${T.atLeast(shown)}（${T.checked(next, c.list.length)}）`;
    more.hidden = done;
    root.dataset.state = done ? "done" : "more";
    root.dataset.count = String(shown);
  };
  const page = () => pageOnce().catch((e) => { if (gen === generation) showError(root, e); });
  more.onclick = page;
  await page();
}

async function main() {
  const root = document.getElementById("wx-search");
  if (!root) return;
  const st = readState();
  const form = buildForm(root, st);
  root.insertAdjacentHTML("beforeend",
    `<p class="wx-search__status" aria-live="polite"></p><ol class="wx-search__results"></ol>` +
    `<button type="button" class="wx-search__more" hidden>${T.more}</button>`);
  // A facet in the URL: show its menu, filled, beside the search (which does not wait for it).
  if (FILTERS.some((f) => st[f])) openFacets(form);
  // Opened without a query, the page loads nothing of the index until the reader goes to the
  // search box (a search from the URL loads it at once, in runSearch): a visit that never
  // searches costs no index, and the first search usually finds it loaded. A file that fails to
  // load is reported by the search that needs it.
  form.elements.q.addEventListener("focus", () => load().catch(() => {}), { once: true });
  const submit = () => {
    const s = { q: form.elements.q.value.trim(), sort: form.elements.sort.value,
      copies: form.elements.copies.checked ? "all" : "" };
    for (const f of FILTERS) s[f] = form.elements[f].value;
    writeState(s);
    return runSearch(root, s);
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  // A menu searches when its choice is made: a click, or Enter / leaving the menu after arrowing
  // through it (Chromium fires `change` for every option the arrow keys pass over).
  form.elements.copies.addEventListener("change", submit);
  for (const f of [...FILTERS, "sort"]) {
    const sel = form.elements[f];
    let keyed = false;   // the last change came from the keyboard
    let pending = false; // a keyboard change not searched yet
    const commit = () => { if (pending) { pending = false; submit(); } };
    sel.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { if (pending) e.preventDefault(); commit(); return; }
      // keys that change a closed menu's value in place (not those that open its list: Space, Alt+↓)
      keyed = !e.altKey && (/^(Arrow|Home$|End$|Page)/.test(e.key) || (e.key.length === 1 && e.key !== " "));
    });
    sel.addEventListener("pointerdown", () => { keyed = false; });
    sel.addEventListener("change", () => { if (keyed) pending = true; else submit(); });
    sel.addEventListener("blur", () => { keyed = false; commit(); });
  }
  window.addEventListener("popstate", () => {
    const s = readState();
    form.elements.q.value = s.q;
    form.elements.sort.value = s.sort;
    form.elements.copies.checked = s.copies === "all";
    for (const f of FILTERS) setFacet(form.elements[f], s[f]);
    if (FILTERS.some((f) => s[f])) openFacets(form);
    keepStateOnSwitch();
    runSearch(root, s);
  });
  keepStateOnSwitch();
  root.dataset.ready = "1";
  await runSearch(root, st);
  // Arriving with a query (the header box, a bookmark): focus goes to the results, so the next Tab
  // is the first result rather than the whole header and form — unless the reader is elsewhere.
  if (st.q && (document.activeElement === document.body || !document.activeElement)) {
    const list = root.querySelector(".wx-search__results");
    list.tabIndex = -1;
    list.setAttribute("aria-label", T.results);
    list.focus({ preventScroll: true });
  }
}

main();
