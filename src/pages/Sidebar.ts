// The enterprise sidebar's script: builds the form from the contract, validates with the server's own schema, saves through the typed server client.
import { dayOf } from '../domain/calendar-day';
import { CATEGORIES, CLOSED_STATUS, CONFIG_DEFAULTS, DEFAULT_DISTRICTS, INDUSTRIES, INITIAL_STATUS, LAND_TENURES, RELOCATION, STATUSES, TOWNS, UPPER_HEADER, YES_NO } from '../domain/contract';
import type { PayloadKey } from '../domain/contract';
import { normaliseCreditCode } from '../domain/credit-code';
import { FIELD_LABELS, PAYLOAD_KEYS, crossFieldProblems, validateEnterprise } from '../domain/enterprise';
import type { FieldNotes } from '../domain/enterprise';
import { AREA_LABEL, AREA_REQUIRED, FORM_CONTEXT_ID, areaProblem, composeRemarks, splitRemarks } from '../domain/sidebar-form';
import type { FormContext, OpenedEnterprise } from '../domain/sidebar-form';
import { RELOAD_HINT } from '../domain/concurrency';
import type { RawPayload } from '../domain/ledger-row';
import { $, readContext, showBanner, whenParsed } from './dom';
import { closePage, serverClient, type Answer } from './server';

type SaveResult = Answer<'submitEnterprise'> | Answer<'updateEnterprise'>;

type Control = 'text' | 'textarea' | 'select' | 'date' | 'number';
type SlotKey = PayloadKey | 'area';

interface FieldSpec {
  key: SlotKey;
  control: Control;
  options?: readonly string[];
  required?: boolean;
  hint?: string;
  placeholder?: string;
}

/** A section of the template's header; `optional` fields sit in a collapsed 选填 block at its end. */
interface Section {
  title: string;
  fields: FieldSpec[];
  optional: FieldSpec[];
}

const groupTitle = (letter: string): string => UPPER_HEADER.find((h) => h.letter === letter)?.text ?? '';

// The template's two sections (企业基本信息 C–M, 环保问题整改 N–S) with the add-on's 跟踪管理 columns joining the second;
// the fields a clerk may leave empty are folded away until needed.
function sections(ctx: FormContext): Section[] {
  const [basic, rectify, tracking] = groups(ctx);
  const isOptional = (f: FieldSpec): boolean => !f.required;
  const second = [...rectify!.fields, ...tracking!.fields];
  return [
    { title: basic!.title, fields: basic!.fields.filter((f) => !isOptional(f)), optional: basic!.fields.filter(isOptional) },
    { title: `${rectify!.title}、${tracking!.title}`, fields: second.filter((f) => !isOptional(f)), optional: second.filter(isOptional) },
  ];
}

function groups(ctx: FormContext): { title: string; fields: FieldSpec[] }[] {
  return [
    {
      title: groupTitle('C'),
      fields: [
        { key: 'district', control: 'select', options: ctx.districts, required: true },
        { key: 'name', control: 'text', required: true },
        { key: 'address', control: 'text', required: true },
        { key: 'creditCode', control: 'text', required: true, hint: '18位，末位为校验码', placeholder: '如 91511700MA62XXXXXX' },
        { key: 'industry', control: 'select', options: INDUSTRIES, required: true },
        { key: 'employees', control: 'number', required: true },
        { key: 'landTenure', control: 'select', options: LAND_TENURES, required: true },
        { key: 'safetyAssessment', control: 'select', options: YES_NO, required: true },
        { key: 'energyReview', control: 'select', options: YES_NO, required: true },
        { key: 'eiaApproval', control: 'text', required: true, placeholder: '没有请填“无”' },
        { key: 'dischargePermit', control: 'text', required: true, placeholder: '没有请填“无”' },
        { key: 'onlineMonitoring', control: 'select', options: YES_NO, required: true },
      ],
    },
    {
      title: groupTitle('N'),
      fields: [
        { key: 'problems', control: 'textarea', required: true },
        { key: 'measures', control: 'textarea', required: true },
        { key: 'category', control: 'select', options: CATEGORIES, required: true },
        { key: 'area', control: 'number', required: true },
        { key: 'deadline', control: 'date', required: true, hint: `不晚于 ${ctx.acceptBy}` },
        { key: 'progress', control: 'textarea' },
        { key: 'remarks', control: 'textarea' },
      ],
    },
    {
      title: groupTitle('T'),
      fields: [
        { key: 'status', control: 'select', options: STATUSES, required: true },
        { key: 'town', control: 'select', options: TOWNS, required: true },
        { key: 'closedOn', control: 'date', hint: `仅整改状态为“${CLOSED_STATUS}”时填写` },
      ],
    },
  ];
}

