// The 企业档案 dialog's script: renders the record and the events handed over by the server, filters by kind, orders them.
import { FIELD_LABELS, PAYLOAD_KEYS } from '../domain/enterprise';
import { DOSSIER_DATA_ID, EVENT_KINDS, filterKinds, newestFirst } from '../domain/dossier';
import type { DossierEvent, DossierView, EventKind } from '../domain/dossier';
import { whenParsed } from './dom';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

const byId = (id: string): HTMLElement => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e;
};

function readData(): DossierView {
  const block = document.getElementById(DOSSIER_DATA_ID);
  return JSON.parse(block?.textContent ?? 'null') as DossierView;
}

function renderRecord(view: DossierView): void {
  const e = view.enterprise;
  byId('d-name').textContent = e.name || '（未填企业名称）';
  byId('d-sub').textContent = `${e.creditCode}　${e.district}${view.row ? ` 第${view.row}行` : ''}${view.serial !== null ? `　序号${view.serial}` : ''}`;
  const dl = byId('d-record');
  for (const key of PAYLOAD_KEYS) {
    dl.append(el('dt', FIELD_LABELS[key]), el('dd', String(e[key] ?? '')));
  }
}

function renderEvents(view: DossierView): void {
  const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('#d-kinds input'));
  const kinds = boxes.filter((b) => b.checked).map((b) => b.value as EventKind);
  const order = (byId('d-order') as HTMLSelectElement).value;
  // Every kind present has a box, so unticking them all shows nothing (filterKinds reads [] as all).
  const chosen = kinds.length === 0 ? [] : filterKinds(view.events, kinds);
  const shown: DossierEvent[] = order === 'oldest' ? chosen : newestFirst(chosen);
  const body = byId('d-events').querySelector('tbody') as HTMLTableSectionElement;
  body.replaceChildren(
    ...shown.map((ev) => {
      const tr = el('tr');
      tr.className = `kind-${ev.kind}`;
      tr.append(el('td', ev.at), el('td', ev.kind), el('td', ev.action), el('td', ev.field), el('td', ev.oldValue, 'old'), el('td', ev.newValue, 'new'), el('td', ev.account));
      if (ev.note) {
        const action = tr.children[2] as HTMLElement;
        action.append(el('div', ev.note, 'note'));
      }
      return tr;
    }),
  );
  byId('d-count').textContent = `（显示${shown.length}条，共${view.events.length}条）`;
  (byId('d-empty') as HTMLElement).hidden = shown.length > 0;
}

function start(): void {
  const view = readData();
  renderRecord(view);
  const kinds = byId('d-kinds');
  for (const kind of EVENT_KINDS) {
    const count = view.events.filter((e) => e.kind === kind).length;
    if (count === 0) continue;
    const box = el('input');
    box.type = 'checkbox';
    box.value = kind;
    box.checked = true;
    box.addEventListener('change', () => renderEvents(view));
    const label = el('label');
    label.append(box, document.createTextNode(`${kind}（${count}）`));
    kinds.append(label);
  }
  byId('d-order').addEventListener('change', () => renderEvents(view));
  renderEvents(view);
}

whenParsed(start);
