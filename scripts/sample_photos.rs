//! Generates the sample catalogue's illustrative photos and producer logos.
//!
//! The bundled sample catalogue under `content/` references product photos
//! (`photos: - file: …` in `content/products/*/product.yaml`) and producer
//! logos (`logo: …` in `content/producers/*/producer.yaml`). Instead of
//! shipping real photographs, this program paints a simple illustration for
//! every referenced file and writes it next to the YAML that references it:
//!
//! * **batik** — repeating Mojokerto motifs (Surya Majapahit, Gringsing,
//!   Mrico Bolong, Koro Renteng, kawung, parang) on laid-out cloth, folded
//!   cloth, a shirt, a scarf or a tote bag;
//! * **kriya** — cast brass (statue, figurine, plaque, bell), leather and
//!   batik sandals, a slip-on shoe and woven bamboo, with soft shading;
//! * **makanan-minuman** — onde-onde on a plate, in a box, jar or frozen
//!   pack, jars of sambal wader, snack pouches, chips and hot drinks.
//!
//! The scene is chosen from the product's category and keywords in its slug
//! (e.g. `onde`, `sambal`, `sandal`, `surya`), and the variant from the file
//! name (`utama` = main view, `motif`/`detail` = close-up, `lipat`, `isi`,
//! `kemasan`, `sajian`, `seduh`, `samping`). Unknown slugs fall back to a
//! generic picture for their category, so new sample products still get one.
//!
//! Photos are 1200×900 JPEG (quality 76); logos are 256×256 RGBA PNG with a
//! geometric monogram drawn from the producer's initials (no font needed).
//! Output is deterministic: all "random" choices come from a small
//! hand-written PRNG seeded with the file's path relative to the repository,
//! so repeated runs write identical bytes (on the same platform).
//!
//! Run it from anywhere inside the repository:
//!
//! ```text
//! cargo run --release --example sample-photos
//! ```
//!
//! It overwrites the referenced files in place and prints their sizes and the
//! total (keep the total under 6 MB). Optional arguments restrict the run to
//! files whose path contains one of them, e.g. `-- onde logo.png`.

use std::collections::BTreeMap;
use std::error::Error;
use std::f32::consts::{FRAC_1_SQRT_2, PI, TAU};
use std::fs;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use serde::Deserialize;

const PHOTO_W: usize = 1200;
const PHOTO_H: usize = 900;
const LOGO_SIZE: usize = 256;
const JPEG_QUALITY: u8 = 76;

// ---------------------------------------------------------------------------
// Content model (only the fields this program needs; the rest is ignored)
// ---------------------------------------------------------------------------

#[derive(Deserialize)]
struct ProductYaml {
    producer: String,
    category: String,
    #[serde(default)]
    photos: Vec<PhotoYaml>,
}

#[derive(Deserialize)]
struct PhotoYaml {
    file: String,
}

#[derive(Deserialize)]
struct ProducerYaml {
    name: String,
    logo: Option<String>,
}

// ---------------------------------------------------------------------------
// Deterministic PRNG (FNV-1a seed + SplitMix64)
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn from_key(key: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in key.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Rng(h)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    fn range(&mut self, a: f32, b: f32) -> f32 {
        a + (b - a) * self.unit()
    }
}

// ---------------------------------------------------------------------------
// Colour helpers
// ---------------------------------------------------------------------------

type Rgb = [f32; 3];