const fieldId = (key: SlotKey): string => `f-${key}`;
const errorId = (key: SlotKey): string => `e-${key}`;
const noteId = (key: SlotKey): string => `n-${key}`;
const labelOf = (key: SlotKey): string => (key === 'area' ? AREA_LABEL : FIELD_LABELS[key]);
type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const input = (key: SlotKey): Input => $<Input>(fieldId(key));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function control(spec: FieldSpec, ctx: FormContext): Input {
  const attrs: Record<string, string> = { id: fieldId(spec.key), name: spec.key };
  if (spec.required) attrs['aria-required'] = 'true';
  if (spec.hint) attrs['aria-describedby'] = `h-${spec.key}`;
  if (spec.control === 'select') {
    const select = el('select', attrs);
    const keepsDefault = spec.key === 'status' || spec.key === 'district';
    if (!keepsDefault) select.append(el('option', { value: '' }, '请选择'));
    for (const o of spec.options ?? []) select.append(el('option', { value: o }, o));
    return select;
  }
  if (spec.control === 'textarea') return el('textarea', { ...attrs, rows: '2' });
  const type = spec.control === 'number' ? 'number' : spec.control;
  const field = el('input', { ...attrs, type });
  if (spec.control === 'number') {
    field.setAttribute('min', '0');
    field.setAttribute('step', spec.key === 'area' ? 'any' : '1');
    field.setAttribute('inputmode', spec.key === 'area' ? 'decimal' : 'numeric');
  }
  if (spec.key === 'deadline') field.setAttribute('max', ctx.acceptBy);
  if (spec.key === 'creditCode') {
    field.setAttribute('maxlength', '24');
    field.setAttribute('autocomplete', 'off');
    field.setAttribute('spellcheck', 'false');
  }
  if (spec.placeholder) field.setAttribute('placeholder', spec.placeholder);
  return field;
}

