// `npm run deploy [-- --script-id ID]`: refuse without a script id or a clasp login, else check, build, test and `clasp push -f`, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// clasp reads its project file from the working directory, and so do we: npm runs scripts from the package root.
const root = process.cwd();
const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';
// The deployer's own project file: git ignores it, so the tracked .clasp.json keeps its placeholder.
const LOCAL = '.clasp.local.json';
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;

function refuse(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

function parseArgs(argv) {
  const args = { scriptId: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--script-id') args.scriptId = argv[(i += 1)] ?? '';
    else if (a.startsWith('--script-id=')) args.scriptId = a.slice('--script-id='.length);
    else {
      refuse([
        `✗ 不认识的参数 ${a} / unknown option ${a}`,
        '用法 / usage: npm run deploy [-- --script-id <脚本 ID / script id>]',
      ]);
    }
  }
  if (args.scriptId !== undefined) {
    const id = (args.scriptId ?? '').trim();
    if (!SCRIPT_ID.test(id)) {
      refuse([
        `✗ --script-id 后面的「${id}」不像脚本 ID / "${id}" after --script-id does not look like a script id`,
        '脚本 ID 在表格的 扩展程序 → Apps Script → 项目设置（齿轮图标）→ “脚本 ID” 中，形如 1AbC…（几十个字母、数字、- 或 _）。没有推送任何文件。',
        'It is under Extensions → Apps Script → Project Settings → Script ID. Nothing was pushed.',
      ]);
    }
    args.scriptId = id;
  }
  return args;
}

/** The project file to push with: .clasp.local.json when present, else .clasp.json; or why neither will do. */
function projectFile() {
  const local = join(root, LOCAL);
  const file = existsSync(local) ? local : join(root, '.clasp.json');
  const name = existsSync(local) ? LOCAL : '.clasp.json';
  if (!existsSync(file)) return { problem: '找不到 .clasp.json / .clasp.json not found' };
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { problem: `${name} 不是合法的 JSON / ${name} is not valid JSON (${e.message})` };
  }
  const id = typeof config?.scriptId === 'string' ? config.scriptId.trim() : '';
  if (id === '') return { problem: `${name} 中没有 scriptId / ${name} has no scriptId` };
  if (id === PLACEHOLDER) {
    return { problem: `${name} 中的 scriptId 仍是占位符 ${PLACEHOLDER} / the scriptId in ${name} is still the placeholder` };
  }
  // Apps Script ids are long URL-safe base64 strings; anything else is a paste gone wrong.
  if (!SCRIPT_ID.test(id)) return { problem: `${name} 中的 scriptId「${id}」不像脚本 ID / the scriptId "${id}" in ${name} does not look like a script id` };
  if (config.rootDir !== undefined && resolve(root, config.rootDir) !== resolve(root, 'dist')) {
    return { problem: `${name} 的 rootDir 必须是 dist / the rootDir in ${name} must be dist` };
  }
  return { name, id, local: name === LOCAL };
}

// Where clasp 3 keeps its credentials: --auth / clasp_config_auth (a file or a folder holding .clasprc.json), else ~/.clasprc.json.
function authFile() {
  const configured = process.env.clasp_config_auth;
  if (configured) {
    const p = resolve(configured);
    return existsSync(p) && statSync(p).isDirectory() ? join(p, '.clasprc.json') : p;
  }
  return join(homedir(), '.clasprc.json');
}

// Decided offline from the credential file: `clasp show-authorized-user` asks Google for the email, which needs the network.
function loggedIn() {
  const file = authFile();
  if (!existsSync(file)) return false;
  let store;
  try {
    store = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  const v3 = store?.tokens && Object.values(store.tokens).some((t) => t && typeof t === 'object');
  const v1 = Boolean(store?.token?.refresh_token || store?.refresh_token || store?.access_token);
  return Boolean(v3 || v1);
}

/**
 * The browser tests exercise the preview and the sidebar in Chromium; what clasp pushes is already covered by the
 * emulator tests, so without a browser they are skipped (and said so) rather than blocking a deployment.
 */
function browserAvailable() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH);
  if (existsSync('/usr/bin/chromium')) return true;
  const packaged = join(root, 'node_modules', '@sparticuz', 'chromium', 'bin', 'chromium.br');
  return process.platform === 'linux' && process.arch === 'x64' && existsSync(packaged);
}

