import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { relieveMemory } from '../../src/engine/memory-relief.js';

describe('memory relief', () => {
  it('collects dead objects at once when the process is over the limit', async () => {
    let collected = false;
    const registry = new FinalizationRegistry(() => (collected = true));
    // Made and dropped in a function of its own, so no frame keeps it.
    (() => registry.register({ payload: new Array(1000).fill(1) }, 'dead'))();
    relieveMemory(0);
    // Finalisation callbacks run on a later turn of the event loop.
    for (let turn = 0; turn < 20 && !collected; turn++) await sleep(10);
    assert.ok(collected, 'a full collection ran');
  });
});
