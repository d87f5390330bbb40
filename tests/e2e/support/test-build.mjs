// A second release build for what the shipped build must not contain: a report address set in a
// copy of data/site.toml (as a deploying bureau would), and the `test-hooks` feature, whose
// `#/__panic` path lets the tests see the crash notice. It goes to target/e2e-test-build, and is
// rebuilt when it is older than dist/ (which `make test` builds first).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const TEST_BUILD = resolve('target/e2e-test-build');
export const REPORT_ADDRESS = 'mailto:report@example.invalid';

export function ensureTestBuild() {
  const built = join(TEST_BUILD, 'index.html');
  const shipped = resolve('dist/index.html');
  if (existsSync(built) && existsSync(shipped) && statSync(built).mtimeMs > statSync(shipped).mtimeMs) return TEST_BUILD;
  const data = mkdtempSync(join(tmpdir(), 'ruxue-test-data-'));
  try {
    cpSync(resolve('data'), data, { recursive: true });
    const site = readFileSync(join(data, 'site.toml'), 'utf8');
    writeFileSync(join(data, 'site.toml'), `${site}\nreport_problem = "${REPORT_ADDRESS}"\n`);
    execFileSync('scripts/build.sh', {
      stdio: 'inherit',
      env: { ...process.env, RUXUE_DATA_DIR: data, RUXUE_DIST: TEST_BUILD, TRUNK_BUILD_FEATURES: 'test-hooks' },
    });
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  return TEST_BUILD;
}
