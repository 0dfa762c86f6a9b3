// etalase default theme: the inquiry list page (/{lang}/inquiry/). The list ([slug, quantity]
// pairs) comes from etalase.js's store, or from a shared link (#l=slug.qty~slug.qty); names,
// units, prices and producers from this language's items.json; every text and the markup from
// the page (its settings and templates). Without JavaScript the page says the list needs it.
(() => {
  "use strict";
  var box = document.getElementById("inquiry");
  var store = window.etalaseList;
  var E = window.etalase;
  if (!box || !store) return;
  var fill = E.fill;
  // Every other element of the page has an id starting "list-".
  var $ = (id) => E.$("list-" + id);
  var settings = JSON.parse($("settings").textContent);
  var t = settings.t;
  var lang = settings.lang;
  var onRequest = settings.price_on_request;
  var publisher = settings.publisher;
  var office = settings.publisher_whatsapp;
  var root = box.getAttribute("data-root");
  var pages = root + lang + "/";
  // The site's own address of this language's pages, for the links in messages.
  var site = settings.base + "/" + lang + "/";
  var products = {};
  var producers = [];
  var list = [];
  // A shared link's list until the visitor adopts it; null while showing their own list.
  var shared = /[#&]l=([^&]*)/.exec(location.hash);
  // Some apps percent-encode "~" and "."; nothing else in a link needs decoding.
  shared = shared && shared[1].replace(/%7e/gi, "~").replace(/%2e/gi, ".").split("~").map((part) => {
    var dot = part.lastIndexOf(".");
    return [part.slice(0, dot), Math.floor(part.slice(dot + 1))];
  });

  var clone = (id) => $(id).content.firstElementChild.cloneNode(true);
  var find = (node, selector) => node.querySelector(selector);

  var link = () => site + "inquiry/#l=" + list.map((item) => item.join(".")).join("~");

  // "Rp 450.000", or "Rp 350.000 – 750.000" for a range, as the site prints prices.
  function price(range) {
    var group = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, settings.separator);
    return settings.currency + " " + group(range[0]) + (range[1] > range[0] ? " – " + group(range[1]) : "");
  }

  // The estimated total of items: the sum of the priced ones, then how many have no price.
  function total(items) {
    var sum = [0, 0];
    var unpriced = items.filter((item) => {
      var range = products[item[0]].r;
      if (range) { sum[0] += range[0] * item[1]; sum[1] += range[1] * item[1]; }
      return !range;
    }).length;
    if (unpriced === items.length) return onRequest;
    return price(sum) + (unpriced ? " " + fill(t.plus_on_request, { n: unpriced }) : "");
  }

  function groups() {
    var found = {};
    var order = [];
    list.forEach((item) => {
      var p = products[item[0]].p;
      if (!found[p]) order.push(found[p] = { producer: producers[p], items: [] });
      found[p].items.push(item);
    });
    return order;
  }

  // "- name: 10 pack" and the product's address, for each item.
  var lines = (items) => items.flatMap((item) => {
    var product = products[item[0]];
    return ["- " + product.n + ": " + item[1] + (product.u ? " " + E.unit(item[1], product.u, product.us) : ""), "  " + site + "products/" + item[0] + "/"];
  });

  var whatsapp = (number, text) => "https://wa.me/" + number + "?text=" +
    encodeURIComponent(text.concat("", fill(t.message_link, { link: link() })).join("\n"));

  function save() {
    if (shared) history.replaceState(null, "", "#" + link().split("#")[1]);
    else store.write(list);
  }

  function change(slug, value) {
    list = list.map((item) => item[0] === slug ? [slug, value] : item).filter((item) => item[1]);
    save();
    render();
  }

  function row(item) {
    var slug = item[0];
    var product = products[slug];
    var min = product.m || 1;
    var unit = product.u || "";
    var li = clone("row");
    var name = find(li, "a");
    var stepper = store.stepper(min, unit, product.us, find(li, "p"));
    var input = stepper.input;
    var steps = stepper.steps;
    var image = product.i;
    li.setAttribute("data-slug", slug);
    // Without a photo, the template's catalogue mark stays.
    if (image) find(li, "img").src = root + (image[0] === "/" ? image.slice(1) : "media/" + slug + "-" + image);
    name.textContent = product.n;
    name.href = pages + "products/" + slug + "/";
    if (product.nl) name.lang = product.nl;
    find(li, ".list-item-price").textContent = product.r ? price(product.r) + (unit && " / " + unit) : onRequest;
    find(li, ".list-item-total").textContent = total([item]);
    input.value = item[1];
    stepper.show();
    input.setAttribute("aria-label", t.quantity + " — " + product.n);
    input.onchange = steps[1].onclick = steps[0].onclick = (event) => {
      var by = event.target;
      var value = Math.floor(input.value) + (by === input ? 0 : by === steps[1] ? 1 : -1);
      if (value >= min) change(slug, value); else stepper.refuse();
    };
    find(li, "button.list-remove").onclick = () => { change(slug, 0); };
    li.insertBefore(stepper.node, li.children[2]);
    return li;
  }

  function section(group) {
    var part = clone("group");
    var producer = group.producer;
    var heading = find(part, "h2 a");
    var send = find(part, ".list-send");
    // To the producer, or to the publisher when the producer has no WhatsApp (as the single
    // product button does).
    var number = producer[2] || office;
    var to = producer[2] ? producer[1] : publisher;
    heading.textContent = producer[1];
    heading.href = pages + "producers/" + producer[0] + "/";
    find(part, "ul").append(...group.items.map(row));
    find(part, "strong").textContent = total(group.items);
    send.textContent = fill(t.send_to, { to: to });
    send.href = whatsapp(number, [fill(t.message_producer, { to: to, producer: producer[1] })].concat(lines(group.items)));
    send.hidden = !number;
    return part;
  }

  function render() {
    var all = groups();
    var message = [fill(t.message_all, { to: publisher })];
    var sendAll = $("send-all");
    all.forEach((group) => {
      message = message.concat("", "*" + group.producer[1] + "*", lines(group.items));
    });
    $("groups").replaceChildren(...all.map(section));
    $("empty").hidden = list.length;
    $("summary").hidden = !list.length;
    $("shared").hidden = !shared;
    $("total").textContent = total(list);
    $("send-all-box").hidden = !office;
    sendAll.textContent = fill(t.send_all, { to: publisher });
    sendAll.href = whatsapp(office, message);
    // The share button is etalase.js's: the phone's share sheet, or a copy of the link.
    $("link").value = $("share").href = link();
    if (window.etalaseQr) $("qr").innerHTML = window.etalaseQr(link());
  }

  function status(text, action, then) {
    var line = $("status");
    line.textContent = text + " ";
    if (action) {
      var button = E.el("button", "button button-quiet", action);
      button.onclick = then;
      line.append(button);
    }
    line.hidden = false;
  }

  $("clear").onclick = () => {
    var cleared = list;
    list = [];
    save();
    render();
    status(t.cleared, t.undo, () => {
      list = cleared;
      save();
      render();
      $("status").hidden = true;
    });
  };

  $("adopt").onclick = () => {
    shared = null;
    history.replaceState(null, "", location.pathname);
    save();
    render();
    status(t.adopted);
  };

  $("date").textContent = new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });

  fetch(root + settings.items).then((response) => response.json()).then((data) => {
    producers = data.producers;
    data.products.forEach((product) => { products[product.s] = product; });
    var own = store.read();
    // A link to the visitor's own list shows it as theirs.
    if (JSON.stringify(shared) === JSON.stringify(own)) shared = null;
    var wanted = shared || own;
    var seen = {};
    // Unknown or repeated products and quantities that are not whole numbers are left out.
    list = wanted.filter((item) => {
      var keep = products[item[0]] && item[1] > 0 && !seen[item[0]];
      seen[item[0]] = 1;
      return keep;
    });
    var dropped = wanted.length - list.length;
    $("dropped").hidden = !dropped;
    $("dropped").textContent = fill(t.dropped, { n: dropped });
    if (shared) shared = list;
    else if (dropped) save();
    box.hidden = false;
    render();
  });
})();
