// Optional script for pages embedding cyber-spectrum with an <iframe>: sets each frame's height to
// its content's, so no inner scrollbar appears and no chart is clipped. Only cyber-spectrum frames
// are resized (a frame whose address is an embed.html, or one the publisher marks with
// data-cyber-spectrum), and only by messages from that frame's own window and origin: an ad or any
// other frame on the page cannot resize itself through this script. A frame sandboxed without
// allow-same-origin has no origin of its own ("null"); its messages are matched by window alone.
// Classic script, no globals.
(function () {
  function ours(frame) {
    if (frame.hasAttribute('data-cyber-spectrum')) return true;
    try {
      return /\/embed\.html$/.test(new URL(frame.src, location.href).pathname);
    } catch (e) {
      return false;
    }
  }
  // The origin a frame's messages come from: its address's, or "null" when sandboxed without
  // allow-same-origin.
  function originOf(frame) {
    var sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox)) return 'null';
    return new URL(frame.src, location.href).origin;
  }
  addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'cyber-spectrum:height' || typeof data.height !== 'number' || !(data.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (!ours(frame) || originOf(frame) !== event.origin) return;
      frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px';
      frame.setAttribute('scrolling', 'no');
      // A sandboxed frame cannot see its own sandbox: tell it the tokens, so that it names the
      // missing ones when a reader asks for what they allow (a download, a source in a new tab).
      if (frame.getAttribute('sandbox') !== null) {
        event.source.postMessage({ type: 'cyber-spectrum:sandbox', tokens: Array.prototype.slice.call(frame.sandbox) }, '*');
      }
      return;
    }
  });
}());
