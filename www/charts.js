// Keeps both canvases drawn: once per change of filter, and again whenever a canvas changes size
// or the screen's pixel ratio changes (Rust sizes the backing store to CSS size x devicePixelRatio).

export function chartKeeper(canvases, draw) {
  let pending = new Set();
  let frame = 0;
  const flush = () => {
    frame = 0;
    const views = [...pending];
    pending = new Set();
    for (const view of views) draw(view, canvases[view]);
  };
  const schedule = (views) => {
    for (const v of views) pending.add(v);
    if (!frame) frame = requestAnimationFrame(flush);
  };
  const all = Object.keys(canvases);
  const widths = new Map();
  const observer = new ResizeObserver((entries) => {
    const changed = [];
    for (const entry of entries) {
      const view = entry.target.id;
      const size = `${entry.contentRect.width}x${entry.contentRect.height}`;
      if (widths.get(view) !== size) {
        widths.set(view, size);
        changed.push(view);
      }
    }
    if (changed.length) schedule(changed);
  });
  for (const c of Object.values(canvases)) observer.observe(c);

  const watchRatio = () => {
    const mq = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
    mq.addEventListener('change', () => { schedule(all); watchRatio(); }, { once: true });
  };
  watchRatio();
  return { redrawAll: () => schedule(all), flushNow: flush };
}
