import { h, svg } from '../dom.js';
import { decibels, duration, percent } from '../format.js';

/** The measured audio features: figures, meters and a drawing. */
export function soundPanel(music) {
  const features = music.features;
  const audioUrl = music.record?.response?.sunoData?.[0]?.audioUrl;
  const panel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'sound-title' },
    h('h2', { id: 'sound-title' }, 'Sound'),
  );
  if (!features) {
    panel.append(
      h(
        'p',
        { class: 'notice' },
        'No audio was uploaded for this track, so its covers were read from the title, style tags and lyrics alone.',
      ),
    );
    return panel;
  }
  const drawing = h(
    'div',
    { class: 'sound__drawing' },
    waveform(features),
    h(
      'div',
      { class: 'legend', 'aria-hidden': 'true' },
      h('span', { style: { '--swatch': '#8a91a0' } }, 'Waveform'),
      h('span', { style: { '--swatch': '#f2c14e' } }, 'Energy over time'),
    ),
  );
  if (audioUrl) {
    drawing.append(
      h('audio', {
        controls: true,
        // Enough to show the length before play; the bytes wait for it.
        preload: 'metadata',
        src: audioUrl,
        'aria-label': `Play ${music.title}`,
      }),
    );
  }
  panel.append(
    h(
      'div',
      { class: 'sound' },
      drawing,
      h(
        'dl',
        { class: 'stats' },
        measured(
          'Tempo',
          `${Math.round(features.bpm)}`,
          'BPM',
          features.bpmConfidence,
        ),
        measured(
          'Key',
          `${features.key} ${features.mode}`,
          '',
          features.keyConfidence,
        ),
        meterStat('Energy', features.energy),
        meterStat('Brightness', features.brightness),
        stat('Loudness', decibels(features.loudnessDb)),
        stat('Dynamics', decibels(features.dynamicsDb)),
        stat('Length', duration(features.durationSec)),
        stat('Analysed', duration(features.analysedSec)),
      ),
    ),
  );
  return panel;
}

/**
 * Below this confidence the covers leave a tempo or key out; the page
 * still shows the best guess, marked as one.
 */
const SURE = 0.2;

function measured(label, value, unit, confidence) {
  if (confidence >= SURE) return stat(label, value, unit);
  // No evidence at all (silence, a lone tone): the analysis's placeholder
  // is no guess.
  if (!(confidence > 0)) return stat(label, 'none found');
  return stat(label, `≈ ${value}`, unit ? `${unit}, unsure` : 'unsure');
}

function stat(label, value, unit) {
  return h(
    'div',
    {},
    h('dt', {}, label),
    h('dd', {}, value, unit ? h('small', {}, ` ${unit}`) : ''),
  );
}

function meterStat(label, value) {
  const amount = percent(value);
  return h(
    'div',
    {},
    h('dt', { id: `meter-${label}` }, label),
    h(
      'dd',
      {},
      `${amount}`,
      h('small', {}, ' / 100'),
      h(
        'div',
        {
          class: 'meter',
          role: 'meter',
          'aria-labelledby': `meter-${label}`,
          'aria-valuemin': '0',
          'aria-valuemax': '100',
          'aria-valuenow': String(amount),
        },
        h('span', { style: { width: `${amount}%` } }),
      ),
    ),
  );
}

const WIDTH = 320;
const HEIGHT = 120;

/** Peaks as mirrored bars, the energy contour as a line over them. */
function waveform(features) {
  const peaks = features.waveform ?? [];
  const step = WIDTH / Math.max(1, peaks.length);
  const middle = HEIGHT / 2;
  const bars = peaks.map((peak, i) => {
    const half = Math.max(0.75, peak * (middle - 6));
    return svg('rect', {
      x: (i * step + step * 0.15).toFixed(2),
      y: (middle - half).toFixed(2),
      width: (step * 0.7).toFixed(2),
      height: (half * 2).toFixed(2),
      rx: '0.8',
      fill: '#4a505e',
    });
  });
  const contour = features.energyContour ?? [];
  const points = contour
    .map((value, i) => {
      const x = (i / Math.max(1, contour.length - 1)) * WIDTH;
      const y = HEIGHT - 6 - value * (HEIGHT - 12);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return svg(
    'svg',
    {
      class: 'wave',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': `Waveform and energy over the analysed ${duration(features.analysedSec)}`,
    },
    ...bars,
    svg('polyline', {
      points,
      fill: 'none',
      stroke: '#f2c14e',
      'stroke-width': '2',
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }),
  );
}
