// The explorer page's "Load your own data" panel: progress with cancel, the summary with warnings,
// and the column-mapping form. Fetched on demand (most readers never load a file), by app.js the
// first time a reader opens the panel, drops a file or follows a ?data= link.
import { fetchBytes, fileBytes, importBytes, fileColumns, megabytes, receive } from './loader.js';
import { MAX_WARNINGS } from './schema.js';
import { pause, prepare, startCore } from './core.js';
import { MAPPING_FIELDS, MAX_MAPPING_COLUMNS } from './schema-files.js';

const $ = (id) => document.getElementById(id);
const MB = (n) => megabytes(n, n < 10 * 2 ** 20 ? 1 : 0);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The column most likely holding mapping `field` (a row of MAPPING_FIELDS), guessed from the
 * column names by the field's pattern; undefined when none fits. */
export function guessColumn(field, columns) {
  if (!field.guess) return undefined;
  const re = new RegExp(field.guess, 'i');
  return columns.find((c) => re.test(c.trim()));
}

const progress = {
  start(what) {
    $('progress').hidden = false;
    $('progress-bar').removeAttribute('value');
    $('progress-text').textContent = `Loading ${what}…`;
  },
  download: (what) => (received, total) => {
    const bar = $('progress-bar');
    $('progress').hidden = false;
    if (total) { bar.max = total; bar.value = received; } else bar.removeAttribute('value');
    $('progress-text').textContent = `Downloading ${what}: ${MB(received)}${total ? ` of ${MB(total)}` : ''}`;
  },
  parsing(what, size) {
    $('progress').hidden = false;
    $('progress-bar').removeAttribute('value');
    $('progress-text').textContent = `Reading ${what} (${MB(size)})…`;
  },
  done() { $('progress').hidden = true; },
};

/** The data a ?data=URL link names, read in the importer worker: `[explorer, url]`. */
export async function loadInitial(url, format, m) {
  progress.start(url);
  try {
    const bytes = await fetchBytes(url, { onProgress: progress.download(url) });
    progress.parsing(url, bytes.length);
    return [await receive(m, await importBytes(bytes, { format, keep: false })), url];
  } finally {
    progress.done();
  }
}

/** The line under the load panel: what was loaded, and its warnings folded. */
export function showSummary(text, warnings) {
  $('summary').hidden = false;
  $('summary-text').textContent = text;
  const box = $('warnings');
  box.hidden = warnings.length === 0;
  box.open = false;
  $('warnings-summary').textContent = `Show the ${plural(warnings.length, 'warning')}`;
  const shown = warnings.slice(0, MAX_WARNINGS).map((w) => {
    const li = document.createElement('li');
    li.textContent = `${w.row === 0 ? 'Header' : `Row ${w.row}`}, column “${w.column}”: ${w.message}`;
    return li;
  });
  if (warnings.length > shown.length) {
    const li = document.createElement('li');
    li.textContent = `… and ${warnings.length - shown.length} more (explorer.warnings() lists them all)`;
    shown.push(li);
  }
  $('warnings-list').replaceChildren(...shown);
}

/** The summary for data a ?data=URL link loaded, warnings included. */
export function showLinked(facets, url) {
  showSummary(`Loaded ${plural(facets.total, 'incident')} from ${url}, read as ${facets.source}; `
    + `${plural(facets.warnings.length, 'warning')}.`, facets.warnings);
}

/** Data loading for the page: `{fromFile(file), fromUrl(url, format)}`. `page` is `{m (the started module),
 * adopt(explorer, label, local), showError, clearError}`. One load at a time: a new load or Cancel
 * aborts the one under way, and the current data stays until the new data has been read. */
