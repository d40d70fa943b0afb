import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planExcerpt } from '../../src/audio/index.js';

describe('planExcerpt', () => {
  it('spreads three 10 s windows centred on the thirds of a long track', () => {
    const plan = planExcerpt(300);
    assert.deepEqual(plan, [
      { startSec: 45, lengthSec: 10 },
      { startSec: 145, lengthSec: 10 },
      { startSec: 245, lengthSec: 10 },
    ]);
  });

  it('takes a track no longer than the excerpt whole', () => {
    assert.deepEqual(planExcerpt(20), [{ startSec: 0, lengthSec: 20 }]);
    assert.deepEqual(planExcerpt(30), [{ startSec: 0, lengthSec: 30 }]);
  });

  it('centres a single window for the middle placement', () => {
    const plan = planExcerpt(100, { placement: 'middle' });
    assert.deepEqual(plan, [{ startSec: 35, lengthSec: 30 }]);
  });

  it('clamps an explicit start so the window stays inside the track', () => {
    const plan = planExcerpt(45, {
      placement: { startSec: 40 },
      excerptSec: 20,
    });
    assert.deepEqual(plan, [{ startSec: 25, lengthSec: 20 }]);
    const early = planExcerpt(45, {
      placement: { startSec: -5 },
      excerptSec: 20,
    });
    assert.deepEqual(early, [{ startSec: 0, lengthSec: 20 }]);
  });

  it('uses fewer windows than asked when they would be under 8 s', () => {
    assert.equal(planExcerpt(300, { excerptSec: 20 }).length, 2);
    assert.equal(planExcerpt(300, { excerptSec: 10 }).length, 1);
    assert.equal(
      planExcerpt(300, { windowCount: 5, excerptSec: 60 }).length,
      5,
    );
  });

  it('never overlaps windows or runs past the end', () => {
    for (const duration of [31, 45, 61, 200, 3600]) {
      const plan = planExcerpt(duration);
      plan.forEach((window, i) => {
        assert.ok(window.startSec >= 0);
        assert.ok(window.startSec + window.lengthSec <= duration + 1e-9);
        const next = plan[i + 1];
        if (next)
          assert.ok(window.startSec + window.lengthSec <= next.startSec);
      });
    }
  });

  it('refuses an excerpt length that is not positive', () => {
    assert.throws(() => planExcerpt(100, { excerptSec: 0 }), RangeError);
  });
});
