// The preview page's script: draws the emulated workbook and sends the visitor's clicks and edits to the preview server.
'use strict';

const $ = (id) => document.getElementById(id);
const ui = { info: null, tab: null, view: null, selected: null, busy: false, seen: -1, posted: null, lastSelection: null, covered: new Map() };

const BUTTON_TEXT = { OK: '确定', CANCEL: '取消', YES: '是', NO: '否', CLOSE: '关闭' };
const BUTTON_SETS = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };

// A menu click answers with one JSON line per toast, sent while the script still runs, then the outcome.
async function apiStream(path, body, onToast) {
  const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok || !res.body) {
    const data = await res.json().catch(() => ({ error: `服务器返回 ${res.status}` }));
    throw new Error(data.error || `服务器返回 ${res.status}`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let outcome = null;
  for (;;) {
    const { done, value } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let at;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      if (!line.trim()) continue;
      const msg = JSON.parse(line);
      if (msg.toast) onToast(msg.toast);
      if (msg.outcome) outcome = msg.outcome;
      if (msg.ok === false) throw new Error(msg.error);
    }
    if (done) break;
  }
  if (!outcome) throw new Error('服务器没有返回结果');
  return outcome;
}

async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({ ok: false, error: `服务器返回 ${res.status}` }));
  if (!res.ok) throw new Error(data.error || `服务器返回 ${res.status}`);
  return data;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function columnLetter(c) {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---- modal: alerts the script showed, questions it asks --------------------------------------------------------

let modalQueue = Promise.resolve();

function modal({ title, text, note, buttons, input, labels }) {
  const run = () => new Promise((resolve) => {
    $('modal-title').textContent = title || '整治台账';
    $('modal-text').textContent = text || '';
    $('modal-note').textContent = note || '';
    $('modal-note').hidden = !note;
    const field = $('modal-input');
    field.hidden = !input;
    field.value = '';
    const box = $('modal-buttons');
    box.replaceChildren();
    const finish = (button) => {
      $('modal').hidden = true;
      document.removeEventListener('keydown', onKey);
      resolve(input ? { button, text: field.value } : button);
    };
    const onKey = (e) => {
      if (e.key === 'Escape') finish(buttons.includes('CANCEL') ? 'CANCEL' : 'CLOSE');
    };
    document.addEventListener('keydown', onKey);
    buttons.forEach((b, i) => box.append(el('button', { type: 'button', class: i === 0 ? 'primary' : '', 'data-button': b, text: (labels && labels[b]) || BUTTON_TEXT[b] || b, onclick: () => finish(b) })));
    $('modal').hidden = false;
    (input ? field : box.querySelector('.primary') || box.firstChild).focus();
  });
  const next = modalQueue.then(run);
  modalQueue = next.catch(() => undefined);
  return next;
}

const showAlert = (title, text, note) => modal({ title, text, note, buttons: ['OK'] });
const ask = (q) => modal({ title: q.title, text: q.prompt, buttons: BUTTON_SETS[q.buttons] || ['OK'], input: q.kind === 'prompt' });

function toast(title, message) {
  const node = el('div', { class: 'toast', role: 'status' }, el('strong', { text: title || '整治台账' }), el('span', { text: message }));
  $('toasts').append(node);
  setTimeout(() => node.remove(), 6000);
}

// ---- what the server says happened ------------------------------------------------------------------------------

async function handle(outcome) {
  // Toasts of a menu click were shown while it ran (apiStream).
  if (!outcome.streamed) for (const t of outcome.toasts || []) toast(t.title, t.message);
  if (outcome.page) openPage(outcome.page);
  if (outcome.mails) toast('发件箱', `发出了 ${outcome.mails} 封邮件，点右上角“发件箱”查看。`);
  await refresh();
  // A question (YES/NO, OK/CANCEL) was answered in the dialog already: only plain notices are shown here.
  for (const a of outcome.alerts || []) if (!a.buttons || a.buttons === 'OK') await showAlert(a.title, a.prompt);
  if (outcome.refusal) await showAlert(outcome.refusal.title, outcome.refusal.text);
  if (outcome.error) await showAlert('未能完成', outcome.error);
}

async function guarded(work) {
  if (ui.busy) return;
  ui.busy = true;
  document.body.classList.add('busy');
  try {
    await work();
  } catch (e) {
    await showAlert('预览出错', e.message || String(e));
  } finally {
    ui.busy = false;
    document.body.classList.remove('busy');
  }
}

// ---- state, menu, tabs ------------------------------------------------------------------------------------------

async function refresh() {
  ui.info = await api('/api/state');
  ui.seen = ui.info.version;
  const names = ui.info.tabs.map((t) => t.name);
  if (!names.includes(ui.tab)) ui.tab = names.includes(ui.info.active) ? ui.info.active : names[0];
  // The script moved the selection (range.activate(), e.g. to the row just saved): follow it, tab included.
  const selection = ui.info.selection;
  let follow = null;
  if (selection && selection !== ui.lastSelection && selection !== ui.posted) {
    const cut = selection.lastIndexOf('!');
    follow = { tab: selection.slice(0, cut), a1: selection.slice(cut + 1) };
    if (names.includes(follow.tab)) ui.tab = follow.tab;
  }
  ui.lastSelection = selection;
  renderTop();
  renderTabs();
  await loadSheet();
  if (follow && follow.tab === ui.tab) {
    const td = $('grid').querySelector(`td[data-a1="${follow.a1}"]`);
    if (td) {
      selectCell(td, false);
      td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }
  if (!$('outbox').hidden) await loadOutbox();
}

function shanghaiParts(iso) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(new Date(iso));
  const get = (t) => parts.find((p) => p.type === t).value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}` };
}

function renderTop() {
  const info = ui.info;
  const users = $('user');
  users.replaceChildren(...info.accounts.map((a) => el('option', { value: a, text: a === info.owner ? `${a}（办公室 · 表格所有者）` : a })));
  users.value = info.user;
  $('clock-now').textContent = `北京时间 ${info.nowText}`;
  const { date, time } = shanghaiParts(info.now);
  if (document.activeElement !== $('clock-date')) $('clock-date').value = date;
  if (document.activeElement !== $('clock-time')) $('clock-time').value = time;
  const daily = info.triggers.find((t) => t.type === 'CLOCK');
  $('daily').title = daily ? `每日定时任务 ${daily.handler}（${daily.creator} 安装，每天 ${daily.atHour} 时）` : '尚未安装自动任务';
  $('outbox-count').textContent = String(info.outbox);
  renderMenu(info.menu);
}

function menuList(items) {
  const list = el('ul', { class: 'menu-list', role: 'menu' });
  for (const item of items) {
    if (item.separator) list.append(el('li', { class: 'sep', role: 'separator' }));
    else if (item.items) {
      const sub = el('li', { class: 'submenu', role: 'none' }, el('button', { type: 'button', role: 'menuitem', 'aria-haspopup': 'true', text: `${item.caption} ▸`, onclick: (e) => { e.stopPropagation(); sub.classList.toggle('open'); } }), menuList(item.items));
      list.append(sub);
    } else {
      list.append(el('li', { role: 'none' }, el('button', { type: 'button', role: 'menuitem', 'data-caption': item.caption, text: item.caption, onclick: () => { closeMenus(); guarded(() => clickMenu(item.caption, [])); } })));
    }
  }
  return list;
}

function closeMenus() {
  document.querySelectorAll('.menu.open, .submenu.open').forEach((m) => m.classList.remove('open'));
}

function renderMenu(menus) {
  const bar = $('menubar');
  // A script that rebuilds its menu (a refused clerk's menu loses 管理) adds it again: the bar shows the latest one.
  const latest = [...new Map(menus.map((m) => [m.caption, m])).values()];
  bar.replaceChildren(...latest.map((m) => {
    const box = el('div', { class: 'menu' });
    box.append(el('button', { type: 'button', class: 'menu-title', 'aria-haspopup': 'true', text: m.caption, onclick: (e) => { e.stopPropagation(); const open = box.classList.contains('open'); closeMenus(); if (!open) box.classList.add('open'); } }), menuList(m.items));
    return box;
  }));
}

async function clickMenu(caption, answers, shown = { toasts: 0 }) {
  if (ui.selected) await api('/api/select', { tab: ui.tab, a1: ui.selected.a1 });
  // A question makes the preview run the item again with the answer (see session.ts): the toasts it showed before
  // the question come again then, and are not shown twice.
  let seen = 0;
  const outcome = await apiStream('/api/menu', { caption, answers }, (t) => {
    seen += 1;
    if (seen > shown.toasts) {
      toast(t.title, t.message);
      shown.toasts = seen;
    }
  });
  if (outcome.question) {
    const answer = await ask(outcome.question);
    return clickMenu(caption, [...answers, answer], shown);
  }
  await handle(outcome);
}

function renderTabs() {
  const bar = $('tabbar');
  bar.replaceChildren(...ui.info.tabs.map((t) => {
    const b = el('button', { type: 'button', role: 'tab', class: t.name === ui.tab ? 'tab active' : 'tab', 'aria-selected': t.name === ui.tab ? 'true' : 'false', 'data-tab': t.name, text: t.name, onclick: () => guarded(() => openTab(t.name)) });
    if (t.color) b.style.borderTopColor = t.color;
    return b;
  }));
}

async function openTab(name) {
  ui.tab = name;
  ui.selected = null;
  ui.posted = `${name}!A1`;
  await api('/api/select', { tab: name, a1: 'A1' });
  renderTabs();
  await loadSheet();
  showCell(null);
}

// ---- the grid ---------------------------------------------------------------------------------------------------

async function loadSheet() {
  ui.view = await api(`/api/sheet?name=${encodeURIComponent(ui.tab)}`);
  renderGrid();
  if (ui.selected) {
    const cell = cellAt(ui.selected.r, ui.selected.c);
    showCell({ ...ui.selected, cell });
  }
}

const ROW_HEADER_WIDTH = 44;

function cellAt(r, c) {
  return (ui.view.cells[r - 1] || [])[c - 1] || null;
}

function renderGrid() {
  const v = ui.view;
  const table = $('grid');
  table.replaceChildren();
  const covered = new Set();
  const spans = new Map();
  ui.covered = new Map();
  for (const m of v.merges) {
    spans.set(`${m.row}:${m.col}`, m);
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) {
        if (r !== m.row || c !== m.col) {
          covered.add(`${r}:${c}`);
          ui.covered.set(`${r}:${c}`, { r: m.row, c: m.col });
        }
      }
    }
  }
  // Frozen columns stay put while the grid scrolls sideways: each sits at the sum of the widths before it.
  const frozenLeft = [ROW_HEADER_WIDTH];
  for (let c = 1; c <= v.frozenCols; c++) frozenLeft.push(frozenLeft[c - 1] + v.widths[c - 1]);
  const freeze = (node, c) => {
    if (c > v.frozenCols) return node;
    node.classList.add('frozen-col');
    if (c === v.frozenCols) node.classList.add('frozen-edge');
    node.style.left = `${frozenLeft[c - 1]}px`;
    return node;
  };
  const col = (w) => {
    const node = el('col');
    node.style.width = `${w}px`;
    return node;
  };
  // The sheet's own widths, however narrow: a column too narrow for its text shows as too narrow.
  const cols = el('colgroup', {}, col(ROW_HEADER_WIDTH), ...v.widths.map((w) => col(w)));
  const head = el('thead');
  head.append(el('tr', { class: 'letters' }, el('th', { class: 'corner' }), ...v.widths.map((_, i) => freeze(el('th', { text: columnLetter(i + 1) }), i + 1))));
  const bodyRows = el('tbody');
  for (let r = 1; r <= v.rows; r++) {
    const tr = el('tr', {}, el('th', { class: 'rownum', text: String(r) }));
    for (let c = 1; c <= v.cols; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = cellAt(r, c);
      const a1 = `${columnLetter(c)}${r}`;
      const td = freeze(el('td', { 'data-a1': a1, 'data-r': r, 'data-c': c }), c);
      const span = spans.get(`${r}:${c}`);
      if (span) {
        td.rowSpan = span.rows;
        td.colSpan = span.cols;
      }
      if (cell) {
        td.textContent = cell.t;
        if (cell.bg) td.style.backgroundColor = cell.bg;
        if (cell.fc) td.style.color = cell.fc;
        if (cell.b) td.style.fontWeight = '600';
        if (cell.i) td.style.fontStyle = 'italic';
        if (cell.al) td.style.textAlign = cell.al.toLowerCase();
        if (cell.wrap) td.classList.add('wrap');
        if (cell.list) td.classList.add('has-list');
        if (cell.note) {
          td.classList.add('has-note');
          td.title = cell.note;
        }
      }
      tr.append(td);
    }
    (r <= v.frozenRows ? head : bodyRows).append(tr);
  }
  // An explicit width makes table-layout: fixed hold: each column is exactly as wide as the sheet says.
  table.style.width = `${ROW_HEADER_WIDTH + v.widths.reduce((a, b) => a + b, 0)}px`;
  table.append(cols, head, bodyRows);
  const note = $('grid-note');
  note.hidden = v.totalRows <= v.rows;
  note.textContent = v.totalRows > v.rows ? `此表共 ${v.totalRows} 行，预览只显示前 ${v.rows} 行。` : '';
  if (ui.selected) table.querySelector(`td[data-a1="${ui.selected.a1}"]`)?.classList.add('selected');
  renderCharts();
}

$('grid').addEventListener('click', (e) => {
  const td = e.target.closest('td');
  if (!td) return;
  selectCell(td);
});
$('grid').addEventListener('dblclick', (e) => {
  const td = e.target.closest('td');
  if (!td) return;
  selectCell(td);
  (!$('fx-select').hidden ? $('fx-select') : $('fx-input')).focus();
});

function selectCell(td, tell = true) {
  document.querySelectorAll('#grid td.selected').forEach((x) => x.classList.remove('selected'));
  td.classList.add('selected');
  const r = Number(td.dataset.r);
  const c = Number(td.dataset.c);
  ui.selected = { r, c, a1: td.dataset.a1 };
  showCell({ ...ui.selected, cell: cellAt(r, c) });
  if (tell) {
    ui.posted = `${ui.tab}!${td.dataset.a1}`;
    api('/api/select', { tab: ui.tab, a1: td.dataset.a1 }).catch(() => undefined);
  }
}

/** The cell `dr` rows and `dc` columns away, as the arrow keys move in Sheets (a merged block counts as one cell). */
function moveSelection(dr, dc) {
  if (!ui.selected || !ui.view) return;
  let { r, c } = ui.selected;
  const anchor = ui.covered.get(`${r}:${c}`) || { r, c };
  const span = ui.view.merges.find((m) => m.row === anchor.r && m.col === anchor.c);
  if (dr > 0 && span) r = span.row + span.rows - 1;
  if (dc > 0 && span) c = span.col + span.cols - 1;
  r = Math.min(Math.max(1, r + dr), ui.view.rows);
  c = Math.min(Math.max(1, c + dc), ui.view.cols);
  const target = ui.covered.get(`${r}:${c}`) || { r, c };
  const td = $('grid').querySelector(`td[data-r="${target.r}"][data-c="${target.c}"]`);
  if (!td) return;
  selectCell(td);
  td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

const editing = () => !$('fx-select').hidden ? $('fx-select') : $('fx-input');
const inField = (t) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

document.addEventListener('keydown', (e) => {
  if (!$('modal').hidden) return;
  if (e.key === 'Escape') {
    closeMenus();
    if (inField(e.target) && e.target.closest('#formulabar')) {
      // Escape drops what was typed: the cell keeps its content.
      showCell(ui.selected ? { ...ui.selected, cell: cellAt(ui.selected.r, ui.selected.c) } : null);
      e.target.blur();
      e.preventDefault();
    }
    return;
  }
  if (inField(e.target) || !ui.selected || $('sheet-area').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
  // Keys belong to the grid only while nothing else (a menu button, a tab) has the focus.
  if (!(e.target === document.body || (e.target instanceof Element && e.target.closest('#grid-wrap')))) return;
  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, e.shiftKey ? -1 : 1] };
  if (moves[e.key]) {
    e.preventDefault();
    moveSelection(...moves[e.key]);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    editing().focus();
  } else if (e.key.length === 1 && $('fx-select').hidden) {
    // Typing on a selected cell replaces its content, as in Sheets.
    e.preventDefault();
    $('fx-input').value = e.key;
    $('fx-input').focus();
  }
});

/** Tab-separated text (what Sheets and Excel put on the clipboard) as rows of cells; a final line break ends no row. */
function parseClipboard(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

document.addEventListener('paste', (e) => {
  if (inField(e.target) || !ui.selected || $('sheet-area').hidden) return;
  const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
  if (text === '') return;
  e.preventDefault();
  const grid = parseClipboard(text);
  guarded(() => send('/api/paste', { tab: ui.tab, a1: ui.selected.a1, grid }));
});

function showCell(sel) {
  const input = $('fx-input');
  const select = $('fx-select');
  $('fx-a1').textContent = sel ? sel.a1 : '—';
  const cell = sel && sel.cell;
  const list = cell && cell.list;
  input.hidden = Boolean(list);
  select.hidden = !list;
  input.value = cell ? cell.t : '';
  input.placeholder = cell && cell.date ? 'YYYY-MM-DD' : '';
  if (list) {
    select.replaceChildren(el('option', { value: '', text: '（清空）' }), ...list.map((v) => el('option', { value: v, text: v })));
    select.value = list.includes(cell.t) ? cell.t : '';
  }
  const help = [cell && cell.note ? `批注：${cell.note}` : '', cell && cell.help ? `填写说明：${cell.help}` : ''].filter(Boolean).join('　');
  $('fx-help').textContent = help;
  $('fx-help').title = help;
}

/** A hand edit or paste; on a warning-only protected range Sheets asks first, and 取消 leaves everything as it was. */
async function send(path, body) {
  let outcome = await api(path, body);
  if (outcome.warning) {
    const w = outcome.warning;
    const answer = await modal({ title: w.title, text: w.text, buttons: ['OK', 'CANCEL'], labels: { OK: w.ok, CANCEL: w.cancel } });
    if (answer !== 'OK') {
      await refresh();
      return false;
    }
    outcome = await api(path, { ...body, confirmed: true });
  }
  await handle(outcome);
  return outcome.ok;
}

async function commitEdit(moveDown) {
  if (!ui.selected) return;
  const value = $('fx-select').hidden ? $('fx-input').value : $('fx-select').value;
  const saved = await send('/api/edit', { tab: ui.tab, a1: ui.selected.a1, value });
  // Enter moves to the cell below once the edit is in, as in Sheets.
  if (saved && moveDown) {
    document.activeElement.blur();
    moveSelection(1, 0);
  }
}

$('fx-save').addEventListener('click', () => guarded(() => commitEdit(false)));
$('fx-input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') guarded(() => commitEdit(true));
});
$('fx-select').addEventListener('change', () => guarded(() => commitEdit(false)));

// ---- charts: the chart's data range drawn as a stacked column chart ---------------------------------------------

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// Axis steps of 1, 2 or 5 times a power of ten: counts of enterprises read as whole numbers.
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || 10 * power;
  return Math.max(1, step);
}

function chartSvg(chart) {
  const W = 460, H = 280, left = 40, top = 34, bottom = 60, right = 12;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': chart.title || '图表' });
  root.append(svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff', stroke: '#dadce0' }));
  root.append(svg('text', { x: W / 2, y: 20, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 600 }, chart.title));
  const totals = chart.categories.map((_, i) => chart.stacked ? chart.series.reduce((s, x) => s + (x.values[i] || 0), 0) : Math.max(0, ...chart.series.map((x) => x.values[i] || 0)));
  const step = niceStep(Math.max(1, ...totals) / 4);
  const max = Math.ceil(Math.max(1, ...totals) / step) * step;
  const plotH = H - top - bottom;
  const plotW = W - left - right;
  const slot = plotW / Math.max(1, chart.categories.length);
  const barW = chart.stacked ? Math.min(60, slot * 0.6) : Math.min(60, slot * 0.8) / Math.max(1, chart.series.length);
  for (let value = 0; value <= max + 1e-9; value += step) {
    const y = top + plotH - (plotH * value) / max;
    root.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, stroke: '#eee' }));
    root.append(svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#666' }, String(Math.round(value * 100) / 100)));
  }
  chart.categories.forEach((cat, i) => {
    let base = top + plotH;
    const x0 = left + slot * i + (slot - (chart.stacked ? barW : barW * chart.series.length)) / 2;
    chart.series.forEach((s, k) => {
      const v = s.values[i] || 0;
      const h = (plotH * v) / max;
      const color = chart.colors[k] || ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc'][k % 5];
      const x = chart.stacked ? x0 : x0 + barW * k;
      const y = chart.stacked ? base - h : top + plotH - h;
      if (h > 0) {
        const bar = svg('rect', { x, y, width: barW, height: h, fill: color });
        bar.append(svg('title', {}, `${cat} · ${s.name}：${v}`));
        root.append(bar);
      }
      if (chart.stacked) base -= h;
    });
    root.append(svg('text', { x: left + slot * i + slot / 2, y: top + plotH + 14, 'text-anchor': 'middle', 'font-size': 11 }, cat));
  });
  let lx = left;
  const ly = H - 22;
  chart.series.forEach((s, k) => {
    const color = chart.colors[k] || ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc'][k % 5];
    root.append(svg('rect', { x: lx, y: ly - 9, width: 10, height: 10, fill: color }));
    const label = svg('text', { x: lx + 13, y: ly, 'font-size': 10 }, s.name);
    root.append(label);
    lx += 20 + s.name.length * 11;
  });
  return root;
}

function renderCharts() {
  const layer = $('charts');
  layer.replaceChildren();
  for (const chart of ui.view.charts) {
    const anchor = $('grid').querySelector(`td[data-r="${chart.row}"][data-c="${chart.col}"]`);
    const box = el('div', { class: 'chart', 'data-chart': chart.id });
    box.append(chartSvg(chart));
    box.style.left = `${anchor ? anchor.offsetLeft : 0}px`;
    box.style.top = `${anchor ? anchor.offsetTop : 0}px`;
    layer.append(box);
  }
}

// ---- sidebars and dialogs ---------------------------------------------------------------------------------------

function openPage(page) {
  $('side-title').textContent = page.kind === 'dialog' ? `对话框：${page.title}` : page.title;
  $('side-frame').src = `/page/${page.id}`;
  $('side-panel').hidden = false;
  $('side-panel').dataset.kind = page.kind;
}

function closePage() {
  $('side-panel').hidden = true;
  $('side-frame').src = 'about:blank';
}

$('side-close').addEventListener('click', closePage);

// A sidebar's google.script.run calls change the workbook behind the page's back: poll while one is open.
// A sidebar's google.script.run calls and the outbox: mail sent by them shows up without a click.
async function poll() {
  if (($('side-panel').hidden && $('outbox').hidden) || ui.busy) return;
  const news = await api('/api/poll');
  if (news.close) closePage();
  const changed = news.version !== ui.seen;
  ui.seen = news.version;
  if (news.outcomes.length > 0) {
    await guarded(async () => {
      for (const outcome of news.outcomes) await handle(outcome);
    });
  } else if (changed) await guarded(refresh);
}
setInterval(() => poll().catch(() => undefined), 700);

// ---- outbox -----------------------------------------------------------------------------------------------------

let mailsSeen = null;
async function loadOutbox() {
  const mails = await api('/api/outbox');
  const list = $('mail-list');
  const before = mailsSeen;
  mailsSeen = mails.length;
  list.replaceChildren(...mails.slice().reverse().map((m) => el('li', {}, el('button', { type: 'button', class: before !== null && m.id > before ? 'mail new' : 'mail', 'data-mail': m.id, onclick: () => showMail(m) },
    el('strong', { text: m.subject || '（无主题）' }), el('span', { text: `收件人 ${m.to}${m.cc ? ` · 抄送 ${m.cc}` : ''}` }), el('time', { text: m.atText })))));
}

function showMail(m) {
  document.querySelectorAll('#mail-list .mail.current').forEach((x) => x.classList.remove('current'));
  document.querySelector(`#mail-list .mail[data-mail="${m.id}"]`)?.classList.add('current');
  $('mail-head').replaceChildren(
    el('h3', { text: m.subject || '（无主题）' }),
    el('p', { text: `发件人：${m.from}` }),
    el('p', { text: `收件人：${m.to}` }),
    // replaceChildren writes a null as the text "null": a mail without cc (the digest) leaves the line out.
    ...(m.cc ? [el('p', { text: `抄送：${m.cc}` })] : []),
    el('p', { text: `时间：${m.atText}（北京时间）` }),
  );
  const frame = $('mail-frame');
  frame.hidden = false;
  frame.src = `/mail/${m.id}`;
}

