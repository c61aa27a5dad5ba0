// The preview page's script: draws the emulated workbook and sends the visitor's clicks and edits to the preview server.
'use strict';

const $ = (id) => document.getElementById(id);
const ui = { info: null, tab: null, view: null, selected: null, busy: false, seen: -1 };

const BUTTON_TEXT = { OK: '确定', CANCEL: '取消', YES: '是', NO: '否', CLOSE: '关闭' };
const BUTTON_SETS = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };

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

function modal({ title, text, note, buttons, input }) {
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
    buttons.forEach((b, i) => box.append(el('button', { type: 'button', class: i === 0 ? 'primary' : '', 'data-button': b, text: BUTTON_TEXT[b] || b, onclick: () => finish(b) })));
    $('modal').hidden = false;
    (input ? field : box.firstChild).focus();
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
  for (const t of outcome.toasts || []) toast(t.title, t.message);
  if (outcome.page) openPage(outcome.page);
  if (outcome.mails) toast('发件箱', `发出了 ${outcome.mails} 封邮件，点右上角“发件箱”查看。`);
  await refresh();
  for (const a of outcome.alerts || []) {
    const note = a.answer && a.answer !== 'OK' ? `（您的回答：${BUTTON_TEXT[a.answer] || a.answer}）` : '';
    await showAlert(a.title, a.prompt, note);
  }
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
  renderTop();
  renderTabs();
  await loadSheet();
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
  bar.replaceChildren(...menus.map((m) => {
    const box = el('div', { class: 'menu' });
    box.append(el('button', { type: 'button', class: 'menu-title', 'aria-haspopup': 'true', text: m.caption, onclick: (e) => { e.stopPropagation(); const open = box.classList.contains('open'); closeMenus(); if (!open) box.classList.add('open'); } }), menuList(m.items));
    return box;
  }));
}

async function clickMenu(caption, answers) {
  if (ui.selected) await api('/api/select', { tab: ui.tab, a1: ui.selected.a1 });
  const outcome = await api('/api/menu', { caption, answers });
  if (outcome.question) {
    const answer = await ask(outcome.question);
    return clickMenu(caption, [...answers, answer]);
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

function cellAt(r, c) {
  return (ui.view.cells[r - 1] || [])[c - 1] || null;
}

function renderGrid() {
  const v = ui.view;
  const table = $('grid');
  table.replaceChildren();
  const covered = new Set();
  const spans = new Map();
  for (const m of v.merges) {
    spans.set(`${m.row}:${m.col}`, m);
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);
  }
  const col = (w) => {
    const node = el('col');
    node.style.width = `${w}px`;
    return node;
  };
  const cols = el('colgroup', {}, col(44), ...v.widths.map((w) => col(Math.max(30, w))));
  const head = el('thead');
  head.append(el('tr', { class: 'letters' }, el('th', { class: 'corner' }), ...v.widths.map((_, i) => el('th', { text: columnLetter(i + 1) }))));
  const bodyRows = el('tbody');
  for (let r = 1; r <= v.rows; r++) {
    const tr = el('tr', {}, el('th', { class: 'rownum', text: String(r) }));
    for (let c = 1; c <= v.cols; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = cellAt(r, c);
      const a1 = `${columnLetter(c)}${r}`;
      const td = el('td', { 'data-a1': a1, 'data-r': r, 'data-c': c });
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

function selectCell(td) {
  document.querySelectorAll('#grid td.selected').forEach((x) => x.classList.remove('selected'));
  td.classList.add('selected');
  const r = Number(td.dataset.r);
  const c = Number(td.dataset.c);
  ui.selected = { r, c, a1: td.dataset.a1 };
  showCell({ ...ui.selected, cell: cellAt(r, c) });
  api('/api/select', { tab: ui.tab, a1: td.dataset.a1 }).catch(() => undefined);
}

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

async function commitEdit() {
  if (!ui.selected) return;
  const value = $('fx-select').hidden ? $('fx-input').value : $('fx-select').value;
  const outcome = await api('/api/edit', { tab: ui.tab, a1: ui.selected.a1, value });
  if (!outcome.ok && outcome.error && !(outcome.alerts || []).length) {
    await refresh();
    await showAlert('无法输入', outcome.error);
    return;
  }
  await handle(outcome);
}

$('fx-save').addEventListener('click', () => guarded(commitEdit));
$('fx-input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') guarded(commitEdit);
});
$('fx-select').addEventListener('change', () => guarded(commitEdit));

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
async function poll() {
  if ($('side-panel').hidden || ui.busy) return;
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

async function loadOutbox() {
  const mails = await api('/api/outbox');
  const list = $('mail-list');
  list.replaceChildren(...mails.slice().reverse().map((m) => el('li', {}, el('button', { type: 'button', class: 'mail', 'data-mail': m.id, onclick: () => showMail(m) },
    el('strong', { text: m.subject || '（无主题）' }), el('span', { text: `收件人 ${m.to}${m.cc ? ` · 抄送 ${m.cc}` : ''}` }), el('time', { text: m.atText })))));
}

function showMail(m) {
  document.querySelectorAll('#mail-list .mail.current').forEach((x) => x.classList.remove('current'));
  document.querySelector(`#mail-list .mail[data-mail="${m.id}"]`)?.classList.add('current');
  $('mail-head').replaceChildren(
    el('h3', { text: m.subject || '（无主题）' }),
    el('p', { text: `发件人：${m.from}` }),
    el('p', { text: `收件人：${m.to}` }),
    m.cc ? el('p', { text: `抄送：${m.cc}` }) : null,
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
  const date = $('clock-date').value;
  const time = $('clock-time').value || '09:00';
  if (!date) return showAlert('调整时间', '请先选择日期。');
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