const fn rgb(hex: u32) -> Rgb {
    [
        ((hex >> 16) & 0xff) as f32 / 255.0,
        ((hex >> 8) & 0xff) as f32 / 255.0,
        (hex & 0xff) as f32 / 255.0,
    ]
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

fn scale(c: Rgb, k: f32) -> Rgb {
    [c[0] * k, c[1] * k, c[2] * k]
}

fn add(a: Rgb, b: Rgb) -> Rgb {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Anti-aliased coverage of a signed distance `d` for a pixel of width `pw`.
fn cov(d: f32, pw: f32) -> f32 {
    (0.5 - d / pw).clamp(0.0, 1.0)
}

// ---------------------------------------------------------------------------
// Signed distance functions (negative inside)
// ---------------------------------------------------------------------------

fn circle(x: f32, y: f32, cx: f32, cy: f32, r: f32) -> f32 {
    (x - cx).hypot(y - cy) - r
}

fn ellipse(x: f32, y: f32, c: (f32, f32), rx: f32, ry: f32) -> f32 {
    let px = (x - c.0) / rx;
    let py = (y - c.1) / ry;
    let k0 = px.hypot(py);
    let k1 = (px / rx).hypot(py / ry);
    if k1 < 1e-6 {
        -rx.min(ry)
    } else {
        k0 * (k0 - 1.0) / k1
    }
}

fn rbox(x: f32, y: f32, c: (f32, f32), half: (f32, f32), r: f32) -> f32 {
    let qx = (x - c.0).abs() - half.0 + r;
    let qy = (y - c.1).abs() - half.1 + r;
    qx.max(0.0).hypot(qy.max(0.0)) + qx.max(qy).min(0.0) - r
}

fn segment(x: f32, y: f32, a: (f32, f32), b: (f32, f32)) -> f32 {
    let (px, py) = (x - a.0, y - a.1);
    let (ex, ey) = (b.0 - a.0, b.1 - a.1);
    let h = ((px * ex + py * ey) / (ex * ex + ey * ey).max(1e-9)).clamp(0.0, 1.0);
    (px - ex * h).hypot(py - ey * h)
}

fn polyline(x: f32, y: f32, pts: &[(f32, f32)]) -> f32 {
    pts.windows(2)
        .map(|w| segment(x, y, w[0], w[1]))
        .fold(f32::MAX, f32::min)
}

fn polygon(x: f32, y: f32, v: &[(f32, f32)]) -> f32 {
    let mut d = (x - v[0].0).powi(2) + (y - v[0].1).powi(2);
    let mut s = 1.0;
    let n = v.len();
    let mut j = n - 1;
    for i in 0..n {
        let (ex, ey) = (v[j].0 - v[i].0, v[j].1 - v[i].1);
        let (wx, wy) = (x - v[i].0, y - v[i].1);
        let h = ((wx * ex + wy * ey) / (ex * ex + ey * ey).max(1e-9)).clamp(0.0, 1.0);
        let (bx, by) = (wx - ex * h, wy - ey * h);
        d = d.min(bx * bx + by * by);
        let c1 = y >= v[i].1;
        let c2 = y < v[j].1;
        let c3 = ex * wy > ey * wx;
        if (c1 && c2 && c3) || (!c1 && !c2 && !c3) {
            s = -s;
        }
        j = i;
    }
    s * d.sqrt()
}

/// Star with `n` points, outer radius `r` and sharpness `m` in [2, n].
fn star(x: f32, y: f32, r: f32, n: f32, m: f32) -> f32 {
    let an = PI / n;
    let en = PI / m;
    let (acx, acy) = (an.cos(), an.sin());
    let (ecx, ecy) = (en.cos(), en.sin());
    let bn = x.atan2(y).rem_euclid(2.0 * an) - an;
    let len = x.hypot(y);
    let mut px = len * bn.cos() - r * acx;
    let mut py = len * bn.sin().abs() - r * acy;
    let t = (-(px * ecx + py * ecy)).clamp(0.0, r * acy / ecy);
    px += ecx * t;
    py += ecy * t;
    px.hypot(py) * px.signum()
}

fn smin(a: f32, b: f32, k: f32) -> f32 {
    let h = (0.5 + 0.5 * (b - a) / k).clamp(0.0, 1.0);
    b * (1.0 - h) + a * h - k * h * (1.0 - h)
}

/// Coordinates of (x, y) in a frame centred on `c` and rotated by `ang`.
fn local(x: f32, y: f32, c: (f32, f32), ang: f32) -> (f32, f32) {
    let (s, co) = ang.sin_cos();
    let (dx, dy) = (x - c.0, y - c.1);
    (dx * co + dy * s, -dx * s + dy * co)
}

fn bb(cx: f32, cy: f32, hw: f32, hh: f32) -> Rect {
    [cx - hw, cy - hh, cx + hw, cy + hh]
}

type Rect = [f32; 4];
const FULL: Rect = [-1.0e4, -1.0e4, 1.0e4, 1.0e4];

// ---------------------------------------------------------------------------
// Canvas with a zoomable view onto a fixed design space
// ---------------------------------------------------------------------------

struct Canvas {
    w: usize,
    h: usize,
    px: Vec<Rgb>,
    zoom: f32,
    off: (f32, f32),
    /// Optional per-pixel coverage that limits all painting (e.g. a window).
    clip: Option<Vec<f32>>,
}

impl Canvas {
    fn new(w: usize, h: usize) -> Canvas {
        Canvas {
            w,
            h,
            px: vec![[0.0; 3]; w * h],
            zoom: 1.0,
            off: (0.0, 0.0),
            clip: None,
        }
    }

    /// Restricts painting to the inside of `sdf` until `clear_clip`.
    fn set_clip(&mut self, sdf: &dyn Fn(f32, f32) -> f32) {
        let pw = self.pw();
        let mut mask = vec![0.0; self.w * self.h];
        for (i, m) in mask.iter_mut().enumerate() {
            let x = ((i % self.w) as f32 + 0.5 - self.off.0) / self.zoom;
            let y = ((i / self.w) as f32 + 0.5 - self.off.1) / self.zoom;
            *m = cov(sdf(x, y), pw);
        }
        self.clip = Some(mask);
    }

    fn clear_clip(&mut self) {
        self.clip = None;
    }

    /// Shows design point (cx, cy) at the centre of the canvas, magnified.
    fn view(&mut self, zoom: f32, cx: f32, cy: f32) {
        self.zoom = zoom;
        self.off = (
            self.w as f32 / 2.0 - cx * zoom,
            self.h as f32 / 2.0 - cy * zoom,
        );
    }

    /// Width of one pixel in design units.
    fn pw(&self) -> f32 {
        1.0 / self.zoom
    }

    fn pixels(&self, r: Rect) -> (usize, usize, usize, usize) {
        let f =
            |v: f32, o: f32, max: usize| ((v * self.zoom + o).floor().max(0.0) as usize).min(max);
        (
            f(r[0], self.off.0, self.w),
            f(r[1], self.off.1, self.h),
            f(r[2] + 2.0 / self.zoom, self.off.0, self.w),
            f(r[3] + 2.0 / self.zoom, self.off.1, self.h),
        )
    }

    /// Calls `f(x, y, pixel, clip)` for every pixel overlapping `r`.
    fn each(&mut self, r: Rect, mut f: impl FnMut(f32, f32, &mut Rgb, f32)) {
        let (x0, y0, x1, y1) = self.pixels(r);
        let (zoom, off, w) = (self.zoom, self.off, self.w);
        let clip = self.clip.as_deref();
        for py in y0..y1 {
            let row = &mut self.px[py * w..(py + 1) * w];
            let y = (py as f32 + 0.5 - off.1) / zoom;
            for (px, p) in row.iter_mut().enumerate().take(x1).skip(x0) {
                let k = clip.map_or(1.0, |m| m[py * w + px]);
                if k > 0.0 {
                    let x = (px as f32 + 0.5 - off.0) / zoom;
                    f(x, y, p, k);
                }
            }
        }
    }

    fn fill(&mut self, col: &dyn Fn(f32, f32) -> Rgb) {
        self.each(FULL, |x, y, p, k| *p = mix(*p, col(x, y), k));
    }

    fn paint(&mut self, r: Rect, sdf: &dyn Fn(f32, f32) -> f32, col: &dyn Fn(f32, f32) -> Rgb) {
        self.paint_a(r, sdf, col, 1.0);
    }

    fn paint_a(
        &mut self,
        r: Rect,
        sdf: &dyn Fn(f32, f32) -> f32,
        col: &dyn Fn(f32, f32) -> Rgb,
        opacity: f32,
    ) {
        let pw = self.pw();
        self.each(r, |x, y, p, k| {
            let a = cov(sdf(x, y), pw) * opacity * k;
            if a > 0.0 {
                *p = mix(*p, col(x, y), a);
            }
        });
    }

    /// Soft shadow: darkens towards `tint` inside `sdf`, blurred over `blur`.
    fn shadow(&mut self, r: Rect, sdf: &dyn Fn(f32, f32) -> f32, blur: f32, strength: f32) {
        let r = [r[0] - blur, r[1] - blur, r[2] + blur, r[3] + blur];
        self.each(r, |x, y, p, k| {
            let a = (1.0 - smoothstep(-blur, blur, sdf(x, y))) * strength * k;
            if a > 0.0 {
                *p = scale(*p, 1.0 - a);
            }
        });
    }

    fn vignette(&mut self, amount: f32) {
        let (w, h) = (self.w as f32, self.h as f32);
        let pix = &mut self.px;
        for (i, p) in pix.iter_mut().enumerate() {
            let x = ((i % self.w) as f32 + 0.5) / w - 0.5;
            let y = ((i / self.w) as f32 + 0.5) / h - 0.5;
            let r2 = (x * x + y * y) * 2.0;
            *p = scale(*p, 1.0 - amount * r2 * r2.sqrt());
        }
    }

    fn rgb_bytes(&self) -> Vec<u8> {
        self.px
            .iter()
            .flat_map(|c| c.map(|v| (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8))
            .collect()
    }

    /// Blurs the colour (chroma) channels while keeping brightness sharp.
    /// The `image` JPEG encoder stores chroma at full resolution, so smooth
    /// chroma saves a good share of the file size with no visible loss.
    fn soften_chroma(&mut self, radius: usize) {
        let (w, h) = (self.w, self.h);
        let mut cb: Vec<f32> = Vec::with_capacity(w * h);
        let mut cr: Vec<f32> = Vec::with_capacity(w * h);
        for &[r, g, b] in &self.px {
            let y = 0.299 * r + 0.587 * g + 0.114 * b;
            cb.push(b - y);
            cr.push(r - y);
        }
        for plane in [&mut cb, &mut cr] {
            for _ in 0..2 {
                box_blur(plane, w, h, radius);
            }
        }
        for (i, p) in self.px.iter_mut().enumerate() {
            let y = 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
            let r = y + cr[i];
            let b = y + cb[i];
            *p = [r, (y - 0.299 * r - 0.114 * b) / 0.587, b];
        }
    }
}

/// In-place separable box blur of a `w` × `h` plane.
fn box_blur(plane: &mut [f32], w: usize, h: usize, radius: usize) {
    let mut tmp = vec![0.0; plane.len()];
    let pass =
        |src: &[f32], dst: &mut [f32], len: usize, stride: usize, lines: usize, step: usize| {
            for l in 0..lines {
                let base = l * step;
                let at = |i: usize| src[base + i * stride];
                let mut acc = 0.0;
                let mut n = 0.0;
                for i in 0..=radius.min(len - 1) {
                    acc += at(i);
                    n += 1.0;
                }
                for i in 0..len {
                    dst[base + i * stride] = acc / n;
                    if i + radius + 1 < len {
                        acc += at(i + radius + 1);
                        n += 1.0;
                    }
                    if i >= radius {
                        acc -= at(i - radius);
                        n -= 1.0;
                    }
                }
            }
        };
    pass(plane, &mut tmp, w, 1, h, w);
    pass(&tmp, plane, h, w, w, 1);
}

// ---------------------------------------------------------------------------
// Lighting: fake 3D shading from the gradient of a signed distance field
// ---------------------------------------------------------------------------

/// Direction towards the light (upper left, in front).
const LIGHT: [f32; 3] = [-0.42, -0.62, 0.66];

struct Lit {
    /// 1.0 on a flat surface facing the viewer, up to ~1.5 facing the light.
    k: f32,
    /// Specular term before the exponent.
    nh: f32,
}

/// Treats the shape as a pillow whose rim rounds off over `bevel` units
/// (a circle with `bevel` = radius becomes a sphere).
fn light(sdf: &dyn Fn(f32, f32) -> f32, x: f32, y: f32, bevel: f32) -> Lit {
    let e = 0.6;
    let d = sdf(x, y);
    let gx = sdf(x + e, y) - sdf(x - e, y);
    let gy = sdf(x, y + e) - sdf(x, y - e);
    let gl = gx.hypot(gy).max(1e-6);
    let s = (1.0 - (-d / bevel).clamp(0.0, 1.0)).min(0.995);
    lit_normal([gx / gl * s, gy / gl * s, (1.0 - s * s).sqrt()])
}

/// Lighting for an explicit unit surface normal (x right, y down, z out).
fn lit_normal(n: [f32; 3]) -> Lit {
    let ndl = n[0] * LIGHT[0] + n[1] * LIGHT[1] + n[2] * LIGHT[2];
    let hv = [LIGHT[0], LIGHT[1], LIGHT[2] + 1.0];
    let hl = (hv[0] * hv[0] + hv[1] * hv[1] + hv[2] * hv[2]).sqrt();
    let nh = (n[0] * hv[0] + n[1] * hv[1] + n[2] * hv[2]) / hl;
    Lit {
        k: ndl.max(0.0) / LIGHT[2],
        nh: nh.max(0.0),
    }
}

#[derive(Clone, Copy)]
struct Mat {
    dark: Rgb,
    base: Rgb,
    hi: Rgb,
    bevel: f32,
    spec: f32,
    shin: f32,
}

impl Mat {
    fn color(&self, l: &Lit) -> Rgb {
        let c = if l.k < 1.0 {
            mix(self.dark, self.base, l.k)
        } else {
            mix(self.base, self.hi, ((l.k - 1.0) * 1.2).min(1.0) * 0.55)
        };
        add(c, scale(self.hi, l.nh.powf(self.shin) * self.spec))
    }

    fn at(&self, sdf: &dyn Fn(f32, f32) -> f32, x: f32, y: f32) -> Rgb {
        self.color(&light(sdf, x, y, self.bevel))
    }
}

/// Shades an arbitrary (patterned) colour as if it lay on the shape.
fn shade_pattern(col: Rgb, l: &Lit, spec: f32) -> Rgb {
    let k = 0.42 + 0.58 * l.k.min(1.35);
    add(
        scale(col, k),
        scale([1.0, 0.97, 0.9], l.nh.powf(18.0) * spec),
    )
}

fn draw_lit(c: &mut Canvas, r: Rect, sdf: &dyn Fn(f32, f32) -> f32, m: &Mat) {
    c.paint(r, sdf, &|x, y| m.at(sdf, x, y));
}

const BRASS: Mat = Mat {
    dark: rgb(0x3a2410),
    base: rgb(0xb98a3e),
    hi: rgb(0xffe9b0),
    bevel: 22.0,
    spec: 0.55,
    shin: 14.0,
};

const WHITE_CERAMIC: Mat = Mat {
    dark: rgb(0x9c9a96),
    base: rgb(0xeeebe5),
    hi: rgb(0xffffff),
    bevel: 30.0,
    spec: 0.35,
    shin: 30.0,
};

// ---------------------------------------------------------------------------
// Backgrounds and small shared props
// ---------------------------------------------------------------------------

/// A wall above `horizon` and a table top below it, lit from the front.
fn backdrop(c: &mut Canvas, wall: Rgb, table: Rgb, horizon: f32, wood: bool) {
    c.fill(&|x, y| {
        if y < horizon {
            let t = y / horizon;
            let gx = (x - 600.0) / 560.0;
            let gy = (y - horizon * 0.6) / 420.0;
            let glow = (-(gx * gx + gy * gy)).exp();
            scale(wall, 0.8 + 0.08 * (1.0 - t) + 0.2 * glow)
        } else {
            let v = y - horizon;
            let t = v / (PHOTO_H as f32 - horizon).max(1.0);
            let mut k = 0.86 + 0.16 * t;
            if wood {
                let grain = (v.powf(0.8) * 0.5 + (x * 0.0045).sin() * 2.5).sin();
                let band = (x * 0.0023 + v * 0.0011).sin();
                k *= 1.0 + 0.03 * grain + 0.025 * band;
            }
            k *= 1.0 - 0.3 * (-v / 12.0).exp();
            scale(table, k)
        }
    });
}

/// A top-down view of a planked wooden surface.
fn wood_top(c: &mut Canvas, base: Rgb, rng: &mut Rng) {
    let plank = 240.0;
    let tints: Vec<f32> = (0..12).map(|_| rng.range(0.9, 1.08)).collect();
    let phases: Vec<f32> = (0..12).map(|_| rng.range(0.0, TAU)).collect();
    c.fill(&|x, y| {
        let i = ((x + 240.0) / plank).floor().clamp(0.0, 11.0) as usize;
        let u = x + 240.0 - i as f32 * plank;
        let grain = (u * 0.07 + (y * 0.005 + phases[i]).sin() * 3.0).sin() * 0.6
            + (u * 0.021 + phases[i]).sin() * 0.4;
        let seam = 1.0 - 0.4 * (1.0 - smoothstep(0.0, 3.5, u.min(plank - u)));
        scale(base, tints[i] * (1.0 + 0.035 * grain) * seam)
    });
}

/// A plain cloth or paper surface seen from above, softly lit.
fn plain_top(c: &mut Canvas, base: Rgb) {
    c.fill(&|x, y| {
        let gx = (x - 480.0) / 900.0;
        let gy = (y - 330.0) / 700.0;
        scale(base, 0.9 + 0.14 * (-(gx * gx + gy * gy)).exp())
    });
}

/// Rounded bars standing in for printed text on labels.
fn text_lines(c: &mut Canvas, at: (f32, f32), widths: &[f32], lh: f32, col: Rgb) {
    for (i, &w) in widths.iter().enumerate() {
        let cy = at.1 + i as f32 * lh * 1.9;
        let cx = at.0 + w / 2.0;
        c.paint(
            bb(cx, cy, w / 2.0 + 2.0, lh / 2.0 + 2.0),
            &|x, y| rbox(x, y, (cx, cy), (w / 2.0, lh / 2.0), lh / 2.0),
            &|_, _| col,
        );
    }
}

/// A round emblem used on labels and boxes.
fn emblem(c: &mut Canvas, at: (f32, f32), r: f32, ring: Rgb, inner: Rgb) {
    c.paint(
        bb(at.0, at.1, r, r),
        &|x, y| circle(x, y, at.0, at.1, r),
        &|_, _| ring,
    );
    c.paint(
        bb(at.0, at.1, r, r),
        &|x, y| star(x - at.0, y - at.1, r * 0.72, 8.0, 3.0),
        &|_, _| inner,
    );
    c.paint(
        bb(at.0, at.1, r, r),
        &|x, y| circle(x, y, at.0, at.1, r * 0.22),
        &|_, _| ring,
    );
}

// ---------------------------------------------------------------------------
// Batik
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Motif {
    Surya,
    Gringsing,
    Mrico,
    Koro,
    Kawung,
    Parang,
}

#[derive(Clone, Copy)]
struct Cloth {
    ground: Rgb,
    fill: Rgb,
    line: Rgb,
    dot: Rgb,
}

const SOGAN: Cloth = Cloth {
    ground: rgb(0xe8d3a6),
    fill: rgb(0x9a5a28),
    line: rgb(0x3d2211),
    dot: rgb(0x3d2211),
};
const SOGAN_DARK: Cloth = Cloth {
    ground: rgb(0xc79a5e),
    fill: rgb(0x6b3817),
    line: rgb(0x2e170a),
    dot: rgb(0xf0dfb8),
};
const INDIGO: Cloth = Cloth {
    ground: rgb(0x1d2849),
    fill: rgb(0x4f6891),
    line: rgb(0xeadfc2),
    dot: rgb(0xeadfc2),
};
const MAROON: Cloth = Cloth {
    ground: rgb(0x6d1619),
    fill: rgb(0xc68e3e),
    line: rgb(0xf1e1bc),
    dot: rgb(0xf1e1bc),
};
const GREEN: Cloth = Cloth {
    ground: rgb(0x1b4234),
    fill: rgb(0xb59650),
    line: rgb(0xede0bf),
    dot: rgb(0xede0bf),
};

/// Distances (in motif units) to the filled shapes, extra lines and dots.
struct Ink {
    fill: f32,
    line: f32,
    dots: f32,
}

fn motif_ink(m: Motif, x: f32, y: f32) -> Ink {
    match m {
        Motif::Surya => {
            let s = 150.0;
            let u = x.rem_euclid(s) - s / 2.0;
            let v = y.rem_euclid(s) - s / 2.0;
            let big = star(u, v, 60.0, 8.0, 4.6).max(-circle(u, v, 0.0, 0.0, 25.0));
            let (qu, qv) = (s / 2.0 - u.abs(), s / 2.0 - v.abs());
            let small = star(qu, qv, 17.0, 4.0, 2.3);
            let a = v.atan2(u);
            let k = ((a - PI / 8.0) / (PI / 4.0)).round();
            let (ru, rv) = local(u, v, (0.0, 0.0), k * PI / 4.0 + PI / 8.0);
            let ray = segment(ru, rv, (38.0, 0.0), (66.0, 0.0)) - 1.6;
            let k16 = (a / (TAU / 16.0)).round();
            let (du, dv) = local(u, v, (0.0, 0.0), k16 * TAU / 16.0);
            let ring = circle(du, dv, 70.0, 0.0, 2.8);
            let ring2 = circle(u, v, 0.0, 0.0, 16.0).abs() - 1.5;
            Ink {
                fill: big.min(small),
                line: ray.min(ring2),
                dots: ring
                    .min(circle(u, v, 0.0, 0.0, 7.0))
                    .min(circle(qu, qv, 0.0, 0.0, 4.0)),
            }
        }
        Motif::Gringsing => {
            let r = 21.0;
            let j0 = (y / r).floor() as i32;
            let mut best = (0.0, 0.0, 0.0);
            for j in (j0 - 1..=j0 + 2).rev() {
                let cy = j as f32 * r;
                let off = if j.rem_euclid(2) == 1 { r } else { 0.0 };
                let cx = ((x - off) / (2.0 * r)).round() * 2.0 * r + off;
                let d = circle(x, y, cx, cy, r);
                best = (d, cx, cy);
                if d < 2.0 {
                    break;
                }
            }
            let (d, cx, cy) = best;
            Ink {
                fill: circle(x, y, cx, cy, r * 0.5),
                line: d.abs() - 1.7,
                dots: circle(x, y, cx, cy, 3.0),
            }
        }
        Motif::Mrico => {
            let a = 30.0;
            let rh = a * 0.866;
            let j0 = (y / rh).round() as i32;
            let mut best = (f32::MAX, 0.0, 0.0);
            for j in j0 - 1..=j0 + 1 {
                let cy = j as f32 * rh;
                let off = if j.rem_euclid(2) == 1 { a / 2.0 } else { 0.0 };
                let cx = ((x - off) / a).round() * a + off;
                let d = (x - cx).hypot(y - cy);
                if d < best.0 {
                    best = (d, cx, cy);
                }
            }
            let (bw, bh) = (6.0 * a, 6.0 * rh);
            let near = |px: f32, py: f32| {
                let fx = (px / bw).round() * bw;
                let fy = (py / bh).round() * bh;
                (fx, fy)
            };
            let (fx, fy) = near(x, y);
            let (pfx, pfy) = near(best.1, best.2);
            let mut pep = (best.0 - 10.0).max(4.0 - best.0);
            if (best.1 - pfx).hypot(best.2 - pfy) < 50.0 {
                pep = f32::MAX;
            }
            let (fu, fv) = (x - fx, y - fy);
            let k = (fv.atan2(fu) / (TAU / 8.0)).round();
            let (pu, pv) = local(fu, fv, (0.0, 0.0), k * TAU / 8.0);
            let flower = circle(pu, pv, 27.0, 0.0, 14.0).min(circle(fu, fv, 0.0, 0.0, 15.0));
            Ink {
                fill: pep.min(flower),
                line: circle(fu, fv, 0.0, 0.0, 9.0).abs() - 1.4,
                dots: circle(fu, fv, 0.0, 0.0, 4.0).min(circle(pu, pv, 27.0, 0.0, 3.5)),
            }
        }
        Motif::Koro => {
            let s = 130.0;
            let col = (x / s).floor();
            let u = x - col * s - s / 2.0;
            let yy = y + col * 42.0;
            let wave = |t: f32| 12.0 * (t * TAU / 170.0).sin();
            let stem = (u - wave(yy)).abs() - 1.8;
            let pitch = 85.0;
            let k0 = (yy / pitch).round();
            let (mut pods, mut leaves, mut seeds) = (f32::MAX, f32::MAX, f32::MAX);
            for k in [k0 - 1.0, k0, k0 + 1.0] {
                let yc = k * pitch;
                let side = if (k as i32).rem_euclid(2) == 0 {
                    1.0
                } else {
                    -1.0
                };
                let sc = wave(yc);
                let (lu, lv) = local(u, yy, (sc + side * 22.0, yc), side * 0.5);
                pods = pods.min(ellipse(lu, lv, (0.0, 0.0), 12.0, 31.0));
                for t in [-15.0, 0.0, 15.0] {
                    seeds = seeds.min(circle(lu, lv, 0.0, t, 4.0));
                }
                let (eu, ev) = local(u, yy, (sc - side * 16.0, yc + 24.0), -side * 0.9);
                leaves = leaves.min(ellipse(eu, ev, (0.0, 0.0), 6.0, 15.0));
            }
            let filler = circle(u.abs(), yy.rem_euclid(28.0) - 14.0, s / 2.0, 0.0, 2.6);
            Ink {
                fill: pods.min(leaves),
                line: stem.max(-pods + 1.0),
                dots: seeds.min(filler),
            }
        }
        Motif::Kawung => {
            let s = 110.0;
            let u = (x.rem_euclid(s) - s / 2.0).abs();
            let v = (y.rem_euclid(s) - s / 2.0).abs();
            let (pu, pv) = (u - s * 0.25, v - s * 0.25);
            let t = (pu + pv) * FRAC_1_SQRT_2;
            let n = (pu - pv) * FRAC_1_SQRT_2;
            let petal = ellipse(t, n, (0.0, 0.0), s * 0.2, s * 0.118);
            let inner = ellipse(t, n, (-4.0, 0.0), s * 0.11, s * 0.055).abs() - 1.2;
            Ink {
                fill: petal,
                line: inner,
                dots: circle(t, n, 8.0, 0.0, 3.6)
                    .min(circle(u, v, 0.0, 0.0, 6.0))
                    .min(circle(s / 2.0 - u, s / 2.0 - v, 0.0, 0.0, 4.0)),
            }
        }
        Motif::Parang => {
            let p = 120.0;
            let along = (x - y) * FRAC_1_SQRT_2;
            let across = (x + y) * FRAC_1_SQRT_2;
            let a = across.rem_euclid(p);
            let b = p * 0.52 + 13.0 * (along * TAU / 95.0).sin();
            let band = (p * 0.1 - a).max((a - b) / 1.3);
            let al = along.rem_euclid(60.0) - 30.0;
            let diamond = (al.abs() + (a - p * 0.8).abs()) * FRAC_1_SQRT_2 - 8.0;
            let mid = (a - (p * 0.1 + b) * 0.5).abs() / 1.15 - 1.4;
            let dots = circle(along.rem_euclid(18.0) - 9.0, a - p * 0.66, 0.0, 0.0, 2.4);
            Ink {
                fill: band.min(diamond),
                line: mid,
                dots,
            }
        }
    }
}

fn motif_color(m: Motif, cl: &Cloth, x: f32, y: f32, pw: f32) -> Rgb {
    // A slight wobble gives the hand-drawn (tulis) feel.
    let xw = x + 1.1 * (y * 0.043).sin();
    let yw = y + 1.1 * (x * 0.051).sin();
    let ink = motif_ink(m, xw, yw);
    // Slightly soft edges keep the JPEGs small without looking blurry.
    let pw = pw * 1.6;
    let mut c = cl.ground;
    c = mix(c, cl.fill, cov(ink.fill, pw));
    c = mix(c, cl.line, cov(ink.fill.abs() - 1.9, pw));
    c = mix(c, cl.line, cov(ink.line, pw));
    mix(c, cl.dot, cov(ink.dots, pw))
}

/// Decorative border (tumpal triangles) at distance `edge` from a hem.
fn border_color(cl: &Cloth, u: f32, edge: f32, pw: f32) -> Rgb {
    let mut c = cl.fill;
    let w = u.rem_euclid(56.0) - 28.0;
    let tri = ((w.abs() - 28.0 * (1.0 - (edge - 14.0) / 54.0)) * 0.85).max(14.0 - edge);
    c = mix(c, cl.ground, cov(tri, pw));
    c = mix(c, cl.line, cov(tri.abs() - 1.6, pw));
    c = mix(c, cl.line, cov(edge - 9.0, pw));
    c = mix(c, cl.line, cov((edge - 76.0).abs() - 2.2, pw));
    let dot = circle(w, edge - 40.0, 0.0, 0.0, 3.0);
    mix(c, cl.dot, cov(dot, pw))
}

fn folds(u: f32, v: f32, amp: f32) -> f32 {
    1.0 + amp
        * ((u * 0.0105 + (v * 0.0042).sin() * 1.3).sin() * 0.7
            + (u * 0.0041 - v * 0.0063 + 1.7).sin() * 0.5)
}

#[derive(Clone, Copy)]
struct BatikStyle {
    motif: Motif,
    cloth: Cloth,
    scale: f32,
}

fn batik_style(slug: &str) -> BatikStyle {
    let motif = if slug.contains("surya") {
        Motif::Surya
    } else if slug.contains("gringsing") {
        Motif::Gringsing
    } else if slug.contains("mrico") {
        Motif::Mrico
    } else if slug.contains("koro") {
        Motif::Koro
    } else if slug.contains("selendang") || slug.contains("parang") {
        Motif::Parang
    } else {
        Motif::Kawung
    };
    let cloth = if slug.contains("mrico") {
        MAROON
    } else if slug.contains("syal") {
        GREEN
    } else if slug.contains("kemeja") || slug.contains("koro") || slug.contains("selendang") {
        INDIGO
    } else {
        SOGAN
    };
    let scale = match motif {
        Motif::Surya => 1.15,
        Motif::Gringsing => 2.1,
        Motif::Mrico => 1.8,
        _ => 1.2,
    };
    BatikStyle {
        motif,
        cloth,
        scale,
    }
}

fn batik_at(st: &BatikStyle, u: f32, v: f32, pw: f32) -> Rgb {
    motif_color(
        st.motif,
        &st.cloth,
        u / st.scale,
        v / st.scale,
        pw / st.scale,
    )
}

fn batik_scene(c: &mut Canvas, slug: &str, stem: &str, rng: &mut Rng) {
    let st = batik_style(slug);
    let closeup = matches!(stem, "motif" | "detail");
    if slug.contains("kemeja") {
        if closeup {
            batik_closeup(c, &st);
        } else {
            shirt(c, &st);
        }
    } else if slug.contains("tas") {
        if closeup {
            c.view(2.2, 600.0, 585.0);
        }
        tote(c, &st);
    } else if slug.contains("selendang") || slug.contains("syal") {
        if closeup {
            batik_closeup(c, &st);
        } else {
            scarf(c, &st, rng);
        }
    } else if closeup {
        batik_closeup(c, &st);
    } else if stem == "lipat" {
        folded_stack(c, &st);
    } else {
        laid_cloth(c, &st, rng);
    }
}

fn batik_closeup(c: &mut Canvas, st: &BatikStyle) {
    let pw = c.pw();
    let big = BatikStyle {
        scale: st.scale * 2.3,
        ..*st
    };
    c.fill(&|x, y| {
        let (u, v) = local(x, y, (600.0, 450.0), 0.07);
        scale(batik_at(&big, u + 37.0, v + 21.0, pw), folds(u, v, 0.07))
    });
}

fn laid_cloth(c: &mut Canvas, st: &BatikStyle, rng: &mut Rng) {
    wood_top(c, rgb(0x5b3b22), rng);
    let (ctr, ang, half) = ((600.0, 450.0), -0.05, (520.0, 370.0));
    let sdf = |x: f32, y: f32| {
        let (u, v) = local(x, y, ctr, ang);
        rbox(u, v, (0.0, 0.0), half, 4.0)
    };
    c.shadow(
        bb(612.0, 471.0, 640.0, 470.0),
        &|x, y| sdf(x - 12.0, y - 16.0),
        26.0,
        0.55,
    );
    let pw = c.pw();
    c.paint(bb(600.0, 455.0, 640.0, 470.0), &sdf, &|x, y| {
        let (u, v) = local(x, y, ctr, ang);
        let edge = half.1 - v;
        let col = if edge < 86.0 {
            border_color(&st.cloth, u, edge, pw)
        } else {
            batik_at(st, u + 300.0, v + 200.0, pw)
        };
        let rim = 0.9 + 0.1 * smoothstep(0.0, 30.0, -sdf(x, y));
        scale(col, folds(u, v, 0.06) * rim)
    });
}

fn folded_stack(c: &mut Canvas, st: &BatikStyle) {
    backdrop(c, rgb(0xe4dccd), rgb(0xb08a62), 300.0, true);
    let pw = c.pw();
    let cloths = [st.cloth, SOGAN_DARK, st.cloth];
    // Front edges of the folded cloths, bottom to top.
    for (i, cl) in cloths.iter().enumerate() {
        let cy = 730.0 - i as f32 * 68.0;
        let hw = 400.0 - i as f32 * 6.0;
        let sdf = move |x: f32, y: f32| rbox(x, y, (600.0, cy), (hw, 36.0), 26.0);
        c.shadow(
            bb(600.0, cy + 20.0, hw, 40.0),
            &|x, y| sdf(x - 4.0, y - 14.0),
            16.0,
            0.45,
        );
        let style = BatikStyle { cloth: *cl, ..*st };
        c.paint(bb(600.0, cy, hw, 37.0), &sdf, &|x, y| {
            let t = ((y - (cy - 36.0)) / 72.0).clamp(0.0, 1.0);
            let k = 0.55 + 0.55 * (t * PI).sin().powf(0.7) - 0.15 * t;
            scale(batik_at(&style, x, (y - cy) * 2.2 + 57.0 * i as f32, pw), k)
        });
    }
    // Top face of the upper cloth, in gentle perspective.
    let top = [
        (212.0, 566.0),
        (988.0, 566.0),
        (930.0, 318.0),
        (270.0, 318.0),
    ];
    let sdf = |x: f32, y: f32| polygon(x, y, &top) - 14.0;
    c.paint(bb(600.0, 440.0, 410.0, 140.0), &sdf, &|x, y| {
        let t = ((y - 318.0) / 248.0).clamp(0.0, 1.0);
        let sx = 0.88 + 0.12 * t;
        let u = (x - 600.0) / sx;
        let v = (y - 318.0) * 1.45 / sx;
        scale(batik_at(st, u, v, pw / sx), 0.9 + 0.12 * t)
    });
    // A hang tag lying on top.
    let tag = [
        (735.0, 380.0),
        (880.0, 362.0),
        (896.0, 470.0),
        (752.0, 488.0),
    ];
    c.shadow(
        bb(820.0, 430.0, 90.0, 70.0),
        &|x, y| polygon(x - 6.0, y - 10.0, &tag),
        10.0,
        0.4,
    );
    c.paint(
        bb(815.0, 425.0, 90.0, 70.0),
        &|x, y| polygon(x, y, &tag) - 3.0,
        &|_, _| rgb(0xf5eddc),
    );
    c.paint(
        bb(815.0, 425.0, 90.0, 70.0),
        &|x, y| polygon(x, y, &tag).max(y - 404.0 + (x - 735.0) * 0.125),
        &|_, _| rgb(0x7a1c1e),
    );
    emblem(c, (790.0, 440.0), 20.0, rgb(0x7a1c1e), rgb(0xd9a748));
    text_lines(c, (822.0, 432.0), &[52.0, 40.0, 46.0], 6.0, rgb(0x8c7a66));
}

fn shirt(c: &mut Canvas, st: &BatikStyle) {
    let st = &BatikStyle {
        scale: st.scale * 0.62,
        ..*st
    };
    backdrop(c, rgb(0xe9e3d8), rgb(0xcfc3b1), 860.0, false);
    let pw = c.pw();
    // Hanger.
    let hook = |x: f32, y: f32| {
        let arc = (circle(x, y, 600.0, 118.0, 26.0).abs() - 4.0).max(-(y - 118.0).min(x - 600.0));
        arc.min(segment(x, y, (600.0, 144.0), (600.0, 178.0)) - 4.0)
    };
    c.paint(bb(600.0, 140.0, 40.0, 50.0), &hook, &|_, _| rgb(0x8d8a86));
    let bar =
        |x: f32, y: f32| polyline(x, y, &[(420.0, 222.0), (600.0, 176.0), (780.0, 222.0)]) - 7.0;
    c.paint(bb(600.0, 200.0, 200.0, 40.0), &bar, &|x, y| {
        scale(rgb(0x9b6b3d), 0.8 + 0.25 * light(&bar, x, y, 7.0).k)
    });
    let body = [
        (540.0, 196.0),
        (420.0, 214.0),
        (296.0, 300.0),
        (346.0, 430.0),
        (446.0, 390.0),
        (452.0, 800.0),
        (748.0, 800.0),
        (754.0, 390.0),
        (854.0, 430.0),
        (904.0, 300.0),
        (780.0, 214.0),
        (660.0, 196.0),
        (600.0, 238.0),
    ];
    let sdf = |x: f32, y: f32| polygon(x, y, &body) - 4.0;
    c.shadow(
        bb(615.0, 520.0, 320.0, 330.0),
        &|x, y| sdf(x - 14.0, y - 18.0),
        30.0,
        0.35,
    );
    c.paint(bb(600.0, 500.0, 320.0, 320.0), &sdf, &|x, y| {
        let d = sdf(x, y);
        let k = (0.78 + 0.22 * smoothstep(0.0, 45.0, -d)) * folds(x * 2.5, y, 0.05);
        // Mirror the pattern so the sun sits centred on the chest.
        scale(batik_at(st, (x - 600.0).abs(), y - 300.0, pw), k)
    });
    let line = st.cloth.ground;
    let dark = scale(st.cloth.ground, 0.7);
    // Placket with buttons.
    c.paint(
        bb(600.0, 520.0, 20.0, 290.0),
        &|x, y| ((x - 600.0).abs() - 15.0).max(240.0 - y).max(y - 800.0),
        &|x, y| scale(batik_at(st, x + 40.0, y, pw), 0.9),
    );
    c.paint(
        bb(600.0, 520.0, 20.0, 290.0),
        &|x, y| {
            ((x - 600.0).abs() - 15.0)
                .abs()
                .max(240.0 - y)
                .max(y - 800.0)
                - 1.2
        },
        &|_, _| dark,
    );
    for i in 0..6 {
        let by = 290.0 + i as f32 * 88.0;
        let s = move |x: f32, y: f32| circle(x, y, 600.0, by, 7.0);
        c.paint(bb(600.0, by, 9.0, 9.0), &s, &|x, y| {
            scale(rgb(0x5a3a24), 0.7 + 0.35 * light(&s, x, y, 7.0).k)
        });
    }
    // Collar.
    for sgn in [-1.0f32, 1.0] {
        let col = [
            (600.0 + sgn * 60.0, 194.0),
            (600.0 + sgn * 2.0, 240.0),
            (600.0 + sgn * 30.0, 286.0),
            (600.0 + sgn * 74.0, 214.0),
        ];
        let s = move |x: f32, y: f32| polygon(x, y, &col) - 3.0;
        c.shadow(
            bb(600.0 + sgn * 40.0, 250.0, 60.0, 60.0),
            &|x, y| s(x - 3.0, y - 6.0),
            8.0,
            0.4,
        );
        c.paint(bb(600.0 + sgn * 40.0, 240.0, 60.0, 60.0), &s, &|x, y| {
            scale(batik_at(st, x * 1.3, y * 1.3, pw), 0.95)
        });
    }
    // Pocket and hem stitching.
    c.paint(
        bb(520.0, 380.0, 50.0, 55.0),
        &|x, y| rbox(x, y, (520.0, 382.0), (42.0, 50.0), 4.0).abs() - 1.1,
        &|_, _| line,
    );
    for sgn in [-1.0f32, 1.0] {
        let a = (600.0 + sgn * 304.0, 300.0);
        let b = (600.0 + sgn * 254.0, 430.0);
        c.paint(
            bb(600.0 + sgn * 280.0, 365.0, 40.0, 80.0),
            &move |x, y| {
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let l = dx.hypot(dy);
                let (nx, ny) = (dy / l, -dx / l);
                segment(x + nx * sgn * 22.0, y + ny * sgn * 22.0, a, b) - 1.1
            },
            &|_, _| line,
        );
    }
}

fn scarf(c: &mut Canvas, st: &BatikStyle, rng: &mut Rng) {
    plain_top(c, rgb(0xddd2c0));
    let pw = c.pw();
    let jitter = rng.range(-20.0, 20.0);
    // Sample a gentle S-shaped Bézier curve for the scarf's centre line.
    let ctrl = [
        (140.0f32, 170.0 + jitter),
        (640.0f32, 120.0),
        (540.0f32, 780.0),
        (1070.0f32, 730.0),
    ];
    let pts: Vec<(f32, f32)> = (0..=28)
        .map(|i| {
            let t = i as f32 / 28.0;
            let m = 1.0 - t;
            let w = [m * m * m, 3.0 * m * m * t, 3.0 * m * t * t, t * t * t];
            (
                ctrl.iter().zip(w).map(|(p, k)| p.0 * k).sum(),
                ctrl.iter().zip(w).map(|(p, k)| p.1 * k).sum(),
            )
        })
        .collect();
    let mut acc = vec![0.0f32];
    for w in pts.windows(2) {
        let l = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        acc.push(acc.last().copied().unwrap_or(0.0) + l);
    }
    let total = *acc.last().unwrap_or(&1.0);
    let hw = 150.0;
    // Position along and across the band for a point.
    let frame = |x: f32, y: f32| -> (f32, f32) {
        let mut best = (f32::MAX, 0.0, 0.0);
        let n = pts.len() - 1;
        for i in 0..n {
            let (a, b) = (pts[i], pts[i + 1]);
            let (ex, ey) = (b.0 - a.0, b.1 - a.1);
            let l2 = ex * ex + ey * ey;
            let mut t = ((x - a.0) * ex + (y - a.1) * ey) / l2;
            if i > 0 {
                t = t.max(0.0);
            }
            if i + 1 < n {
                t = t.min(1.0);
            }
            let (px, py) = (a.0 + ex * t, a.1 + ey * t);
            let d = (x - px).hypot(y - py);
            if d < best.0 {
                let l = l2.sqrt();
                let across = ((x - a.0) * ey - (y - a.1) * ex) / l;
                best = (d, acc[i] + t * l, across);
            }
        }
        (best.1, best.2)
    };
    let sdf = |x: f32, y: f32| {
        let (al, ac) = frame(x, y);
        (ac.abs() - hw).max(-al).max(al - total)
    };
    let fringe = |x: f32, y: f32| {
        let (al, ac) = frame(x, y);
        let ends = (al - total - 26.0)
            .max(total - al)
            .min((-al - 26.0).max(al));
        let threads = (ac.rem_euclid(10.0) - 5.0).abs() - 1.6;
        (ac.abs() - hw + 4.0).max(ends).max(threads)
    };
    c.shadow(
        bb(620.0, 470.0, 560.0, 420.0),
        &|x, y| sdf(x - 10.0, y - 16.0),
        24.0,
        0.4,
    );
    c.paint(bb(610.0, 455.0, 580.0, 420.0), &fringe, &|_, _| {
        scale(st.cloth.fill, 0.85)
    });
    c.paint(bb(610.0, 455.0, 560.0, 420.0), &sdf, &|x, y| {
        let (al, ac) = frame(x, y);
        let edge = hw - ac.abs();
        let col = if edge < 30.0 {
            mix(
                st.cloth.fill,
                st.cloth.line,
                cov((edge - 10.0).abs() - 1.6, pw),
            )
        } else {
            batik_at(st, al, ac + 500.0, pw)
        };
        let drape = 1.0 + 0.09 * (al * 0.011 + ac * 0.006).sin() + 0.05 * (al * 0.031).sin();
        scale(col, drape * (0.88 + 0.12 * smoothstep(0.0, 25.0, edge)))
    });
}

fn tote(c: &mut Canvas, st: &BatikStyle) {
    backdrop(c, rgb(0xd8dcd6), rgb(0xa88a6a), 700.0, true);
    let pw = c.pw();
    let canvas_col = rgb(0xe6dcc6);
    let body = [
        (380.0, 330.0),
        (820.0, 330.0),
        (852.0, 790.0),
        (348.0, 790.0),
    ];
    let sdf = |x: f32, y: f32| polygon(x, y, &body) - 8.0;
    // Handles behind the bag's rim.
    for hx in [490.0f32, 710.0] {
        let h = move |x: f32, y: f32| {
            (ellipse(x, y, (hx, 330.0), 82.0, 190.0).abs() - 13.0).max(y - 336.0)
        };
        c.shadow(
            bb(hx, 240.0, 100.0, 110.0),
            &|x, y| h(x - 8.0, y - 10.0),
            10.0,
            0.25,
        );
        c.paint(bb(hx, 230.0, 100.0, 110.0), &h, &|x, y| {
            let l = light(&h, x, y, 13.0);
            scale(canvas_col, 0.5 + 0.45 * l.k)
        });
    }
    c.shadow(
        bb(600.0, 800.0, 300.0, 30.0),
        &|x, y| ellipse(x, y, (610.0, 796.0), 280.0, 18.0),
        22.0,
        0.55,
    );
    c.paint(bb(600.0, 560.0, 270.0, 240.0), &sdf, &|x, y| {
        let d = sdf(x, y);
        let k =
            (0.8 + 0.2 * smoothstep(0.0, 60.0, -d)) * (1.0 - 0.06 * ((x - 600.0) / 250.0).powi(2));
        scale(canvas_col, k)
    });
    // Top hem.
    c.paint(
        bb(600.0, 345.0, 240.0, 20.0),
        &|x, y| sdf(x, y).max((y - 352.0).abs() - 1.0),
        &|_, _| rgb(0xb9ab90),
    );
    // Batik panel with stitching.
    let panel = |x: f32, y: f32| rbox(x, y, (600.0, 585.0), (170.0, 150.0), 4.0);
    c.paint(bb(600.0, 585.0, 175.0, 155.0), &panel, &|x, y| {
        scale(batik_at(st, x - 430.0, y - 435.0, pw), 0.97)
    });
    c.paint(
        bb(600.0, 585.0, 175.0, 155.0),
        &|x, y| {
            let ring = panel(x, y).abs() - 1.3;
            let d = rbox(x, y, (600.0, 585.0), (162.0, 142.0), 2.0).abs() - 1.3;
            let dash = ((x + y).rem_euclid(14.0) - 7.0).abs() - 3.5;
            ring.min(d.max(dash))
        },
        &|_, _| rgb(0xf2e8d2),
    );
    // Small woven label at the side seam.
    c.paint(
        bb(832.0, 470.0, 18.0, 24.0),
        &|x, y| rbox(x, y, (828.0, 470.0), (14.0, 22.0), 2.0),
        &|_, _| rgb(0x7a1c1e),
    );
}

// ---------------------------------------------------------------------------
// Producer logos: a round emblem with a stroke-drawn monogram
// ---------------------------------------------------------------------------

/// Capital letters as polylines on a 4 × 6 grid (y down).
fn glyph(ch: char) -> &'static [&'static [(f32, f32)]] {
    match ch {
        'A' => &[
            &[(0.0, 6.0), (2.0, 0.0), (4.0, 6.0)],
            &[(0.8, 3.9), (3.2, 3.9)],
        ],
        'B' => &[
            &[
                (0.0, 3.0),
                (2.7, 3.0),
                (3.6, 2.2),
                (3.6, 0.8),
                (2.7, 0.0),
                (0.0, 0.0),
                (0.0, 6.0),
            ],
            &[(0.0, 6.0), (2.9, 6.0), (4.0, 5.1), (4.0, 3.9), (2.9, 3.0)],
        ],
        'C' => &[&[
            (4.0, 1.0),
            (3.0, 0.0),
            (1.0, 0.0),
            (0.0, 1.2),
            (0.0, 4.8),
            (1.0, 6.0),
            (3.0, 6.0),
            (4.0, 5.0),
        ]],
        'D' => &[&[
            (0.0, 0.0),
            (0.0, 6.0),
            (2.2, 6.0),
            (3.6, 5.0),
            (4.0, 3.0),
            (3.6, 1.0),
            (2.2, 0.0),
            (0.0, 0.0),
        ]],
        'E' => &[
            &[(4.0, 0.0), (0.0, 0.0), (0.0, 6.0), (4.0, 6.0)],
            &[(0.0, 3.0), (3.0, 3.0)],
        ],
        'F' => &[
            &[(4.0, 0.0), (0.0, 0.0), (0.0, 6.0)],
            &[(0.0, 3.0), (3.0, 3.0)],
        ],
        'G' => &[&[
            (4.0, 1.0),
            (3.0, 0.0),
            (1.0, 0.0),
            (0.0, 1.2),
            (0.0, 4.8),
            (1.0, 6.0),
            (3.0, 6.0),
            (4.0, 5.0),
            (4.0, 3.3),
            (2.3, 3.3),
        ]],
        'H' => &[
            &[(0.0, 0.0), (0.0, 6.0)],
            &[(4.0, 0.0), (4.0, 6.0)],
            &[(0.0, 3.0), (4.0, 3.0)],
        ],
        'I' => &[
            &[(2.0, 0.0), (2.0, 6.0)],
            &[(1.0, 0.0), (3.0, 0.0)],
            &[(1.0, 6.0), (3.0, 6.0)],
        ],
        'J' => &[&[(4.0, 0.0), (4.0, 4.8), (3.0, 6.0), (1.0, 6.0), (0.0, 4.8)]],
        'K' => &[
            &[(0.0, 0.0), (0.0, 6.0)],
            &[(4.0, 0.0), (0.0, 3.8)],
            &[(1.4, 2.6), (4.0, 6.0)],
        ],
        'L' => &[&[(0.0, 0.0), (0.0, 6.0), (4.0, 6.0)]],
        'M' => &[&[(0.0, 6.0), (0.0, 0.0), (2.0, 3.6), (4.0, 0.0), (4.0, 6.0)]],
        'N' => &[&[(0.0, 6.0), (0.0, 0.0), (4.0, 6.0), (4.0, 0.0)]],
        'O' | 'Q' => &[&[
            (1.0, 0.0),
            (3.0, 0.0),
            (4.0, 1.2),
            (4.0, 4.8),
            (3.0, 6.0),
            (1.0, 6.0),
            (0.0, 4.8),
            (0.0, 1.2),
            (1.0, 0.0),
        ]],
        'P' => &[&[
            (0.0, 6.0),
            (0.0, 0.0),
            (3.0, 0.0),
            (4.0, 0.9),
            (4.0, 2.4),
            (3.0, 3.3),
            (0.0, 3.3),
        ]],
        'R' => &[
            &[
                (0.0, 6.0),
                (0.0, 0.0),
                (3.0, 0.0),
                (4.0, 0.9),
                (4.0, 2.4),
                (3.0, 3.3),
                (0.0, 3.3),
            ],
            &[(1.8, 3.3), (4.0, 6.0)],
        ],
        'S' => &[&[
            (4.0, 0.9),
            (3.0, 0.0),
            (1.0, 0.0),
            (0.0, 0.9),
            (0.0, 2.1),
            (1.0, 3.0),
            (3.0, 3.0),
            (4.0, 3.9),
            (4.0, 5.1),
            (3.0, 6.0),
            (1.0, 6.0),
            (0.0, 5.1),
        ]],
        'T' => &[&[(0.0, 0.0), (4.0, 0.0)], &[(2.0, 0.0), (2.0, 6.0)]],
        'U' => &[&[
            (0.0, 0.0),
            (0.0, 4.8),
            (1.0, 6.0),
            (3.0, 6.0),
            (4.0, 4.8),
            (4.0, 0.0),
        ]],
        'V' => &[&[(0.0, 0.0), (2.0, 6.0), (4.0, 0.0)]],
        'W' => &[&[(0.0, 0.0), (1.0, 6.0), (2.0, 2.4), (3.0, 6.0), (4.0, 0.0)]],
        'X' => &[&[(0.0, 0.0), (4.0, 6.0)], &[(4.0, 0.0), (0.0, 6.0)]],
        'Y' => &[
            &[(0.0, 0.0), (2.0, 3.0), (4.0, 0.0)],
            &[(2.0, 3.0), (2.0, 6.0)],
        ],
        'Z' => &[&[(0.0, 0.0), (4.0, 0.0), (0.0, 6.0), (4.0, 6.0)]],
        _ => &[&[(0.0, 3.0), (2.0, 0.0), (4.0, 3.0), (2.0, 6.0), (0.0, 3.0)]],
    }
}

/// Initials of the distinctive words of a business name ("Batik Sekar
/// Jagad" → "SJ"), skipping generic trade words.
fn initials(name: &str) -> Vec<char> {
    const GENERIC: &[&str] = &[
        "batik",
        "griya",
        "rumah",
        "onde-onde",
        "sambal",
        "wader",
        "keripik",
        "kuningan",
        "cor",
        "anyaman",
        "bambu",
        "alas",
        "kaki",
        "kopi",
        "bu",
        "ibu",
        "mbak",
        "pak",
        "dan",
        "&",
    ];
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !GENERIC.contains(&w.to_lowercase().as_str()))
        .collect();
    let pick: Vec<char> = words
        .iter()
        .take(2)
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if pick.is_empty() {
        name.chars()
            .take(1)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    } else {
        pick
    }
}

fn paint_logo(name: &str, category: &str, rng: &mut Rng) -> Vec<u8> {
    let s = LOGO_SIZE as f32;
    let mut c = Canvas::new(LOGO_SIZE, LOGO_SIZE);
    let palettes: &[(Rgb, Rgb)] = match category {
        "kriya" => &[
            (rgb(0x1f4a47), rgb(0xd3a24a)),
            (rgb(0x3b2a1e), rgb(0xd9b25c)),
        ],
        "makanan-minuman" => &[
            (rgb(0xa8321c), rgb(0xf3d27a)),
            (rgb(0x2f5d2a), rgb(0xf0c860)),
        ],
        _ => &[
            (rgb(0x6d1619), rgb(0xdcaa4e)),
            (rgb(0x1d2849), rgb(0xe2c07a)),
        ],
    };
    let (bg, gold) = palettes[(rng.next_u64() % palettes.len() as u64) as usize];
    let cream = rgb(0xf6ecd6);
    let ctr = (s / 2.0, s / 2.0);
    let r = s / 2.0 - 2.0;
    // Flat colours keep the PNG small.
    c.fill(&|_, _| bg);
    c.paint(
        FULL,
        &|x, y| circle(x, y, ctr.0, ctr.1, r - 42.0),
        &|_, _| scale(bg, 0.86),
    );
    c.paint(
        FULL,
        &|x, y| circle(x, y, ctr.0, ctr.1, r - 10.0).abs() - 2.5,
        &|_, _| gold,
    );
    // Sun rays between the rings.
    let rays = rng.range(0.0, 1.0) < 0.5;
    c.paint(
        FULL,
        &|x, y| {
            let (u, v) = (x - ctr.0, y - ctr.1);
            let n = if rays { 24.0 } else { 32.0 };
            let k = (v.atan2(u) / (TAU / n)).round();
            let (lu, lv) = local(u, v, (0.0, 0.0), k * TAU / n);
            if rays {
                segment(lu, lv, (r - 34.0, 0.0), (r - 20.0, 0.0)) - 2.2
            } else {
                circle(lu, lv, r - 26.0, 0.0, 3.2)
            }
        },
        &|_, _| gold,
    );
    c.paint(
        FULL,
        &|x, y| circle(x, y, ctr.0, ctr.1, r - 42.0).abs() - 1.5,
        &|_, _| gold,
    );
    // Monogram.
    let letters = initials(name);
    let unit = if letters.len() > 1 { 11.0 } else { 14.0 };
    let gap = unit * 1.6;
    let total_w = letters.len() as f32 * 4.0 * unit + (letters.len() as f32 - 1.0) * gap;
    let x0 = ctr.0 - total_w / 2.0;
    let y0 = ctr.1 - 3.0 * unit - 6.0;
    let strokes: Vec<Vec<(f32, f32)>> = letters
        .iter()
        .enumerate()
        .flat_map(|(i, &ch)| {
            let ox = x0 + i as f32 * (4.0 * unit + gap);
            glyph(ch).iter().map(move |line| {
                line.iter()
                    .map(|&(gx, gy)| (ox + gx * unit, y0 + gy * unit))
                    .collect()
            })
        })
        .collect();
    let mono = |x: f32, y: f32| {
        strokes
            .iter()
            .map(|l| polyline(x, y, l))
            .fold(f32::MAX, f32::min)
            - unit * 0.42
    };
    c.paint(FULL, &|x, y| mono(x - 2.0, y - 3.0), &|_, _| {
        scale(bg, 0.55)
    });
    c.paint(FULL, &mono, &|_, _| cream);
    // A small diamond ornament under the monogram.
    let dy = ctr.1 + 3.0 * unit + 14.0;
    c.paint(
        FULL,
        &|x, y| ((x - ctr.0).abs() + (y - dy).abs()) * FRAC_1_SQRT_2 - 5.0,
        &|_, _| gold,
    );
    // RGBA: transparent outside the outer circle.
    let pw = c.pw();
    let mut out = Vec::with_capacity(LOGO_SIZE * LOGO_SIZE * 4);
    for (i, p) in c.px.iter().enumerate() {
        let x = (i % LOGO_SIZE) as f32 + 0.5;
        let y = (i / LOGO_SIZE) as f32 + 0.5;
        let a = cov(circle(x, y, ctr.0, ctr.1, r), pw);
        out.extend(p.map(|v| (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8));
        out.push((a * 255.0 + 0.5) as u8);
    }
    out
}

// ---------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------

fn paint_photo(slug: &str, category: &str, file: &str, rng: &mut Rng) -> Canvas {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut c = Canvas::new(PHOTO_W, PHOTO_H);
    match category {
        "batik" => batik_scene(&mut c, slug, stem, rng),
        "kriya" => kriya_scene(&mut c, slug, stem, rng),
        _ => food_scene(&mut c, slug, stem, rng),
    }
    c.vignette(0.2);
    c.soften_chroma(3);
    c
}

fn encode(
    path: &Path,
    w: usize,
    h: usize,
    bytes: &[u8],
    alpha: bool,
) -> Result<usize, Box<dyn Error>> {
    let mut buf = Vec::new();
    let (w, h) = (w as u32, h as u32);
    let is_png = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    if is_png {
        let kind = if alpha {
            ExtendedColorType::Rgba8
        } else {
            ExtendedColorType::Rgb8
        };
        PngEncoder::new_with_quality(&mut buf, CompressionType::Best, PngFilter::Adaptive)
            .write_image(bytes, w, h, kind)?;
    } else {
        let rgb: Vec<u8> = if alpha {
            bytes.chunks(4).flat_map(|p| [p[0], p[1], p[2]]).collect()
        } else {
            bytes.to_vec()
        };
        JpegEncoder::new_with_quality(&mut buf, JPEG_QUALITY).write_image(
            &rgb,
            w,
            h,
            ExtendedColorType::Rgb8,
        )?;
    }
    fs::write(path, &buf)?;
    Ok(buf.len())
}

fn subdirs(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    Ok(v)
}

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let content = root.join("content");
    let only: Vec<String> = std::env::args().skip(1).collect();
    let rel = |p: &Path| {
        p.strip_prefix(&root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut total = 0usize;
    let mut producer_category: BTreeMap<String, String> = BTreeMap::new();

    for dir in subdirs(&content.join("products"))? {
        let yaml = dir.join("product.yaml");
        let Ok(text) = fs::read_to_string(&yaml) else {
            continue;
        };
        let product: ProductYaml =
            serde_saphyr::from_str(&text).map_err(|e| format!("{}: {e}", rel(&yaml)))?;
        let slug = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        producer_category
            .entry(product.producer.clone())
            .or_insert_with(|| product.category.clone());
        for photo in &product.photos {
            let path = dir.join(&photo.file);
            let key = rel(&path);
            if !only.is_empty() && !only.iter().any(|o| key.contains(o.as_str())) {
                continue;
            }
            let mut rng = Rng::from_key(&key);
            let canvas = paint_photo(&slug, &product.category, &photo.file, &mut rng);
            let n = encode(&path, canvas.w, canvas.h, &canvas.rgb_bytes(), false)?;
            println!("{n:>8}  {key}");
            total += n;
        }
    }

    for dir in subdirs(&content.join("producers"))? {
        let yaml = dir.join("producer.yaml");
        let Ok(text) = fs::read_to_string(&yaml) else {
            continue;
        };
        let producer: ProducerYaml =
            serde_saphyr::from_str(&text).map_err(|e| format!("{}: {e}", rel(&yaml)))?;
        let Some(logo) = producer.logo else { continue };
        let slug = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = dir.join(&logo);
        let key = rel(&path);
        if !only.is_empty() && !only.iter().any(|o| key.contains(o.as_str())) {
            continue;
        }
        let category = producer_category.get(&slug).map_or("batik", String::as_str);
        let mut rng = Rng::from_key(&key);
        let rgba = paint_logo(&producer.name, category, &mut rng);
        let n = encode(&path, LOGO_SIZE, LOGO_SIZE, &rgba, true)?;
        println!("{n:>8}  {key}");
        total += n;
    }
    println!("{total:>8}  total bytes");
    Ok(())
}

// ---------------------------------------------------------------------------
// Kriya (crafts)
// ---------------------------------------------------------------------------

fn kriya_scene(c: &mut Canvas, slug: &str, stem: &str, rng: &mut Rng) {
    let close = matches!(stem, "detail" | "motif");
    if slug.contains("arca") || slug.contains("patung") {
        statue_scene(c, stem);
    } else if slug.contains("figur") || slug.contains("prajurit") {
        warrior_scene(c);
    } else if slug.contains("genta") {
        bell_scene(c);
    } else if slug.contains("sandal") {
        if slug.contains("wanita") || slug.contains("batik") {
            flipflops(c, close, rng);
        } else {
            leather_sandals(c, close, rng);
        }
    } else if slug.contains("sepatu") {
        shoe(c);
    } else if ["keranjang", "anyaman", "tudung", "bambu"]
        .iter()
        .any(|k| slug.contains(k))
    {
        if close {
            weave_closeup(c);
        } else {
            basket(c);
        }
    } else {
        plaque(c, close);
    }
}

/// Maps design coordinates into a figure's local frame (origin at its feet).
#[derive(Clone, Copy)]
struct Frame {
    ox: f32,
    oy: f32,
    sc: f32,
}

impl Frame {
    fn uv(&self, x: f32, y: f32) -> (f32, f32) {
        ((x - self.ox) / self.sc, (y - self.oy) / self.sc)
    }

    fn rect(&self, u0: f32, v0: f32, u1: f32, v1: f32) -> Rect {
        [
            self.ox + u0 * self.sc,
            self.oy + v0 * self.sc,
            self.ox + u1 * self.sc,
            self.oy + v1 * self.sc,
        ]
    }
}

fn patina() -> Mat {
    Mat {
        dark: rgb(0x24160a),
        base: rgb(0x7d5a2a),
        hi: rgb(0xe8c984),
        bevel: 14.0,
        spec: 0.35,
        shin: 10.0,
    }
}

fn gallery(c: &mut Canvas, spot: f32) {
    let wall = rgb(0x4d433b);
    let floor = rgb(0x2f2823);
    c.fill(&|x, y| {
        let horizon = 700.0;
        let gx = (x - 600.0) / 420.0;
        let gy = (y - 420.0) / 470.0;
        let glow = (-(gx * gx + gy * gy)).exp() * spot;
        if y < horizon {
            scale(wall, 0.62 + 0.55 * glow)
        } else {
            let v = y - horizon;
            scale(floor, (0.75 + 0.5 * glow) * (1.0 - 0.3 * (-v / 10.0).exp()))
        }
    });
}

fn arch_points(half_w: f32, spring: f32, r: f32) -> Vec<(f32, f32)> {
    // Pointed arch: two circular arcs of radius r meeting at the apex.
    let cx = r - half_w;
    let end = (-cx / r).acos();
    let mut pts = vec![(-half_w, 0.0), (-half_w, spring)];
    for i in 1..=12 {
        let t = PI - (PI - end) * i as f32 / 12.0;
        pts.push((cx + r * t.cos(), spring - r * t.sin()));
    }
    for i in (0..12).rev() {
        let t = PI - (PI - end) * i as f32 / 12.0;
        pts.push((-(cx + r * t.cos()), spring - r * t.sin()));
    }
    pts.push((half_w, 0.0));
    pts
}

fn harihara(c: &mut Canvas, f: Frame) {
    let sc = f.sc;
    // Stela behind the figure.
    let arch = arch_points(165.0, -330.0, 260.0);
    let stela = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        polygon(u, v, &arch) * sc
    };
    c.shadow(
        f.rect(-180.0, -600.0, 200.0, 20.0),
        &|x, y| stela(x - 14.0, y - 10.0),
        30.0,
        0.5,
    );
    let pm = Mat {
        bevel: 14.0 * sc,
        ..patina()
    };
    draw_lit(c, f.rect(-170.0, -600.0, 170.0, 5.0), &stela, &pm);
    c.paint_a(
        f.rect(-170.0, -600.0, 170.0, 5.0),
        &|x, y| (stela(x, y) + 16.0 * sc).abs() - 2.0 * sc,
        &|_, _| rgb(0x1e1208),
        0.7,
    );
    c.paint_a(
        f.rect(-170.0, -600.0, 170.0, 5.0),
        &|x, y| {
            let (u, v) = f.uv(x, y);
            (circle(u, v, 0.0, -420.0, 92.0).abs() - 2.5).max(stela(x, y) / sc + 20.0) * sc
        },
        &|_, _| rgb(0xe2c27c),
        0.6,
    );
    // Lotus pedestal.
    let base = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let t1 = rbox(u, v, (0.0, 14.0), (190.0, 22.0), 8.0);
        let t2 = rbox(u, v, (0.0, -16.0), (152.0, 13.0), 8.0);
        let k = (u / 24.0).round().clamp(-6.0, 6.0);
        let petals = circle(u, v, k * 24.0, -30.0, 13.0);
        t1.min(t2).min(petals) * sc
    };
    let bm = Mat {
        bevel: 10.0 * sc,
        ..BRASS
    };
    draw_lit(c, f.rect(-200.0, -50.0, 200.0, 40.0), &base, &bm);
    // The deity.
    let body = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let k = 6.0;
        let legs = polygon(
            u,
            v,
            &[
                (-62.0, -30.0),
                (62.0, -30.0),
                (50.0, -236.0),
                (-50.0, -236.0),
            ],
        );
        let au = u.abs();
        let sash = polygon(
            au,
            v,
            &[
                (48.0, -236.0),
                (92.0, -190.0),
                (84.0, -132.0),
                (46.0, -176.0),
            ],
        );
        let torso = polygon(
            u,
            v,
            &[
                (-52.0, -232.0),
                (52.0, -232.0),
                (66.0, -330.0),
                (-66.0, -330.0),
            ],
        );
        let shoulders = segment(u, v, (-66.0, -324.0), (66.0, -324.0)) - 14.0;
        let arm_lo = (segment(au, v, (70.0, -322.0), (90.0, -256.0)) - 12.0)
            .min(segment(au, v, (90.0, -256.0), (44.0, -214.0)) - 11.0)
            .min(circle(au, v, 40.0, -212.0, 13.0));
        let arm_hi = (segment(au, v, (72.0, -318.0), (114.0, -352.0)) - 11.0)
            .min(segment(au, v, (114.0, -352.0), (120.0, -408.0)) - 10.0)
            .min(circle(au, v, 120.0, -426.0, 17.0));
        let neck = segment(u, v, (0.0, -330.0), (0.0, -352.0)) - 14.0;
        let head = ellipse(u, v, (0.0, -380.0), 30.0, 36.0);
        let crown = polygon(
            u,
            v,
            &[
                (-32.0, -398.0),
                (32.0, -398.0),
                (24.0, -470.0),
                (0.0, -494.0),
                (-24.0, -470.0),
            ],
        );
        let ears = circle(au, v, 31.0, -370.0, 8.0);
        let mut d = smin(legs, torso, k);
        d = smin(d, sash, k);
        d = smin(d, shoulders, k);
        d = smin(d, arm_lo, k);
        d = smin(d, arm_hi, k);
        d = smin(d, neck, k);
        d = smin(d, head, k);
        d = smin(d, crown, 4.0);
        d.min(ears) * sc
    };
    c.shadow(
        f.rect(-130.0, -500.0, 140.0, -20.0),
        &|x, y| body(x - 8.0, y - 6.0),
        12.0,
        0.45,
    );
    let fm = Mat {
        bevel: 24.0 * sc,
        ..BRASS
    };
    draw_lit(c, f.rect(-140.0, -500.0, 140.0, -20.0), &body, &fm);
    // Engraved details: belt, necklace, crown bands, pleats of the kain.
    let grooves = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let belt = (v + 236.0).abs() - 2.2;
        let belt2 = (v + 222.0).abs() - 1.5;
        let neck = (ellipse(u, v, (0.0, -318.0), 42.0, 22.0).abs() - 2.0).max(-318.0 - v);
        let crown = ((v + 406.0).abs() - 1.8).min((v + 442.0).abs() - 1.6);
        let pleats = ((u.abs() - 18.0).abs() - 1.4)
            .min(u.abs() - 1.4)
            .max(v + 226.0)
            .max(-40.0 - v);
        let d = belt.min(belt2).min(neck).min(crown).min(pleats);
        d.max(body(x, y) / sc + 3.0) * sc
    };
    c.paint_a(
        f.rect(-140.0, -500.0, 140.0, -20.0),
        &grooves,
        &|_, _| rgb(0x2a1a0b),
        0.6,
    );
}

