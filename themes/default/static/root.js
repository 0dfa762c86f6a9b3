// etalase default theme: the root page's language choice. Loaded first and without `defer`, so
// a visitor is sent on to their language before the chooser is styled; its links work without it.
(function () {
  "use strict";
  var offered = (document.documentElement.getAttribute("data-languages") || "").split(" ");
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (tag) {
    return tag.toLowerCase().split("-")[0];
  });
  var match = wanted.find(function (lang) { return offered.indexOf(lang) !== -1; }) || offered[0];
  if (match) {
    location.replace(match + (location.protocol === "file:" ? "/index.html" : "/"));
  }
})();
