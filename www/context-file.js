// A publisher's own context events (the columns of data/context.csv: id, date, end, kind, name,
// description, sources) from a CSV file, fetched only when an element or the page names one
// (`context-src`). The CSV is split into cells here (quotes and doubled quotes honoured) and handed
// to Rust as packed text, which checks every value against the vocabulary and names the row and
// column of a bad one.

const MAX_BYTES = 2_000_000;
const CELL = '\u001f';
const ROW = '\u001e';

/** The rows of CSV text, each an array of cells. */
export function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new Error('a quoted cell is never closed');
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/** CSV text as the packed text `Explorer.setContext` reads. */
export function packCsv(text) {
  const clean = (v) => v.replaceAll(CELL, ' ').replaceAll(ROW, ' ');
  return csvRows(text.replace(/^\uFEFF/, '')).map((r) => r.map(clean).join(CELL) + ROW).join('');
}

/** Fetches the context file at `url` and gives `explorer` its events; resolves to how many. */
export async function loadContext(explorer, url, stallSeconds = 30) {
  const where = new URL(url, document.baseURI).href;
  let text;
  try {
    const response = await fetch(where, { signal: AbortSignal.timeout(stallSeconds * 1000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (Number(response.headers.get('content-length')) > MAX_BYTES) throw new Error('it is over 2 MB');
    text = await response.text();
    if (text.length > MAX_BYTES) throw new Error('it is over 2 MB');
  } catch (e) {
    throw new Error(`the context file ${where} could not be fetched (${e.message || e})`);
  }
  try {
    return explorer.setContext(packCsv(text));
  } catch (e) {
    throw new Error(`${where}: ${e.message || e}`);
  }
}
