// The publishers page's live scripting example: buttons that set a chart's filter, and a status
// line that follows the chart's change events.
import { LADDER } from './schema.js';

// The ladder's thresholds in the page's text come from the core's tables.
for (const s of document.querySelectorAll('[data-ladder]')) s.textContent = LADDER[s.dataset.ladder];

const chart = document.getElementById('example-driven');
const status = document.getElementById('driver-status');
for (const button of document.querySelectorAll('#driver button')) {
  button.addEventListener('click', () => { chart.filter = JSON.parse(button.dataset.filter); });
}
chart.addEventListener('change', (e) => { status.textContent = `${e.detail.stats.total} incidents shown`; });
