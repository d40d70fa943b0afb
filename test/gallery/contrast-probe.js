// Runs inside the page (read as text, so no build step touches it): lists
// visible text whose contrast with what is behind it is below 4.5:1.
() => {
  const parse = (color) => {
    const parts = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
  };
  const background = (element) => {
    if (!element) return [255, 255, 255, 1];
    const own = parse(getComputedStyle(element).backgroundColor);
    if (own[3] === 0) return background(element.parentElement);
    return own[3] >= 1 ? own : over(own, background(element.parentElement));
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };

  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.textContent.trim()) continue;
    const skipped =
      '[hidden], .visually-hidden, noscript, [aria-hidden="true"], audio';
    if (element.closest(skipped)) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || element.getClientRects().length === 0)
      continue;
    const behind = background(element);
    const text = over(parse(style.color), behind);
    const [light, dark] = [luminance(text), luminance(behind)].sort(
      (a, b) => b - a,
    );
    const ratio = (light + 0.05) / (dark + 0.05);
    if (ratio < 4.5) {
      const words = node.textContent.trim().slice(0, 40);
      failures.push(`${ratio.toFixed(2)} "${words}"`);
    }
  }
  return failures;
};
