import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  ConfigError,
  loadConfig,
  type ConfigFlags,
} from '../../src/config/config.js';

function problemsOf(
  env: Record<string, string>,
  flags: ConfigFlags = {},
): string[] {
  try {
    loadConfig(env, flags);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('the configuration was accepted');
}

describe('loadConfig', () => {
  it('starts on the embedded default with no settings at all', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, path.resolve('.sleeve', 'sleeve.db'));
    assert.deepEqual(config.services, { api: true, worker: true });
    assert.deepEqual(config.rateGenerate, { points: 20, durationSec: 10 });
    assert.deepEqual(config.ratePoll, { points: 3, durationSec: 1 });
    assert.equal(config.retentionMs, 14 * 24 * 3600 * 1000);
    assert.equal(config.allowPrivateCallbacks, false);
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ SLEEVE_PORT: '' }).port, 3000);
  });

  it('lists every bad setting at once', () => {
    const problems = problemsOf({
      SLEEVE_PORT: 'eighty',
      SLEEVE_RATE_POLL: '3',
      SLEEVE_ALLOW_PRIVATE_CALLBACKS: 'maybe',
      SLEEVE_SERVICES: 'api,web',
    });
    assert.equal(problems.length, 4);
    for (const name of [
      'SLEEVE_PORT',
      'SLEEVE_RATE_POLL',
      'SLEEVE_ALLOW_PRIVATE_CALLBACKS',
      'SLEEVE_SERVICES',
    ]) {
      assert.ok(
        problems.some((p) => p.startsWith(name)),
        name,
      );
    }
  });

  it('says what a setting must be in plain words, quoting a number given', () => {
    assert.deepEqual(problemsOf({ SLEEVE_PORT: 'abc' }), [
      'SLEEVE_PORT must be a whole number from 0 to 65535, got "abc"',
    ]);
    assert.deepEqual(problemsOf({ SLEEVE_RETENTION_DAYS: '-1' }), [
      'SLEEVE_RETENTION_DAYS must be a number above 0, got "-1"',
    ]);
    assert.deepEqual(problemsOf({ SLEEVE_CALLBACK_TIMEOUT_MS: '1.5' }), [
      'SLEEVE_CALLBACK_TIMEOUT_MS must be a whole number from 100 up, got "1.5"',
    ]);
    assert.deepEqual(problemsOf({ SLEEVE_LOG_FORMAT: 'xml' }), [
      'SLEEVE_LOG_FORMAT must be one of auto, json, pretty, got "xml"',
    ]);
  });

  it('gives one line per setting, however many rules its value breaks', () => {
    assert.deepEqual(problemsOf({ SLEEVE_COVER_COST: '-1' }), [
      'SLEEVE_COVER_COST must be 0 or a number from 0.000001 to 1000000000 ' +
        '(credits are counted in millionths), got "-1"',
    ]);
    const prefix = problemsOf({ SLEEVE_S3_PREFIX: `/${'x'.repeat(300)}` });
    assert.equal(prefix.length, 1, prefix.join('\n'));
  });

  it('names the flag a bad value came from, and the variable otherwise', () => {
    const problems = problemsOf(
      { SLEEVE_PORT: '1', SLEEVE_RETENTION_DAYS: 'x' },
      {
        SLEEVE_PORT: { flag: '--port', value: '99999' },
        SLEEVE_HOST: { flag: '--host', value: undefined },
      },
    );
    assert.deepEqual(problems, [
      '--port must be a whole number from 0 to 65535, got "99999"',
      'SLEEVE_RETENTION_DAYS must be a number above 0, got "x"',
    ]);
    const config = loadConfig(
      { SLEEVE_PORT: '8080', SLEEVE_HOST: '0.0.0.0' },
      {
        SLEEVE_PORT: { flag: '--port', value: '9090' },
        SLEEVE_HOST: { flag: '--host', value: undefined },
      },
    );
    assert.equal(config.port, 9090, 'a flag given wins');
    assert.equal(config.host, '0.0.0.0', 'a flag not given leaves the setting');
  });

  it('refuses a whsec_ webhook key whose rest is not base64', () => {
    const [problem] = problemsOf({ SLEEVE_WEBHOOK_KEY: 'whsec_!!!not-base64' });
    assert.match(problem ?? '', /^SLEEVE_WEBHOOK_KEY .*base64/);
    const key = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    assert.equal(loadConfig({ SLEEVE_WEBHOOK_KEY: key }).webhookKey, key);
  });

  it('takes a postgres URL or a file path as the database, nothing else', () => {
    assert.equal(
      loadConfig({ SLEEVE_DATABASE_URL: 'postgres://u@h/db' }).databaseUrl,
      'postgres://u@h/db',
    );
    assert.equal(
      loadConfig({ SLEEVE_DATABASE_URL: '/var/lib/sleeve.db' }).databaseUrl,
      '/var/lib/sleeve.db',
    );
    for (const url of ['mysql://x', 'sqlite:///tmp/x.db', 'file:x.db']) {
      assert.match(
        problemsOf({ SLEEVE_DATABASE_URL: url })[0] ?? '',
        /postgres:\/\/ URL or the path/,
      );
    }
  });

  it('refuses a host that is neither an address nor a name', () => {
    assert.equal(loadConfig({ SLEEVE_HOST: '0.0.0.0' }).host, '0.0.0.0');
    assert.equal(loadConfig({ SLEEVE_HOST: '::1' }).host, '::1');
    assert.match(
      problemsOf({ SLEEVE_HOST: 'not a host' })[0] ?? '',
      /SLEEVE_HOST/,
    );
  });

  it('refuses a cover cost too small to count', () => {
    assert.match(
      problemsOf({ SLEEVE_COVER_COST: '0.0000001' })[0] ?? '',
      /millionths/,
    );
    assert.equal(loadConfig({ SLEEVE_COVER_COST: '0' }).coverCost, 0);
    assert.equal(loadConfig({ SLEEVE_COVER_COST: '0.25' }).coverCost, 0.25);
  });
});
