import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { setByEnvironment } from '../../src/engine/malloc-tuning.js';

const probe = path.join(import.meta.dirname, 'helpers/malloc-probe.ts');

/** A fresh process, so glibc starts from its defaults each time. */
function runProbe(mode: 'tuned' | 'untuned', env: Record<string, string> = {}) {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', probe, mode],
    { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } },
  );
  return JSON.parse(output) as { tuning: string; ownMap: boolean };
}

describe('malloc tuning', () => {
  const glibc = (
    process.report.getReport() as { header: { glibcVersionRuntime?: string } }
  ).header.glibcVersionRuntime;

  it('runs on this machine, which has glibc', () => {
    // CI is Linux with glibc: if this fails, the tests below prove nothing.
    assert.equal(process.platform, 'linux');
    assert.equal(typeof glibc, 'string');
  });

  it('maps large blocks on their own once tuned, as glibc stops doing by itself', () => {
    const untuned = runProbe('untuned');
    assert.equal(untuned.ownMap, false, 'glibc raised its threshold');
    const tuned = runProbe('tuned');
    assert.equal(tuned.tuning, 'tuned');
    assert.equal(tuned.ownMap, true, 'the fixed threshold held');
  });

  it("leaves malloc to the operator's own settings", () => {
    for (const env of [
      { MALLOC_ARENA_MAX: '4' },
      { MALLOC_MMAP_THRESHOLD_: '65536' },
      { GLIBC_TUNABLES: 'glibc.malloc.arena_max=8' },
    ]) {
      assert.equal(setByEnvironment(env), true, JSON.stringify(env));
    }
    assert.equal(setByEnvironment({}), false);
    assert.equal(
      setByEnvironment({ GLIBC_TUNABLES: 'glibc.rtld.optional_static_tls=1' }),
      false,
    );
  });

  it('changes nothing when the environment already says how', () => {
    const probe = runProbe('tuned', { MALLOC_ARENA_MAX: '4' });
    assert.equal(probe.tuning, 'set by the environment');
    assert.equal(probe.ownMap, false);
  });
});