$('outbox-toggle').addEventListener('click', () => guarded(async () => {
  const show = $('outbox').hidden;
  $('outbox').hidden = !show;
  $('sheet-area').hidden = show;
  $('formulabar').classList.toggle('dim', show);
  $('outbox-toggle').classList.toggle('active', show);
  if (show) await loadOutbox();
}));

// ---- user, clock, reset -----------------------------------------------------------------------------------------

$('user').addEventListener('change', () => guarded(async () => handle(await api('/api/user', { email: $('user').value }))));

$('clock-set').addEventListener('click', () => guarded(async () => {
  const date = $('clock-date').value.trim();
  const time = $('clock-time').value.trim() || '09:00';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return showAlert('调整时间', '日期请按 YYYY-MM-DD 填写，例如 2022-07-08。');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return showAlert('调整时间', '时间请按 24 小时制 HH:MM 填写，例如 09:00 或 17:30。');
  await handle(await api('/api/clock', { iso: `${date}T${time}:00+08:00` }));
  toast('模拟时钟', `现在是北京时间 ${ui.info.nowText}`);
}));

$('daily').addEventListener('click', () => guarded(async () => {
  const outcome = await api('/api/daily', {});
  if (outcome.ok && !outcome.mails) toast('每日任务', '已运行：汇总已刷新，今天没有新的提醒邮件。');
  await handle(outcome);
}));

$('reset').addEventListener('click', () => guarded(async () => {
  const answer = await modal({ title: '重置演示数据', text: '丢弃预览中的所有修改、邮件和时钟，恢复初始演示数据？', buttons: ['OK', 'CANCEL'] });
  if (answer !== 'OK') return;
  closePage();
  await handle(await api('/api/reset', {}));
  toast('重置', '已恢复初始演示数据。');
}));

document.addEventListener('click', (e) => {
  if (!e.target.closest('.menu')) closeMenus();
});

guarded(refresh);