export function attach(page) {
  let loading = null;
  let pending = null; // {label, bytes, local} kept to retry with a column mapping
  const mappingForm = $('mapping');

  const load = async (label, getBytes, options = {}, local = false) => {
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    const { signal } = controller;
    mappingForm.hidden = true;
    progress.start(label);
    try {
      const bytes = await getBytes(signal);
      pending = { label, bytes, local };
      if (options.format === 'mapped' && !options.mapping) {
        await offerMapping(pending);
        return;
      }
      progress.parsing(label, bytes.length);
      const started = performance.now();
      const imported = await importBytes(bytes, { ...options, signal });
      // A file of one's own is taken in by the whole explorer module (the page may have started
      // with the one for the bundled dataset).
      const next = await receive(await startCore(undefined, true), imported);
      await pause(); // the page's facets in a task of their own
      await prepare(next, {}); // the statistics and chart counts of all of it, in steps
      page.clearError();
      page.adopt(next, label, local);
      const ms = Math.round(performance.now() - started);
      showSummary(`Loaded ${plural(imported.total, 'incident')} from ${label}, read as ${imported.format} in ${ms} ms; `
        + `${plural(imported.warnings.length, 'warning')}.`, imported.warnings);
    } catch (err) {
      if (err.name === 'AbortError') {
        if (loading === controller) showSummary(`Loading ${label} was cancelled; the current data stays.`, []);
        return;
      }
      page.showError(`${label} could not be loaded, so the current data stays: ${err.message}`);
      if (pending && (options.format === 'mapped' || /unrecognised format|column mapping/.test(err.message))) {
        await offerMapping(pending, options.mapping);
      }
    } finally {
      if (loading === controller) { loading = null; progress.done(); }
    }
  };
  $('progress-cancel').addEventListener('click', () => loading?.abort());

  // A table the explorer does not recognise: the reader says which column holds what.
  const offerMapping = async ({ label, bytes }, previous) => {
    let columns;
    try {
      columns = await fileColumns(bytes);
    } catch {
      return; // the error already shown says why the file cannot be read
    }
    if (!columns.length) return;
    $('load-panel').open = true;
    // A very wide file: the first columns are offered (menus of every one would freeze the page).
    const all = columns.length;
    columns = columns.slice(0, MAX_MAPPING_COLUMNS);
    const named = all > 30 ? `${columns.slice(0, 30).join(', ')} and ${(all - 30).toLocaleString('en')} more` : columns.join(', ');
    const cut = all > columns.length
      ? ` Only its first ${columns.length} columns are offered below (${(all - columns.length).toLocaleString('en')} left out); `
        + 'move the columns you need to the front if they are further right.' : '';
    $('mapping-intro').textContent = `${label} has ${all.toLocaleString('en')} columns: ${named}.${cut} Say which holds what `
      + `(the ${MAPPING_FIELDS.filter((f) => f.required).map((f) => f.label.toLowerCase()).join(' and ')} are needed; `
      + 'countries may be names, ISO or COW codes; severity is read on the 0-10 ladder):';
    $('mapping-fields').replaceChildren(...MAPPING_FIELDS.map((field) => {
      const label = document.createElement('label');
      if (field.required) label.className = 'required';
      label.append(field.label);
      const select = document.createElement('select');
      select.name = field.name;
      const guess = previous?.[field.name] ?? guessColumn(field, columns);
      select.append(new Option('(none)', ''), ...columns.map((c) => new Option(c, c, false, c === guess)));
      label.append(select);
      return label;
    }));
    mappingForm.hidden = false;
    mappingForm.querySelector('select')?.focus();
  };
  mappingForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!pending) return;
    const mapping = {};
    for (const select of mappingForm.querySelectorAll('select')) if (select.value) mapping[select.name] = select.value;
    const { label, bytes, local } = pending;
    load(label, async () => bytes, { format: 'mapped', mapping }, local);
  });
  $('mapping-cancel').addEventListener('click', () => { mappingForm.hidden = true; });

  return {
    fromFile: (file) => load(file.name, () => fileBytes(file), {}, true),
    fromUrl: (url, format) => load(url, (signal) => fetchBytes(url, { signal, onProgress: progress.download(url) }), { format }),
  };
}
