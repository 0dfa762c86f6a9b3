// etalase default theme: filters and search on the products page, run in the browser from the
// index the build writes beside the page (products/search/index.json). A small catalogue's
// index is that one file; a large one's names the shards to fetch as needed: the words of a
// term's first letters, the filter columns used, the cards shown (src/render/search_shards.rs).
// The state lives in the URL, so a filtered view is a link to share. Without this file the page
// lists every product.
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
  // The cards of a split index shown with the count, before the rest of the first page: a
  // screenful, so that a keystroke waits for a few record files only.
  var FIRST = 12;
  // How much a term counts where it matches: in the name, the producer, a tag; the
  // description counts 1.
  var NAME = 12;
  var PRODUCER = 6;
  var TAG = 3;
  // A split index's field codes (description, tag, producer, name) and what they score; the
  // scores of a score file's codes.
  var WEIGHTS = [1, TAG, PRODUCER, NAME];
  var SCORES = [0, 1, 3, 4, 6, 7, 12, 13];
  // The value of each digit of the index's codes, by character code.
  var DIGIT = new Uint8Array(128);
  [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"].forEach((c, i) => { DIGIT[c.charCodeAt()] = i; });

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
  // The producers, [slug, name]: in a split index, fetched when a producer filter is used.
  var producers = null;
  // A split index's files, by name: promises of their parsed content.
  var files = {};
  // The numbers of the products found, best first; the newest search's ticket.
  var matches = [];
  var ticket = 0;
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

  // The entry is revalidated (its address never changes); the other files are named after
  // their content and never change.
  var fetchJson = (url, options) => fetch(url, options).then((response) => {
    if (!response.ok) throw Error(response.status);
    return response.json();
  });

  function load() {
    loading = loading || fetchJson(form.dataset.index, { cache: "no-cache" })
      .then(prepare, (error) => {
        // Offline for a moment: the next use of the form tries again.
        loading = null;
        throw error;
      });
    return loading;
  }

  // A file of the split index, fetched once; a failed fetch is tried again at once (a
  // phone's signal drops requests now and then), then again the next time it is needed.
  var file = (name) => {
    var url = new URL(name, new URL(form.dataset.index, location.href));
    return files[name] ||= fetchJson(url).catch(() => fetchJson(url)).catch((error) => {
      delete files[name];
      throw error;
    });
  };

  function prepare(data) {
    index = data;
    if (!data.products) return;
    data.dictionary = data.words.map((word) => words(word).join(""));
    data.products.forEach((product, order) => {
      product.order = order;
      product.pn = data.producers[product.p][1];
      product.nameWords = words(product.n);
      product.producerWords = words(product.pn);
      product.tagWords = words((product.t || []).join(" "));
      product.wordNumbers = decode(product.w);
    });
    return loadProducers();
  }

  // The producers' names, for the suggestions and the producer's name in the field.
  function loadProducers() {
    // Called by prepare, when `index` is set but `loading` not yet settled.
    return (index ? Promise.resolve() : load()).then(() => index.products ? index.producers : file(index.producers)).then((list) => {
      // Once, when they arrive: the name of the address's producer, unless one was typed.
      if (producers !== list) {
        producers = list;
        $("filter-producers").replaceChildren(...list.map((producer) => new Option(producer[1])));
        producerName.value ||= nameOf(producerSlug.value);
      }
    });
  }

  // The name of the producer with `slug`; an unknown slug (from an old link) shows as it is,
  // and nothing shows before the index is in (its arrival fills in the name).
  var nameOf = (slug) => (producers?.find((p) => p[0] == slug) || [, producers && slug])[1];

  // The slug of the producer whose name the visitor typed or picked, ignoring case, accents
  // and punctuation; none while the text names no producer (every name has a letter or digit).
  var producerFor = (text) => (producers.find((p) => words(p[1]).join() == words(text).join()) || [""])[0];

  // Description words come as numbers into the dictionary: sorted, written as the gaps
  // between them, 5 bits per digit, a digit of 32 or more meaning more digits follow.
  function decode(code) {
    var found = [];
    var next = 0;
    numbers(code, (value) => {
      next += value;
      found.push(next);
      next += 1;
    });
    return found;
  }

  // The numbers of a code, in order: 5 bits per digit, lowest first, a digit of 32 or more
  // meaning more digits follow.
  function numbers(code, then) {
    var value = 0;
    var shift = 0;
    for (var i = 0; i < code.length; i++) {
      var digit = DIGIT[code.charCodeAt(i)];
      value += (digit & 31) * 2 ** shift;
      shift += 5;
      if (digit < 32) {
        then(value);
        value = 0;
        shift = 0;
      }
    }
  }

  var decodeAll = (code) => {
    var all = [];
    numbers(code, (value) => all.push(value));
    return all;
  };

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

  // The numbers of the products the state finds, best first: from the whole index at once,
  // from a split one when its files are in.
  var find = (state) => index.products ? Promise.resolve(findWhole(state)) : findSplit(state);

  function findWhole(state) {
    var wanted = terms(state.q);
    var hits = wanted.map((term) => index.dictionary.map((word) => word.startsWith(term)));
    var found = [];
    index.products.forEach((product) => {
      if (!passes(product, state)) return;
      var score = 0;
      for (var t = 0; t < wanted.length; t++) {
        var one = termScore(product, wanted[t], hits[t]);
        if (!one) return;
        score += one;
      }
      found.push({ n: product.order, score: score });
    });
    found.sort((a, b) => b.score - a.score || a.n - b.n);
    return found.map((match) => match.n);
  }

  // A split index: each term's scores from its shard, summed where every term matched; the
  // filters' columns; then the products by score, ties in catalogue order (a counting sort:
  // scores are small numbers, and 100,000 products must not be sorted on a keystroke).
  function findSplit(state) {
    var wanted = terms(state.q);
    return Promise.all([Promise.all(wanted.map(termScores)), filterTest(state)]).then(([scores, test]) => {
      var total = new Uint16Array(index.count);
      var counts = new Uint32Array(14 * scores.length + 2);
      for (var n = 0; n < index.count; n++) {
        var sum = 1;
        for (var t = 0; t < scores.length && sum; t++) sum = scores[t][n] && sum + scores[t][n];
        if (sum && (!test || test(n))) counts[total[n] = sum]++;
      }
      // Where each score's products start in the list, the best first; then each in its place.
      var start = 0;
      for (var s = counts.length; --s;) {
        var many = counts[s];
        counts[s] = start;
        start += many;
      }
      // A typed array: a plain one of 100,000 is slow to fill (V8 keeps it as a dictionary).
      var found = new Uint32Array(start);
      for (n = 0; n < index.count; n++) if (total[n]) found[counts[total[n]]++] = n;
      return found;
    });
  }

  // Each product's score for one term (0: no match), from the term's shard; the last few
  // terms' scores are kept, as typing "kopi b" asks for "kopi" again.
  var kept = new Map();
  function termScores(term) {
    if (!kept.has(term)) {
      if (kept.size > 8) kept.delete(kept.keys().next().value);
      kept.set(term, scoresOf(term).catch((error) => {
        kept.delete(term);
        throw error;
      }));
    }
    return kept.get(term);
  }

  // The file of the term's longest first letters the index has: the words starting so (`t-`),
  // or the scores of those letters typed alone (`s-`), when they have more words than one
  // file should hold: a longer term then has a file of its own, or no word starts with it.
  function scoresOf(term) {
    var letters = [...term];
    var key = letters.length + 1;
    while (--key && !index.terms[letters.slice(0, key).join("")]);
    var name = index.terms[letters.slice(0, key).join("")];
    var scores = new Uint8Array(index.count);
    if (!key || name[0] == "s" && key < letters.length) return Promise.resolve(scores);
    return file(name).then((shard) => {
      var n = 0;
      // Two products a digit, 3 bits each; or the products that score, as gap × 16 + score.
      if (shard.d) {
        for (; n < index.count; n++) scores[n] = SCORES[DIGIT[shard.d.charCodeAt(n >> 1)] >> (n & 1 ? 0 : 3) & 7];
      }
      if (shard.a) {
        numbers(shard.a, (value) => {
          n += value >> 4;
          scores[n++] = value & 15;
        });
      }
      if (!shard.w) return scores;
      shard.w.forEach((word, i) => {
        if (!word.startsWith(term)) return;
        var exact = word === term;
        var next = 0;
        numbers(shard.p[i], (value) => {
          var n = next + Math.floor(value / 4);
          var field = value % 4;
          var score = WEIGHTS[field] + (exact && field ? 1 : 0);
          if (score > scores[n]) scores[n] = score;
          next = n + 1;
        });
      });
      return scores;
    });
  }

  // Which product numbers pass the filters: each filter used reads its column.
  function filterTest(state) {
    var tests = [];
    var column = (name, test) => tests.push(file(index.columns[name]).then((data) => {
      data.values ||= decodeAll(data.d);
      return (n) => test(data.values, n);
    }));
    var among = (list, value) => list.indexOf(value);
    if (state.category) {
      var category = index.categories.findIndex((c) => c[0] === state.category);
      column("category", (values, n) => values[n] === category);
    }
    if (state.producer) {
      tests.push(loadProducers().then(() => producers.findIndex((p) => p[0] === state.producer)).then((producer) =>
        file(index.columns.producer).then((data) => {
          data.values ||= decodeAll(data.d);
          return (n) => data.values[n] === producer;
        })));
    }
    if (state.curation) {
      var curation = among(index.curations, state.curation);
      column("curation", (values, n) => values[n] === curation);
    }
    if (state.availability) {
      // 0 is "does not say", which matches no status.
      var availability = among(index.availabilities, state.availability) + 1;
      column("availability", (values, n) => availability > 0 && values[n] === availability);
    }
    if (state.cert.length) {
      var bits = state.cert.map((cert) => among(index.certifications, cert));
      var mask = bits.reduce((all, bit) => all | 1 << bit, 0);
      column("certifications", (values, n) => !bits.includes(-1) && (values[n] & mask) === mask);
    }
    if (state.min !== null || state.max !== null) {
      column("price", (values, n) => {
        var low = values[2 * n] - 1;
        var high = low + values[2 * n + 1];
        return low >= 0 && (state.min === null || high >= state.min) && (state.max === null || low <= state.max);
      });
    }
    // None: no test, and no call per product.
    return Promise.all(tests).then((all) => all.length ? (n) => all.every((test) => test(n)) : null);
  }

  // The card data of products `numbers`: from the whole index, or their record chunks.
  function records(numbers) {
    numbers = Array.from(numbers);
    if (index.products) return Promise.resolve(numbers.map((n) => index.products[n]));
    var chunk = (n) => Math.floor(n / index.chunk);
    return Promise.all(numbers.map((n) => file("r-" + index.records.substr(8 * chunk(n), 8) + ".json")))
      .then((chunks) => chunks.map((list, i) => list[numbers[i] % index.chunk]));
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

  // Shows the products `found` for `state`, with the cards of the first ones, `first`, then
  // the rest of the first page's.
  function show(state, found, first) {
    var active = isActive(state);
    var before = active && !results.hidden ? matches : null;
    list.hidden = listPages.hidden = listCount.hidden = active;
    results.hidden = !active;
    // A keystroke that keeps the same results ("batik" → "batik ") leaves the cards alone.
    if (!sameResults(before, found)) {
      matches = found;
      results.replaceChildren(...first.map(card));
      shown = first.length;
      if (shown < Math.min(PAGE, matches.length)) showMore(PAGE - shown);
    }
    more.hidden = !active || shown >= matches.length;
    count.textContent = active ? matches.length + " " + count.dataset[matches.length == 1 ? "one" : "label"] : "";
    empty.hidden = !active || matches.length > 0;
    // For benchmarks and tests: the results of the newest state are on the page.
    form.dispatchEvent(new Event("etalase-results"));
  }

  var sameResults = (before, now) => !!before && before.length === now.length &&
    now.every((n, i) => n === before[i]);

  // `cards` more cards (a page's unless told), while the results stay the ones they are for.
  function showMore(cards) {
    var from = shown;
    var mine = matches;
    shown = Math.min(matches.length, shown + (+cards || PAGE));
    more.hidden = shown >= matches.length;
    // In order, though a later page's chunks may arrive first.
    var numbers = matches.slice(from, shown);
    appending = appending.then(() => records(numbers)).then((products) => {
      if (mine === matches) results.append(...products.map((product, i) => card(product, from + i)));
    }, offline);
  }
  var appending = Promise.resolve();

  // The same markup as the theme's product card (partials/product-card.html); as there, the
  // first row's photos load at once (the first is the page's largest paint), the rest lazily.
  function card(product, position) {
    var title = el("span", "card-title", product.n);
    var link = el("a", "card-link",
      product.i ? picture(product.i, "media/" + product.s + "-" + product.i.s + "-", position) : placeholder(),
      el("span", "card-body",
        el("span", "card-category", index.categories[product.c][1]),
        title,
        el("span", "card-producer", product.pn),
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
      // A split index's cards carry their badges; the whole index's, their positions.
      var badge = Array.isArray(n) ? n : index.badges[n];
      var item = el("li", "badge badge-" + badge[0], badge[1]);
      if (badge[2]) item.append(" ", el("span", "badge-detail", badge[2]));
      return item;
    }));
  }

  // Shows the URL's state once what it needs is in; a newer state overtakes an older one.
  function showUrlState() {
    var state = readState();
    var mine = ++ticket;
    if (!isActive(state)) {
      show(state, [], []);
      return;
    }
    load().then(() => {
      state = readState();
      return find(state);
    }).then((found) => {
      // A split index's cards: the rest of the first page's record files are asked for at
      // once, after the first's. The whole index's come at once.
      var few = index.products ? PAGE : FIRST;
      records(found.slice(few, PAGE)).catch(offline);
      return records(found.slice(0, few)).then((first) => {
        if (mine === ticket) show(state, found, first);
      });
    }, offline);
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
  on(producerName, "focus", () => { loadProducers().catch(offline); });
  on(form, "input", (event) => {
    var field = event.target;
    if (field === producerName) {
      loadProducers().then(() => {
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
