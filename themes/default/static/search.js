// etalase default theme: filters and search on the products page, run in the browser from the
// index the build writes beside the page (products/search.json). The state lives in the URL,
// so a filtered view is a link to share. Without this file the page lists every product.
(() => {
  "use strict";

  var E = window.etalase;
  var form = document.getElementById("product-filter");
  // Browsers refuse to fetch files from disk: opened from file://, the plain list stays.
  if (!form || !E || location.protocol === "file:") {
    // The space the style sheet keeps for the form goes with it.
    if (form) form.remove();
    return;
  }

  var $ = E.$;
  var el = E.el;
  var PAGE = 48;
  // How much a term counts where it matches: in the name, the producer, a tag; the
  // description counts 1.
  var NAME = 12;
  var PRODUCER = 6;
  var TAG = 3;
  var DIGIT = {};
  [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"].forEach((c, i) => { DIGIT[c] = i; });

  var list = $("product-list");
  var listPages = $("product-pages");
  var listCount = $("list-count");
  var results = $("search-results");
  var count = $("result-count");
  var empty = $("search-empty");
  var more = $("show-more");
  var root = form.dataset.root;
  var lang = form.dataset.lang;
  var texts = results.dataset;
  var index = null;
  var loading = null;
  var matches = [];
  var shown = 0;
  var typingIn = null;
  // A failed download of the index: the next use of the form tries again (see load).
  var offline = () => {};
  // The producer filter is a text field with suggestions, not a list of every producer in the
  // page: the names come from the index, so the page stays the same size at any catalogue
  // size. The URL carries the producer's slug, in the hidden field beside it.
  var producerName = $("filter-producer");
  var producerSlug = form.elements.producer;

  // Lowercase words without accents: the same for the index and for what a visitor types.
  var words = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  function load() {
    loading = loading || fetch(form.dataset.index)
      .then((response) => {
        if (!response.ok) throw Error(response.status);
        return response.json();
      })
      .then(prepare, (error) => {
        // Offline for a moment: the next use of the form tries again.
        loading = null;
        throw error;
      });
    return loading;
  }

  function prepare(data) {
    data.dictionary = data.words.map((word) => words(word).join(""));
    data.products.forEach((product, order) => {
      product.order = order;
      product.nameWords = words(product.n);
      product.producerWords = words(data.producers[product.p][1]);
      product.tagWords = words((product.t || []).join(" "));
      product.wordNumbers = decode(product.w);
    });
    index = data;
    $("filter-producers").append(...data.producers.map((producer) => new Option(producer[1])));
    producerName.value ||= nameOf(producerSlug.value);
  }

  // The name of the producer with `slug`; an unknown slug (from an old link) shows as it is,
  // and nothing shows before the index is in (its arrival fills in the name).
  var nameOf = (slug) => (index?.producers.find((p) => p[0] == slug) || [, index && slug])[1];

  // The slug of the producer whose name the visitor typed or picked, ignoring case, accents
  // and punctuation; none while the text names no producer (every name has a letter or digit).
  var producerFor = (text) => (index.producers.find((p) => words(p[1]).join() == words(text).join()) || [""])[0];

  // Description words come as numbers into the dictionary: sorted, written as the gaps
  // between them, 5 bits per digit, a digit of 32 or more meaning more digits follow.
  function decode(code) {
    var numbers = [];
    var value = 0;
    var shift = 0;
    var next = 0;
    for (var c of code) {
      var digit = DIGIT[c];
      value += (digit & 31) * 2 ** shift;
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
    var state = { cert: query.getAll("cert").filter(Boolean), min: rupiah(query.get("min")), max: rupiah(query.get("max")) };
    ["q", "category", "curation", "availability", "producer"].forEach((name) => { state[name] = query.get(name) || ""; });
    return state;
  }

  function rupiah(text) {
    var value = parseInt(text, 10);
    return isNaN(value) ? null : value;
  }

  // The words of a query that must match: common ones ("untuk", "the") are left out, as they
  // are left out of the index.
  var terms = (query) => words(query).filter((word) => !index || !index.stop_words.includes(word));

  // Whether a filter other than the search box is set.
  var filtered = (state) => !!(state.category || state.cert.length || state.curation ||
    state.availability || state.producer || state.min !== null || state.max !== null);

  var isActive = (state) => !!terms(state.q).length || filtered(state);

  // The form shows the state of the URL (on load, and on back and forward).
  function fill(state) {
    var fields = form.elements;
    ["q", "category", "curation", "availability", "producer", "min", "max"].forEach((name) => {
      fields[name].value = state[name] ?? "";
    });
    producerName.value = nameOf(state.producer);
    form.querySelectorAll("input[name=cert]").forEach((box) => {
      box.checked = state.cert.includes(box.value);
    });
    if (filtered(state)) form.querySelector("details").open = true;
  }

  // The URL of the form's state: the products page, with only the fields that are set.
  function formUrl() {
    var query = new URLSearchParams();
    new FormData(form).forEach((value, name) => {
      if (String(value).trim() !== "") query.append(name, value);
    });
    var text = query.toString();
    return form.action + (text ? "?" + text : "");
  }

  function find(state) {
    var wanted = terms(state.q);
    var hits = wanted.map((term) => index.dictionary.map((word) => word.startsWith(term)));
    matches = [];
    index.products.forEach((product) => {
      if (!passes(product, state)) return;
      var score = 0;
      for (var t = 0; t < wanted.length; t++) {
        var found = termScore(product, wanted[t], hits[t]);
        if (!found) return;
        score += found;
      }
      matches.push({ product: product, score: score });
    });
    matches.sort((a, b) => b.score - a.score || a.product.order - b.product.order);
  }

  function passes(product, state) {
    if (state.category && index.categories[product.c][0] !== state.category) return false;
    if (state.producer && index.producers[product.p][0] !== state.producer) return false;
    if (state.curation && product.cu !== state.curation) return false;
    // A product that does not say its availability has no `av` and matches no status.
    if (state.availability && product.av !== state.availability) return false;
    var held = product.ce || [];
    if (state.cert.some((cert) => !held.includes(cert))) return false;
    if (state.min === null && state.max === null) return true;
    var range = product.r;
    return !!range && (state.min === null || range[1] >= state.min) &&
      (state.max === null || range[0] <= state.max);
  }

  // Where a term matches decides the rank: the name first, the description last.
  var termScore = (product, term, hits) => prefixScore(product.nameWords, term, NAME) ||
    prefixScore(product.producerWords, term, PRODUCER) ||
    prefixScore(product.tagWords, term, TAG) ||
    (product.wordNumbers.some((n) => hits[n]) ? 1 : 0);

  function prefixScore(list, term, weight) {
    var best = 0;
    for (var word of list) {
      if (word === term) return weight + 1;
      if (word.startsWith(term)) best = weight;
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
    count.textContent = active ? matches.length + " " + count.dataset[matches.length == 1 ? "one" : "label"] : "";
    empty.hidden = !active || matches.length > 0;
  }

  var sameResults = (before, now) => !!before && before.length === now.length &&
    now.every((match, i) => match.product === before[i].product);

  function showMore() {
    results.append(...matches.slice(shown, shown + PAGE).map((match, i) => card(match.product, shown + i)));
    shown = Math.min(matches.length, shown + PAGE);
    more.hidden = shown >= matches.length;
  }

  // The same markup as the theme's product card (partials/product-card.html); as there, the
  // first row's photos load at once (the first is the page's largest paint), the rest lazily.
  function card(product, position) {
    var title = el("span", "card-title", product.n);
    var link = el("a", "card-link",
      product.i ? picture(product.i, "media/" + product.s + "-" + product.i.s + "-", position) : placeholder(),
      el("span", "card-body",
        el("span", "card-category", index.categories[product.c][1]),
        title,
        el("span", "card-producer", index.producers[product.p][1]),
        price(product)));
    var article = el("article", "card", link);
    link.href = root + lang + "/products/" + product.s + "/";
    if (product.nl) title.lang = product.nl;
    if (product.b) article.append(badges(product.b));
    // "Add to list", as the theme's card has it; etalase.js builds the control.
    var add = el("div", "list-add");
    add.hidden = true;
    var data = add.dataset;
    data.listAdd = product.s;
    data.min = product.mo || 1;
    if (product.u) data.unit = product.u;
    if (product.us) data.units = product.us;
    article.append(add);
    if (window.etalaseList) window.etalaseList.enhance(article);
    return el("li", "", article);
  }

  // `stem` + width + extension is the address of each copy.
  function picture(image, stem, position) {
    var extension = image.e || "jpg";
    var srcset = (format) => (image.ws || index.widths).map((width) =>
      root + stem + width + "." + format + " " + width + "w").join(", ");
    var frame = el("picture");
    if (!image.nw) {
      frame.append(Object.assign(el("source"), { type: "image/webp", sizes: texts.sizes, srcset: srcset("webp") }));
    }
    var img = Object.assign(el("img"), {
      loading: position < 4 ? "eager" : "lazy",
      fetchPriority: position ? "auto" : "high",
      decoding: "async",
      width: image.d[1],
      height: image.d[2],
      alt: image.a,
      sizes: texts.sizes,
      srcset: srcset(extension),
      src: root + stem + image.d[0] + "." + extension
    });
    img.style.backgroundColor = image.bg;
    frame.append(img);
    return frame;
  }

  function placeholder() {
    var box = el("span", "placeholder");
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", texts.noPhoto);
    return box;
  }

  function price(product) {
    if (!product.pt) return el("span", "card-price", el("span", "price price-on-request", texts.noPrice));
    var line = el("span", "card-price", el("span", "price", product.pt));
    if (product.u) line.append(" ", el("span", "unit", "/ " + product.u));
    return line;
  }

  function badges(numbers) {
    return el("ul", "badges", ...numbers.map((n) => {
      var badge = index.badges[n];
      var item = el("li", "badge badge-" + badge[0], badge[1]);
      if (badge[2]) item.append(" ", el("span", "badge-detail", badge[2]));
      return item;
    }));
  }

  function showUrlState() {
    var state = readState();
    if (!isActive(state)) {
      show(state);
      return;
    }
    load().then(() => { show(readState()); }, offline);
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

  // The search box, the prices and the producer's name are typed in; the rest are chosen.
  var typed = (field) => "search number text".includes(field.type);
  var on = (target, type, then, options) => target.addEventListener(type, then, options);
  form.hidden = false;
  fill(readState());
  showUrlState();
  on(form, "focusin", () => { load().catch(offline); }, { once: true });
  on(form, "input", (event) => {
    var field = event.target;
    if (field === producerName) {
      load().then(() => {
        producerSlug.value = producerFor(field.value);
        record("producer");
      }, offline);
    } else if (typed(field)) {
      record(field.name);
    }
  });
  on(form, "change", (event) => {
    if (!typed(event.target)) record(null);
  });
  on(form, "submit", (event) => {
    event.preventDefault();
    record(null);
    if (document.activeElement) document.activeElement.blur();
  });
  on($("filter-reset"), "click", (event) => {
    event.preventDefault();
    form.reset();
    record(null);
    fill(readState());
  });
  on(more, "click", showMore);
  on(window, "popstate", () => {
    typingIn = null;
    fill(readState());
    showUrlState();
  });
})();
