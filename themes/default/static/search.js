// etalase default theme: filters and search on the products page, run in the browser from the
// index the build writes beside the page (products/search.json). The state lives in the URL,
// so a filtered view is a link to share. Without this file the page lists every product.
(function () {
  "use strict";

  var form = document.getElementById("product-filter");
  // Browsers refuse to fetch files from disk: opened from file://, the plain list stays.
  if (!form || !window.fetch || !window.URLSearchParams || location.protocol === "file:") return;

  var PAGE = 48;
  var WEIGHT = { name: 12, producer: 6, tag: 3, description: 1 };
  var DIGIT = [];
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".split("").forEach(function (c, i) {
    DIGIT[c.charCodeAt(0)] = i;
  });

  var list = byId("product-list");
  var listPages = byId("product-pages");
  var listCount = byId("list-count");
  var results = byId("search-results");
  var count = byId("result-count");
  var empty = byId("search-empty");
  var more = byId("show-more");
  var root = form.getAttribute("data-root");
  var lang = form.getAttribute("data-lang");
  var index = null;
  var loading = null;
  var matches = [];
  var shown = 0;
  var typingIn = null;

  function byId(id) {
    return document.getElementById(id);
  }

  // Lowercase words without accents: the same for the index and for what a visitor types.
  function words(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function load() {
    loading = loading || fetch(form.getAttribute("data-index"))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(prepare, function (error) {
        // Offline for a moment: the next use of the form tries again.
        loading = null;
        throw error;
      });
    return loading;
  }

  function prepare(data) {
    data.dictionary = data.words.map(function (word) { return words(word).join(""); });
    data.products.forEach(function (product, order) {
      product.order = order;
      product.nameWords = words(product.n);
      product.producerWords = words(data.producers[product.p][1]);
      product.tagWords = words((product.t || []).join(" "));
      product.wordNumbers = decode(product.w);
    });
    index = data;
  }

  // Description words come as numbers into the dictionary: sorted, written as the gaps
  // between them, 5 bits per digit, a digit of 32 or more meaning more digits follow.
  function decode(code) {
    var numbers = [];
    var value = 0;
    var shift = 0;
    var next = 0;
    for (var i = 0; i < code.length; i++) {
      var digit = DIGIT[code.charCodeAt(i)];
      value += (digit & 31) * Math.pow(2, shift);
      shift += 5;
      if (digit < 32) {
        next += value;
        numbers.push(next);
        next += 1;
        value = 0;
        shift = 0;
      }
    }
    return numbers;
  }

  function readState() {
    var query = new URLSearchParams(location.search);
    return {
      q: query.get("q") || "",
      category: query.get("category") || "",
      cert: query.getAll("cert").filter(Boolean),
      curation: query.get("curation") || "",
      availability: query.get("availability") || "",
      producer: query.get("producer") || "",
      min: rupiah(query.get("min")),
      max: rupiah(query.get("max"))
    };
  }

  function rupiah(text) {
    var value = parseInt(text, 10);
    return isNaN(value) ? null : value;
  }

  // The words of a query that must match: common ones ("untuk", "the") are left out, as they
  // are left out of the index.
  function terms(query) {
    return words(query).filter(function (word) {
      return !index || index.stop_words.indexOf(word) === -1;
    });
  }

  function isActive(state) {
    return Boolean(terms(state.q).length || state.category || state.cert.length || state.curation ||
      state.availability || state.producer || state.min !== null || state.max !== null);
  }

  // The form shows the state of the URL (on load, and on back and forward).
  function fill(state) {
    var fields = form.elements;
    fields.q.value = state.q;
    ["category", "curation", "availability", "producer"].forEach(function (name) { fields[name].value = state[name]; });
    fields.min.value = state.min === null ? "" : state.min;
    fields.max.value = state.max === null ? "" : state.max;
    form.querySelectorAll("input[name=cert]").forEach(function (box) {
      box.checked = state.cert.indexOf(box.value) !== -1;
    });
    if (state.category || state.cert.length || state.curation || state.availability ||
        state.producer || state.min !== null || state.max !== null) {
      form.querySelector("details").open = true;
    }
  }

  // The URL of the form's state: the products page, with only the fields that are set.
  function formUrl() {
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== "") query.append(name, value);
    });
    var text = query.toString();
    return form.action + (text ? "?" + text : "");
  }

  function find(state) {
    var wanted = terms(state.q);
    var hits = wanted.map(function (term) {
      return index.dictionary.map(function (word) { return word.startsWith(term); });
    });
    matches = [];
    index.products.forEach(function (product) {
      if (!passes(product, state)) return;
      var score = 0;
      for (var t = 0; t < wanted.length; t++) {
        var found = termScore(product, wanted[t], hits[t]);
        if (!found) return;
        score += found;
      }
      matches.push({ product: product, score: score });
    });
    matches.sort(function (a, b) { return b.score - a.score || a.product.order - b.product.order; });
  }

  function passes(product, state) {
    if (state.category && index.categories[product.c][0] !== state.category) return false;
    if (state.producer && index.producers[product.p][0] !== state.producer) return false;
    if (state.curation && product.cu !== state.curation) return false;
    // A product that does not say its availability has no `av` and matches no status.
    if (state.availability && product.av !== state.availability) return false;
    var held = product.ce || [];
    if (state.cert.some(function (cert) { return held.indexOf(cert) === -1; })) return false;
    if (state.min === null && state.max === null) return true;
    var range = product.r;
    return Boolean(range) && (state.min === null || range[1] >= state.min) &&
      (state.max === null || range[0] <= state.max);
  }

  // Where a term matches decides the rank: the name first, the description last.
  function termScore(product, term, hits) {
    return prefixScore(product.nameWords, term, WEIGHT.name) ||
      prefixScore(product.producerWords, term, WEIGHT.producer) ||
      prefixScore(product.tagWords, term, WEIGHT.tag) ||
      (product.wordNumbers.some(function (n) { return hits[n]; }) ? WEIGHT.description : 0);
  }

  function prefixScore(list, term, weight) {
    var best = 0;
    for (var i = 0; i < list.length; i++) {
      if (list[i] === term) return weight + 1;
      if (list[i].startsWith(term)) best = weight;
    }
    return best;
  }

  function show(state) {
    var active = isActive(state);
    var before = active && !results.hidden ? matches : null;
    if (active) find(state);
    list.hidden = listPages.hidden = listCount.hidden = active;
    results.hidden = !active;
    // A keystroke that keeps the same results ("batik" → "batik ") leaves the cards alone.
    if (!sameResults(before, matches)) {
      results.textContent = "";
      shown = 0;
      if (active) showMore();
    }
    more.hidden = !active || shown >= matches.length;
    count.textContent = active ? matches.length + " " + count.getAttribute("data-label") : "";
    empty.hidden = !active || matches.length > 0;
  }

  function sameResults(before, now) {
    return Boolean(before) && before.length === now.length && now.every(function (match, i) {
      return match.product === before[i].product;
    });
  }

  function showMore() {
    var cards = document.createDocumentFragment();
    matches.slice(shown, shown + PAGE).forEach(function (match) { cards.appendChild(card(match.product)); });
    shown = Math.min(matches.length, shown + PAGE);
    results.appendChild(cards);
    more.hidden = shown >= matches.length;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The same markup as the theme's product card (partials/product-card.html).
  function card(product) {
    var item = element("li");
    var article = element("article", "card");
    var link = element("a", "card-link");
    link.href = root + lang + "/products/" + product.s + "/";
    link.appendChild(product.i ? picture(product.i, "media/" + product.s + "-" + product.i.s + "-") : placeholder());
    var body = element("span", "card-body");
    body.appendChild(element("span", "card-category", index.categories[product.c][1]));
    var title = element("span", "card-title", product.n);
    if (product.nl) title.lang = product.nl;
    body.appendChild(title);
    body.appendChild(element("span", "card-producer", index.producers[product.p][1]));
    body.appendChild(price(product));
    link.appendChild(body);
    article.appendChild(link);
    if (product.b) article.appendChild(badges(product.b));
    item.appendChild(article);
    return item;
  }

  // `stem` + width + extension is the address of each copy.
  function picture(image, stem) {
    var sizes = results.getAttribute("data-sizes");
    var extension = image.e || "jpg";
    var srcset = function (format) {
      return (image.ws || index.widths).map(function (width) {
        return root + stem + width + "." + format + " " + width + "w";
      }).join(", ");
    };
    var frame = element("picture");
    if (!image.nw) {
      var source = element("source");
      source.type = "image/webp";
      source.sizes = sizes;
      source.srcset = srcset("webp");
      frame.appendChild(source);
    }
    var img = element("img");
    img.loading = "lazy";
    img.decoding = "async";
    img.width = image.d[1];
    img.height = image.d[2];
    img.alt = image.a;
    img.style.backgroundColor = image.bg;
    img.sizes = sizes;
    img.srcset = srcset(extension);
    img.src = root + stem + image.d[0] + "." + extension;
    frame.appendChild(img);
    return frame;
  }

  function placeholder() {
    var box = element("span", "placeholder");
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", results.getAttribute("data-no-photo"));
    return box;
  }

  function price(product) {
    var line = element("span", "card-price");
    if (!product.pt) {
      line.appendChild(element("span", "price price-on-request", results.getAttribute("data-no-price")));
      return line;
    }
    line.appendChild(element("span", "price", product.pt));
    if (product.u) {
      line.appendChild(document.createTextNode(" "));
      line.appendChild(element("span", "unit", "/ " + product.u));
    }
    return line;
  }

  function badges(numbers) {
    var row = element("ul", "badges");
    numbers.forEach(function (n) {
      var badge = index.badges[n];
      var item = element("li", "badge badge-" + badge[0], badge[1]);
      if (badge[2]) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "badge-detail", badge[2]));
      }
      row.appendChild(item);
    });
    return row;
  }

  function showUrlState() {
    var state = readState();
    if (!isActive(state)) {
      show(state);
      return;
    }
    load().then(function () { show(readState()); }, function () {});
  }

  // Typing replaces the current history entry, so Back skips the keystrokes; choosing a
  // filter, or starting to type in another field, adds one.
  function record(field) {
    var url = formUrl();
    if (url === location.href) return;
    if (field && field === typingIn) {
      history.replaceState(null, "", url);
    } else {
      history.pushState(null, "", url);
    }
    typingIn = field;
    showUrlState();
  }

  form.hidden = false;
  fill(readState());
  showUrlState();
  form.addEventListener("focusin", function () { load().catch(function () {}); }, { once: true });
  form.addEventListener("input", function (event) {
    var field = event.target;
    if (field.type === "search" || field.type === "number") record(field.name);
  });
  form.addEventListener("change", function (event) {
    if (event.target.type !== "search" && event.target.type !== "number") record(null);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    record(null);
    if (document.activeElement) document.activeElement.blur();
  });
  byId("filter-reset").addEventListener("click", function (event) {
    event.preventDefault();
    form.reset();
    record(null);
    fill(readState());
  });
  more.addEventListener("click", showMore);
  window.addEventListener("popstate", function () {
    typingIn = null;
    fill(readState());
    showUrlState();
  });
})();
