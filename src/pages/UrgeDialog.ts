// The 立即催办 dialog's script: a tick per district, the email each would get, and the send through the typed server client.
import type { UrgeDialogContext } from '../domain/urge';
import { URGE_CONTEXT_ID } from '../domain/urge';
import { $, readContext, showBanner, showDone, whenParsed } from './dom';
import { closePage, serverClient } from './server';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function main(): void {
  const ctx = readContext<UrgeDialogContext>(URGE_CONTEXT_ID);
  for (const line of ctx.lines) $('lines').appendChild(el('p', line));
  const boxes: HTMLInputElement[] = [];
  ctx.districts.forEach((d, i) => {
    const label = el('label', '', 'pick');
    const box = el('input');
    box.type = 'checkbox';
    box.value = d.district;
    box.checked = d.ready;
    box.id = `pick-${i}`;
    label.append(box, ` ${d.district}`, el('span', d.status, 'state'));
    $('districts').appendChild(label);
    boxes.push(box);
    if (!d.mail) return;
    const { to, cc, subject, body } = d.mail;
    const mail = el('section', '', 'mail');
    mail.appendChild(el('h3', d.district));
    mail.appendChild(el('p', `收件人：${to || '（无）'}\n抄送：${cc || '（无）'}\n主题：${subject}`, 'meta'));
    // As text: whatever the sheet holds reaches the page as characters, never as markup.
    mail.appendChild(el('div', body, 'body'));
    mail.hidden = !box.checked;
    box.addEventListener('change', () => (mail.hidden = !box.checked));
    $('previews').appendChild(mail);
  });
  const submit = $<HTMLButtonElement>('submit');
  const idle = () => {
    submit.disabled = false;
    submit.textContent = '发送催办';
  };
  const server = serverClient((message) => {
    idle();
    showBanner(message);
  });
  $('close').addEventListener('click', closePage);
  $('urge-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const districts = boxes.filter((b) => b.checked).map((b) => b.value);
    if (districts.length === 0) {
      showBanner('请至少勾选一个辖区。');
      return;
    }
    showBanner('');
    submit.disabled = true;
    submit.textContent = '正在发送……';
    void server.sendUrgeNow({ districts }).then((result) => {
      idle();
      if (!result.ok) {
        showBanner(Object.values(result.errors).join('\n'));
        return;
      }
      $('urge-form').hidden = true;
      showDone([
        `已发送催办：${result.sent.join('、') || '无'}。`,
        ...result.skipped.map((s) => `未发送：${s.district}（${s.reason}）`),
        '详情已记入“操作日志”。可以关闭本窗口。',
      ].join('\n'));
    });
  });
}

whenParsed(main);