fn statue_scene(c: &mut Canvas, stem: &str) {
    let small = stem == "samping";
    gallery(c, if small { 1.25 } else { 0.95 });
    let f = if small {
        Frame {
            ox: 600.0,
            oy: 740.0,
            sc: 0.78,
        }
    } else {
        Frame {
            ox: 600.0,
            oy: 792.0,
            sc: 1.14,
        }
    };
    if stem == "detail" {
        c.view(2.3, 600.0, 792.0 - 400.0 * 1.14);
    }
    c.shadow(
        f.rect(-260.0, -10.0, 260.0, 60.0),
        &|x, y| {
            ellipse(
                x,
                y,
                (f.ox + 20.0, f.oy + 34.0 * f.sc),
                230.0 * f.sc,
                26.0 * f.sc,
            )
        },
        30.0,
        0.6,
    );
    harihara(c, f);
}

fn warrior_scene(c: &mut Canvas) {
    gallery(c, 1.1);
    let f = Frame {
        ox: 600.0,
        oy: 720.0,
        sc: 1.0,
    };
    let sc = f.sc;
    c.shadow(
        f.rect(-200.0, 0.0, 220.0, 100.0),
        &|x, y| ellipse(x, y, (620.0, 770.0), 175.0, 30.0),
        26.0,
        0.6,
    );
    // Round base.
    let base = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let side = rbox(u, v, (0.0, 20.0), (150.0, 20.0), 2.0);
        side.min(ellipse(u, v, (0.0, 40.0), 150.0, 34.0))
            .min(ellipse(u, v, (0.0, 0.0), 150.0, 34.0))
            * sc
    };
    let bm = Mat {
        bevel: 12.0,
        ..BRASS
    };
    draw_lit(c, f.rect(-160.0, -40.0, 160.0, 80.0), &base, &bm);
    let top = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        ellipse(u, v, (0.0, 0.0), 142.0, 30.0) * sc
    };
    c.paint(f.rect(-150.0, -35.0, 150.0, 35.0), &top, &|x, y| {
        scale(bm.at(&top, x, y), 0.8)
    });
    let spear = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let shaft = segment(u, v, (112.0, 10.0), (112.0, -596.0)) - 6.0;
        let head = polygon(
            u,
            v,
            &[
                (112.0, -660.0),
                (127.0, -606.0),
                (112.0, -588.0),
                (97.0, -606.0),
            ],
        );
        shaft.min(head) * sc
    };
    let figure = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let au = u.abs();
        let legs = segment(au, v, (22.0, -130.0), (25.0, -12.0)) - 16.0;
        let feet = ellipse(au, v, (30.0, -8.0), 24.0, 9.0);
        let kain = polygon(
            u,
            v,
            &[
                (-50.0, -120.0),
                (50.0, -120.0),
                (44.0, -250.0),
                (-44.0, -250.0),
            ],
        );
        let torso = polygon(
            u,
            v,
            &[
                (-46.0, -246.0),
                (46.0, -246.0),
                (60.0, -340.0),
                (-60.0, -340.0),
            ],
        );
        let shoulders = segment(u, v, (-60.0, -334.0), (60.0, -334.0)) - 13.0;
        let arm_r = (segment(u, v, (62.0, -330.0), (92.0, -270.0)) - 11.0)
            .min(segment(u, v, (92.0, -270.0), (108.0, -262.0)) - 10.0)
            .min(circle(u, v, 112.0, -262.0, 13.0));
        let arm_l = segment(u, v, (-62.0, -330.0), (-88.0, -270.0)) - 11.0;
        let neck = segment(u, v, (0.0, -340.0), (0.0, -362.0)) - 13.0;
        let head = ellipse(u, v, (0.0, -388.0), 27.0, 32.0);
        let cap = ellipse(u, v, (0.0, -412.0), 30.0, 20.0).min(circle(u, v, 0.0, -436.0, 9.0));
        let mut d = smin(legs, kain, 5.0);
        for p in [feet, torso, shoulders, arm_r, arm_l, neck, head, cap] {
            d = smin(d, p, 5.0);
        }
        d * sc
    };
    let shield = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        ellipse(u, v, (-96.0, -250.0), 54.0, 84.0) * sc
    };
    let fm = Mat {
        bevel: 20.0,
        ..BRASS
    };
    let pm = Mat {
        bevel: 16.0,
        ..patina()
    };
    draw_lit(c, f.rect(-20.0, -670.0, 140.0, 20.0), &spear, &pm);
    draw_lit(c, f.rect(-130.0, -450.0, 140.0, 5.0), &figure, &fm);
    c.shadow(
        f.rect(-160.0, -340.0, -30.0, -160.0),
        &|x, y| shield(x - 8.0, y - 6.0),
        10.0,
        0.5,
    );
    draw_lit(c, f.rect(-160.0, -340.0, -30.0, -160.0), &shield, &fm);
    let shield_deco = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let ring = ellipse(u, v, (-96.0, -250.0), 40.0, 68.0).abs() - 2.0;
        let boss = circle(u, v, -96.0, -250.0, 12.0);
        ring.min(boss) * sc
    };
    c.paint_a(
        f.rect(-160.0, -340.0, -30.0, -160.0),
        &shield_deco,
        &|_, _| rgb(0x2a1a0b),
        0.55,
    );
    let grooves = |x: f32, y: f32| {
        let (u, v) = f.uv(x, y);
        let belt = (v + 250.0).abs() - 2.0;
        let pleats = ((u + 14.0).abs() - 1.3)
            .min((u - 14.0).abs() - 1.3)
            .max(v + 246.0)
            .max(-126.0 - v);
        belt.min(pleats).max(figure(x, y) / sc + 3.0) * sc
    };
    c.paint_a(
        f.rect(-130.0, -450.0, 140.0, 5.0),
        &grooves,
        &|_, _| rgb(0x2a1a0b),
        0.55,
    );
}

