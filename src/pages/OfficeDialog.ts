// The office dialogs' script: builds the form of the context's kind with DOM text only (user text is never markup) and calls the server.
import type { DialogEnterprise, DialogRequest, OfficeDialogContext } from '../domain/office-dialog';
import { OFFICE_CONTEXT_ID } from '../domain/office-dialog';
import { $, readContext, showBanner, showDone, whenParsed } from './dom';
import { closePage, serverClient } from './server';

const server = serverClient((message) => showBanner(message));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) node.append(c);
  return node;
}

/** A labelled control with its error line (`<key>-error`) under it. */
function field(key: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, required = true): HTMLElement {
  control.id = key;
  control.name = key;
  control.setAttribute('aria-describedby', `${key}-error`);
  const wrap = el('div', {}, el('label', { htmlFor: key }, label, required ? el('span', { className: 'required' }, ' *') : ''), control);
  wrap.append(el('div', { id: `${key}-error`, className: 'error' }));
  return wrap;
}

function showErrors(scope: HTMLElement, errors: Record<string, string>): void {
  const left: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const line = scope.querySelector<HTMLElement>(`[id="${key}-error"]`);
    const control = scope.querySelector<HTMLElement>(`[id="${key}"]`);
    if (line) line.textContent = message;
    else left.push(message);
    control?.setAttribute('aria-invalid', 'true');
  }
  showBanner(left.join('\n'));
}

function clearErrors(scope: HTMLElement): void {
  scope.querySelectorAll('.error').forEach((e) => (e.textContent = ''));
  scope.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  showBanner('');
}

/** Buttons stay disabled while the server works; a failure is shown by the client's one message. */
function call<T>(buttons: HTMLButtonElement[], sent: Promise<T>, onResult: (r: T) => void): void {
  for (const b of buttons) b.disabled = true;
  void sent.then((r) => {
    for (const b of buttons) b.disabled = false;
    onResult(r);
  });
}

function about(e: DialogEnterprise): void {
  const box = $('about');
  for (const line of [`企业名称：${e.name}`, `辖区：${e.district}`, `统一社会信用代码：${e.creditCode}`, `整改完成时限：${e.deadline || '（未填）'}`, `整改状态：${e.status || '（未填）'}`]) {
    box.append(el('p', {}, line));
  }
}

function requestForm(ctx: Extract<OfficeDialogContext, { kind: 'request' }>): void {
  about(ctx.enterprise);
  const date = el('input', { type: 'date', max: ctx.acceptBy });
  if (ctx.enterprise.deadline) date.min = ctx.enterprise.deadline;
  const reason = el('textarea', { rows: 5 });
  const submit = el('button', { type: 'submit', id: 'submit', className: 'action' }, '提交申请');
  const form = el('form', { noValidate: true }, field('newDeadline', '申请延期至', date), field('reason', '延期理由', reason), el('div', { className: 'actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    call([submit], server.requestExtension({ creditCode: ctx.enterprise.creditCode, newDeadline: date.value, reason: reason.value }), (r) => {
      if (!r.ok) return showErrors(form, r.errors);
      form.hidden = true;
      showDone(`已提交延期申请（申请延期至${date.value}），等待领导小组办公室审批。可以关闭本窗口。`);
    });
  });
  $('forms').append(form);
}

function requestCard(r: DialogRequest, index: number): HTMLElement {
  const opinion = el('textarea', { rows: 3 });
  const approve = el('button', { type: 'button', className: 'action' }, '批准');
  const reject = el('button', { type: 'button', className: 'action reject' }, '驳回');
  const key = `opinion-${index}`;
  const card = el(
    'section',
    { className: 'card' },
    el('p', {}, el('b', {}, `${r['辖区']}｜${r['企业名称']}`)),
    el('p', {}, `统一社会信用代码：${r['统一社会信用代码']}`),
    el('p', {}, `原整改完成时限：${r['原整改完成时限']}，申请延期至：${r['申请延期至']}`),
    el('p', {}, `理由：${r['理由']}`),
    el('p', {}, `申请人：${r['申请人']}，提交时间：${r['提交时间']}`),
    field(key, '审批意见（驳回时必填）', opinion, false),
    el('div', { className: 'actions' }, approve, reject),
  );
  const decide = (yes: boolean): void => {
    clearErrors(card);
    call([approve, reject], server.decideExtension({ creditCode: r['统一社会信用代码'], approve: yes, opinion: opinion.value }), (res) => {
      if (!res.ok) return showErrors(card, Object.fromEntries(Object.entries(res.errors).map(([k, v]) => [k === 'opinion' ? key : k, v])));
      card.replaceChildren(el('p', {}, `${r['辖区']}｜${r['企业名称']}：${yes ? `已批准，整改完成时限改为${r['申请延期至']}` : '已驳回，整改完成时限不变'}。`));
    });
  };
  approve.addEventListener('click', () => decide(true));
  reject.addEventListener('click', () => decide(false));
  return card;
}

function decideForm(ctx: Extract<OfficeDialogContext, { kind: 'decide' }>): void {
  $('about').append(el('p', {}, ctx.requests.length === 0 ? '目前没有待审批的延期申请。' : `待审批的延期申请共${ctx.requests.length}件（先提交的在前）：`));
  ctx.requests.forEach((r, i) => $('forms').append(requestCard(r, i)));
}

function acceptForm(ctx: Extract<OfficeDialogContext, { kind: 'accept' }>): void {
  about(ctx.enterprise);
  const date = el('input', { type: 'date', max: ctx.today, value: ctx.today });
  const departments = el('input', { type: 'text' });
  const opinion = el('textarea', { rows: 4 });
  const radio = (value: string, text: string): HTMLElement => el('label', { className: 'choice' }, el('input', { type: 'radio', name: 'passed', value }), text);
  const passed = el('div', { id: 'passed' }, el('label', {}, '验收结论', el('span', { className: 'required' }, ' *')), radio('yes', '通过（已验收销号）'), radio('no', '不通过（退回整改中）'));
  passed.append(el('div', { id: 'passed-error', className: 'error' }));
  const submit = el('button', { type: 'submit', id: 'submit', className: 'action' }, '记录验收结果');
  const form = el(
    'form',
    { noValidate: true },
    field('date', '验收日期', date),
    field('departments', '参加部门', departments),
    passed,
    field('opinion', '验收意见（不通过时必填）', opinion, false),
    el('div', { className: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const choice = form.querySelector<HTMLInputElement>('input[name="passed"]:checked')?.value;
    const payload = { creditCode: ctx.enterprise.creditCode, date: date.value, departments: departments.value, opinion: opinion.value, passed: choice === undefined ? null : choice === 'yes' };
    call([submit], server.recordAcceptance(payload), (r) => {
      if (!r.ok) return showErrors(form, r.errors);
      form.hidden = true;
      showDone(payload.passed ? `已记录验收通过：${ctx.enterprise.name}已验收销号（销号日期${date.value}）。` : `已记录验收不通过：${ctx.enterprise.name}退回整改中，辖区将在下一次提醒邮件中收到验收意见。`);
    });
  });
  $('forms').append(form);
}

function main(): void {
  const ctx = readContext<OfficeDialogContext>(OFFICE_CONTEXT_ID);
  $('close').addEventListener('click', () => closePage());
  if (ctx.kind === 'request') requestForm(ctx);
  else if (ctx.kind === 'decide') decideForm(ctx);
  else acceptForm(ctx);
}

whenParsed(main);
