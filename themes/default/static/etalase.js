// etalase default theme: small enhancements only; every page works without this file.
(function () {
  "use strict";

  // Opened straight from disk (file://), folders do not open their index.html by themselves.
  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!/^[a-z]+:/i.test(href) && !href.startsWith("#") && (href === "" || href.endsWith("/") || href === "..")) {
        link.setAttribute("href", href.replace(/\/?$/, "/") + "index.html");
      }
    });
  }

  // The root page sends a visitor on to their preferred language; its links work without it.
  var root = document.body && document.body.getAttribute("data-languages");
  if (root) {
    var offered = root.split(" ");
    var wanted = (navigator.languages || [navigator.language || ""]).map(function (tag) {
      return tag.toLowerCase().split("-")[0];
    });
    var match = wanted.find(function (lang) { return offered.indexOf(lang) !== -1; }) || offered[0];
    var suffix = location.protocol === "file:" ? "/index.html" : "/";
    location.replace(match + suffix);
  }
})();
