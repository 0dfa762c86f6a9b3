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

  // Share buttons are plain links to the page; with JS they open the phone's share sheet, or
  // copy the link where the browser has no share sheet.
  document.querySelectorAll("a[data-share]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var url = link.getAttribute("href");
      if (navigator.share) {
        event.preventDefault();
        navigator.share({ title: link.getAttribute("data-title") || document.title, url: url }).catch(function () {});
      } else if (navigator.clipboard && window.isSecureContext) {
        event.preventDefault();
        navigator.clipboard.writeText(url).then(function () {
          link.textContent = link.getAttribute("data-copied");
        });
      }
    });
  });

  // The brochure's print button; without JS the page says how to print from the menu.
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

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
