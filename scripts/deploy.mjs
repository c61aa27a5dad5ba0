// `npm run deploy`: refuse without a real scriptId or a clasp login, else check, test, build and `clasp push -f`, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// clasp reads .clasp.json from the working directory, and so do we: npm runs scripts from the package root.
const root = process.cwd();
const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';

function refuse(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

function scriptIdProblem() {
  const file = join(root, '.clasp.json');
  if (!existsSync(file)) return '找不到 .clasp.json / .clasp.json not found';
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return `.clasp.json 不是合法的 JSON / .clasp.json is not valid JSON (${e.message})`;
  }
  const id = typeof config?.scriptId === 'string' ? config.scriptId.trim() : '';
  if (id === '') return '.clasp.json 中没有 scriptId / .clasp.json has no scriptId';
  if (id === PLACEHOLDER) return `.clasp.json 中的 scriptId 仍是占位符 ${PLACEHOLDER} / the scriptId in .clasp.json is still the placeholder`;
  // Apps Script ids are long URL-safe base64 strings; anything else is a paste gone wrong.
  if (!/^[A-Za-z0-9_-]{20,}$/.test(id)) return `.clasp.json 中的 scriptId「${id}」不像脚本 ID / the scriptId "${id}" does not look like a script id`;
  if (config.rootDir !== undefined && resolve(root, config.rootDir) !== resolve(root, 'dist')) {
    return '.clasp.json 的 rootDir 必须是 dist / the rootDir in .clasp.json must be dist';
  }
  return null;
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

const idProblem = scriptIdProblem();
if (idProblem) {
  refuse([
    `✗ ${idProblem}`,
    '',
    '部署前需要一个绑定到表格的 Apps Script 项目 ID，二选一：',
    '  1. 新建表格和脚本：先删除占位的 .clasp.json（clasp 不会覆盖已有文件），再运行',
    '     npx clasp create --type sheets --title 整治台账 --rootDir dist',
    '     （clasp 会新建一个 Google 表格及其绑定脚本，并把 scriptId 写入新的 .clasp.json）',
    '  2. 使用已有表格：在表格中打开 扩展程序 → Apps Script → 项目设置（齿轮图标），复制“脚本 ID”，',
    `     粘贴到 .clasp.json 的 "scriptId"，替换 ${PLACEHOLDER}，并保持 "rootDir": "dist"。`,
    '然后重新运行 npm run deploy。没有推送任何文件。',
    '',
    'Deploying needs the id of an Apps Script project bound to the spreadsheet. Either:',
    '  1. create a new spreadsheet and script: delete the placeholder .clasp.json (clasp will not overwrite it), then run',
    '     npx clasp create --type sheets --title 整治台账 --rootDir dist',
    '     (clasp creates a spreadsheet with its bound script and writes the scriptId into a new .clasp.json), or',
    "  2. use an existing one: in the spreadsheet open Extensions → Apps Script → Project Settings (gear icon), copy the",
    `     Script ID and paste it as "scriptId" in .clasp.json in place of ${PLACEHOLDER}, keeping "rootDir": "dist".`,
    'Then run npm run deploy again. Nothing was pushed.',
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

step('类型检查 / type check', 'npm', ['run', 'check']);
step('测试 / tests', 'npm', ['test']);
step('构建 / build', 'npm', ['run', 'build']);
step('推送 / push', 'npx', ['clasp', 'push', '-f']);
console.log('\n✓ 已推送 dist/ 到 Apps Script。/ dist/ pushed to Apps Script.');
console.log('  在表格中刷新页面，然后运行 整治台账 → 管理 → 初始化/修复表格 与 安装自动任务。');
console.log('  Reload the spreadsheet, then run 整治台账 → 管理 → 初始化/修复表格 and 安装自动任务.');
