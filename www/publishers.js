// The publishers page's live scripting example: buttons that set a chart's filter, and a status
// line that follows the chart's change events.
const chart = document.getElementById('example-driven');
const status = document.getElementById('driver-status');
for (const button of document.querySelectorAll('#driver button')) {
  button.addEventListener('click', () => { chart.filter = JSON.parse(button.dataset.filter); });
}
chart.addEventListener('change', (e) => { status.textContent = `${e.detail.stats.total} incidents shown`; });