fn light_inv(sdf: &dyn Fn(f32, f32) -> f32, x: f32, y: f32, bevel: f32) -> Lit {
    light(
        &|px: f32, py: f32| -sdf(2.0 * x - px, 2.0 * y - py),
        x,
        y,
        bevel,
    )
}

fn plaque(c: &mut Canvas, close: bool) {
    let wall = rgb(0xd8cdb9);
    c.fill(&|x, y| {
        let gx = (x - 560.0) / 700.0;
        let gy = (y - 380.0) / 560.0;
        scale(wall, 0.8 + 0.22 * (-(gx * gx + gy * gy)).exp())
    });
    if close {
        c.view(2.1, 690.0, 360.0);
    }
    let (cx, cy) = (600.0, 470.0);
    // Cord and nail.
    c.paint(
        bb(600.0, 140.0, 120.0, 80.0),
        &|x, y| polyline(x, y, &[(470.0, 230.0), (600.0, 92.0), (730.0, 230.0)]) - 2.2,
        &|_, _| rgb(0x3b2c20),
    );
    c.paint(
        bb(600.0, 92.0, 10.0, 10.0),
        &|x, y| circle(x, y, 600.0, 92.0, 6.0),
        &|_, _| rgb(0x5a5550),
    );
    let disc = move |x: f32, y: f32| circle(x, y, cx, cy, 300.0);
    c.shadow(
        bb(cx + 18.0, cy + 24.0, 310.0, 310.0),
        &|x, y| disc(x - 18.0, y - 24.0),
        30.0,
        0.55,
    );
    let bm = Mat {
        bevel: 26.0,
        ..BRASS
    };
    draw_lit(c, bb(cx, cy, 302.0, 302.0), &disc, &bm);
    // Recessed field with dark patina.
    let field = move |x: f32, y: f32| circle(x, y, cx, cy, 252.0);
    let pm = patina();
    c.paint(bb(cx, cy, 254.0, 254.0), &field, &|x, y| {
        let l = light_inv(&field, x, y, 12.0);
        scale(pm.color(&l), 0.62)
    });
    // Pearls around the rim.
    for i in 0..40 {
        let a = i as f32 * TAU / 40.0;
        let (px, py) = (cx + 276.0 * a.cos(), cy + 276.0 * a.sin());
        let pearl = move |x: f32, y: f32| circle(x, y, px, py, 8.0);
        let m = Mat {
            bevel: 8.0,
            ..BRASS
        };
        draw_lit(c, bb(px, py, 10.0, 10.0), &pearl, &m);
    }
    // Surya Majapahit relief: rays, eight-pointed star, central disc.
    let rays = move |x: f32, y: f32| {
        let (u, v) = (x - cx, y - cy);
        let k = ((v.atan2(u) - PI / 8.0) / (PI / 4.0)).round();
        let (ru, rv) = local(u, v, (0.0, 0.0), k * PI / 4.0 + PI / 8.0);
        let k16 = ((v.atan2(u) - PI / 16.0) / (PI / 8.0)).round();
        let (su, sv) = local(u, v, (0.0, 0.0), k16 * PI / 8.0 + PI / 16.0);
        let main = polygon(ru, rv, &[(90.0, -9.0), (238.0, 0.0), (90.0, 9.0)]);
        let thin = segment(su, sv, (110.0, 0.0), (200.0, 0.0)) - 3.0;
        main.min(thin)
    };
    let sun = move |x: f32, y: f32| star(x - cx, y - cy, 215.0, 8.0, 4.4);
    let hub = move |x: f32, y: f32| circle(x, y, cx, cy, 78.0);
    let polished = Mat {
        bevel: 9.0,
        spec: 0.8,
        ..BRASS
    };
    for s in [&rays as &dyn Fn(f32, f32) -> f32, &sun, &hub] {
        c.shadow(
            bb(cx, cy, 250.0, 250.0),
            &|x, y| s(x - 5.0, y - 7.0),
            8.0,
            0.45,
        );
        draw_lit(c, bb(cx, cy, 250.0, 250.0), s, &polished);
    }
    // Engraved lines on the star and hub.
    c.paint_a(
        bb(cx, cy, 250.0, 250.0),
        &|x, y| {
            let inner = star(x - cx, y - cy, 175.0, 8.0, 4.4).abs() - 1.8;
            let ring = circle(x, y, cx, cy, 56.0).abs() - 2.2;
            let core = star(x - cx, y - cy, 44.0, 8.0, 3.0);
            inner.min(ring).min(core)
        },
        &|_, _| rgb(0x3a240e),
        0.65,
    );
    c.paint(
        bb(cx, cy, 12.0, 12.0),
        &|x, y| circle(x, y, cx, cy, 9.0),
        &|_, _| rgb(0xf2d48c),
    );
}