function step(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    refuse([
      '',
      `✗ ${title}失败，已停止，没有推送任何文件。/ ${title} failed (${why}); stopped, nothing was pushed.`,
    ]);
  }
}

const args = parseArgs(process.argv.slice(2));
if (args.scriptId) {
  writeFileSync(join(root, LOCAL), `${JSON.stringify({ scriptId: args.scriptId, rootDir: 'dist' }, null, 2)}\n`);
  console.log(`已把脚本 ID 写入 ${LOCAL}（git 不跟踪它）；以后直接运行 npm run deploy 即可。`);
  console.log(`Wrote the script id to ${LOCAL} (ignored by git); from now on plain npm run deploy uses it.`);
}

const project = projectFile();
if (project.problem) {
  refuse([
    `✗ ${project.problem}`,
    '',
    '部署前需要表格所绑定的 Apps Script 项目的脚本 ID：',
    '  在表格中打开 扩展程序 → Apps Script → 左侧“项目设置”（齿轮图标），复制“脚本 ID”，然后运行',
    '     npm run deploy -- --script-id <脚本 ID>',
    `  它会把 ID 写进 ${LOCAL}（git 不跟踪），以后直接 npm run deploy。请不要改动仓库里的 .clasp.json。`,
    '没有推送任何文件。',
    '',
    'Deploying needs the script id of the Apps Script project bound to the spreadsheet:',
    '  in the spreadsheet open Extensions → Apps Script → Project Settings (gear icon), copy the Script ID, then run',
    '     npm run deploy -- --script-id <script id>',
    `  which writes it to ${LOCAL} (ignored by git); later runs are plain npm run deploy. Leave the tracked .clasp.json alone.`,
    'Nothing was pushed.',
  ]);
}

if (!loggedIn()) {
  refuse([
    `✗ clasp 尚未登录（没有找到 ${authFile()}）/ clasp is not logged in (no credentials at ${authFile()})`,
    '',
    '请先运行 npx clasp login，用有权编辑该表格脚本的 Google 账号登录并授权，然后重新运行 npm run deploy。',
    '首次使用还需在 https://script.google.com/home/usersettings 打开“Google Apps Script API”。没有推送任何文件。',
    '',
    'Run npx clasp login first, with a Google account that may edit the spreadsheet\'s script, then run npm run deploy again.',
    'The first time, also turn on the Google Apps Script API at https://script.google.com/home/usersettings. Nothing was pushed.',
  ]);
}

console.log(`脚本 ID / script id: ${project.id}（${project.name}）`);
const skipped = [];
step('类型检查与代码规范 / type check and lint', 'npm', ['run', 'check']);
step('构建 / build', 'npm', ['run', 'build']);
step('测试（模拟器中运行 dist/）/ tests of dist/ in the emulator', 'npx', ['jest', '--testPathIgnorePatterns', '/test/browser/']);
if (browserAvailable()) step('浏览器测试 / browser tests', 'npx', ['jest', 'test/browser']);
else {
  skipped.push('浏览器测试 test/browser（本机没有可用的 Chromium；它们检查本地预览和侧边栏在浏览器中的行为，不影响推送的文件）/ browser tests (no Chromium here)');
}
step('推送 / push', 'npx', project.local ? ['clasp', '-P', LOCAL, 'push', '-f'] : ['clasp', 'push', '-f']);
console.log('\n✓ 已推送 dist/ 到 Apps Script。/ dist/ pushed to Apps Script.');
if (skipped.length === 0) console.log('  所有检查都已运行，没有跳过任何一项。/ Every check ran; none was skipped.');
for (const s of skipped) console.log(`  已跳过 / skipped: ${s}`);
console.log('  在表格中刷新页面，然后按 README“第一次部署”运行 初始化/修复表格、安装自动任务 与 自检。');
console.log('  Reload the spreadsheet, then run 初始化/修复表格, 安装自动任务 and 自检 as the README says.');
