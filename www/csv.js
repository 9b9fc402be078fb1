// One CSV cell as the downloads write it (the selection, the comparison of readings). A cell whose
// text starts with = + - @, a tab or a carriage return would run as a formula in a spreadsheet:
// it gets a leading apostrophe, which spreadsheets show as text and the explorer removes when it
// reads its own file back. Such cells, and any with a quote, comma, line break or edge spaces, are
// quoted.
export function csvCell(v, { quote = false } = {}) {
  let s = v === null || v === undefined ? '' : String(v);
  const formula = /^[=+\-@\t\r]/.test(s);
  if (formula) s = `'${s}`;
  return quote || formula || /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