fn bell_scene(c: &mut Canvas) {
    backdrop(c, rgb(0xd7cdbd), rgb(0x86684b), 790.0, true);
    let teak = Mat {
        dark: rgb(0x2a170b),
        base: rgb(0x6e4325),
        hi: rgb(0xc89a6a),
        bevel: 10.0,
        spec: 0.15,
        shin: 8.0,
    };
    for px in [220.0f32, 980.0] {
        let post = move |x: f32, y: f32| rbox(x, y, (px, 470.0), (20.0, 350.0), 4.0);
        let foot = move |x: f32, y: f32| rbox(x, y, (px, 812.0), (72.0, 16.0), 6.0);
        c.shadow(
            bb(px + 20.0, 820.0, 100.0, 30.0),
            &|x, y| foot(x - 10.0, y - 14.0),
            16.0,
            0.5,
        );
        c.shadow(
            bb(px + 14.0, 480.0, 40.0, 360.0),
            &|x, y| post(x - 14.0, y - 6.0),
            14.0,
            0.35,
        );
        draw_lit(c, bb(px, 470.0, 24.0, 352.0), &post, &teak);
        draw_lit(c, bb(px, 812.0, 74.0, 18.0), &foot, &teak);
    }
    let beam = |x: f32, y: f32| rbox(x, y, (600.0, 128.0), (440.0, 24.0), 6.0);
    c.shadow(
        bb(610.0, 140.0, 450.0, 40.0),
        &|x, y| beam(x - 8.0, y - 12.0),
        14.0,
        0.35,
    );
    draw_lit(c, bb(600.0, 128.0, 442.0, 26.0), &beam, &teak);
    // Chain links.
    let steel = Mat {
        dark: rgb(0x3a3632),
        base: rgb(0x8d867c),
        hi: rgb(0xf0ece4),
        bevel: 5.0,
        spec: 0.5,
        shin: 20.0,
    };
    for (i, ly) in [170.0f32, 198.0].iter().enumerate() {
        let (rx, ry) = if i % 2 == 0 { (9.0, 17.0) } else { (4.0, 17.0) };
        let link = move |x: f32, y: f32| ellipse(x, y, (600.0, *ly), rx, ry).abs() - 3.0;
        draw_lit(c, bb(600.0, *ly, 16.0, 24.0), &link, &steel);
    }
    let profile = |y: f32| -> f32 {
        let t = ((y - 338.0) / 362.0).clamp(0.0, 1.0);
        62.0 + 120.0 * t.powf(1.7)
    };
    let mut pts: Vec<(f32, f32)> = Vec::new();
    for i in 0..=24 {
        let y = 338.0 + 362.0 * i as f32 / 24.0;
        pts.push((600.0 + profile(y), y));
    }
    pts.push((790.0, 712.0));
    pts.push((786.0, 726.0));
    pts.push((414.0, 726.0));
    pts.push((410.0, 712.0));
    for i in (0..=24).rev() {
        let y = 338.0 + 362.0 * i as f32 / 24.0;
        pts.push((600.0 - profile(y), y));
    }
    let bell = |x: f32, y: f32| polygon(x, y, &pts) - 4.0;
    let handle = |x: f32, y: f32| {
        let ring = circle(x, y, 600.0, 228.0, 15.0).abs() - 4.5;
        let knob = circle(x, y, 600.0, 266.0, 22.0);
        let shaft = rbox(x, y, (600.0, 300.0), (11.0, 22.0), 4.0);
        let flange = ellipse(x, y, (600.0, 330.0), 46.0, 11.0);
        ring.min(knob).min(shaft).min(flange)
    };
    let bm = Mat {
        bevel: 120.0,
        ..BRASS
    };
    let hm = Mat {
        bevel: 12.0,
        ..BRASS
    };
    c.shadow(
        bb(600.0, 870.0, 230.0, 30.0),
        &|x, y| ellipse(x, y, (616.0, 862.0), 190.0, 16.0),
        30.0,
        0.45,
    );
    c.paint(
        bb(600.0, 742.0, 22.0, 22.0),
        &|x, y| circle(x, y, 600.0, 742.0, 17.0),
        &|_, _| rgb(0x4a3418),
    );
    draw_lit(c, bb(600.0, 280.0, 50.0, 70.0), &handle, &hm);
    c.paint(bb(600.0, 530.0, 200.0, 200.0), &bell, &|x, y| {
        // Shade as a surface of revolution rather than a flat pillow.
        let w = profile(y.min(700.0)) + 6.0;
        let s = ((x - 600.0) / w).clamp(-0.98, 0.98);
        let t = ((y - 338.0) / 362.0).clamp(0.0, 1.0);
        let tilt = -0.15 - 0.5 * (1.0 - t);
        let nz = (1.0 - s * s).sqrt();
        let n = [s, tilt * nz, nz];
        let l = (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt();
        bm.color(&lit_normal([n[0] / l, n[1] / l, n[2] / l]))
    });
    let bands = |x: f32, y: f32| {
        let dx = x - 600.0;
        let curve = 0.00042 * dx * dx;
        let d = [392.0f32, 556.0, 600.0, 676.0, 694.0]
            .iter()
            .map(|&b| (y - b - curve).abs() - 1.8)
            .fold(f32::MAX, f32::min);
        let dots = circle(dx.rem_euclid(22.0) - 11.0, y - 578.0 - curve, 0.0, 0.0, 4.0);
        d.min(dots).max(bell(x, y) + 5.0)
    };
    c.paint_a(
        bb(600.0, 540.0, 200.0, 200.0),
        &bands,
        &|_, _| rgb(0x3a240e),
        0.6,
    );
}

/// Outline of a sandal sole in its own frame (toe towards -v).
fn sole(u: f32, v: f32) -> f32 {
    let heel = circle(u, v, 0.0, 158.0, 84.0);
    let fore = ellipse(u, v, (9.0, -70.0), 106.0, 196.0);
    smin(heel, fore, 110.0)
}

fn leather_sandals(c: &mut Canvas, close: bool, rng: &mut Rng) {
    wood_top(c, rgb(0xb48a5c), rng);
    if close {
        c.view(2.0, 430.0, 400.0);
    }
    let leather = Mat {
        dark: rgb(0x1c0e06),
        base: rgb(0x57301a),
        hi: rgb(0xc58c5c),
        bevel: 12.0,
        spec: 0.25,
        shin: 12.0,
    };
    let k = 1.22;
    for (cx, ang, mirror) in [(430.0f32, -0.07f32, 1.0f32), (775.0, 0.07, -1.0)] {
        let fr = move |x: f32, y: f32| {
            let (u, v) = local(x, y, (cx, 450.0), ang);
            (u * mirror / k, v / k)
        };
        let outsole = move |x: f32, y: f32| {
            let (u, v) = fr(x, y);
            sole(u, v) * k
        };
        let area = bb(cx, 450.0, 200.0, 360.0);
        c.shadow(area, &|x, y| outsole(x - 12.0, y - 16.0), 20.0, 0.55);
        let rubber = Mat {
            dark: rgb(0x0e0b09),
            base: rgb(0x2c2420),
            hi: rgb(0x8a7d72),
            bevel: 8.0,
            spec: 0.1,
            shin: 8.0,
        };
        draw_lit(c, area, &outsole, &rubber);
        let bed = move |x: f32, y: f32| outsole(x, y) + 9.0;
        c.paint(area, &bed, &|x, y| {
            let (u, v) = fr(x, y);
            let l = light(&bed, x, y, 10.0);
            let wear = 1.0
                - 0.12 * (-(circle(u, v, 10.0, -60.0, 0.0) / 90.0).powi(2)).exp()
                - 0.1 * (-(circle(u, v, 0.0, 170.0, 0.0) / 60.0).powi(2)).exp();
            scale(shade_pattern(rgb(0x9c6a40), &l, 0.1), wear)
        });
        for (idx, a) in [(0, 0.55f32), (1, -0.55)] {
            let strap = move |x: f32, y: f32| {
                let (u, v) = fr(x, y);
                let (su, sv) = local(u, v, (6.0, -40.0), a);
                rbox(su, sv, (0.0, 0.0), (220.0, 36.0), 10.0).max(sole(u, v) - 2.0) * k
            };
            c.shadow(area, &|x, y| strap(x - 6.0, y - 9.0), 10.0, 0.5);
            let lm = Mat {
                base: if idx == 0 {
                    rgb(0x5a321b)
                } else {
                    rgb(0x4e2a16)
                },
                ..leather
            };
            draw_lit(c, area, &strap, &lm);
            let stitch = move |x: f32, y: f32| {
                let (u, v) = fr(x, y);
                let (su, sv) = local(u, v, (6.0, -40.0), a);
                let line = (rbox(su, sv, (0.0, 0.0), (220.0, 36.0), 10.0) + 8.0).abs() - 1.2;
                let dash = (su.rem_euclid(13.0) - 6.5).abs() - 3.5;
                (line.max(dash) * k).max(strap(x, y) + 5.0)
            };
            c.paint(area, &stitch, &|_, _| rgb(0xe3cca0));
        }
    }
}

fn flipflops(c: &mut Canvas, close: bool, rng: &mut Rng) {
    plain_top(c, rgb(0xcfd6d2));
    let jit = rng.range(-6.0, 6.0);
    if close {
        c.view(2.1, 430.0, 340.0);
    }
    let pw = c.pw();
    let eva = Mat {
        dark: rgb(0x8d7d66),
        base: rgb(0xe8dcc4),
        hi: rgb(0xffffff),
        bevel: 16.0,
        spec: 0.1,
        shin: 10.0,
    };
    let batik = BatikStyle {
        motif: Motif::Mrico,
        cloth: MAROON,
        scale: 0.55,
    };
    let k = 1.2;
    for (cx, ang, mirror) in [
        (430.0f32, -0.09f32 + jit * 0.003, 1.0f32),
        (775.0, 0.06, -1.0),
    ] {
        let fr = move |x: f32, y: f32| {
            let (u, v) = local(x, y, (cx, 455.0), ang);
            (u * mirror / k, v / k)
        };
        let outsole = move |x: f32, y: f32| {
            let (u, v) = fr(x, y);
            sole(u, v) * k
        };
        let area = bb(cx, 455.0, 200.0, 360.0);
        c.shadow(area, &|x, y| outsole(x - 10.0, y - 14.0), 18.0, 0.45);
        draw_lit(c, area, &outsole, &eva);
        let bed = move |x: f32, y: f32| outsole(x, y) + 8.0;
        c.paint(area, &bed, &|x, y| {
            let l = light(&bed, x, y, 8.0);
            scale(eva.color(&l), 0.93)
        });
        let strap = move |x: f32, y: f32| {
            let (u, v) = fr(x, y);
            let au = u.abs();
            let d = polyline(
                au,
                v,
                &[(0.0, -150.0), (62.0, -96.0), (92.0, -24.0), (98.0, 20.0)],
            ) - 19.0;
            d.max(sole(u, v) - 2.0) * k
        };
        c.shadow(area, &|x, y| strap(x - 5.0, y - 9.0), 10.0, 0.5);
        c.paint(area, &strap, &|x, y| {
            let (u, v) = fr(x, y);
            let l = light(&strap, x, y, 12.0);
            shade_pattern(batik_at(&batik, u + 300.0, v + 300.0, pw), &l, 0.2)
        });
        let post = move |x: f32, y: f32| {
            let (u, v) = fr(x, y);
            circle(u, v, 0.0, -152.0, 14.0) * k
        };
        let gold = Mat {
            bevel: 10.0,
            ..BRASS
        };
        draw_lit(c, area, &post, &gold);
    }
}

fn shoe(c: &mut Canvas) {
    backdrop(c, rgb(0xe2ddd4), rgb(0xb7a48c), 610.0, true);
    let pw = c.pw();
    let upper_pts = [
        (264.0, 648.0),
        (250.0, 540.0),
        (256.0, 452.0),
        (296.0, 428.0),
        (400.0, 462.0),
        (520.0, 482.0),
        (630.0, 478.0),
        (700.0, 456.0),
        (780.0, 466.0),
        (848.0, 494.0),
        (902.0, 528.0),
        (944.0, 566.0),
        (972.0, 604.0),
        (984.0, 648.0),
    ];
    let upper = |x: f32, y: f32| polygon(x, y, &upper_pts) - 6.0;
    let sole_sdf = |x: f32, y: f32| {
        rbox(x, y, (604.0, 672.0), (386.0, 32.0), 26.0).min(ellipse(
            x,
            y,
            (930.0, 660.0),
            62.0,
            44.0,
        ))
    };
    c.shadow(
        bb(610.0, 700.0, 420.0, 40.0),
        &|x, y| ellipse(x, y, (620.0, 706.0), 370.0, 20.0),
        28.0,
        0.5,
    );
    let canvas_col = rgb(0x1f2a45);
    let batik = BatikStyle {
        motif: Motif::Surya,
        cloth: INDIGO,
        scale: 0.62,
    };
    c.paint(bb(610.0, 540.0, 380.0, 120.0), &upper, &|x, y| {
        let l = light(&upper, x, y, 40.0);
        let panel = x - 600.0 - 0.35 * (y - 450.0);
        let col = if panel < 0.0 && y > 470.0 {
            batik_at(&batik, x, y, pw)
        } else {
            canvas_col
        };
        shade_pattern(col, &l, 0.15)
    });
    // Stitching along the batik panel edge and the collar.
    c.paint(
        bb(610.0, 540.0, 380.0, 120.0),
        &|x, y| {
            let seam = (x - 600.0 - 0.35 * (y - 450.0)).abs() - 1.5;
            let top = (y - 480.0).abs() - 1.5;
            let panel_edge = seam
                .max(470.0 - y)
                .min(top.max(x - 600.0 - 0.35 * (y - 450.0)));
            let dash = ((x + y).rem_euclid(14.0) - 7.0).abs() - 3.5;
            panel_edge.max(dash).max(upper(x, y) + 6.0)
        },
        &|_, _| rgb(0xe9e1cf),
    );
    // Opening with lining and insole.
    let opening = |x: f32, y: f32| ellipse(x, y, (470.0, 470.0), 186.0, 15.0);
    c.paint(bb(474.0, 452.0, 210.0, 26.0), &opening, &|_, y| {
        mix(
            rgb(0x6f6353),
            rgb(0xcdbfa6),
            ((y - 432.0) / 40.0).clamp(0.0, 1.0),
        )
    });
    // Elastic gusset.
    let gusset = [(672.0, 452.0), (718.0, 458.0), (700.0, 528.0)];
    c.paint(
        bb(695.0, 490.0, 30.0, 45.0),
        &|x, y| polygon(x, y, &gusset),
        &|_, _| rgb(0x2c2c2e),
    );
    // Heel tab.
    c.paint(
        bb(262.0, 480.0, 20.0, 40.0),
        &|x, y| rbox(x, y, (258.0, 478.0), (10.0, 34.0), 5.0),
        &|_, _| rgb(0x6d1619),
    );
    let rubber = Mat {
        dark: rgb(0x8f8a80),
        base: rgb(0xf2efe8),
        hi: rgb(0xffffff),
        bevel: 14.0,
        spec: 0.2,
        shin: 16.0,
    };
    draw_lit(c, bb(610.0, 670.0, 400.0, 50.0), &sole_sdf, &rubber);
    c.paint(
        bb(610.0, 660.0, 400.0, 20.0),
        &|x, y| ((y - 660.0).abs() - 2.5).max(sole_sdf(x, y) + 4.0),
        &|_, _| rgb(0x1f2a45),
    );
    c.paint(
        bb(610.0, 700.0, 400.0, 10.0),
        &|x, y| ((y - 696.0).abs() - 1.2).max(sole_sdf(x, y) + 6.0),
        &|_, _| rgb(0xb9b3a8),
    );
}

/// Two-tone twill bamboo weave; `u`, `v` in strip units of ~24.
fn weave(u: f32, v: f32) -> Rgb {
    let w = 24.0;
    let (i, j) = ((u / w).floor() as i32, (v / w).floor() as i32);
    let (fu, fv) = ((u / w).rem_euclid(1.0), (v / w).rem_euclid(1.0));
    let over = (i + j).rem_euclid(4) < 2;
    let (col, f) = if over {
        (rgb(0xd8b47c), fv)
    } else {
        (rgb(0x6e4726), fu)
    };
    let k = 0.72 + 0.28 * (f * PI).sin();
    let gap = smoothstep(0.0, 0.1, f.min(1.0 - f));
    scale(col, k * (0.55 + 0.45 * gap))
}

fn weave_closeup(c: &mut Canvas) {
    c.fill(&|x, y| {
        let (u, v) = local(x, y, (600.0, 450.0), 0.12);
        let bulge = 1.0 + 0.08 * ((u * 0.004).sin() + (v * 0.005).cos());
        scale(weave(u / 2.2, v / 2.2), bulge)
    });
}

fn basket(c: &mut Canvas) {
    backdrop(c, rgb(0xd6d9d0), rgb(0x8f6f4e), 640.0, true);
    let (cx, top, bot) = (600.0, 430.0, 720.0);
    let hw = move |y: f32| 300.0 - 75.0 * ((y - top) / (bot - top)).clamp(0.0, 1.0);
    let rim = move |x: f32, y: f32| ellipse(x, y, (cx, top), 300.0, 72.0);
    let hull = move |x: f32, y: f32| {
        ((x - cx).abs() - hw(y))
            .max(top - y)
            .max(y - bot)
            .min(ellipse(x, y, (cx, bot), 225.0, 52.0))
    };
    let front = move |x: f32, y: f32| hull(x, y).max(-rim(x, y));
    c.shadow(
        bb(cx, 770.0, 300.0, 40.0),
        &|x, y| ellipse(x, y, (cx + 20.0, 776.0), 260.0, 34.0),
        26.0,
        0.6,
    );
    // Interior (back wall) seen through the opening.
    c.paint(bb(cx, top, 302.0, 74.0), &rim, &|x, y| {
        let t = ((y - (top - 72.0)) / 144.0).clamp(0.0, 1.0);
        let u = (x - cx) * 1.1;
        scale(weave(u, y * 1.6), 0.62 - 0.3 * t)
    });
    // Handle.
    let handle =
        move |x: f32, y: f32| (ellipse(x, y, (cx, top), 272.0, 300.0).abs() - 13.0).max(y - top);
    let cane = Mat {
        dark: rgb(0x5a3e1c),
        base: rgb(0xc9a068),
        hi: rgb(0xfff0cc),
        bevel: 13.0,
        spec: 0.3,
        shin: 12.0,
    };
    c.shadow(
        bb(cx, 280.0, 300.0, 170.0),
        &|x, y| handle(x - 10.0, y - 12.0),
        12.0,
        0.3,
    );
    draw_lit(c, bb(cx, 280.0, 290.0, 170.0), &handle, &cane);
    // Front wall.
    c.paint(bb(cx, 600.0, 305.0, 180.0), &front, &|x, y| {
        let s = ((x - cx) / hw(y)).clamp(-0.999, 0.999);
        let u = s.asin() * 300.0;
        let round = (1.0 - s * s).sqrt();
        let k = (0.55 + 0.5 * round) * (1.0 - 0.25 * ((y - top) / (bot - top)).clamp(0.0, 1.0));
        scale(weave(u, y), k * (1.0 - 0.18 * s))
    });
    // Rattan rim.
    let rim_band = move |x: f32, y: f32| rim(x, y).abs() - 12.0;
    draw_lit(c, bb(cx, top, 316.0, 88.0), &rim_band, &cane);
    let lashing = move |x: f32, y: f32| {
        let a = ((y - top) / 72.0).atan2((x - cx) / 300.0);
        let k = (a / (TAU / 48.0)).round();
        let d = (a - k * TAU / 48.0).abs() * 280.0 - 2.0;
        d.max(rim_band(x, y) + 2.0)
    };
    c.paint_a(
        bb(cx, top, 316.0, 88.0),
        &lashing,
        &|_, _| rgb(0x6b4a22),
        0.55,
    );
}

// ---------------------------------------------------------------------------
// Makanan & minuman (food and drinks)
// ---------------------------------------------------------------------------

fn food_scene(c: &mut Canvas, slug: &str, stem: &str, rng: &mut Rng) {
    let close = matches!(stem, "detail" | "motif");
    if slug.contains("onde") {
        if slug.contains("ketawa") {
            cookie_jar(c, rng);
        } else if slug.contains("beku") && stem != "sajian" {
            frozen_pack(c, rng);
        } else if stem == "isi" {
            onde_cut(c, rng);
        } else if stem == "kemasan" {
            onde_box(c, rng);
        } else {
            onde_plate(c, stem == "sajian", rng);
        }
    } else if slug.contains("sambal") {
        if stem == "sajian" {
            sambal_serving(c, rng);
        } else {
            sambal_jars(c, rng);
        }
    } else if slug.contains("wader") {
        wader_snack(c, rng);
    } else if slug.contains("singkong") {
        cassava_bowl(c, rng);
    } else if slug.contains("keripik") || slug.contains("tempe") {
        if close {
            chips_closeup(c, rng);
        } else {
            tempe_chips(c, rng);
        }
    } else if slug.contains("jahe") {
        if stem == "seduh" {
            drink(c, rgb(0xb8702a), rng);
        } else {
            ginger_pouch(c, rng);
        }
    } else if slug.contains("kopi") {
        drink(c, rgb(0x2a160c), rng);
    } else {
        tempe_chips(c, rng);
    }
}

const ONDE: Mat = Mat {
    dark: rgb(0x5e2e0c),
    base: rgb(0xc88a3e),
    hi: rgb(0xf6d49a),
    bevel: 1.0,
    spec: 0.12,
    shin: 6.0,
};

const ONDE_RAW: Mat = Mat {
    dark: rgb(0x8f8168),
    base: rgb(0xe9dcbd),
    hi: rgb(0xffffff),
    bevel: 1.0,
    spec: 0.12,
    shin: 8.0,
};

/// A sesame-coated ball with a soft contact shadow.
fn onde(c: &mut Canvas, at: (f32, f32), r: f32, m: &Mat, rng: &mut Rng) {
    let (cx, cy) = at;
    c.shadow(
        bb(cx, cy + r * 0.8, r * 1.1, r * 0.4),
        &|x, y| ellipse(x, y, (cx + r * 0.18, cy + r * 0.82), r * 0.9, r * 0.26),
        r * 0.25,
        0.55,
    );
    let ball = move |x: f32, y: f32| circle(x, y, cx, cy, r);
    let mb = Mat { bevel: r, ..*m };
    draw_lit(c, bb(cx, cy, r, r), &ball, &mb);
    let seed = if m.base[0] > 0.85 {
        rgb(0xfbf4e4)
    } else {
        rgb(0xf1deb2)
    };
    let n = (r * r / 95.0) as usize;
    for _ in 0..n {
        let rho = r * 0.94 * rng.unit().sqrt();
        let th = rng.range(0.0, TAU);
        let (sx, sy) = (cx + rho * th.cos(), cy + rho * th.sin());
        let fore = (1.0 - (rho / r).powi(2)).max(0.0).sqrt();
        let len = r * 0.075 * (0.45 + 0.55 * fore);
        let wid = r * 0.036;
        let ang = rng.range(0.0, PI);
        let k = light(&ball, sx, sy, r).k;
        let col = scale(seed, 0.5 + 0.42 * k.min(1.3));
        c.paint(
            bb(sx, sy, len + 2.0, len + 2.0),
            &move |x, y| {
                let (u, v) = local(x, y, (sx, sy), ang);
                ellipse(u, v, (0.0, 0.0), len, wid)
            },
            &|_, _| col,
        );
    }
}

fn plate(c: &mut Canvas, at: (f32, f32), rx: f32, ry: f32) {
    let (cx, cy) = at;
    let outer = move |x: f32, y: f32| ellipse(x, y, (cx, cy), rx, ry);
    c.shadow(
        bb(cx + 20.0, cy + 24.0, rx, ry),
        &|x, y| outer(x - 16.0, y - 22.0),
        30.0,
        0.45,
    );
    draw_lit(c, bb(cx, cy, rx, ry), &outer, &WHITE_CERAMIC);
    let well = move |x: f32, y: f32| ellipse(x, y, (cx, cy + ry * 0.04), rx * 0.74, ry * 0.72);
    c.paint(bb(cx, cy, rx, ry), &well, &|x, y| {
        let l = light_inv(&well, x, y, 24.0);
        scale(WHITE_CERAMIC.color(&l), 0.95)
    });
}

fn banana_leaf(c: &mut Canvas, at: (f32, f32), half: (f32, f32), ang: f32) {
    let leaf = move |x: f32, y: f32| {
        let (u, v) = local(x, y, at, ang);
        ellipse(u, v, (0.0, 0.0), half.0, half.1)
    };
    let green = rgb(0x4f7f31);
    let pw = c.pw();
    c.paint(
        bb(at.0, at.1, half.0 + 10.0, half.0 + 10.0),
        &leaf,
        &|x, y| {
            let (u, v) = local(x, y, at, ang);
            let vein = ((u * 0.35 + v.abs()).rem_euclid(16.0) - 8.0).abs();
            let k = 0.94 + 0.06 * smoothstep(0.0, 3.0, vein);
            let rib = cov(v.abs() - 2.5, pw);
            let sheen = 1.0 + 0.12 * (-(v / (half.1 * 0.6)).powi(2)).exp();
            mix(scale(green, k * sheen), rgb(0x9cbf6a), rib * 0.8)
        },
    );
}

fn onde_plate(c: &mut Canvas, tray: bool, rng: &mut Rng) {
    backdrop(c, rgb(0xe9dfcf), rgb(0x7c5436), 250.0, true);
    if tray {
        // A woven bamboo tray (tampah) instead of a plate.
        let outer = |x: f32, y: f32| ellipse(x, y, (600.0, 560.0), 470.0, 290.0);
        c.shadow(
            bb(620.0, 585.0, 480.0, 300.0),
            &|x, y| outer(x - 16.0, y - 22.0),
            30.0,
            0.5,
        );
        c.paint(bb(600.0, 560.0, 472.0, 292.0), &outer, &|x, y| {
            scale(weave((x - 600.0) * 1.2, (y - 560.0) * 1.9), 0.95)
        });
        let rim = |x: f32, y: f32| outer(x, y).abs() - 12.0;
        let cane = Mat {
            dark: rgb(0x5a3e1c),
            base: rgb(0xc9a068),
            hi: rgb(0xfff0cc),
            bevel: 12.0,
            spec: 0.3,
            shin: 12.0,
        };
        draw_lit(c, bb(600.0, 560.0, 484.0, 304.0), &rim, &cane);
    } else {
        plate(c, (600.0, 560.0), 440.0, 270.0);
    }
    banana_leaf(c, (590.0, 540.0), (330.0, 150.0), -0.12);
    let (m, spots): (&Mat, &[(f32, f32, f32)]) = if tray {
        (
            &ONDE,
            &[
                (430.0, 455.0, 80.0),
                (600.0, 440.0, 80.0),
                (770.0, 455.0, 80.0),
                (350.0, 585.0, 86.0),
                (525.0, 590.0, 88.0),
                (700.0, 595.0, 88.0),
                (870.0, 585.0, 86.0),
            ],
        )
    } else {
        (
            &ONDE,
            &[
                (440.0, 470.0, 92.0),
                (620.0, 450.0, 92.0),
                (790.0, 480.0, 92.0),
                (500.0, 610.0, 98.0),
                (700.0, 615.0, 98.0),
                (600.0, 520.0, 96.0),
            ],
        )
    };
    for &(x, y, r) in spots {
        onde(c, (x, y), r, m, rng);
    }
}

fn onde_cut(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xe6ddd0), rgb(0x6f4a30), 300.0, true);
    let board = |x: f32, y: f32| rbox(x, y, (600.0, 600.0), (480.0, 210.0), 40.0);
    let wood = Mat {
        dark: rgb(0x6b4422),
        base: rgb(0xc8955c),
        hi: rgb(0xf4d6a8),
        bevel: 16.0,
        spec: 0.15,
        shin: 10.0,
    };
    c.shadow(
        bb(620.0, 625.0, 490.0, 220.0),
        &|x, y| board(x - 16.0, y - 24.0),
        26.0,
        0.5,
    );
    c.paint(bb(600.0, 600.0, 482.0, 212.0), &board, &|x, y| {
        let grain = 1.0 + 0.035 * ((y * 0.09 + (x * 0.004).sin() * 4.0).sin());
        scale(wood.at(&board, x, y), grain)
    });
    onde(c, (400.0, 520.0), 150.0, &ONDE, rng);
    // The cut half, facing the viewer.
    let (cx, cy, r) = (790.0, 560.0, 150.0);
    let face = move |x: f32, y: f32| circle(x, y, cx, cy, r);
    c.shadow(
        bb(cx, cy, r, r),
        &|x, y| face(x - 14.0, y - 18.0),
        20.0,
        0.5,
    );
    let pw = c.pw();
    c.paint(bb(cx, cy, r, r), &face, &|x, y| {
        let d = (x - cx).hypot(y - cy);
        let filling = rgb(0xe6c25a);
        let dough = rgb(0xf3e6cc);
        let shell = rgb(0xb0702c);
        let mut col = shell;
        col = mix(col, dough, cov(d - (r - 16.0), pw));
        col = mix(col, filling, cov(d - (r - 42.0), pw * 3.0));
        scale(col, 1.0 - 0.12 * (d / r).powi(2))
    });
    for _ in 0..34 {
        let th = rng.range(0.0, TAU);
        let rr = r - rng.range(2.0, 9.0);
        let (sx, sy) = (cx + rr * th.cos(), cy + rr * th.sin());
        let ang = th + PI / 2.0 + rng.range(-0.4, 0.4);
        c.paint(
            bb(sx, sy, 14.0, 14.0),
            &move |x, y| {
                let (u, v) = local(x, y, (sx, sy), ang);
                ellipse(u, v, (0.0, 0.0), 10.0, 4.2)
            },
            &|_, _| rgb(0xefdcb0),
        );
    }
}

