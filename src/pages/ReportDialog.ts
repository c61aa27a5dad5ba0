// The 报送本季度进展 dialog's script: checks the 进展说明 as the server will, sends it through the typed server client, shows the answer.
import { NARRATIVE_MAX } from '../domain/contract';
import type { ReportDialogContext } from '../domain/report-dialog';
import { REPORT_CONTEXT_ID, narrativeProblem } from '../domain/report-dialog';
import { charCount } from '../domain/text';
import { $, readContext, showBanner, showDone, whenParsed } from './dom';
import { closePage, serverClient } from './server';

function showSummary(ctx: ReportDialogContext): void {
  const box = $('summary');
  for (const line of ctx.lines) {
    const p = document.createElement('p');
    p.textContent = line;
    box.appendChild(p);
  }
}

function setFieldError(message: string): void {
  const field = $<HTMLTextAreaElement>('narrative');
  $('narrative-error').textContent = message;
  field.setAttribute('aria-invalid', message ? 'true' : 'false');
}

function updateCount(): void {
  const n = charCount($<HTMLTextAreaElement>('narrative').value.trim());
  $('narrative-count').textContent = `${n} / ${NARRATIVE_MAX} 字`;
}

function main(): void {
  const ctx = readContext<ReportDialogContext>(REPORT_CONTEXT_ID);
  showSummary(ctx);
  const field = $<HTMLTextAreaElement>('narrative');
  const submit = $<HTMLButtonElement>('submit');
  field.placeholder = ctx.placeholder;
  updateCount();
  field.addEventListener('input', () => {
    updateCount();
    if ($('narrative-error').textContent) setFieldError(narrativeProblem(field.value));
  });
  $('close').addEventListener('click', closePage);
  const idle = () => {
    submit.disabled = false;
    submit.textContent = '确认报送';
  };
  const server = serverClient((message) => {
    idle();
    showBanner(message);
  });
  $('report-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = narrativeProblem(field.value);
    setFieldError(problem);
    showBanner('');
    if (problem) {
      field.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = '正在报送……';
    void server.submitQuarterReport({ district: ctx.district, narrative: field.value }).then((result) => {
      idle();
      if (result.ok) {
        $('report-form').hidden = true;
        showDone(`已报送“${ctx.district}”${result.quarter}进展（${result.onTime ? '按时' : '逾期'}）。可以关闭本窗口。`);
        return;
      }
      setFieldError(result.errors['narrative'] ?? '');
      showBanner(result.errors['_form'] ?? '');
    });
  });
}

whenParsed(main);
