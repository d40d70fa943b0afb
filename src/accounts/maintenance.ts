import type { SettingsStore } from '../storage/settings-store.js';
import type { Clock } from '../util/clock.js';

const SETTING = 'maintenance';
/** Every API process sees a change within this long. */
const CACHE_MS = 1_000;

/** Maintenance mode: on by configuration, or switched at run time. */
export class Maintenance {
  private cached: { on: boolean; until: number } | undefined;

  constructor(
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
    private readonly forcedOn: boolean,
  ) {}

  async isOn(): Promise<boolean> {
    if (this.forcedOn) return true;
    const now = this.clock.now();
    if (this.cached && this.cached.until > now) return this.cached.on;
    const on = (await this.settings.get(SETTING)) === 'on';
    this.cached = { on, until: now + CACHE_MS };
    return on;
  }

  async set(on: boolean): Promise<void> {
    await this.settings.set(SETTING, on ? 'on' : 'off');
    this.cached = undefined;
  }
}
