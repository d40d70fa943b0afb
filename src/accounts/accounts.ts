import { hash, randomBytes } from 'node:crypto';
import { SleeveError } from '../errors.js';
import type { ApiKey } from '../storage/records.js';
import { toMicro } from '../storage/records.js';
import type { ApiKeyStore } from '../storage/api-key-store.js';
import type { Clock } from '../util/clock.js';
import { findKeyNameProblem } from './key-name.js';

export interface CreateKeyOptions {
  name: string;
  isAdmin?: boolean;
  credits: number;
  /** Use this secret instead of a random one (the bootstrap admin key). */
  secret?: string;
}

export interface CreatedKey {
  key: ApiKey;
  /** The only time the secret exists outside the caller's hands. */
  secret: string;
}

/** How long a verified key is trusted without asking the database. */
const AUTH_CACHE_MS = 5_000;
const AUTH_CACHE_LIMIT = 10_000;

/**
 * API keys are random 192-bit secrets; only their SHA-256 is stored. A fast
 * hash is enough for secrets this long: there is nothing to brute-force.
 */
export class Accounts {
  private readonly cache = new Map<string, { key: ApiKey; until: number }>();

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly clock: Clock,
  ) {}

  async createKey(options: CreateKeyOptions): Promise<CreatedKey> {
    const problem = findKeyNameProblem(options.name);
    if (problem) throw new SleeveError(422, problem);
    const secret =
      options.secret ?? `slv_${randomBytes(24).toString('base64url')}`;
    const key = {
      id: `key_${randomBytes(8).toString('hex')}`,
      name: options.name,
      keyHash: hashKey(secret),
      prefix: secret.slice(0, 8),
      isAdmin: options.isAdmin ?? false,
      creditsMicro: toMicro(options.credits),
      createdAt: this.clock.now(),
    };
    await this.keys.insert(key);
    const stored = await this.keys.get(key.id);
    if (!stored) throw new Error('created key vanished');
    return { key: stored, secret };
  }

  /** The key named by an `Authorization: Bearer …` header, or a 401. */
  async authenticate(header: string | undefined): Promise<ApiKey> {
    const secret = parseBearer(header);
    const hash = hashKey(secret);
    const now = this.clock.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.key;

    const key = await this.keys.findByHash(hash);
    if (!key) {
      throw new SleeveError(
        401,
        'The API key is not valid (unknown or revoked).',
      );
    }
    if (this.cache.size >= AUTH_CACHE_LIMIT) this.cache.clear();
    this.cache.set(hash, { key, until: now + AUTH_CACHE_MS });
    return key;
  }

  /** Current balance in credits, read fresh (never from the cache). */
  async creditsOf(keyId: string): Promise<number> {
    const key = await this.keys.get(keyId);
    return key ? key.creditsMicro / 1_000_000 : 0;
  }

  /** Adds (or, negative, removes) credits; a balance never goes below 0. */
  async addCredits(keyId: string, credits: number): Promise<number> {
    if (credits < 0) {
      const current = await this.keys.get(keyId);
      const held = current ? current.creditsMicro / 1_000_000 : 0;
      if (current && current.creditsMicro + toMicro(credits) < 0) {
        throw new SleeveError(
          422,
          `Removing ${-credits} credits would take ${keyId} below 0; ` +
            `it has ${held}.`,
        );
      }
    }
    const balance = await this.keys.addCredits(keyId, toMicro(credits));
    if (balance === undefined) {
      throw new SleeveError(422, `No API key has the id ${keyId}.`);
    }
    return balance / 1_000_000;
  }

  /** Revokes a key; the last live admin key is kept, or nobody could manage. */
  async revoke(keyId: string): Promise<void> {
    const keys = await this.keys.list();
    const target = keys.find((k) => k.id === keyId && k.revokedAt === null);
    const admins = keys.filter((k) => k.isAdmin && k.revokedAt === null);
    if (target?.isAdmin && admins.length === 1) {
      throw new SleeveError(
        422,
        'This is the last admin key; create another admin key before ' +
          'revoking it.',
      );
    }
    const revoked = await this.keys.revoke(keyId, this.clock.now());
    if (!revoked) {
      throw new SleeveError(422, `No live API key has the id ${keyId}.`);
    }
    this.cache.clear();
  }

  list(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  countKeys(): Promise<number> {
    return this.keys.count();
  }
}

/** Runs on every request: the one-shot hash is about 3x the Hash object. */
export function hashKey(secret: string): string {
  return hash('sha256', secret, 'hex');
}

function parseBearer(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw new SleeveError(
      401,
      'Missing API key: send it as "Authorization: Bearer <key>".',
    );
  }
  return match[1];
}