fn kraft_box(c: &mut Canvas, front: [(f32, f32); 4], top: [(f32, f32); 4]) {
    let f = move |x: f32, y: f32| polygon(x, y, &front);
    let t = move |x: f32, y: f32| polygon(x, y, &top);
    c.shadow(
        bb(620.0, 700.0, 420.0, 150.0),
        &|x, y| f(x - 22.0, y - 18.0),
        28.0,
        0.55,
    );
    c.paint(bb(600.0, 640.0, 420.0, 200.0), &f, &|_, y| {
        scale(rgb(0xc29c6c), 0.86 + 0.1 * ((y - 470.0) / 330.0))
    });
    c.paint(bb(600.0, 390.0, 420.0, 120.0), &t, &|_, y| {
        scale(rgb(0xdcc094), 0.92 + 0.08 * ((y - 300.0) / 170.0))
    });
}

fn onde_box(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xe7dccb), rgb(0x8a6445), 420.0, true);
    let front = [
        (250.0, 470.0),
        (950.0, 470.0),
        (950.0, 800.0),
        (250.0, 800.0),
    ];
    let top = [
        (250.0, 470.0),
        (950.0, 470.0),
        (880.0, 292.0),
        (320.0, 292.0),
    ];
    kraft_box(c, front, top);
    let window = [
        (345.0, 446.0),
        (855.0, 446.0),
        (812.0, 318.0),
        (388.0, 318.0),
    ];
    let win = move |x: f32, y: f32| polygon(x, y, &window) - 6.0;
    c.paint(bb(600.0, 380.0, 270.0, 80.0), &win, &|_, _| rgb(0xf2e9da));
    c.set_clip(&win);
    for i in 0..5 {
        onde(c, (430.0 + i as f32 * 85.0, 345.0), 44.0, &ONDE, rng);
    }
    for i in 0..5 {
        onde(c, (410.0 + i as f32 * 95.0, 420.0), 50.0, &ONDE, rng);
    }
    c.clear_clip();
    c.paint_a(
        bb(600.0, 380.0, 270.0, 80.0),
        &|x, y| win(x, y).max(((x - 1.2 * y) + 60.0).abs() - 30.0),
        &|_, _| [1.0, 1.0, 1.0],
        0.25,
    );
    c.paint(
        bb(600.0, 380.0, 275.0, 85.0),
        &|x, y| win(x, y).abs() - 2.0,
        &|_, _| rgb(0xa58257),
    );
    // Printed band on the front with the producer's emblem.
    c.paint(
        bb(600.0, 600.0, 352.0, 50.0),
        &|x, y| rbox(x, y, (600.0, 600.0), (350.0, 46.0), 0.0),
        &|_, _| rgb(0x7a1c1e),
    );
    emblem(c, (360.0, 640.0), 52.0, rgb(0xe0b253), rgb(0x7a1c1e));
    text_lines(c, (440.0, 588.0), &[300.0, 200.0], 13.0, rgb(0xf4e6c8));
    text_lines(
        c,
        (440.0, 700.0),
        &[360.0, 280.0, 320.0],
        10.0,
        rgb(0x6e5133),
    );
}

fn cookie_jar(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xe9e1d1), rgb(0x7a5538), 600.0, true);
    let body = |x: f32, y: f32| rbox(x, y, (470.0, 570.0), (172.0, 222.0), 36.0);
    c.shadow(
        bb(490.0, 790.0, 200.0, 30.0),
        &|x, y| ellipse(x, y, (494.0, 792.0), 180.0, 18.0),
        22.0,
        0.55,
    );
    c.paint(bb(470.0, 570.0, 175.0, 225.0), &body, &|x, _| {
        scale(
            rgb(0xd8cdb8),
            0.9 + 0.1 * (1.0 - ((x - 470.0) / 172.0).powi(2)),
        )
    });
    c.set_clip(&|x, y| body(x, y) + 6.0);
    let small = Mat { ..ONDE };
    let mut row = 0;
    let mut y = 380.0;
    while y < 820.0 {
        let off = if row % 2 == 0 { 0.0 } else { 33.0 };
        let mut x = 300.0 + off;
        while x < 660.0 {
            let jx = rng.range(-5.0, 5.0);
            let jy = rng.range(-5.0, 5.0);
            ketawa(c, (x + jx, y + jy), 34.0, &small, rng);
            x += 66.0;
        }
        y += 56.0;
        row += 1;
    }
    c.clear_clip();
    // Glass: a faint tint, a bright streak and a darker right edge.
    c.paint_a(
        bb(470.0, 570.0, 175.0, 225.0),
        &body,
        &|_, _| [1.0, 1.0, 1.0],
        0.08,
    );
    c.paint_a(
        bb(470.0, 570.0, 175.0, 225.0),
        &|x, y| rbox(x, y, (338.0, 560.0), (10.0, 170.0), 8.0),
        &|_, _| [1.0, 1.0, 1.0],
        0.4,
    );
    c.paint_a(
        bb(470.0, 570.0, 175.0, 225.0),
        &|x, y| body(x, y).max(600.0 - x),
        &|_, _| [0.0, 0.0, 0.0],
        0.12,
    );
    // Label band.
    let label = |x: f32, y: f32| rbox(x, y, (470.0, 600.0), (173.0, 74.0), 2.0);
    c.paint(bb(470.0, 600.0, 175.0, 76.0), &label, &|x, _| {
        let s = (x - 470.0) / 173.0;
        scale(rgb(0xf6ecd6), 0.8 + 0.2 * (1.0 - s * s).sqrt())
    });
    c.paint(
        bb(470.0, 540.0, 175.0, 16.0),
        &|x, y| label(x, y).max((y - 540.0).abs() - 12.0),
        &|_, _| rgb(0x7a1c1e),
    );
    emblem(c, (360.0, 612.0), 34.0, rgb(0x7a1c1e), rgb(0xe0b253));
    text_lines(
        c,
        (412.0, 586.0),
        &[180.0, 130.0, 150.0],
        10.0,
        rgb(0x6e5133),
    );
    // Red screw lid.
    let lid = |x: f32, y: f32| rbox(x, y, (470.0, 330.0), (180.0, 44.0), 10.0);
    let red = Mat {
        dark: rgb(0x3e0606),
        base: rgb(0xb4171a),
        hi: rgb(0xffb0a0),
        bevel: 14.0,
        spec: 0.45,
        shin: 20.0,
    };
    c.paint(bb(470.0, 330.0, 182.0, 46.0), &lid, &|x, y| {
        let ridge = 0.92 + 0.08 * (x * 0.45).sin();
        scale(red.at(&lid, x, y), ridge)
    });
    // A saucer with a few cookies beside the jar.
    let saucer = |x: f32, y: f32| ellipse(x, y, (880.0, 730.0), 190.0, 62.0);
    c.shadow(
        bb(895.0, 750.0, 200.0, 70.0),
        &|x, y| saucer(x - 12.0, y - 14.0),
        18.0,
        0.45,
    );
    draw_lit(c, bb(880.0, 730.0, 192.0, 64.0), &saucer, &WHITE_CERAMIC);
    for (x, y) in [
        (810.0, 700.0),
        (890.0, 690.0),
        (960.0, 712.0),
        (850.0, 740.0),
        (935.0, 748.0),
    ] {
        ketawa(c, (x, y), 36.0, &ONDE, rng);
    }
}

