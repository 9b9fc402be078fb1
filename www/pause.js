// Yielding between steps of long work, with no state of its own: bundled into each module that
// starts from it (the page's core.js, loader.js, the importer's worker), so none of them waits on
// another file for it.

/** Lets the page handle input and paint before the next step of long work. */
export const pause = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0)));
