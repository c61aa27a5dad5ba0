// `npm start`: serves the local preview of the whole add-on (the built dist/ in the emulator) on 127.0.0.1, PORT or 8080.
import { startPreview } from './http';

const port = process.env['PORT'] ? Number(process.env['PORT']) : 8080;
const stateFile = process.env['PREVIEW_STATE'] || '.preview-state.json';
startPreview({ port, stateFile })
  .then(({ url }) => {
    console.log(`整治台账 本地预览 / eco-ledger preview: ${url}`);
    console.log(`状态保存在 ${stateFile}，重启后保留；页面右上角“重置演示数据”恢复初始数据。Ctrl+C 退出。`);
  })
  .catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    console.error(code === 'EADDRINUSE' ? `端口 ${port} 已被占用：用 PORT=8081 npm start 换一个端口。` : e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