/// A small "laughing" sesame cookie with a cracked top.
fn ketawa(c: &mut Canvas, at: (f32, f32), r: f32, m: &Mat, rng: &mut Rng) {
    let (cx, cy) = at;
    let ball = move |x: f32, y: f32| circle(x, y, cx, cy, r);
    let mb = Mat { bevel: r, ..*m };
    c.shadow(bb(cx, cy, r, r), &|x, y| ball(x - 3.0, y - 6.0), 6.0, 0.4);
    draw_lit(c, bb(cx, cy, r, r), &ball, &mb);
    let ang = rng.range(-0.6, 0.6);
    let crack = move |x: f32, y: f32| {
        let (u, v) = local(x, y, (cx, cy), ang);
        (ellipse(u, v, (0.0, -r * 0.15), r * 0.55, r * 0.32).abs() - r * 0.06).max(-v - r * 0.1)
    };
    c.paint(bb(cx, cy, r, r), &crack, &|_, _| rgb(0xf0d49a));
    for _ in 0..5 {
        let (sx, sy) = (cx + rng.range(-0.6, 0.6) * r, cy + rng.range(-0.7, 0.3) * r);
        let a = rng.range(0.0, PI);
        c.paint(
            bb(sx, sy, 6.0, 6.0),
            &move |x, y| {
                let (u, v) = local(x, y, (sx, sy), a);
                ellipse(u, v, (0.0, 0.0), r * 0.1, r * 0.045)
            },
            &|_, _| rgb(0xf3e2bb),
        );
    }
}

fn frozen_pack(c: &mut Canvas, rng: &mut Rng) {
    plain_top(c, rgb(0xc5d0d6));
    let pack = |x: f32, y: f32| rbox(x, y, (600.0, 460.0), (340.0, 310.0), 36.0);
    c.shadow(
        bb(620.0, 485.0, 350.0, 320.0),
        &|x, y| pack(x - 16.0, y - 22.0),
        26.0,
        0.45,
    );
    c.paint(bb(600.0, 460.0, 342.0, 312.0), &pack, &|_, _| rgb(0xe4ebee));
    for j in 0..4 {
        for i in 0..5 {
            let x = 360.0 + i as f32 * 120.0 + rng.range(-6.0, 6.0);
            let y = 260.0 + j as f32 * 118.0 + rng.range(-6.0, 6.0);
            onde(c, (x, y), 50.0, &ONDE_RAW, rng);
        }
    }
    // Plastic film: cool tint, frosty glare and a crimped seal at the top.
    c.paint_a(
        bb(600.0, 460.0, 342.0, 312.0),
        &pack,
        &|_, _| rgb(0xdbe9f2),
        0.22,
    );
    c.paint_a(
        bb(600.0, 460.0, 342.0, 312.0),
        &|x, y| pack(x, y).max(((x + 0.8 * y) - 760.0).abs() - 46.0),
        &|_, _| [1.0, 1.0, 1.0],
        0.3,
    );
    c.paint(
        bb(600.0, 170.0, 342.0, 22.0),
        &|x, y| pack(x, y).max((y - 172.0).abs() - 18.0),
        &|x, _| scale(rgb(0xeef3f5), 0.9 + 0.1 * (x * 0.6).sin()),
    );
    let sticker = |x: f32, y: f32| rbox(x, y, (600.0, 690.0), (230.0, 56.0), 12.0);
    c.paint(bb(600.0, 690.0, 232.0, 58.0), &sticker, &|_, _| {
        rgb(0xfbfbf8)
    });
    c.paint(
        bb(600.0, 690.0, 232.0, 58.0),
        &|x, y| sticker(x, y).max(x - 470.0),
        &|_, _| rgb(0x2b5f8a),
    );
    // Snowflake.
    c.paint(
        bb(420.0, 690.0, 34.0, 34.0),
        &|x, y| {
            let (u, v) = (x - 420.0, y - 690.0);
            let k = (v.atan2(u) / (PI / 3.0)).round();
            let (a, b) = local(u, v, (0.0, 0.0), k * PI / 3.0);
            segment(a, b, (0.0, 0.0), (30.0, 0.0)).min(segment(a, b, (18.0, 0.0), (26.0, 7.0)))
                - 3.0
        },
        &|_, _| [1.0, 1.0, 1.0],
    );
    text_lines(
        c,
        (500.0, 664.0),
        &[240.0, 180.0, 210.0],
        10.0,
        rgb(0x4b5a66),
    );
}

fn sambal_texture(c: &mut Canvas, area: Rect, n: usize, size: f32, rng: &mut Rng) {
    for _ in 0..n {
        let x = rng.range(area[0], area[2]);
        let y = rng.range(area[1], area[3]);
        let r = rng.range(5.0, 12.0) * size;
        let pick = rng.unit();
        let col = if pick < 0.55 {
            rgb(0x5c0d06)
        } else if pick < 0.9 {
            rgb(0xb8321a)
        } else {
            rgb(0xb47a3a)
        };
        let ang = rng.range(0.0, PI);
        c.paint(
            bb(x, y, r * 1.6, r * 1.6),
            &move |px, py| {
                let (u, v) = local(px, py, (x, y), ang);
                ellipse(u, v, (0.0, 0.0), r * 1.5, r * 0.8)
            },
            &|_, _| col,
        );
    }
}

fn sambal_jars(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xf0e6d6), rgb(0x7a5538), 540.0, true);
    for (cx, bottom, s) in [
        (305.0f32, 760.0f32, 1.1f32),
        (895.0, 760.0, 1.1),
        (600.0, 815.0, 1.25),
    ] {
        let h = 300.0 * s;
        let w = 110.0 * s;
        let cy = bottom - h / 2.0;
        let body = move |x: f32, y: f32| rbox(x, y, (cx, cy), (w, h / 2.0), 24.0 * s);
        c.shadow(
            bb(cx + 20.0, bottom, w + 30.0, 30.0),
            &|x, y| ellipse(x, y, (cx + 18.0, bottom - 4.0), w * 1.05, 16.0 * s),
            20.0,
            0.6,
        );
        let fill_top = bottom - h + 48.0 * s;
        c.paint(bb(cx, cy, w, h / 2.0), &body, &|x, y| {
            let t = (x - cx) / w;
            if y < fill_top {
                scale(rgb(0xe9dccb), 0.85 + 0.12 * (1.0 - t * t))
            } else {
                let sheen = 1.0 + 0.25 * (-(y - fill_top) / (14.0 * s)).exp();
                scale(rgb(0x8e1a0e), (0.75 + 0.3 * (1.0 - t * t)) * sheen)
            }
        });
        c.set_clip(&move |x, y| body(x, y).max(fill_top + 6.0 - y) + 2.0);
        sambal_texture(c, [cx - w, fill_top, cx + w, bottom], 90, 0.7, rng);
        c.clear_clip();
        // Label.
        let label =
            move |x: f32, y: f32| rbox(x, y, (cx, bottom - 122.0 * s), (w + 1.0, 60.0 * s), 2.0);
        c.paint(
            bb(cx, bottom - 122.0 * s, w + 2.0, 62.0 * s),
            &label,
            &|x, _| {
                let t = (x - cx) / w;
                scale(rgb(0xf6ead0), 0.78 + 0.22 * (1.0 - t * t).max(0.0).sqrt())
            },
        );
        c.paint(
            bb(cx, bottom - 172.0 * s, w + 2.0, 12.0 * s),
            &move |x, y| label(x, y).max((y - (bottom - 170.0 * s)).abs() - 9.0 * s),
            &|_, _| rgb(0x2f6b3a),
        );
        let fish_at = (cx - 50.0 * s, bottom - 118.0 * s);
        fish_glyph(c, fish_at, 0.45 * s, rgb(0xb3261e));
        text_lines(
            c,
            (cx - 10.0 * s, bottom - 136.0 * s),
            &[90.0 * s, 70.0 * s, 80.0 * s],
            8.0 * s,
            rgb(0x6e5133),
        );
        // Glass highlights.
        c.paint_a(
            bb(cx, cy, w, h / 2.0),
            &move |x, y| rbox(x, y, (cx - w * 0.72, cy + 10.0), (7.0 * s, h * 0.38), 6.0),
            &|_, _| [1.0, 1.0, 1.0],
            0.45,
        );
        // Metal lid.
        let lid = move |x: f32, y: f32| {
            rbox(
                x,
                y,
                (cx, bottom - h - 10.0 * s),
                (w + 4.0, 24.0 * s),
                6.0 * s,
            )
        };
        let gold = Mat {
            bevel: 8.0,
            base: rgb(0xc9a24e),
            ..BRASS
        };
        c.paint(
            bb(cx, bottom - h - 10.0 * s, w + 6.0, 26.0 * s),
            &lid,
            &|x, y| scale(gold.at(&lid, x, y), 0.93 + 0.07 * (x * 0.5).sin()),
        );
    }
    // Chillies on the table.
    for (i, (x, y, a)) in [
        (180.0f32, 830.0f32, 0.2f32),
        (1000.0, 840.0, -0.3),
        (1080.0, 800.0, 0.5),
    ]
    .iter()
    .enumerate()
    {
        chilli(c, (*x, *y), *a, i % 2 == 0);
    }
}

fn chilli(c: &mut Canvas, at: (f32, f32), ang: f32, curl: bool) {
    let bend = if curl { 14.0 } else { -10.0 };
    let pts = [(-80.0, 0.0), (-30.0, -6.0), (20.0, -2.0), (62.0, bend)];
    let body = move |x: f32, y: f32| {
        let (u, v) = local(x, y, at, ang);
        let t = ((u + 80.0) / 150.0).clamp(0.0, 1.0);
        polyline(u, v, &pts) - (13.0 - 9.0 * t * t)
    };
    let red = Mat {
        dark: rgb(0x4a0303),
        base: rgb(0xc4160c),
        hi: rgb(0xffc0a8),
        bevel: 12.0,
        spec: 0.8,
        shin: 24.0,
    };
    c.shadow(
        bb(at.0, at.1, 110.0, 60.0),
        &|x, y| body(x - 5.0, y - 9.0),
        8.0,
        0.45,
    );
    draw_lit(c, bb(at.0, at.1, 110.0, 60.0), &body, &red);
    let stem = move |x: f32, y: f32| {
        let (u, v) = local(x, y, at, ang);
        segment(u, v, (-84.0, 0.0), (-110.0, -8.0)) - 5.0
    };
    let green = Mat {
        dark: rgb(0x1f3a10),
        base: rgb(0x4d7a2a),
        hi: rgb(0xd8f0a8),
        bevel: 5.0,
        spec: 0.3,
        shin: 12.0,
    };
    draw_lit(c, bb(at.0, at.1, 130.0, 70.0), &stem, &green);
}

/// A simple fish silhouette (used on labels).
fn fish_glyph(c: &mut Canvas, at: (f32, f32), s: f32, col: Rgb) {
    c.paint(
        bb(at.0, at.1, 70.0 * s, 40.0 * s),
        &move |x, y| {
            let (u, v) = ((x - at.0) / s, (y - at.1) / s);
            let body = ellipse(u, v, (0.0, 0.0), 44.0, 18.0);
            let tail = polygon(
                u,
                v,
                &[(36.0, 0.0), (64.0, -20.0), (60.0, 0.0), (64.0, 20.0)],
            );
            body.min(tail).max(-circle(u, v, -26.0, -4.0, 4.0)) * s
        },
        &|_, _| col,
    );
}

/// A small fried fish, `len` long, golden brown.
fn wader(c: &mut Canvas, at: (f32, f32), len: f32, ang: f32) {
    let s = len / 100.0;
    let fish = move |x: f32, y: f32| {
        let (u, v) = local(x, y, at, ang);
        let (u, v) = (u / s, v / s);
        let body = ellipse(u, v, (0.0, 0.0), 46.0, 11.0);
        let tail = polygon(
            u,
            v,
            &[(38.0, 0.0), (60.0, -13.0), (56.0, 0.0), (60.0, 13.0)],
        );
        smin(body, tail, 4.0) * s
    };
    let m = Mat {
        dark: rgb(0x3f1e06),
        base: rgb(0xb5722a),
        hi: rgb(0xffd99a),
        bevel: 9.0 * s,
        spec: 0.5,
        shin: 16.0,
    };
    c.shadow(
        bb(at.0, at.1, len * 0.7, len * 0.7),
        &|x, y| fish(x - 3.0, y - 5.0),
        5.0,
        0.4,
    );
    draw_lit(c, bb(at.0, at.1, len * 0.7, len * 0.7), &fish, &m);
    c.paint(
        bb(at.0, at.1, len * 0.7, len * 0.7),
        &move |x, y| {
            let (u, v) = local(x, y, at, ang);
            circle(u / s, v / s, -32.0, -2.0, 3.0) * s
        },
        &|_, _| rgb(0x2a1204),
    );
}

fn sambal_serving(c: &mut Canvas, rng: &mut Rng) {
    wood_top(c, rgb(0x6b4a30), rng);
    banana_leaf(c, (930.0, 620.0), (300.0, 200.0), 0.5);
    // Rice on the leaf.
    let rice = |x: f32, y: f32| ellipse(x, y, (940.0, 620.0), 190.0, 150.0);
    c.shadow(
        bb(950.0, 635.0, 200.0, 160.0),
        &|x, y| rice(x - 10.0, y - 14.0),
        18.0,
        0.4,
    );
    let white = Mat {
        bevel: 60.0,
        spec: 0.0,
        ..WHITE_CERAMIC
    };
    draw_lit(c, bb(940.0, 620.0, 192.0, 152.0), &rice, &white);
    for _ in 0..240 {
        let th = rng.range(0.0, TAU);
        let rr = rng.unit().sqrt() * 0.92;
        let (gx, gy) = (940.0 + 190.0 * rr * th.cos(), 620.0 + 150.0 * rr * th.sin());
        let a = rng.range(0.0, PI);
        let k = light(&rice, gx, gy, 60.0).k;
        let col = scale(rgb(0xfbf8f0), 0.62 + 0.35 * k.min(1.2));
        c.paint(
            bb(gx, gy, 12.0, 12.0),
            &move |x, y| {
                let (u, v) = local(x, y, (gx, gy), a);
                ellipse(u, v, (0.0, 0.0), 9.0, 4.0)
            },
            &|_, _| col,
        );
    }
    // Stone mortar (cobek) with sambal and fish.
    let stone = Mat {
        dark: rgb(0x1c1a19),
        base: rgb(0x55514d),
        hi: rgb(0xb8b2aa),
        bevel: 40.0,
        spec: 0.15,
        shin: 8.0,
    };
    let cobek = |x: f32, y: f32| ellipse(x, y, (440.0, 430.0), 320.0, 300.0);
    c.shadow(
        bb(460.0, 460.0, 330.0, 310.0),
        &|x, y| cobek(x - 18.0, y - 26.0),
        30.0,
        0.55,
    );
    draw_lit(c, bb(440.0, 430.0, 322.0, 302.0), &cobek, &stone);
    let bowl = |x: f32, y: f32| ellipse(x, y, (440.0, 430.0), 258.0, 240.0);
    c.paint(bb(440.0, 430.0, 260.0, 242.0), &bowl, &|x, y| {
        let l = light_inv(&bowl, x, y, 30.0);
        scale(rgb(0x8e1a0e), 0.55 + 0.45 * l.k.min(1.3))
    });
    c.set_clip(&|x, y| bowl(x, y) + 4.0);
    sambal_texture(c, [180.0, 190.0, 700.0, 670.0], 420, 0.5, rng);
    for _ in 0..7 {
        let th = rng.range(0.0, TAU);
        let rr = rng.unit().sqrt() * 150.0;
        wader(
            c,
            (440.0 + rr * th.cos(), 430.0 + rr * th.sin()),
            rng.range(130.0, 160.0),
            rng.range(0.0, TAU),
        );
    }
    c.clear_clip();
    // Pestle (ulekan).
    let pestle = |x: f32, y: f32| {
        let d = segment(x, y, (700.0, 170.0), (900.0, 70.0));
        let t = ((x - 700.0) / 200.0).clamp(0.0, 1.0);
        d - (34.0 - 12.0 * t)
    };
    c.shadow(
        bb(810.0, 130.0, 150.0, 100.0),
        &|x, y| pestle(x - 14.0, y - 20.0),
        16.0,
        0.5,
    );
    draw_lit(
        c,
        bb(800.0, 120.0, 150.0, 100.0),
        &pestle,
        &Mat {
            bevel: 30.0,
            ..stone
        },
    );
}

/// A stand-up snack pouch with a printed band and a see-through window.
struct Pouch {
    cx: f32,
    bottom: f32,
    w: f32,
    h: f32,
    color: Rgb,
    band: Rgb,
}

impl Pouch {
    fn top(&self) -> f32 {
        self.bottom - self.h
    }

    fn sdf(&self, x: f32, y: f32) -> f32 {
        let (cx, hw, top, b) = (self.cx, self.w / 2.0, self.top(), self.bottom);
        let pts = [
            (cx - hw + 12.0, top),
            (cx + hw - 12.0, top),
            (cx + hw, b - 40.0),
            (cx + hw - 24.0, b),
            (cx - hw + 24.0, b),
            (cx - hw, b - 40.0),
        ];
        polygon(x, y, &pts) - 6.0
    }

    fn window(&self, x: f32, y: f32) -> f32 {
        let wy = self.top() + self.h * 0.66;
        rbox(x, y, (self.cx, wy), (self.w * 0.3, self.h * 0.17), 30.0)
    }

    fn area(&self) -> Rect {
        bb(
            self.cx,
            self.bottom - self.h / 2.0,
            self.w / 2.0 + 10.0,
            self.h / 2.0 + 10.0,
        )
    }

    fn draw(&self, c: &mut Canvas, contents: Rgb) {
        let sdf = |x: f32, y: f32| self.sdf(x, y);
        c.shadow(
            bb(self.cx + 30.0, self.bottom, self.w / 2.0 + 40.0, 30.0),
            &|x, y| {
                ellipse(
                    x,
                    y,
                    (self.cx + 26.0, self.bottom - 4.0),
                    self.w * 0.55,
                    16.0,
                )
            },
            22.0,
            0.6,
        );
        let foil = Mat {
            dark: scale(self.color, 0.35),
            base: self.color,
            hi: mix(self.color, [1.0, 1.0, 1.0], 0.8),
            bevel: 60.0,
            spec: 0.3,
            shin: 10.0,
        };
        draw_lit(c, self.area(), &sdf, &foil);
        let top = self.top();
        // Crimped seal and zip line.
        c.paint(
            self.area(),
            &|x, y| sdf(x, y).max(y - top - 34.0),
            &|x, y| scale(foil.at(&sdf, x, y), 0.86 + 0.06 * (x * 0.7).sin()),
        );
        c.paint_a(
            self.area(),
            &|x, y| sdf(x, y).max((y - top - 56.0).abs() - 2.0),
            &|_, _| [0.0, 0.0, 0.0],
            0.3,
        );
        // Colour band with emblem and "text".
        let by = top + self.h * 0.3;
        c.paint(
            self.area(),
            &|x, y| (sdf(x, y) + 3.0).max((y - by).abs() - self.h * 0.12),
            &|x, y| scale(self.band, 0.8 + 0.25 * light(&sdf, x, y, 60.0).k.min(1.2)),
        );
        emblem(
            c,
            (self.cx - self.w * 0.28, by),
            self.h * 0.07,
            rgb(0xf6ecd6),
            self.band,
        );
        text_lines(
            c,
            (self.cx - self.w * 0.16, by - self.h * 0.04),
            &[self.w * 0.42, self.w * 0.3],
            self.h * 0.022,
            rgb(0xf6ecd6),
        );
        let win = |x: f32, y: f32| self.window(x, y);
        c.paint(self.area(), &win, &|_, _| contents);
    }

