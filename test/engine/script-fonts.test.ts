import { GlobalFonts } from '@napi-rs/canvas';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FONT_FILES } from '../../src/engine/fonts/font-catalog.js';
import { renderCoverWithLayout, STYLES } from '../../src/engine/index.js';
import { sharedTracks } from './helpers/tracks.js';

const registered = (): string[] =>
  FONT_FILES.filter((file) => file.lazy && GlobalFonts.has(file.face)).map(
    (file) => file.face,
  );

const render = (title: string, style: string) =>
  renderCoverWithLayout(
    { title, artist: '', tags: 'pop', lyrics: '', audio: null },
    { style, size: 64 },
  );

// One process, in order: what a render worker registers as titles come.
describe('script fallback faces are registered when first needed', () => {
  it('Latin, Cyrillic and Greek titles register no script face', () => {
    const western = sharedTracks().filter(
      (t) => !/[^\p{Script=Latin}\p{Script=Cyrillic}\p{P}\s\d]/u.test(t.title),
    );
    assert.ok(western.length >= 10);
    for (const input of western) {
      for (const style of STYLES) {
        renderCoverWithLayout(input, { style: style.id, size: 64 });
      }
    }
    render('Καλημέρα', 'poster');
    assert.deepEqual(registered(), []);
  });

  it('a Thai title registers the Thai face at the weight it is set in', () => {
    const { layout } = render('น้ำตาแห่งความรัก', 'bauhaus');
    const faces = layout.texts.find((t) => t.role === 'title')?.fontStack;
    const thai = faces?.filter((face) => face.includes('Thai')) ?? [];
    assert.equal(thai.length, 1);
    assert.deepEqual(registered(), thai);
  });

  it('a Japanese title the JP face covers does not register the Chinese one', () => {
    render('ネオンの雨', 'bauhaus');
    const now = registered();
    assert.ok(now.some((face) => face.startsWith('Sleeve Noto JP ')));
    assert.ok(!now.some((face) => face.startsWith('Sleeve Noto SC ')));
  });

  it('a Chinese title with simplified forms registers the Chinese face', () => {
    const { layout } = render('我们的爱', 'bauhaus');
    const title = layout.texts.find((t) => t.role === 'title');
    assert.deepEqual(title?.lines, ['我们的爱']);
    assert.ok(registered().some((face) => face.startsWith('Sleeve Noto SC ')));
  });
});
