// etalase serve: reloads the page when the site was rebuilt. Served only by `etalase serve`,
// never part of a built site.
(function () {
  "use strict";
  var seen = null;
  var events = new EventSource("/__etalase/events");
  // Every message carries the build's id; a different one means the page is out of date,
  // also after a missed message or a restarted server.
  function onBuild(message) {
    if (seen !== null && message.data !== seen) {
      location.reload();
    }
    seen = message.data;
  }
  events.addEventListener("hello", onBuild);
  events.addEventListener("reload", onBuild);
  var close = document.getElementById("etalase-errors-close");
  if (close) {
    close.addEventListener("click", function () {
      document.getElementById("etalase-errors").hidden = true;
    });
  }
})();