    /// Glare and rim drawn after the contents of the window.
    fn finish(&self, c: &mut Canvas) {
        let win = |x: f32, y: f32| self.window(x, y);
        c.paint_a(
            self.area(),
            &|x, y| win(x, y).abs() - 2.0,
            &|_, _| [1.0, 1.0, 1.0],
            0.7,
        );
        let sdf = |x: f32, y: f32| self.sdf(x, y);
        let (cx, top) = (self.cx, self.top());
        c.paint_a(
            self.area(),
            &|x, y| {
                sdf(x, y).max(((x - cx) + 0.5 * (y - top) - self.w * 0.05).abs() - self.w * 0.06)
            },
            &|_, _| [1.0, 1.0, 1.0],
            0.12,
        );
    }
}

fn chip(c: &mut Canvas, at: (f32, f32), r: f32, squash: f32, col: Rgb, beans: bool, rng: &mut Rng) {
    // An irregular, slightly elongated slice.
    let n = 14;
    let ang0 = rng.range(0.0, TAU);
    let stretch = rng.range(1.1, 1.45);
    let (sa, ca) = ang0.sin_cos();
    let pts: Vec<(f32, f32)> = (0..n)
        .map(|i| {
            let a = i as f32 * TAU / n as f32;
            let rr = r * rng.range(0.8, 1.05);
            let (u, v) = (rr * a.cos() * stretch, rr * a.sin() / stretch);
            (at.0 + u * ca - v * sa, at.1 + (u * sa + v * ca) * squash)
        })
        .collect();
    let sdf = move |x: f32, y: f32| polygon(x, y, &pts) - r * 0.06;
    let m = Mat {
        dark: scale(col, 0.45),
        base: col,
        hi: mix(col, [1.0, 1.0, 1.0], 0.7),
        bevel: r * 0.12,
        spec: 0.2,
        shin: 10.0,
    };
    let area = bb(at.0, at.1, r * 1.6, r * 1.6);
    c.shadow(area, &|x, y| sdf(x - 4.0, y - 7.0), r * 0.12, 0.45);
    draw_lit(c, area, &sdf, &m);
    if beans {
        for _ in 0..9 {
            let (bx, by) = (
                at.0 + rng.range(-0.6, 0.6) * r,
                at.1 + rng.range(-0.45, 0.45) * r * squash,
            );
            let a = rng.range(0.0, PI);
            let br = r * 0.1;
            c.paint(
                bb(bx, by, br * 1.6, br * 1.6),
                &move |x, y| {
                    let (u, v) = local(x, y, (bx, by), a);
                    ellipse(u, v, (0.0, 0.0), br * 1.3, br * 0.9 * squash.max(0.6))
                },
                &|_, _| mix(col, rgb(0xf4e2b4), 0.55),
            );
        }
    }
}

fn tempe_chips(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xefe6d6), rgb(0x7f5b3d), 600.0, true);
    let p = Pouch {
        cx: 400.0,
        bottom: 800.0,
        w: 400.0,
        h: 600.0,
        color: rgb(0x3f7a3a),
        band: rgb(0xd9a23a),
    };
    p.draw(c, rgb(0xe8d2a0));
    c.set_clip(&|x, y| p.window(x, y));
    for i in 0..10 {
        let x = 300.0 + (i % 5) as f32 * 50.0 + rng.range(-10.0, 10.0);
        let y = 560.0 + (i / 5) as f32 * 60.0 + rng.range(-10.0, 10.0);
        chip(c, (x, y), 52.0, 0.8, rgb(0xd7a252), true, rng);
    }
    c.clear_clip();
    p.finish(c);
    let mut spots: Vec<(f32, f32)> = (0..16)
        .map(|_| {
            let a = rng.range(0.0, TAU);
            let r = rng.unit().sqrt();
            (830.0 + 190.0 * r * a.cos(), 730.0 + 70.0 * r * a.sin())
        })
        .collect();
    spots.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (x, y) in spots {
        chip(c, (x, y), 62.0, 0.55, rgb(0xd7a252), true, rng);
    }
}

fn chips_closeup(c: &mut Canvas, rng: &mut Rng) {
    plain_top(c, rgb(0x4f7f31));
    banana_leaf(c, (600.0, 450.0), (760.0, 560.0), 0.2);
    for _ in 0..40 {
        let at = (rng.range(40.0, 1160.0), rng.range(40.0, 860.0));
        let r = rng.range(80.0, 105.0);
        chip(c, at, r, 1.0, rgb(0xd6a04e), true, rng);
    }
}

fn cassava_bowl(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xeee3d2), rgb(0x7a5538), 520.0, true);
    let p = Pouch {
        cx: 940.0,
        bottom: 780.0,
        w: 320.0,
        h: 500.0,
        color: rgb(0xb3261e),
        band: rgb(0xf0c24a),
    };
    p.draw(c, rgb(0xd2682c));
    c.set_clip(&|x, y| p.window(x, y));
    for _ in 0..12 {
        let at = (rng.range(860.0, 1020.0), rng.range(560.0, 680.0));
        cassava_chip(c, at, rng);
    }
    c.clear_clip();
    p.finish(c);
    let (cx, rim_y) = (470.0, 560.0);
    let outer = move |x: f32, y: f32| ellipse(x, y, (cx, rim_y), 300.0, 210.0).max(rim_y - y);
    let rim = move |x: f32, y: f32| ellipse(x, y, (cx, rim_y), 300.0, 62.0);
    c.shadow(
        bb(cx + 20.0, 770.0, 300.0, 40.0),
        &|x, y| ellipse(x, y, (cx + 20.0, 762.0), 230.0, 24.0),
        24.0,
        0.6,
    );
    c.paint(bb(cx, rim_y, 302.0, 64.0), &rim, &|_, _| rgb(0x8a7e70));
    let mut chips: Vec<(f32, f32)> = (0..26)
        .map(|_| {
            let a = rng.range(0.0, TAU);
            let r = rng.unit().sqrt();
            (cx + 250.0 * r * a.cos(), rim_y - 50.0 + 70.0 * r * a.sin())
        })
        .collect();
    chips.sort_by(|a, b| a.1.total_cmp(&b.1));
    for at in chips {
        cassava_chip(c, at, rng);
    }
    let front = move |x: f32, y: f32| outer(x, y).max(-rim(x, y));
    let cer = Mat {
        bevel: 90.0,
        ..WHITE_CERAMIC
    };
    draw_lit(c, bb(cx, rim_y + 100.0, 302.0, 212.0), &front, &cer);
    c.paint(
        bb(cx, rim_y + 90.0, 302.0, 40.0),
        &move |x, y| front(x, y).max((y - rim_y - 90.0 - 0.0004 * (x - cx).powi(2)).abs() - 9.0),
        &|_, _| rgb(0x7a1c1e),
    );
    let lip = move |x: f32, y: f32| (rim(x, y).abs() - 6.0).max(rim_y - y);
    draw_lit(
        c,
        bb(cx, rim_y + 30.0, 306.0, 70.0),
        &lip,
        &Mat {
            bevel: 6.0,
            ..WHITE_CERAMIC
        },
    );
}

fn cassava_chip(c: &mut Canvas, at: (f32, f32), rng: &mut Rng) {
    let ang = rng.range(0.0, PI);
    let (rx, ry) = (rng.range(52.0, 66.0), rng.range(30.0, 40.0));
    let sdf = move |x: f32, y: f32| {
        let (u, v) = local(x, y, at, ang);
        ellipse(u, v, (0.0, 0.0), rx, ry)
    };
    let base = mix(rgb(0xd8561e), rgb(0xe8a23a), rng.range(0.0, 0.35));
    let m = Mat {
        dark: scale(base, 0.45),
        base,
        hi: rgb(0xffd0a0),
        bevel: 6.0,
        spec: 0.3,
        shin: 12.0,
    };
    c.shadow(
        bb(at.0, at.1, rx + 6.0, rx + 6.0),
        &|x, y| sdf(x - 3.0, y - 6.0),
        6.0,
        0.4,
    );
    draw_lit(c, bb(at.0, at.1, rx + 2.0, rx + 2.0), &sdf, &m);
    for _ in 0..5 {
        let (u, v) = (rng.range(-0.6, 0.6) * rx, rng.range(-0.5, 0.5) * ry);
        let (s, co) = ang.sin_cos();
        let (fx, fy) = (at.0 + u * co - v * s, at.1 + u * s + v * co);
        c.paint(
            bb(fx, fy, 5.0, 5.0),
            &move |x, y| circle(x, y, fx, fy, 3.0),
            &|_, _| rgb(0x6a0c04),
        );
    }
}

fn wader_snack(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xf2e9d8), rgb(0x8b6a4a), 600.0, true);
    let p = Pouch {
        cx: 420.0,
        bottom: 800.0,
        w: 400.0,
        h: 600.0,
        color: rgb(0xe0a526),
        band: rgb(0x2f5d7a),
    };
    p.draw(c, rgb(0xe9c98a));
    c.set_clip(&|x, y| p.window(x, y));
    for _ in 0..12 {
        let at = (rng.range(320.0, 520.0), rng.range(540.0, 690.0));
        wader(
            c,
            at,
            rng.range(90.0, 120.0),
            rng.range(-0.5, 0.5) + if rng.unit() < 0.5 { 0.0 } else { PI },
        );
    }
    c.clear_clip();
    p.finish(c);
    let mut fish: Vec<(f32, f32)> = (0..7)
        .map(|_| (rng.range(720.0, 1060.0), rng.range(680.0, 840.0)))
        .collect();
    fish.sort_by(|a, b| a.1.total_cmp(&b.1));
    for at in fish {
        wader(c, at, rng.range(170.0, 210.0), rng.range(0.0, TAU));
    }
}

fn ginger_pouch(c: &mut Canvas, rng: &mut Rng) {
    backdrop(c, rgb(0xf1e6d3), rgb(0x6f4a30), 600.0, true);
    let p = Pouch {
        cx: 400.0,
        bottom: 800.0,
        w: 400.0,
        h: 600.0,
        color: rgb(0xc9a06a),
        band: rgb(0xd9621e),
    };
    p.draw(c, rgb(0xc98a3e));
    c.set_clip(&|x, y| p.window(x, y));
    crystals(c, (400.0, 620.0), (130.0, 90.0), 70, rng);
    c.clear_clip();
    p.finish(c);
    // Ginger root.
    let lobes = [
        ((930.0f32, 650.0f32), 120.0f32, 40.0f32, 0.05f32),
        ((1040.0, 612.0), 62.0, 26.0, -0.55),
        ((835.0, 612.0), 58.0, 25.0, 0.6),
        ((965.0, 598.0), 40.0, 21.0, -1.2),
        ((880.0, 690.0), 36.0, 20.0, -0.3),
    ];
    let root = move |x: f32, y: f32| {
        lobes.iter().fold(f32::MAX, |d, &(c0, rx, ry, a)| {
            let (u, v) = local(x, y, c0, a);
            smin(d, ellipse(u, v, (0.0, 0.0), rx, ry), 16.0)
        })
    };
    let tan = Mat {
        dark: rgb(0x5a3a18),
        base: rgb(0xc9a06a),
        hi: rgb(0xffe8c0),
        bevel: 30.0,
        spec: 0.2,
        shin: 10.0,
    };
    c.shadow(
        bb(940.0, 640.0, 200.0, 80.0),
        &|x, y| root(x - 10.0, y - 14.0),
        14.0,
        0.5,
    );
    draw_lit(c, bb(940.0, 620.0, 200.0, 80.0), &root, &tan);
    c.paint_a(
        bb(940.0, 620.0, 200.0, 80.0),
        &|x, y| {
            ((x - 0.3 * y).rem_euclid(46.0) - 23.0)
                .abs()
                .max(root(x, y) + 8.0)
                - 1.5
        },
        &|_, _| rgb(0x6b4a22),
        0.5,
    );
    crystals(c, (800.0, 760.0), (230.0, 70.0), 150, rng);
}

fn crystals(c: &mut Canvas, at: (f32, f32), half: (f32, f32), n: usize, rng: &mut Rng) {
    let mut spots: Vec<(f32, f32)> = (0..n)
        .map(|_| {
            let a = rng.range(0.0, TAU);
            let r = rng.unit().sqrt();
            (at.0 + half.0 * r * a.cos(), at.1 + half.1 * r * a.sin())
        })
        .collect();
    spots.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (x, y) in spots {
        let r = rng.range(8.0, 15.0);
        let ang = rng.range(0.0, TAU);
        let pts: Vec<(f32, f32)> = (0..5)
            .map(|i| {
                let a = ang + i as f32 * TAU / 5.0;
                let rr = r * rng.range(0.7, 1.1);
                (x + rr * a.cos(), y + rr * a.sin())
            })
            .collect();
        let sdf = move |px: f32, py: f32| polygon(px, py, &pts);
        let base = mix(rgb(0xa8621e), rgb(0xe0a452), rng.unit());
        let m = Mat {
            dark: scale(base, 0.4),
            base,
            hi: rgb(0xfff0c8),
            bevel: 5.0,
            spec: 0.6,
            shin: 20.0,
        };
        draw_lit(c, bb(x, y, r * 1.2, r * 1.2), &sdf, &m);
    }
}

fn drink(c: &mut Canvas, liquid: Rgb, rng: &mut Rng) {
    backdrop(c, rgb(0xece3d3), rgb(0x6a4630), 560.0, true);
    let coffee = liquid[0] < 0.3;
    let p = Pouch {
        cx: if coffee { 300.0 } else { 930.0 },
        bottom: 700.0,
        w: 300.0,
        h: 460.0,
        color: if coffee { rgb(0xb38a5a) } else { rgb(0xc9a06a) },
        band: if coffee { rgb(0x3a2416) } else { rgb(0xd9621e) },
    };
    p.draw(c, if coffee { rgb(0x4a2c1a) } else { rgb(0xc98a3e) });
    p.finish(c);
    let cx = if coffee { 640.0 } else { 520.0 };
    // Saucer.
    let saucer = move |x: f32, y: f32| ellipse(x, y, (cx, 760.0), 240.0, 52.0);
    c.shadow(
        bb(cx + 20.0, 780.0, 250.0, 60.0),
        &|x, y| saucer(x - 14.0, y - 16.0),
        20.0,
        0.5,
    );
    draw_lit(c, bb(cx, 760.0, 242.0, 54.0), &saucer, &WHITE_CERAMIC);
    // Handle, cup body, rim and drink.
    let handle = move |x: f32, y: f32| {
        (ellipse(x, y, (cx + 150.0, 610.0), 54.0, 64.0).abs() - 13.0).max(cx + 118.0 - x)
    };
    draw_lit(
        c,
        bb(cx + 160.0, 610.0, 80.0, 80.0),
        &handle,
        &Mat {
            bevel: 12.0,
            ..WHITE_CERAMIC
        },
    );
    let body = move |x: f32, y: f32| {
        let t = ((y - 520.0) / 220.0).clamp(0.0, 1.0);
        let hw = 150.0 - 30.0 * t * t;
        ((x - cx).abs() - hw)
            .max(520.0 - y)
            .min(ellipse(x, y, (cx, 740.0), 120.0, 26.0))
            .max(y - 766.0)
    };
    c.shadow(
        bb(cx, 700.0, 160.0, 80.0),
        &|x, y| body(x - 10.0, y - 8.0),
        12.0,
        0.3,
    );
    c.paint(bb(cx, 640.0, 152.0, 130.0), &body, &|x, _| {
        let s = ((x - cx) / 150.0).clamp(-0.99, 0.99);
        let n = [s, -0.1, (1.0 - s * s).sqrt()];
        WHITE_CERAMIC.color(&lit_normal(n))
    });
    let rim = move |x: f32, y: f32| ellipse(x, y, (cx, 520.0), 150.0, 32.0);
    c.paint(bb(cx, 520.0, 152.0, 34.0), &rim, &|_, _| rgb(0xf7f4ee));
    let surface = move |x: f32, y: f32| ellipse(x, y, (cx, 524.0), 136.0, 25.0);
    c.paint(bb(cx, 524.0, 138.0, 27.0), &surface, &|x, y| {
        let d = ((x - cx) / 136.0).hypot((y - 524.0) / 25.0);
        let edge = if coffee {
            rgb(0x7a4a26)
        } else {
            scale(liquid, 0.8)
        };
        mix(scale(liquid, 1.15), edge, smoothstep(0.7, 1.0, d))
    });
    c.paint_a(
        bb(cx, 520.0, 140.0, 30.0),
        &move |x, y| ellipse(x, y, (cx - 60.0, 516.0), 40.0, 6.0),
        &|_, _| [1.0, 1.0, 1.0],
        0.35,
    );
    // Steam.
    for (i, dx) in [-40.0f32, 30.0].iter().enumerate() {
        let ph = i as f32 * 1.7;
        c.paint_a(
            bb(cx + dx, 400.0, 60.0, 110.0),
            &move |x, y| {
                let t = (500.0 - y) / 200.0;
                let sx = cx + dx + 18.0 * (y * 0.03 + ph).sin();
                ((x - sx).abs() - 7.0 * (1.0 - t))
                    .max(y - 500.0)
                    .max(300.0 - y)
            },
            &|_, _| [1.0, 1.0, 1.0],
            0.22,
        );
    }
    if coffee {
        // Cinnamon sticks, star anise and cloves.
        for (a, b) in [
            ((880.0, 800.0), (1110.0, 740.0)),
            ((860.0, 840.0), (1090.0, 800.0)),
        ] {
            let stick = move |x: f32, y: f32| segment(x, y, a, b) - 15.0;
            let bark = Mat {
                dark: rgb(0x2e1408),
                base: rgb(0x7a4020),
                hi: rgb(0xe0a070),
                bevel: 15.0,
                spec: 0.2,
                shin: 10.0,
            };
            c.shadow(
                bb(990.0, 790.0, 140.0, 60.0),
                &|x, y| stick(x - 5.0, y - 9.0),
                8.0,
                0.45,
            );
            draw_lit(c, bb(990.0, 790.0, 140.0, 60.0), &stick, &bark);
        }
        for at in [(240.0, 800.0), (1040.0, 640.0)] {
            let s = move |x: f32, y: f32| star(x - at.0, y - at.1, 40.0, 8.0, 3.0);
            let m = Mat {
                dark: rgb(0x220e05),
                base: rgb(0x5a2e18),
                hi: rgb(0xd09070),
                bevel: 10.0,
                spec: 0.3,
                shin: 12.0,
            };
            c.shadow(
                bb(at.0, at.1, 46.0, 46.0),
                &|x, y| s(x - 4.0, y - 6.0),
                6.0,
                0.45,
            );
            draw_lit(c, bb(at.0, at.1, 44.0, 44.0), &s, &m);
        }
        for _ in 0..6 {
            let at = (rng.range(120.0, 420.0), rng.range(740.0, 860.0));
            let a = rng.range(0.0, TAU);
            let clove = move |x: f32, y: f32| {
                let (u, v) = local(x, y, at, a);
                (segment(u, v, (0.0, 0.0), (30.0, 0.0)) - 3.5).min(circle(u, v, 0.0, 0.0, 7.0))
            };
            draw_lit(
                c,
                bb(at.0, at.1, 40.0, 40.0),
                &clove,
                &Mat {
                    dark: rgb(0x140804),
                    base: rgb(0x3e2010),
                    hi: rgb(0xa07050),
                    bevel: 4.0,
                    spec: 0.3,
                    shin: 10.0,
                },
            );
        }
    } else {
        // Ginger slices.
        for at in [(200.0, 780.0), (300.0, 830.0), (130.0, 850.0)] {
            let s = move |x: f32, y: f32| ellipse(x, y, at, 52.0, 30.0);
            c.shadow(
                bb(at.0, at.1, 56.0, 36.0),
                &|x, y| s(x - 4.0, y - 7.0),
                7.0,
                0.45,
            );
            c.paint(bb(at.0, at.1, 54.0, 32.0), &s, &|x, y| {
                let d = ((x - at.0) / 52.0).hypot((y - at.1) / 30.0);
                mix(rgb(0xf0dc96), rgb(0xc9a44a), smoothstep(0.75, 1.0, d))
            });
        }
    }
}
