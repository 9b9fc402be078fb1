// Optional script for pages embedding cyber-spectrum with an <iframe>: sets each frame's height to
// its content's, so no inner scrollbar appears and no chart is clipped. Only messages from an
// iframe's own window and origin resize that iframe. Classic script, no globals, no dependencies.
(function () {
  addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'cyber-spectrum:height' || typeof data.height !== 'number' || !(data.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px';
      frame.setAttribute('scrolling', 'no');
      return;
    }
  });
}());
