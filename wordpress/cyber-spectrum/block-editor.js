// The cyber-spectrum/chart block in the editor, without a build step: its settings in the sidebar
// (the filters, the view, the look, the data) and the chart itself as the preview. The names and
// choices come from the package's schema.js (the Rust core's vocabularies), the attributes from
// the PHP registration; the server renders the saved block (includes/block.php).
(function (wp, assets) {
  var el = wp.element.createElement;
  var useState = wp.element.useState;
  var useEffect = wp.element.useEffect;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var PanelBody = wp.components.PanelBody;
  var TextControl = wp.components.TextControl;
  var SelectControl = wp.components.SelectControl;

  // The element (for the preview) and the vocabularies, from the bundled package.
  var schema = import(assets + 'schema.js');
  import(assets + 'cyber-spectrum.js');

  // Block attribute => the element's attribute, for the settings that are not filters.
  var SETTINGS = [
    ['view', 'view'], ['compare', 'compare'], ['context', 'context'], ['contextSrc', 'context-src'], ['theme', 'theme'], ['controls', 'controls'], ['height', 'height'],
    ['src', 'src'], ['format', 'format'], ['datasetVersion', 'dataset-version'], ['incident', 'incident'],
    ['lang', 'lang'], ['timeout', 'timeout'],
  ];
  var HELP = {
    initiators: 'ISO codes or names, separated by commas: PRK,RUS',
    targets: 'ISO codes or names, separated by commas: KOR,USA',
    methods: 'e.g. wiper,ddos',
    objectives: 'e.g. disruption,theft',
    targetTypes: 'private, government, military',
    attribution: 'confirmed, vendor, suspected',
    scope: 'peninsula, reference (incidents outside Korea that anchor the ladder)',
    minSeverity: '0 to 10', maxSeverity: '0 to 10',
    reading: 'whose legal reading: tallinn (default), united-states, france …',
    controls: 'all, none, or a list such as years,view,share',
    height: 'CSS pixels, 200 to 2000',
    src: 'a data file (CSV, JSON, DCID, EuRepoC, CFR); empty: the bundled dataset',
    datasetVersion: 'the dataset version the chart was set up with',
    contextSrc: 'a CSV of your own context events for the timeline (the columns of data/context.csv)',
    incident: 'an incident id whose card opens',
  };

  function text(props, name, label) {
    return el(TextControl, {
      key: name, label: label, help: HELP[name], value: props.attributes[name] || '',
      onChange: function (v) { var a = {}; a[name] = v; props.setAttributes(a); },
    });
  }

  function choice(props, name, label, values) {
    return el(SelectControl, {
      key: name, label: label, value: props.attributes[name] || '',
      options: [{ label: '(default)', value: '' }].concat(values.map(function (v) { return { label: v, value: v }; })),
      onChange: function (v) { var a = {}; a[name] = v; props.setAttributes(a); },
    });
  }

  function Edit(props) {
    var state = useState(null);
    var vocab = state[0];
    var setVocab = state[1];
    useEffect(function () { schema.then(setVocab, function () { setVocab({ FILTERS: [], VIEWS: [], FORMATS: [] }); }); }, []);
    var attrs = {};
    (vocab ? vocab.FILTERS : []).forEach(function (f) {
      if (props.attributes[f.name]) attrs[f.param] = props.attributes[f.name];
    });
    SETTINGS.forEach(function (s) { if (props.attributes[s[0]]) attrs[s[1]] = props.attributes[s[0]]; });
    // A new element for each change of settings: the preview shows exactly what the post will.
    attrs.key = JSON.stringify(attrs);
    var filters = vocab ? vocab.FILTERS.map(function (f) { return text(props, f.name, f.label); }) : [];
    var panels = el(InspectorControls, { key: 'settings' },
      el(PanelBody, { title: 'Chart', initialOpen: true },
        vocab ? choice(props, 'view', 'View', vocab.VIEWS.map(function (v) { return v.name; })) : null,
        vocab && vocab.COMPARE ? choice(props, 'compare', 'Compare (a panel per state)', vocab.COMPARE.map(function (c) { return c.name; })) : null,
        choice(props, 'context', 'Context lane on the timeline', ['on', 'off']),
        choice(props, 'theme', 'Theme', ['light', 'dark', 'auto']),
        text(props, 'controls', 'Controls'), text(props, 'height', 'Height')),
      el(PanelBody, { title: 'Filters', initialOpen: true }, filters),
      el(PanelBody, { title: 'Data', initialOpen: false },
        text(props, 'src', 'Data file address'),
        vocab ? choice(props, 'format', 'Format', vocab.FORMATS.filter(function (f) { return !f.mapping; }).map(function (f) { return f.name; })) : null,
        text(props, 'contextSrc', 'Context events file'),
        text(props, 'datasetVersion', 'Dataset version'), text(props, 'incident', 'Open incident')));
    return el('div', useBlockProps(), panels, vocab ? el('cyber-spectrum', attrs) : 'Loading the chart…');
  }

  wp.blocks.registerBlockType('cyber-spectrum/chart', {
    apiVersion: 2,
    title: 'Cyber incidents chart',
    description: 'State cyber incidents on the escalation ladder (cyber-spectrum).',
    icon: 'chart-bar',
    category: 'embed',
    edit: Edit,
    save: function () { return null; },
  });
}(window.wp, window.cyberSpectrumAssets));
