// etalase default theme: the QR code of the inquiry list's link, for its printed order sheet
// (the link changes with the list, so the build cannot make it). Written for this theme from the
// QR code standard (ISO/IEC 18004): byte mode, error correction level L (the longest links fit
// in version 33), always mask 0 — every mask is valid, as scanners read it from the format
// bits, and skipping the choice keeps this small. window.etalaseQr(text) returns SVG markup.
(() => {
  "use strict";
  // Per version 1-40 at level L, each a character whose code is the number plus 48: the error
  // correction codewords per block (30 from version 27 on), and how many blocks.
  var ECC = "7:?DJBDHNBDHJNFHLNLLLLNNJLN";
  var BLOCKS = "11111222244444666678899:<<<=>?@ABCCDEFHI";
  // Arithmetic in GF(256) modulo x^8 + x^4 + x^3 + x^2 + 1, through logarithms.
  var EXP = [];
  var LOG = [];
  for (var i = 0, x = 1; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x = x << 1 ^ (x & 128 ? 285 : 0);
  }
  function times(a, b) { return a && b ? EXP[(LOG[a] + LOG[b]) % 255] : 0; }

  // The Reed-Solomon remainder of `data` for `n` error correction codewords.
  function correction(data, n) {
    var generator = [1];
    for (var i = 0; i < n; i++) {
      generator = generator.concat(0).map((c, j, g) => { return c ^ (j ? times(g[j - 1], EXP[i]) : 0); });
    }
    var rest = generator.slice(1).fill(0);
    data.forEach((byte) => {
      var factor = byte ^ rest.shift();
      rest.push(0);
      rest = rest.map((c, j) => { return c ^ times(generator[j + 1], factor); });
    });
    return rest;
  }

  window.etalaseQr = (text) => {
    var bytes = Array.from(new TextEncoder().encode(text));
    var version = 0;
    var total;
    var eccLength;
    var blocks;
    var capacity;
    do {
      version++;
      var bits = (16 * version + 128) * version + 64;
      var count = Math.floor(version / 7) + 2;
      if (version > 1) bits -= (25 * count - 10) * count - 55;
      if (version > 6) bits -= 36;
      total = bits >> 3;
      eccLength = ECC.charCodeAt(version - 1) - 48 || 30;
      blocks = BLOCKS.charCodeAt(version - 1) - 48;
      capacity = total - eccLength * blocks;
    } while (4 + (version < 10 ? 8 : 16) + 8 * bytes.length > 8 * capacity && version < 40);

    // The data bits: mode, length, bytes, terminator, then padding bytes.
    var stream = [];
    var put = (value, length) => {
      while (length--) stream.push(value >> length & 1);
    };
    put(4, 4);
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach((byte) => { put(byte, 8); });
    put(0, Math.min(4, 8 * capacity - stream.length));
    put(0, -stream.length & 7);
    for (var pad = 236; stream.length < 8 * capacity; pad ^= 253) put(pad, 8);
    var data = [];
    for (i = 0; i < stream.length; i += 8) data.push(parseInt(stream.slice(i, i + 8).join(""), 2));

    // Split into blocks (the last ones one codeword longer), then interleave.
    var short = Math.floor(total / blocks) - eccLength;
    var longFrom = blocks - total % blocks;
    var parts = [];
    for (var b = 0, at = 0; b < blocks; b++) {
      var length = short + (b < longFrom ? 0 : 1);
      parts.push(data.slice(at, at += length));
    }
    var codewords = [];
    for (i = 0; i <= short; i++) parts.forEach((part) => { if (i < part.length) codewords.push(part[i]); });
    var checks = parts.map((part) => { return correction(part, eccLength); });
    for (i = 0; i < eccLength; i++) checks.forEach((check) => { codewords.push(check[i]); });

    var size = 17 + 4 * version;
    var dark = [];
    var fixed = [];
    var set = (x, y, on) => {
      dark[y * size + x] = on;
      fixed[y * size + x] = 1;
    };
    // The square of modules within `radius` of a centre, each drawn as `ring` (its distance
    // from the centre) says; those outside the symbol (a separator's) are skipped (`>>> 0`
    // turns a negative coordinate into a huge one).
    var square = (cx, cy, radius, ring) => {
      for (var dy = -radius; dy <= radius; dy++) {
        for (var dx = -radius; dx <= radius; dx++) {
          var x = cx + dx;
          var y = cy + dy;
          if (x >>> 0 < size && y >>> 0 < size) set(x, y, ring(Math.max(Math.abs(dx), Math.abs(dy))));
        }
      }
    };
    // Finder patterns with their light separators, alignment patterns (where no finder is),
    // timing patterns.
    [[3, 3], [size - 4, 3], [3, size - 4]].forEach((centre) => {
      square(centre[0], centre[1], 4, (ring) => ring !== 2 && ring < 4);
    });
    if (version > 1) {
      // `count` is still, from the loop above, how many alignment positions a row has here.
      var step = version === 32 ? 26 : Math.ceil((4 * version + 4) / (2 * count - 2)) * 2;
      var spots = [6];
      for (i = 1; i < count; i++) spots.push(size - 7 - (count - 1 - i) * step);
      spots.forEach((ax) => {
        spots.forEach((ay) => {
          // Not under a finder pattern.
          if (!fixed[ay * size + ax]) square(ax, ay, 2, (ring) => ring !== 1);
        });
      });
    }
    for (i = 8; i < size - 8; i++) {
      set(6, i, i % 2 === 0);
      set(i, 6, i % 2 === 0);
    }
    // Format bits, twice: level L (01) and mask 0 never change, so neither do the 15 bits (with
    // their BCH code, after the standard's XOR mask): 111011111000100 is 30660. The dark module.
    for (i = 0; i < 15; i++) {
      var bit = 30660 >> i & 1;
      set(8, i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, bit);
      set(i < 8 ? size - 1 - i : i < 9 ? 7 : 14 - i, 8, bit);
    }
    set(8, size - 8, 1);
    // Version bits with their BCH code, twice, from version 7 on.
    if (version > 6) {
      var code = version << 12;
      for (i = 17; i > 11; i--) if (code >> i & 1) code ^= 7973 << (i - 12);
      code |= version << 12;
      for (i = 0; i < 18; i++) {
        set(size - 11 + i % 3, Math.floor(i / 3), code >> i & 1);
        set(Math.floor(i / 3), size - 11 + i % 3, code >> i & 1);
      }
    }
    // The codewords, in two-column zigzags from the bottom right, with mask 0 applied.
    var index = 0;
    for (var right = size - 1; right > 0; right -= 2) {
      if (right === 6) right = 5;
      for (var v = 0; v < size; v++) {
        for (var j = 0; j < 2; j++) {
          var x = right - j;
          var y = (right + 1) & 2 ? v : size - 1 - v;
          if (fixed[y * size + x]) continue;
          var on = index < 8 * codewords.length && codewords[index >> 3] >> (7 - (index & 7)) & 1;
          index++;
          dark[y * size + x] = on ^ ((x + y) % 2 === 0);
        }
      }
    }

    // One rectangle per run of dark modules in a row, inside a four-module quiet zone.
    var path = "";
    for (y = 0; y < size; y++) {
      for (x = 0; x < size; x++) {
        for (var run = 0; dark[y * size + x + run] && x + run < size;) run++;
        if (run) path += "M" + (x + 4) + " " + (y + 4) + "h" + run + "v1h-" + run + "z";
        x += run;
      }
    }
    var side = size + 8;
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + side + " " + side +
      '" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="' + path + '"/></svg>';
  };
})();
