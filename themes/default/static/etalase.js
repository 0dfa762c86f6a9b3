// etalase default theme: small enhancements only; every page works without this file.
(() => {
  "use strict";
  var doc = document;
  var attr = (node, name) => node.getAttribute(name);
  // What the theme's other scripts share, written once: they load after this file (deferred,
  // in order) and take these from window.etalase.
  var E = window.etalase = {
    $: (id) => doc.getElementById(id),
    // An element with a class and its children (text or nodes).
    el: (tag, className, ...children) => {
      var node = doc.createElement(tag);
      if (className) node.className = className;
      node.append(...children);
      return node;
    },
    // The same holes as in the site's messages: "{n} products".
    fill: (template, values) => template.replace(/\{(\w+)\}/g, (all, name) => values[name]),
    // The unit after `n`: `many` (an English plural) for any count but one, when there is one.
    unit: (n, one, many) => n == 1 ? one : many || one
  };
  var each = (selector, scope, then) => scope.querySelectorAll(selector).forEach(then);

  // Opened straight from disk (file://), folders do not open their index.html by themselves.
  var fromDisk = location.protocol === "file:";
  if (fromDisk) {
    each("a[href]", doc, (link) => {
      var href = attr(link, "href");
      if (!/^[a-z]+:/i.test(href) && !href.startsWith("#") && (href === "" || href.endsWith("/") || href === "..")) {
        link.href = href.replace(/\/?$/, "/") + "index.html";
      }
    });
  }

  // Share buttons are plain links to the page; with JS they open the phone's share sheet, or
  // copy the link where the browser has no share sheet.
  each("a[data-share]", doc, (link) => {
    link.addEventListener("click", (event) => {
      var url = attr(link, "href");
      if (navigator.share) {
        event.preventDefault();
        navigator.share({ title: attr(link, "data-title") || doc.title, url: url }).catch(() => {});
      } else if (navigator.clipboard && window.isSecureContext) {
        event.preventDefault();
        navigator.clipboard.writeText(url).then(() => { link.textContent = attr(link, "data-copied"); });
      }
    });
  });

  // The brochure's print button; without JS the page says how to print from the menu.
  each("button[data-print]", doc, (button) => {
    button.hidden = false;
    button.onclick = () => { print(); };
  });

  // The inquiry list: [slug, quantity] pairs in localStorage, the same list in every language.
  // The header badge counts them; "Add to list" controls (hidden without JS) are made from the
  // page's #list-add template. inquiry.js uses this store too.
  var badge = doc.querySelector("[data-list-badge]");
  if (badge) {
    var key = "etalase-list:" + new URL(attr(badge, "data-root"), location.href).pathname;
    var updates = [];
    var store = window.etalaseList = {
      read: () => {
        try {
          var list = JSON.parse(localStorage.getItem(key));
          return Array.isArray(list) ? list.filter((item) => item[1] > 0) : [];
        } catch (e) { return []; }
      },
      write: (list) => {
        try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) {}
        refresh();
      },
      text: (name) => attr(badge, "data-" + name),
      // A stepper from the template, its unit following the quantity (`show`, also after the
      // value is set from outside); `refuse` says why a quantity is below the minimum.
      stepper: (min, one, many, note) => {
        var part = E.$("list-add").content.cloneNode(true);
        var input = part.querySelector("input");
        var steps = part.querySelectorAll(".step");
        var label = part.querySelector(".unit");
        var show = () => { label.textContent = E.unit(input.value, one, many); };
        var refuse = () => {
          var unit = E.unit(min, one, many);
          note.textContent = store.text("below-min").replace("{n}", min).replace(" {unit}", unit ? " " + unit : "");
          note.className = "list-note list-note-refused";
        };
        input.min = min;
        input.addEventListener("input", show);
        steps[0].onclick = () => {
          if (input.value - 1 < min) refuse(); else input.value -= 1;
          show();
        };
        steps[1].onclick = () => { input.value = Math.max(min, Math.floor(input.value) + 1); show(); };
        return { node: part.firstElementChild, input: input, refuse: refuse, steps: steps, show: show };
      },
      enhance: (scope) => {
        each("[data-list-add][hidden]", scope, (box) => {
          var slug = attr(box, "data-list-add");
          var min = Number(attr(box, "data-min"));
          var add = E.el("button", "button list-add-button");
          var note = E.el("p", "list-note");
          var stepper = store.stepper(min, attr(box, "data-unit") || "", attr(box, "data-units"), note);
          var input = stepper.input;
          var mine = (item) => item[0] === slug;
          add.type = "button";
          note.setAttribute("role", "status");
          box.append(stepper.node, add, note);
          var update = () => {
            var held = (store.read().find(mine) || [])[1];
            if (doc.activeElement !== input) input.value = held || min;
            stepper.show();
            add.textContent = store.text(held ? "update" : "add");
            note.textContent = held ? store.text("in-list") : "";
            note.className = "list-note";
            return box.isConnected;
          };
          add.onclick = () => {
            var value = Math.floor(input.value);
            if (!(value >= min)) return stepper.refuse();
            var list = store.read();
            var at = list.findIndex(mine);
            list = list.filter((item) => !mine(item));
            list.splice(at < 0 ? list.length : at, 0, [slug, value]);
            store.write(list);
          };
          updates.push(update);
          update();
          box.hidden = false;
        });
      }
    };
    var refresh = () => {
      badge.querySelector("span:last-child").textContent = store.read().length;
      badge.hidden = false;
      updates = updates.filter((update) => update());
    };
    store.enhance(doc);
    refresh();
    addEventListener("storage", (event) => { if (event.key === key) refresh(); });
  }
})();

// Offline: the build's worker (sw.js at the site root, beside this script's assets/ folder)
// keeps the pages a visitor opens. Only over HTTP(S), and not under `etalase serve`, whose
// live reload must always show the newest build.
(function (script) {
  var worker = navigator.serviceWorker;
  if (!worker || !script || !/^https?:$/.test(location.protocol) ||
      document.querySelector("script[src^='/__etalase/']")) return;
  // Whether this page came through a worker; read now, as the new worker may claim the page
  // before `ready` settles.
  var came = worker.controller;
  worker.register(new URL("../sw.js", script.src)).then(function () {
    return worker.ready;
  }).then(function (registration) {
    // This page came before the worker: it hands over its address and what it loaded.
    if (!came) {
      registration.active.postMessage([location.href].concat(
        performance.getEntriesByType("resource").map(function (entry) { return entry.name; })));
    }
  }).catch(function () {});
})(document.currentScript);