function fieldBlock(spec: FieldSpec, ctx: FormContext): HTMLElement {
  const wrap = el('div', { class: 'field', id: `w-${spec.key}` });
  const label = el('label', { for: fieldId(spec.key) }, labelOf(spec.key));
  if (spec.required) label.append(el('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
  wrap.append(label, control(spec, ctx));
  if (spec.hint) wrap.append(el('div', { class: 'hint', id: `h-${spec.key}` }, spec.hint));
  wrap.append(el('div', { class: 'error', id: errorId(spec.key), 'aria-live': 'polite' }));
  // A note (提示) does not stop the save: shown apart from errors, in its own colour and words.
  wrap.append(el('div', { class: 'note', id: noteId(spec.key) }));
  return wrap;
}

function render(ctx: FormContext): SlotKey[] {
  const host = $('groups');
  const order: SlotKey[] = [];
  sections(ctx).forEach((section, i) => {
    const fieldset = el('fieldset', { id: `s-${i + 1}` });
    fieldset.append(el('legend', {}, section.title));
    for (const spec of section.fields) {
      order.push(spec.key);
      fieldset.append(fieldBlock(spec, ctx));
    }
    if (section.optional.length > 0) {
      const more = el('details', { class: 'optional', id: `o-${i + 1}` });
      more.append(el('summary', { id: `sum-${i + 1}` }, `选填：${section.optional.map((f) => labelOf(f.key)).join('、')}`));
      for (const spec of section.optional) {
        order.push(spec.key);
        more.append(fieldBlock(spec, ctx));
      }
      fieldset.append(more);
    }
    host.append(fieldset);
  });
  return order;
}

/** The form as the sidebar opens without the server's context block (a preview): the default districts and plan dates. */
function previewContext(): FormContext {
  const districts = DEFAULT_DISTRICTS.map((d) => d.district);
  return { mode: 'add', districts, editable: null, district: districts[0] ?? '', acceptBy: CONFIG_DEFAULTS.acceptBy, today: dayOf(new Date()), enterprise: null, office: false };
}

class EnterpriseForm {
  readonly touched = new Set<SlotKey>();
  notes: FieldNotes = {};
  readonly order: SlotKey[];
  saving = false;
  /** Every call the form makes; a call that fails ends the saving state and shows the client's one failure message. */
  readonly server = serverClient((message) => {
    this.setSaving(false);
    this.banner(message);
  });

  constructor(readonly ctx: FormContext) {
    this.order = render(ctx);
    this.setUpDistrict();
    if (ctx.enterprise) this.fill();
    else input('status').value = INITIAL_STATUS;
    if (!ctx.office) this.clerkOnly();
    this.toggleArea();
    this.openFilledOptional();
    $('enterprise-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    for (const key of this.order) {
      const field = input(key);
      field.addEventListener('blur', () => {
        // Codes pasted from Chinese documents arrive full-width or in lower case; show what will be saved.
        if (key === 'creditCode' && !(field as HTMLInputElement).readOnly) field.value = normaliseCreditCode(field.value);
        this.leave(key);
      });
      field.addEventListener('change', () => {
        if (key === 'category') this.toggleArea();
        this.leave(key);
      });
    }
    $('close').addEventListener('click', closePage);
    const where = ctx.enterprise
      ? `“${ctx.enterprise.district}”第${ctx.enterprise.row}行${ctx.enterprise.serial === null ? '' : `（序号${ctx.enterprise.serial}）`}`
      : '';
    const readOnly = this.readOnlyReason();
    $('intro').textContent =
      readOnly !== null
        ? `正在查看${where}。${readOnly}`
        : ctx.mode === 'edit' && ctx.enterprise
          ? `正在编辑${where}。统一社会信用代码和辖区不能修改。`
          : '带 * 的为必填项。保存前会逐项检查，保存后表格会选中新增的行。';
    $('intro').classList.toggle('readonly', readOnly !== null);
    if (readOnly !== null) this.makeReadOnly();
    // The enterprise's whole history (操作日志, 延期, 验收) opens in the 企业档案 dialog over the sheet.
    const code = ctx.mode === 'edit' ? ctx.enterprise?.creditCode : undefined;
    if (code) {
      const link = $('dossier');
      link.hidden = false;
      link.addEventListener('click', () => void this.server.showDossier(code));
    }
  }

  /**
   * A clerk sees only what a clerk may do (contract §10): no 已验收销号 choice, no 销号日期, and in edit mode the
   * deadline read-only with a 申请延期 link (the office's dialog of that name).
   */
  clerkOnly(): void {
    const status = input('status') as HTMLSelectElement;
    for (const option of Array.from(status.options)) if (option.value === CLOSED_STATUS && status.value !== CLOSED_STATUS) option.remove();
    $('w-closedOn').hidden = true;
    const e = this.ctx.enterprise;
    if (this.ctx.mode !== 'edit' || !e) return;
    const deadline = input('deadline') as HTMLInputElement;
    deadline.readOnly = true;
    deadline.setAttribute('aria-readonly', 'true');
    const link = el('a', { href: '#', target: '_top', id: 'ask-extension' }, '申请延期');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void this.server.menuRequestExtension(e.creditCode);
    });
    $('w-deadline').append(el('div', { class: 'hint' }, '整改完成时限只能由领导小组办公室调整，如需延期请点：'), link);
  }

  /** Why this account may only look at the enterprise (another district's, or closed), or null when it may edit. */
  readOnlyReason(): string | null {
    const { ctx } = this;
    if (ctx.mode !== 'edit' || !ctx.enterprise) return null;
    if (!ctx.office && ctx.enterprise.status === CLOSED_STATUS) return `该企业已于${ctx.enterprise.closedOn || '此前'}验收销号，辖区只能查看、不能修改。如确需更正，请联系领导小组办公室。`;
    if (ctx.editable === null) return null;
    if (ctx.editable.includes(ctx.enterprise.district)) return null;
    const own = ctx.editable.length > 0 ? `您的账号只能修改“${ctx.editable.join('”“')}”的企业` : '您的账号不是任何辖区的编辑账号';
    return `这家企业属于“${ctx.enterprise.district}”，${own}，所以只能查看、不能保存。如需修改，请联系${ctx.enterprise.district}的填报人员或领导小组办公室。`;
  }

  makeReadOnly(): void {
    for (const key of this.order) {
      const field = input(key);
      if (field instanceof HTMLSelectElement) field.disabled = true;
      else field.readOnly = true;
      field.setAttribute('aria-readonly', 'true');
    }
    for (const more of Array.from(document.querySelectorAll<HTMLDetailsElement>('details.optional'))) more.open = true;
    $('save').hidden = true;
    $('enterprise-form').setAttribute('aria-readonly', 'true');
  }

  /** An optional block opens when one of its fields holds something or has an error. */
  openFilledOptional(errors: Partial<Record<SlotKey | '_form', string>> = {}): void {
    for (const key of this.order) {
      const more = $(`w-${key}`).closest('details');
      if (more && (input(key).value.trim() !== '' || errors[key] !== undefined)) more.open = true;
    }
  }

  setUpDistrict(): void {
    const select = input('district') as HTMLSelectElement;
    const { ctx } = this;
    const allowed = ctx.mode === 'edit' && ctx.enterprise ? [ctx.enterprise.district] : ctx.editable && ctx.editable.length > 0 ? ctx.editable : ctx.districts;
    for (const option of Array.from(select.options)) if (!allowed.includes(option.value)) option.remove();
    select.value = allowed.includes(ctx.district) ? ctx.district : (allowed[0] ?? '');
    if (ctx.mode === 'edit') select.disabled = true;
    if (ctx.mode === 'add' && ctx.editable && ctx.editable.length === 0) {
      this.banner('您的账号不是任何辖区的编辑账号，保存会被拒绝。如需开通，请联系领导小组办公室在“配置”中添加。');
    }
  }

  fill(): void {
    const e = this.ctx.enterprise!;
    for (const key of PAYLOAD_KEYS) input(key).value = String(e[key] ?? '');
    if (e.category === RELOCATION) {
      const { area, rest } = splitRemarks(e.remarks);
      input('area').value = area;
      input('remarks').value = rest;
    }
    const code = input('creditCode') as HTMLInputElement;
    code.readOnly = true;
    code.setAttribute('aria-readonly', 'true');
  }

  relocating(): boolean {
    return input('category').value === RELOCATION;
  }

  toggleArea(): void {
    $('w-area').hidden = !this.relocating();
  }

  payload(): RawPayload {
    const text = Object.fromEntries(PAYLOAD_KEYS.map((key) => [key, input(key).value])) as Record<PayloadKey, string>;
    const employees = text.employees.trim();
    const count = input('employees') as HTMLInputElement;
    return {
      ...text,
      employees: count.validity.badInput ? '?' : /^\d+$/.test(employees) ? Number(employees) : employees,
      remarks: composeRemarks(text.remarks, input('area').value, this.relocating()),
    };
  }

  /** The schema's answer, with the 搬迁升级 area rule shown on the area field the user actually fills. */
  check(): Partial<Record<SlotKey | '_form', string>> {
    const payload = this.payload();
    const result = validateEnterprise(payload, { districts: this.ctx.districts, acceptBy: this.ctx.acceptBy, today: this.ctx.today });
    this.notes = result.notes;
    const errors: Partial<Record<SlotKey | '_form', string>> = result.ok ? {} : { ...result.errors };
    // The rules across two fields are asked for directly: the form must show them with the rest, on the first save,
    // whatever else the schema stopped at.
    for (const p of crossFieldProblems(payload)) errors[p.key] ??= p.message;
    // The browser empties a date input holding an impossible day (02-30): say so rather than "请填写".
    for (const key of ['deadline', 'closedOn'] as const) {
      if ((input(key) as HTMLInputElement).validity.badInput) errors[key] = `${FIELD_LABELS[key]}不是有效日期（该日期不存在），请重新选择`;
    }
    return this.onArea(errors);
  }

  onArea(errors: Partial<Record<SlotKey | '_form', string>>): Partial<Record<SlotKey | '_form', string>> {
    if (!this.relocating()) return errors;
    const area = input('area').value;
    const bad = areaProblem(area) ?? ((input('area') as HTMLInputElement).validity.badInput ? areaProblem('?') : null);
    if (bad) errors.area = bad;
    else if (errors.remarks && area.trim() === '') {
      errors.area = AREA_REQUIRED;
      delete errors.remarks;
    }
    return errors;
  }

  leave(key: SlotKey): void {
    this.touched.add(key);
    this.show(this.check(), (k) => this.touched.has(k));
  }

  show(errors: Partial<Record<SlotKey | '_form', string>>, visible: (k: SlotKey) => boolean): void {
    for (const key of this.order) {
      const message = visible(key) ? errors[key] : undefined;
      const field = input(key);
      const slot = $(errorId(key));
      slot.textContent = message ?? '';
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== errorId(key));
      if (message) {
        field.setAttribute('aria-invalid', 'true');
        described.push(errorId(key));
      } else field.removeAttribute('aria-invalid');
      if (described.length) field.setAttribute('aria-describedby', described.join(' '));
      else field.removeAttribute('aria-describedby');
      $(`w-${key}`).classList.toggle('invalid', Boolean(message));
      const note = !message && key !== 'area' && visible(key) ? this.notes[key] : undefined;
      $(noteId(key)).textContent = note ? `提示：${note}` : '';
    }
  }

  firstError(errors: Partial<Record<SlotKey | '_form', string>>): SlotKey | undefined {
    return this.order.find((k) => errors[k] !== undefined && !$(`w-${k}`).hidden);
  }

  /** Every problem at once: the count and a list of links to the fields, above the form. */
  summarise(errors: Partial<Record<SlotKey | '_form', string>>, lead: string): void {
    const keys = this.order.filter((k) => errors[k] !== undefined && !$(`w-${k}`).hidden);
    const box = showBanner(lead.replace('{n}', String(keys.length)), 'error');
    const list = el('ul', { class: 'error-list' });
    for (const key of keys) {
      const item = el('li');
      const link = el('a', { href: `#${fieldId(key)}`, 'data-field': key }, `${labelOf(key)}：${errors[key] ?? ''}`);
      link.addEventListener('click', (e) => {
        e.preventDefault();
        this.reveal(key);
      });
      item.append(link);
      list.append(item);
    }
    if (keys.length > 0) box.append(list);
  }

  /** Focuses a field and scrolls it to the middle, clear of the sticky 保存 bar (see .field scroll-margin). */
  reveal(key: SlotKey): void {
    const more = $(`w-${key}`).closest('details');
    if (more) more.open = true;
    const field = input(key);
    field.focus({ preventScroll: true });
    $(`w-${key}`).scrollIntoView({ block: 'center' });
  }

  banner(message: string, kind: 'error' | 'ok' = 'error'): void {
    showBanner(message, kind);
  }

  submit(): void {
    if (this.saving) return;
    this.banner('');
    $('status').textContent = '';
    for (const key of this.order) this.touched.add(key);
    const errors = this.check();
    this.show(errors, () => true);
    this.openFilledOptional(errors);
    const first = this.firstError(errors);
    if (first) {
      this.summarise(errors, '还有{n}项需要修改，请查看标红的字段：');
      this.reveal(first);
      return;
    }
    this.setSaving(true);
    const payload = this.payload();
    const e = this.ctx.enterprise;
    const saved = this.ctx.mode === 'edit' && e
      ? this.server.updateEnterprise(payload, { creditCode: e.creditCode, district: e.district, version: e.version ?? null, values: opened(e) })
      : this.server.submitEnterprise(payload);
    void saved.then((result) => this.answered(result));
  }

  setSaving(saving: boolean): void {
    this.saving = saving;
    const button = $<HTMLButtonElement>('save');
    button.disabled = saving;
    button.textContent = saving ? '正在保存…' : '保存';
    $('enterprise-form').setAttribute('aria-busy', String(saving));
  }

  answered(result: SaveResult | null): void {
    this.setSaving(false);
    if (!result || typeof result !== 'object') {
      this.banner('保存结果未知：服务器没有返回可识别的结果。请在表格中核对后再试。');
      return;
    }
    if (!result.ok) {
      const errors = this.onArea({ ...result.errors });
      this.show(errors, (k) => errors[k] !== undefined);
      this.openFilledOptional(errors);
      const first = this.firstError(errors);
      const others = Object.keys(errors).filter((k) => k !== '_form' && !this.order.includes(k as SlotKey));
      const general = [errors._form ?? '', ...others.map((k) => errors[k as SlotKey] ?? '')].filter(Boolean).join(' ');
      if (first) {
        this.summarise(errors, general ? `${general} 另有{n}项需要修改：` : '保存未成功，{n}项需要修改：');
        this.reveal(first);
      } else this.banner(general);
      if (this.ctx.mode === 'edit' && general.includes(RELOAD_HINT)) this.offerReload();
      return;
    }
    const where = `“${result.district}”第${result.row}行${result.serial === null ? '' : `（序号${result.serial}）`}`;
    const notes = Object.values(result.notes ?? {});
    const noted = notes.length > 0 ? ` 另有${notes.length}处提示请核对：${notes.join('；')}` : '';
    if (this.ctx.mode === 'edit') {
      this.banner(`已保存修改：${where}。${noted}`, 'ok');
      return;
    }
    this.banner(`已保存到${where}，表格已选中该行。可以继续新增下一家企业。${noted}`, 'ok');
    this.reset();
  }

  /** After a refused save over someone else's change: 重新载入 fills the form with the row as it is now. */
  offerReload(): void {
    const e = this.ctx.enterprise;
    if (!e) return;
    const button = el('button', { type: 'button', id: 'reload', class: 'secondary' }, '重新载入');
    button.addEventListener('click', () => {
      button.disabled = true;
      void this.server.getEnterprise(e.creditCode).then((fresh) => {
        if (!fresh) {
          this.banner(`找不到统一社会信用代码为 ${e.creditCode} 的企业，它可能已被删除。请关闭侧边栏后重新选中。`);
          return;
        }
        this.ctx.enterprise = fresh;
        this.fill();
        this.toggleArea();
        this.openFilledOptional();
        this.banner('已载入该企业的最新内容，请核对后再修改、保存。', 'ok');
      });
    });
    $('form-message').append(' ', button);
  }

  reset(): void {
    const district = input('district').value;
    ($('enterprise-form') as HTMLFormElement).reset();
    input('district').value = district;
    input('status').value = INITIAL_STATUS;
    this.touched.clear();
    this.toggleArea();
    this.show({}, () => false);
    for (const more of Array.from(document.querySelectorAll<HTMLDetailsElement>('details.optional'))) more.open = false;
    input('name').focus();
  }
}

/** The payload fields the form opened, sent back with a save so a refusal can say what changed since. */
function opened(e: OpenedEnterprise): Partial<RawPayload> {
  return Object.fromEntries(PAYLOAD_KEYS.map((k) => [k, e[k]])) as Partial<RawPayload>;
}

function start(): void {
  // the form wires its own listeners; nothing else needs a handle on it
  new EnterpriseForm(readContext<FormContext>(FORM_CONTEXT_ID, previewContext));
}

whenParsed(start);
