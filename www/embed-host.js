// Optional script for pages embedding cyber-spectrum with an <iframe>: sets each frame's height to
// its content's, so no inner scrollbar appears and no chart is clipped. Only cyber-spectrum frames
// are resized (a frame whose address is an embed.html, or one the publisher marks with
// data-cyber-spectrum), and only by messages from that frame's own window and origin: an ad or any
// other frame on the page cannot resize itself through this script. Classic script, no globals.
(function () {
  function ours(frame) {
    if (frame.hasAttribute('data-cyber-spectrum')) return true;
    try {
      return /\/embed\.html$/.test(new URL(frame.src, location.href).pathname);
    } catch (e) {
      return false;
    }
  }
  addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'cyber-spectrum:height' || typeof data.height !== 'number' || !(data.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (!ours(frame) || new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px';
      frame.setAttribute('scrolling', 'no');
      return;
    }
  });
}());
