import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// A real Kezek in Development (demo data and keys) on SQLite in a fresh data folder, on 127.0.0.1. ./test.sh passes a free
// port; the values are put in the environment so that the workers, which read this file again, see the same ones.
process.env.KEZEK_E2E_PORT ??= String(15080 + (process.pid % 2000));
process.env.KEZEK_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'kezek-e2e-'));
// A second Kezek as `dotnet run` has it: NCALayer is the Development stand-in at /dev/ncalayer, with its picker popup.
process.env.KEZEK_E2E_STANDIN_PORT ??= String(Number(process.env.KEZEK_E2E_PORT) + 1);
process.env.KEZEK_E2E_STANDIN_DATA ??= mkdtempSync(join(tmpdir(), 'kezek-e2e-standin-'));
const standInPort = process.env.KEZEK_E2E_STANDIN_PORT;
const port = process.env.KEZEK_E2E_PORT;
const repository = resolve(import.meta.dirname, '..');

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/results',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.KEZEK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    trace: 'off',
  },
  webServer: [{
    command: `dotnet ${join(repository, 'src/Server/bin/Release/net10.0/Kezek.Server.dll')}`,
    cwd: join(repository, 'src/Server'),
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ASPNETCORE_ENVIRONMENT: 'Development',
      Urls: `http://127.0.0.1:${port}`,
      Kezek__DataPath: process.env.KEZEK_E2E_DATA,
      Kezek__Portal__WebRoot: join(repository, 'web/dist'),
      // The tests play NCALayer at its real address (Playwright answers the WebSocket and signs with the demo keys); nothing
      // listens there otherwise, which is the "NCALayer not running" case.
      Kezek__Portal__NcaLayerUrl: process.env.KEZEK_E2E_NCALAYER ?? 'wss://127.0.0.1:13579',
      Kezek__Timers__SweepInterval: '00:00:01',
      Kezek__Notifications__DispatchInterval: '00:00:01',
      // Journeys move the clock on (POST /dev/clock) to pass a deadline or close a release window.
      Kezek__Demo__MovableClock: 'true',
    },
  }, {
    command: `dotnet ${join(repository, 'src/Server/bin/Release/net10.0/Kezek.Server.dll')}`,
    cwd: join(repository, 'src/Server'),
    url: `http://127.0.0.1:${standInPort}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ASPNETCORE_ENVIRONMENT: 'Development',
      Urls: `http://127.0.0.1:${standInPort}`,
      Kezek__DataPath: process.env.KEZEK_E2E_STANDIN_DATA,
      Kezek__Portal__WebRoot: join(repository, 'web/dist'),
    },
  }],
});
