//! Deterministic synthetic catalogue generator for etalase's scale benchmarks.
//!
//! This example owns the *input* side of `bench/run-scale.sh`: it writes a
//! complete catalogue folder in etalase's format (`catalogue.yaml`,
//! `content/producers/<slug>/{producer.yaml,id.md,en.md}`,
//! `content/products/<slug>/{product.yaml,id.md,en.md}` and, on request,
//! JPEG photos) with a configurable number of producers and products.
//!
//! ```text
//! cargo run --release --example synth-catalogue -- \
//!     --producers 1000 --products 10000 --out /tmp/synth \
//!     [--photos-per-product N] [--photo-size 3000x2250] [--seed N]
//! ```
//!
//! Output is byte-identical for the same arguments: every producer, product
//! and photo draws from its own PRNG stream derived from `(seed, kind, index)`
//! (splitmix64), so rayon's scheduling never changes a byte, and the photo
//! renderer uses only IEEE basic arithmetic (no libm), so results do not
//! depend on the platform's maths library either.

use std::error::Error;
use std::fs;
use std::path::Path;
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

fn main() {
    if let Err(err) = run() {
        eprintln!("synth-catalogue: error: {err}");
        eprintln!("{USAGE}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let Some(args) = args::parse(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    let started = Instant::now();
    prepare_out_dir(&args.out)?;
    let catalogue = model::Catalogue::generate(&args);
    let bytes = write::catalogue(&args, &catalogue)?;
    let photos = catalogue.products.len() * args.photos_per_product;
    println!(
        "synth-catalogue: {} producers, {} products, {} photos, {:.1} MB in {} ({:.2} s)",
        catalogue.producers.len(),
        catalogue.products.len(),
        photos,
        bytes as f64 / 1e6,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

const USAGE: &str = "usage: synth-catalogue --producers N --products N --out DIR \
[--photos-per-product N] [--photo-size WxH] [--seed N]";

/// Refuses to mix generated files with anything already on disk, so that two
/// runs with the same arguments can be compared with `diff -r`.
fn prepare_out_dir(out: &Path) -> Result<()> {
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        return Err(format!("output directory {} is not empty", out.display()).into());
    }
    fs::create_dir_all(out)?;
    Ok(())
}

mod args {
    //! Hand-rolled command-line parsing.

    use super::Result;
    use std::path::PathBuf;

    pub struct Args {
        pub producers: usize,
        pub products: usize,
        pub out: PathBuf,
        pub photos_per_product: usize,
        pub photo_width: u32,
        pub photo_height: u32,
        pub seed: u64,
    }

    /// Returns `Ok(None)` when help was requested.
    pub fn parse(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>> {
        let (mut producers, mut products, mut out) = (None, None, None);
        let mut args = Args {
            producers: 0,
            products: 0,
            out: PathBuf::new(),
            photos_per_product: 0,
            photo_width: 3000,
            photo_height: 2250,
            seed: 1,
        };
        while let Some(flag) = argv.next() {
            let mut value = || argv.next().ok_or(format!("{flag} needs a value"));
            match flag.as_str() {
                "-h" | "--help" => return Ok(None),
                "--producers" => producers = Some(number(&flag, &value()?)?),
                "--products" => products = Some(number(&flag, &value()?)?),
                "--out" => out = Some(PathBuf::from(value()?)),
                "--photos-per-product" => args.photos_per_product = number(&flag, &value()?)?,
                "--photo-size" => (args.photo_width, args.photo_height) = size(&value()?)?,
                "--seed" => args.seed = number(&flag, &value()?)?,
                other => return Err(format!("unknown argument `{other}`").into()),
            }
        }
        args.producers = producers.ok_or("--producers is required")?;
        args.products = products.ok_or("--products is required")?;
        args.out = out.ok_or("--out is required")?;
        if args.producers == 0 || args.products == 0 {
            return Err("--producers and --products must be at least 1".into());
        }
        Ok(Some(args))
    }

    fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T> {
        text.parse()
            .map_err(|_| format!("{flag}: `{text}` is not a non-negative integer").into())
    }

    fn size(text: &str) -> Result<(u32, u32)> {
        let bad = || format!("--photo-size: `{text}` is not WIDTHxHEIGHT (e.g. 3000x2250)");
        let (w, h) = text.split_once('x').ok_or_else(bad)?;
        let (w, h): (u32, u32) = (w.parse().map_err(|_| bad())?, h.parse().map_err(|_| bad())?);
        if !(16..=20_000).contains(&w) || !(16..=20_000).contains(&h) {
            return Err("--photo-size: each side must be between 16 and 20000".into());
        }
        Ok((w, h))
    }
}

mod rng {
    //! splitmix64: tiny, fast, and good enough for pseudo-content.

    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

    /// Independent streams, one per kind of thing generated.
    pub const PRODUCER: u64 = 1;
    pub const PRODUCT: u64 = 2;
    pub const PHOTO: u64 = 3;

    fn mix(mut z: u64) -> u64 {
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub struct Rng(u64);

    impl Rng {
        /// The stream for item `index` of kind `stream` under `seed`.
        pub fn for_item(seed: u64, stream: u64, index: u64) -> Self {
            Rng(mix(mix(seed ^ stream.wrapping_mul(GOLDEN)) ^ index))
        }

        pub fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(GOLDEN);
            mix(self.0)
        }

        /// Uniform in `0..n` (`n > 0`), via the multiply-shift reduction.
        pub fn below(&mut self, n: usize) -> usize {
            ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
        }

        /// Uniform in `lo..=hi`.
        pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
            lo + self.below((hi - lo + 1) as usize) as u32
        }

        /// True with probability `percent`/100.
        pub fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }

        /// Uniform in `[0, 1)`.
        pub fn unit(&mut self) -> f32 {
            (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
        }

        pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }

        /// `k` distinct items (fewer if `items` is shorter), in draw order.
        pub fn pick_distinct<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
            let mut order: Vec<usize> = (0..items.len()).collect();
            let k = k.min(items.len());
            for i in 0..k {
                let j = i + self.below(items.len() - i);
                order.swap(i, j);
            }
            order[..k].iter().map(|&i| &items[i]).collect()
        }
    }
}

#[rustfmt::skip]
mod words {
    //! Word lists (kept compact by hand: `rustfmt::skip`). Pairs are `(Indonesian, English)`.

    pub type Pair = (&'static str, &'static str);

    pub const CITIES: &[&str] = &[
        "Kota Mojokerto", "Kabupaten Sidoarjo", "Kota Pekalongan", "Kota Surakarta",
        "Kota Yogyakarta", "Kabupaten Malang", "Kabupaten Gianyar", "Kota Denpasar",
        "Kabupaten Tasikmalaya", "Kota Cirebon", "Kabupaten Jepara", "Kabupaten Banyuwangi",
        "Kabupaten Lamongan", "Kota Madiun", "Kabupaten Bantul", "Kabupaten Klaten",
    ];
    pub const STREETS: &[&str] = &[
        "Merdeka", "Diponegoro", "Gajah Mada", "Sudirman", "Kartini", "Pahlawan", "Mawar",
        "Melati", "Raya Trowulan", "Hayam Wuruk", "Brawijaya", "Veteran", "Kenanga", "Anggrek",
    ];
    pub const FIRST_NAMES: &[&str] = &[
        "Siti", "Dewi", "Sri", "Wahyu", "Agus", "Budi", "Rina", "Made", "Ketut", "Nur",
        "Eko", "Lestari", "Yuni", "Hendra", "Ayu", "Joko", "Ratna", "Fitri",
    ];
    pub const LAST_NAMES: &[&str] = &[
        "Rahayu", "Santoso", "Wulandari", "Prasetyo", "Hidayat", "Suryani", "Kusuma",
        "Saputra", "Handayani", "Setiawan", "Astuti", "Wijaya", "Purnama", "Utami",
    ];
    pub const CURATORS: &[&str] = &[
        "The Keranjang Bali", "Dekranasda Jawa Timur", "Tim Kurasi Dinas", "Rumah Kreatif Mojokerto",
        "Smesco Indonesia", "Galeri Kriya Nusantara",
    ];

    /// Producer-name prefixes and suffixes for each category, by category index.
    pub const PRODUCER_PREFIXES: [&[&str]; 3] = [
        &["Batik"],
        &["Anyaman", "Gerabah", "Kriya", "Ukir", "Bambu"],
        &["Dapur", "Keripik", "Kopi", "Sambal", "Rumah Kue", "Olahan"],
    ];
    pub const PRODUCER_SUFFIXES: [&[&str]; 3] = [
        &["Sekar Jagad", "Tulis Lestari", "Sido Luhur", "Canting Emas", "Kembang Setaman",
          "Puri Ayu", "Mega Sari", "Wahyu Temurun"],
        &["Lestari", "Karya Mandiri", "Sumber Rejeki", "Mekar Jaya", "Tunas Harapan",
          "Cipta Karya", "Tangan Terampil"],
        &["Bu Sri", "Mak Inah", "Sari Rasa", "Nikmat Jaya", "Barokah", "Sumber Makmur",
          "Pak Darmo"],
    ];
    pub const SENTRA: [&[&str]; 3] = [
        &["Kampung Batik Laweyan", "Sentra Batik Jetis", "Kampung Batik Kauman",
          "Sentra Batik Pesisir"],
        &["Sentra Gerabah Kasongan", "Sentra Anyaman Tegalsari", "Sentra Ukir Mulyoharjo",
          "Kampung Bambu Brajan"],
        &["Sentra Keripik Sanan", "Kampung Kue Rungkut", "Sentra Kopi Dampit",
          "Sentra Olahan Ikan Brondong"],
    ];

    /// Product kinds and modifiers for each category, by category index.
    pub const PRODUCT_KINDS: [&[Pair]; 3] = [
        &[("Kain Batik Tulis", "Hand-drawn Batik Cloth"), ("Kain Batik Cap", "Stamped Batik Cloth"),
          ("Kemeja Batik", "Batik Shirt"), ("Selendang Batik", "Batik Shawl"),
          ("Sarung Batik", "Batik Sarong"), ("Syal Batik", "Batik Scarf"),
          ("Outer Batik", "Batik Outer")],
        &[("Tas Anyaman Rotan", "Woven Rattan Bag"), ("Keranjang Bambu", "Bamboo Basket"),
          ("Vas Gerabah", "Clay Vase"), ("Topeng Kayu", "Wooden Mask"),
          ("Tatakan Gelas Pandan", "Pandan Coaster"), ("Lampu Hias Bambu", "Bamboo Lamp"),
          ("Piring Kayu Jati", "Teak Wood Plate"), ("Dompet Kulit", "Leather Wallet")],
        &[("Keripik Tempe", "Tempeh Chips"), ("Kopi Robusta", "Robusta Coffee"),
          ("Sambal Bawang", "Shallot Sambal"), ("Dodol Nangka", "Jackfruit Dodol"),
          ("Madu Hutan", "Wild Honey"), ("Teh Rosela", "Roselle Tea"),
          ("Kerupuk Udang", "Prawn Crackers"), ("Bandeng Presto", "Pressure-cooked Milkfish"),
          ("Sirup Markisa", "Passion Fruit Syrup"), ("Kue Bawang", "Onion Cookies")],
    ];
    pub const PRODUCT_MODIFIERS: [&[Pair]; 3] = [
        &[("Parang", "Parang"), ("Kawung", "Kawung"), ("Sekar Jagad", "Sekar Jagad"),
          ("Mega Mendung", "Mega Mendung"), ("Truntum", "Truntum"), ("Sido Mukti", "Sido Mukti"),
          ("Gringsing", "Gringsing"), ("Lereng", "Lereng"), ("Majapahit", "Majapahit"),
          ("Kupu-kupu", "Butterfly")],
        &[("Lestari", "Lestari"), ("Nusantara", "Nusantara"), ("Asri", "Asri"),
          ("Klasik", "Classic"), ("Mini", "Mini"), ("Jumbo", "Jumbo"), ("Natural", "Natural"),
          ("Etnik", "Ethnic")],
        &[("Original", "Original"), ("Pedas", "Spicy"), ("Premium", "Premium"),
          ("Manis", "Sweet"), ("Rempah", "Spiced"), ("Organik", "Organic")],
    ];
    pub const UNITS: [&[Pair]; 3] = [
        &[("lembar", "piece"), ("potong", "piece")],
        &[("buah", "piece"), ("set", "set"), ("pasang", "pair")],
        &[("bungkus", "pack"), ("botol", "bottle"), ("toples", "jar"), ("kg", "kg"),
          ("kotak", "box")],
    ];
    pub const TAGS: [&[&str]; 3] = [
        &["tulis", "cap", "pewarna-alami", "sutra", "katun", "motif-klasik", "motif-pesisir",
          "kontemporer"],
        &["rotan", "bambu", "pandan", "gerabah", "kayu-jati", "kulit", "anyaman", "ukir",
          "dekorasi", "ramah-lingkungan"],
        &["pedas", "manis", "tanpa-pengawet", "organik", "oleh-oleh", "kopi", "teh", "madu",
          "camilan", "siap-saji", "rempah"],
    ];
    pub const GENERAL_TAGS: &[&str] = &[
        "buatan-tangan", "ekspor", "hadiah", "edisi-terbatas", "premium", "produk-lokal",
        "grosir", "custom", "umkm-binaan", "best-seller", "baru",
    ];
    /// Certification types that make sense for each category.
    pub const CERTIFICATIONS: [&[&str]; 3] = [
        &["sni", "hki", "merek"],
        &["sni", "hki", "merek"],
        &["halal", "pirt", "bpom", "merek"],
    ];
    pub const PHOTO_VIEWS: &[Pair] = &[
        ("tampak depan", "front view"), ("detail", "close-up detail"),
        ("dalam kemasan", "in its packaging"), ("tampak samping", "side view"),
        ("saat digunakan", "in use"),
    ];

    /// Sentence parts for free prose, by language (`[Indonesian, English]`).
    pub struct Phrases {
        pub subjects: &'static [&'static str],
        pub verbs: &'static [&'static str],
        pub objects: &'static [&'static str],
        pub manners: &'static [&'static str],
        pub connectors: &'static [&'static str],
    }

    pub const PHRASES: [Phrases; 2] = [
        Phrases {
            subjects: &["Kami", "Para perajin kami", "Ibu-ibu di kampung kami", "Pendiri usaha ini",
                "Anggota keluarga", "Pemuda setempat", "Mitra kami", "Koperasi desa"],
            verbs: &["membuat", "menyiapkan", "merancang", "memilih", "mengolah", "menjual",
                "mengembangkan", "mengemas", "mewarnai", "menyempurnakan"],
            objects: &["bahan baku lokal", "kain katun pilihan", "rotan dari hutan rakyat",
                "motif khas daerah", "resep turun-temurun", "pewarna alami",
                "kemasan ramah lingkungan", "produk berkualitas ekspor", "bambu tua",
                "biji kopi dari kebun tetangga", "pesanan khusus pelanggan", "buah musiman"],
            manners: &["dengan teliti", "secara tradisional", "setiap hari", "untuk pasar nasional",
                "bersama warga sekitar", "tanpa bahan pengawet", "sejak awal berdiri",
                "dengan sentuhan modern", "sesuai pesanan", "di bengkel kecil kami",
                "dalam jumlah terbatas", "untuk hotel dan toko oleh-oleh"],
            connectors: &["Kini,", "Sejak itu,", "Selain itu,", "Karena itu,", "Setiap musim,",
                "Di samping itu,", "Dari tahun ke tahun,"],
        },
        Phrases {
            subjects: &["We", "Our artisans", "Women from our village", "The founders",
                "Family members", "Local young people", "Our partners", "Village cooperatives"],
            verbs: &["make", "prepare", "design", "select", "process", "sell", "develop",
                "package", "dye", "refine"],
            objects: &["local raw materials", "hand-picked cotton cloth",
                "rattan from community forests", "traditional regional motifs", "family recipes",
                "natural dyes", "eco-friendly packaging", "export-quality goods", "mature bamboo",
                "coffee beans from neighbouring farms", "custom orders", "seasonal fruit"],
            manners: &["with great care", "the traditional way", "every single day",
                "for buyers across Indonesia", "together with our neighbours",
                "without preservatives", "since the very beginning", "with a modern touch",
                "to order", "in a small home workshop", "in limited batches",
                "for hotels and gift shops"],
            connectors: &["Today,", "Since then,", "Besides that,", "For this reason,",
                "Every season,", "In addition,", "Over the years,"],
        },
    ];

    /// Highlights for bullet lists: generic ones plus one list per category.
    pub const FEATURES: &[Pair] = &[
        ("Dibuat dengan tangan oleh perajin lokal", "Handmade by local artisans"),
        ("Bahan baku pilihan dari daerah sekitar", "Carefully chosen materials from the region"),
        ("Tahan lama dan mudah dirawat", "Durable and easy to care for"),
        ("Bisa dipesan dalam jumlah besar", "Available for bulk orders"),
        ("Cocok untuk hadiah dan cendera mata", "Ideal as a gift or souvenir"),
        ("Dikemas rapi dan aman untuk pengiriman", "Neatly packed for safe shipping"),
        ("Mendukung ekonomi warga desa", "Supports the village economy"),
    ];
    pub const CATEGORY_FEATURES: [&[Pair]; 3] = [
        &[("Motif digambar dengan canting", "Motifs drawn by hand with a canting"),
          ("Warna tidak mudah luntur", "Colourfast dyes"),
          ("Kain lembut dan menyerap keringat", "Soft, breathable cloth"),
          ("Setiap lembar memiliki corak unik", "Every piece has a unique pattern")],
        &[("Anyaman rapat dan kokoh", "Tight, sturdy weave"),
          ("Finishing halus tanpa serpihan", "Smooth finish without splinters"),
          ("Ringan dan mudah dibawa", "Light and easy to carry"),
          ("Desain dapat disesuaikan", "Design can be customised")],
        &[("Tanpa pengawet dan pewarna buatan", "No preservatives or artificial colours"),
          ("Resep asli keluarga", "Original family recipe"),
          ("Tahan hingga enam bulan", "Keeps for up to six months"),
          ("Diproduksi di dapur bersertifikat", "Produced in a certified kitchen")],
    ];
    pub const CATEGORY_FACTS: [&[Pair]; 3] = [
        &[("Setiap lembar dikerjakan dengan malam panas dan canting.",
           "Each piece is worked with hot wax and a canting."),
          ("Proses pewarnaan bisa memakan waktu hingga tiga minggu.",
           "Dyeing can take up to three weeks."),
          ("Motifnya terinspirasi dari alam dan sejarah daerah.",
           "Its motifs are inspired by nature and local history.")],
        &[("Bahan dijemur dan diawetkan secara alami sebelum dianyam.",
           "Materials are sun-dried and naturally cured before weaving."),
          ("Satu produk dikerjakan oleh dua sampai tiga perajin.",
           "Two or three artisans work on every item."),
          ("Bentuknya memadukan fungsi sehari-hari dan nilai seni.",
           "Its shape combines everyday use with craftsmanship.")],
        &[("Bahan utama dibeli langsung dari petani setempat.",
           "The main ingredients are bought directly from local farmers."),
          ("Proses produksi mengikuti standar kebersihan pangan.",
           "Production follows food hygiene standards."),
          ("Rasanya cocok untuk teman minum teh atau kopi.",
           "It pairs well with tea or coffee.")],
    ];

    /// Spec-table rows: `(label, values)` by category index.
    pub type SpecRow = (Pair, &'static [Pair]);
    pub const SPEC_ROWS: [&[SpecRow]; 3] = [
        &[(("Bahan", "Material"), &[("Katun primisima", "Primisima cotton"), ("Sutra", "Silk"),
            ("Katun dobby", "Dobby cotton"), ("Rayon", "Rayon")]),
          (("Teknik", "Technique"), &[("Tulis", "Hand-drawn"), ("Cap", "Stamped"),
            ("Kombinasi", "Combination")]),
          (("Pewarna", "Dye"), &[("Alami", "Natural"), ("Sintetis", "Synthetic")])],
        &[(("Bahan", "Material"), &[("Rotan", "Rattan"), ("Bambu", "Bamboo"), ("Pandan", "Pandan"),
            ("Tanah liat", "Clay"), ("Kayu jati", "Teak wood"), ("Kulit sapi", "Cowhide")]),
          (("Finishing", "Finish"), &[("Natural", "Natural"), ("Pernis", "Varnish"),
            ("Cat air", "Water-based paint")])],
        &[(("Penyimpanan", "Storage"), &[("Suhu ruang", "Room temperature"),
            ("Lemari es", "Refrigerated"), ("Beku", "Frozen")]),
          (("Kemasan", "Packaging"), &[("Standing pouch", "Stand-up pouch"), ("Botol kaca", "Glass bottle"),
            ("Toples plastik", "Plastic jar"), ("Kotak karton", "Cardboard box")])],
    ];
}

mod model {
    //! The catalogue as plain data, decided up front so that Markdown and
    //! YAML rendering are pure functions of it.

    use super::args::Args;
    use super::rng::{self, Rng};
    use super::words::{self, Pair};
    use rayon::prelude::*;

    #[derive(Clone, Copy, PartialEq)]
    pub enum Category {
        Batik,
        Kriya,
        Food,
    }

    impl Category {
        pub const ALL: [Category; 3] = [Category::Batik, Category::Kriya, Category::Food];

        pub fn index(self) -> usize {
            self as usize
        }

        pub fn slug(self) -> &'static str {
            ["batik", "kriya", "makanan-minuman"][self.index()]
        }
    }

    pub struct Producer {
        pub slug: String,
        pub name: String,
        pub kind: &'static str,
        pub owner: Option<String>,
        pub sentra: Option<&'static str>,
        pub address: String,
        pub city: &'static str,
        pub whatsapp: Option<String>,
        pub instagram: Option<String>,
        pub email: Option<String>,
        pub founded: Option<u32>,
        pub category: Category,
        pub seed: u64,
    }

    pub enum Price {
        Range(u32, u32),
        Amount(u32),
    }

    pub struct Curation {
        pub status: &'static str,
        pub curator: &'static str,
        pub date: String,
    }

    pub struct Product {
        pub index: usize,
        pub slug: String,
        pub name: OwnedPair,
        pub producer: usize,
        pub category: Category,
        pub price: Option<Price>,
        pub unit: Option<Pair>,
        pub min_order: Option<u32>,
        pub tags: Vec<&'static str>,
        pub certifications: Vec<(&'static str, String)>,
        pub curation: Option<Curation>,
        pub featured: bool,
        pub has_en: bool,
        pub seed: u64,
    }

    /// An owned `(Indonesian, English)` pair.
    pub type OwnedPair = (String, String);

    pub struct Catalogue {
        pub producers: Vec<Producer>,
        pub products: Vec<Product>,
    }

    impl Catalogue {
        pub fn generate(args: &Args) -> Self {
            let producers: Vec<Producer> = (0..args.producers)
                .into_par_iter()
                .map(|i| producer(args.seed, i))
                .collect();
            let products = (0..args.products)
                .into_par_iter()
                .map(|i| product(args.seed, i, &producers))
                .collect();
            Catalogue {
                producers,
                products,
            }
        }
    }

    /// Lowercase ASCII letters and digits separated by single hyphens.
    pub fn slugify(text: &str) -> String {
        let mut slug = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        slug.trim_end_matches('-').to_string()
    }

    fn digits(rng: &mut Rng, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect()
    }

    fn producer(seed: u64, i: usize) -> Producer {
        let mut rng = Rng::for_item(seed, rng::PRODUCER, i as u64);
        let category = *rng.pick(&Category::ALL);
        let c = category.index();
        let name = format!(
            "{} {} {}",
            rng.pick(words::PRODUCER_PREFIXES[c]),
            rng.pick(words::PRODUCER_SUFFIXES[c]),
            i + 1
        );
        let handle = slugify(&name).replace('-', "");
        let city = *rng.pick(words::CITIES);
        let address = format!(
            "Jl. {} {}, {city}",
            rng.pick(words::STREETS),
            rng.range(1, 250)
        );
        Producer {
            kind: if rng.chance(70) { "ukm" } else { "ikm" },
            owner: rng.chance(80).then(|| {
                format!(
                    "{} {}",
                    rng.pick(words::FIRST_NAMES),
                    rng.pick(words::LAST_NAMES)
                )
            }),
            sentra: rng.chance(50).then(|| *rng.pick(words::SENTRA[c])),
            whatsapp: rng
                .chance(85)
                .then(|| format!("+628{}", digits(&mut rng, 9))),
            instagram: rng.chance(60).then(|| handle.clone()),
            email: rng.chance(50).then(|| format!("{handle}@example.id")),
            founded: rng.chance(75).then(|| rng.range(1975, 2023)),
            slug: slugify(&name),
            name,
            address,
            city,
            category,
            seed: rng.next_u64(),
        }
    }

    /// Round-robin with ~30% of products reassigned at random; the first
    /// `producers.len()` products never move, so every producer has one.
    fn assign_producer(rng: &mut Rng, i: usize, producers: usize) -> usize {
        if i >= producers && rng.chance(30) {
            rng.below(producers)
        } else {
            i % producers
        }
    }

    fn product(seed: u64, i: usize, producers: &[Producer]) -> Product {
        let mut rng = Rng::for_item(seed, rng::PRODUCT, i as u64);
        let producer = assign_producer(&mut rng, i, producers.len());
        let category = if rng.chance(85) {
            producers[producer].category
        } else {
            *rng.pick(&Category::ALL)
        };
        let c = category.index();
        let (kind, modifier) = (
            rng.pick(words::PRODUCT_KINDS[c]),
            rng.pick(words::PRODUCT_MODIFIERS[c]),
        );
        let name = (
            format!("{} {}", kind.0, modifier.0),
            format!("{} {}", modifier.1, kind.1),
        );
        Product {
            index: i,
            slug: format!("produk-{:05}-{}", i + 1, slugify(&name.0)),
            name,
            producer,
            category,
            price: rng.chance(90).then(|| price(&mut rng, category)),
            unit: rng.chance(80).then(|| *rng.pick(words::UNITS[c])),
            min_order: rng
                .chance(40)
                .then(|| *rng.pick(&[1, 5, 10, 12, 20, 24, 50, 100])),
            tags: tags(&mut rng, category),
            certifications: certifications(&mut rng, category),
            curation: rng.chance(60).then(|| curation(&mut rng)),
            featured: rng.below(1000) < 20,
            has_en: rng.below(1000) >= 50,
            seed: rng.next_u64(),
        }
    }

    fn price(rng: &mut Rng, category: Category) -> Price {
        let (lo, hi, step) = match category {
            Category::Batik => (150, 2500, 1000),
            Category::Kriya => (25, 1500, 1000),
            Category::Food => (20, 500, 500),
        };
        let min = rng.range(lo, hi) * step;
        if rng.chance(50) {
            let max = min + rng.range(3, 20) * min / 10 / step * step;
            Price::Range(min, max)
        } else {
            Price::Amount(min)
        }
    }

    fn tags(rng: &mut Rng, category: Category) -> Vec<&'static str> {
        if !rng.chance(85) {
            return Vec::new();
        }
        let count = rng.range(1, 3) as usize;
        let mut tags = rng.pick_distinct(words::TAGS[category.index()], count);
        if rng.chance(50) {
            tags.push(rng.pick(words::GENERAL_TAGS));
        }
        tags.into_iter().copied().collect()
    }

    fn certifications(rng: &mut Rng, category: Category) -> Vec<(&'static str, String)> {
        if !rng.chance(50) {
            return Vec::new();
        }
        let count = rng.range(1, 2) as usize;
        rng.pick_distinct(words::CERTIFICATIONS[category.index()], count)
            .into_iter()
            .map(|&kind| (kind, certificate_number(rng, kind)))
            .collect()
    }

    fn certificate_number(rng: &mut Rng, kind: &str) -> String {
        match kind {
            "halal" => format!("ID{}", digits(rng, 17)),
            "pirt" => format!("{}-{}", digits(rng, 13), digits(rng, 2)),
            "bpom" => format!("MD {}", digits(rng, 12)),
            "sni" => format!("{}/SPPT-SNI/{}", digits(rng, 4), rng.range(2015, 2025)),
            "hki" => format!("EC00{}{}", rng.range(2015, 2025), digits(rng, 5)),
            _ => format!("IDM000{}", digits(rng, 6)),
        }
    }

    fn curation(rng: &mut Rng) -> Curation {
        let status = match rng.below(100) {
            0..=59 => "lolos",
            60..=84 => "proses",
            _ => "belum",
        };
        let curator = *rng.pick(words::CURATORS);
        Curation {
            status,
            curator,
            date: format!(
                "{}-{:02}-{:02}",
                rng.range(2024, 2025),
                rng.range(1, 12),
                rng.range(1, 28)
            ),
        }
    }
}

mod text {
    //! Markdown bodies: producer stories and product descriptions.

    use super::model::{Category, Producer, Product};
    use super::rng::Rng;
    use super::words::{self, Pair};

    #[derive(Clone, Copy)]
    pub enum Lang {
        Id,
        En,
    }

    impl Lang {
        fn pick(self, pair: &Pair) -> &'static str {
            match self {
                Lang::Id => pair.0,
                Lang::En => pair.1,
            }
        }

        fn phrases(self) -> &'static words::Phrases {
            &words::PHRASES[self as usize]
        }
    }

    /// Words in a piece of Markdown, ignoring pure syntax such as `|` or `-`.
    pub fn word_count(text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
            .count()
    }

    fn lowercase_first(text: &str) -> String {
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// One free sentence such as "Para perajin kami mengolah pewarna alami setiap hari."
    fn sentence(rng: &mut Rng, lang: Lang) -> String {
        let p = lang.phrases();
        let subject = *rng.pick(p.subjects);
        let subject = if rng.chance(30) {
            format!("{} {}", rng.pick(p.connectors), lowercase_first(subject))
        } else {
            subject.to_string()
        };
        format!(
            "{subject} {} {} {}.",
            rng.pick(p.verbs),
            rng.pick(p.objects),
            rng.pick(p.manners)
        )
    }

    /// Appends free sentences to `paragraph` until `target` words are reached,
    /// never going past `limit`.
    fn fill(
        rng: &mut Rng,
        lang: Lang,
        paragraph: &mut String,
        mut words: usize,
        target: usize,
        limit: usize,
    ) -> usize {
        while words < target {
            let next = sentence(rng, lang);
            let n = word_count(&next);
            if words + n > limit {
                break;
            }
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(&next);
            words += n;
        }
        words
    }

    pub fn producer_story(p: &Producer, lang: Lang, rng: &mut Rng) -> String {
        let mut first = match (lang, p.founded) {
            (Lang::Id, Some(year)) => format!("{} berdiri sejak {year} di {}.", p.name, p.city),
            (Lang::Id, None) => format!("{} adalah usaha keluarga dari {}.", p.name, p.city),
            (Lang::En, Some(year)) => format!("{} was founded in {year} in {}.", p.name, p.city),
            (Lang::En, None) => format!("{} is a family business from {}.", p.name, p.city),
        };
        let target = rng.range(85, 115) as usize;
        let split = target / 2;
        let first_words = word_count(&first);
        let words = fill(rng, lang, &mut first, first_words, split, target);
        let mut second = String::new();
        fill(rng, lang, &mut second, words, target, target + 15);
        format!("{first}\n\n{second}\n")
    }

    /// Language-independent choices, so that `id.md` and `en.md` share the
    /// same outline (like a real translation) while their prose differs.
    pub struct Outline {
        features: Vec<&'static Pair>,
        table: Option<Vec<(Pair, String, String)>>,
        fact: &'static Pair,
        target_words: [usize; 2],
    }

    pub fn outline(product: &Product, rng: &mut Rng) -> Outline {
        let c = product.category.index();
        let pool: Vec<&'static Pair> = words::FEATURES
            .iter()
            .chain(words::CATEGORY_FEATURES[c])
            .collect();
        let count = rng.range(3, 6) as usize;
        let features = rng
            .pick_distinct(&pool, count)
            .into_iter()
            .copied()
            .collect();
        Outline {
            features,
            table: rng.chance(35).then(|| spec_table(rng, product.category)),
            fact: rng.pick(words::CATEGORY_FACTS[c]),
            target_words: [rng.range(120, 250) as usize, rng.range(120, 250) as usize],
        }
    }

    fn spec_table(rng: &mut Rng, category: Category) -> Vec<(Pair, String, String)> {
        let mut rows: Vec<(Pair, String, String)> = words::SPEC_ROWS[category.index()]
            .iter()
            .map(|(label, values)| {
                let v = rng.pick(values);
                (*label, v.0.to_string(), v.1.to_string())
            })
            .collect();
        let measure = match category {
            Category::Batik => {
                let (w, h) = (rng.range(180, 250), rng.range(100, 120));
                (("Ukuran", "Size"), format!("{w} x {h} cm"))
            }
            Category::Kriya => {
                let (a, b, c) = (rng.range(10, 60), rng.range(10, 60), rng.range(5, 40));
                (("Ukuran", "Size"), format!("{a} x {b} x {c} cm"))
            }
            Category::Food => (
                ("Berat bersih", "Net weight"),
                format!("{} g", rng.range(5, 100) * 10),
            ),
        };
        rows.push((measure.0, measure.1.clone(), measure.1));
        rows
    }

    pub fn product_description(
        product: &Product,
        producer: &Producer,
        outline: &Outline,
        lang: Lang,
        rng: &mut Rng,
    ) -> String {
        let target = outline.target_words[lang as usize];
        let mut intro = match lang {
            Lang::Id => format!(
                "**{}** adalah produk unggulan {} dari {}.",
                product.name.0, producer.name, producer.city
            ),
            Lang::En => format!(
                "**{}** is a signature product of {} from {}.",
                product.name.1, producer.name, producer.city
            ),
        };
        intro.push(' ');
        intro.push_str(lang.pick(outline.fact));
        let intro_sentences = rng.range(1, 3) as usize;
        for _ in 0..intro_sentences {
            intro.push(' ');
            intro.push_str(&sentence(rng, lang));
        }

        let mut doc = intro;
        doc.push_str("\n\n");
        doc.push_str(&highlights(outline, lang));
        if let Some(table) = &outline.table {
            doc.push_str(&table_markdown(table, lang));
        }
        let mut closing = String::new();
        fill(rng, lang, &mut closing, word_count(&doc), target, 250);
        if !closing.is_empty() {
            doc.push('\n');
            doc.push_str(&closing);
            doc.push('\n');
        }
        doc
    }

    fn highlights(outline: &Outline, lang: Lang) -> String {
        let mut out = String::from(match lang {
            Lang::Id => "## Keunggulan\n\n",
            Lang::En => "## Highlights\n\n",
        });
        for feature in &outline.features {
            out.push_str("- ");
            out.push_str(lang.pick(feature));
            out.push('\n');
        }
        out
    }

    fn table_markdown(rows: &[(Pair, String, String)], lang: Lang) -> String {
        let mut out = String::from(match lang {
            Lang::Id => "\n## Spesifikasi\n\n| Spesifikasi | Keterangan |\n| --- | --- |\n",
            Lang::En => "\n## Specifications\n\n| Specification | Details |\n| --- | --- |\n",
        });
        for (label, id, en) in rows {
            let value = match lang {
                Lang::Id => id,
                Lang::En => en,
            };
            out.push_str(&format!("| {} | {value} |\n", lang.pick(label)));
        }
        out
    }
}

mod yaml {
    //! Hand-written YAML: every free-text value double-quoted, key order fixed.

    use super::model::{Catalogue, Price, Producer, Product};
    use super::words;
    use std::fmt::Write as _;

    /// A double-quoted YAML scalar.
    pub fn q(text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    fn pair(id: &str, en: &str) -> String {
        format!("{{ id: {}, en: {} }}", q(id), q(en))
    }

    pub fn catalogue(cat: &Catalogue, seed: u64) -> String {
        let (producers, products) = (cat.producers.len(), cat.products.len());
        let description = pair(
            &format!(
                "Katalog sintetis berisi {products} produk dari {producers} produsen untuk uji skala (seed {seed})."
            ),
            &format!(
                "Synthetic catalogue of {products} products from {producers} producers for scale testing (seed {seed})."
            ),
        );
        format!(
            "title: {}\ndescription: {description}\nbase_url: https://bench.example.id/katalog\n\
             languages: [id, en]\ntheme: default\n\
             publisher: {{ name: \"Dinas Uji\", email: \"uji@example.id\", whatsapp: \"+6281200000000\" }}\n\
             edition: \"2025-04-28\"\ncategories:\n\
             \x20 - {{ slug: batik, name: {} }}\n\
             \x20 - {{ slug: kriya, name: {} }}\n\
             \x20 - {{ slug: makanan-minuman, name: {} }}\n",
            pair("Katalog Sintetis", "Synthetic Catalogue"),
            pair("Batik", "Batik"),
            pair("Kriya", "Crafts"),
            pair("Makanan & Minuman", "Food & Beverages"),
        )
    }

    pub fn producer(p: &Producer) -> String {
        let mut out = format!("name: {}\nkind: {}\n", q(&p.name), p.kind);
        if let Some(owner) = &p.owner {
            let _ = writeln!(out, "owner: {}", q(owner));
        }
        if let Some(sentra) = p.sentra {
            let _ = writeln!(out, "sentra: {}", q(sentra));
        }
        let _ = writeln!(out, "address: {}", q(&p.address));
        if let Some(whatsapp) = &p.whatsapp {
            let _ = writeln!(out, "whatsapp: {}", q(whatsapp));
        }
        if let Some(instagram) = &p.instagram {
            let _ = writeln!(out, "instagram: {instagram}");
        }
        if let Some(email) = &p.email {
            let _ = writeln!(out, "email: {email}");
        }
        if let Some(founded) = p.founded {
            let _ = writeln!(out, "founded: {founded}");
        }
        out
    }

    pub fn product(p: &Product, producer: &Producer, photos: usize) -> String {
        let mut out = format!(
            "name: {}\nproducer: {}\ncategory: {}\n",
            pair(&p.name.0, &p.name.1),
            producer.slug,
            p.category.slug()
        );
        match p.price {
            Some(Price::Range(min, max)) => {
                let _ = writeln!(out, "price: {{ min: {min}, max: {max} }}");
            }
            Some(Price::Amount(amount)) => {
                let _ = writeln!(out, "price: {{ amount: {amount} }}");
            }
            None => {}
        }
        if let Some((id, en)) = p.unit {
            let _ = writeln!(out, "unit: {}", pair(id, en));
        }
        if let Some(min_order) = p.min_order {
            let _ = writeln!(out, "min_order: {min_order}");
        }
        if !p.tags.is_empty() {
            let _ = writeln!(out, "tags: [{}]", p.tags.join(", "));
        }
        out.push_str(&photo_list(p, photos));
        if !p.certifications.is_empty() {
            out.push_str("certifications:\n");
            for (kind, number) in &p.certifications {
                let _ = writeln!(out, "  - {{ type: {kind}, number: {} }}", q(number));
            }
        }
        if let Some(c) = &p.curation {
            let _ = write!(
                out,
                "curation:\n  status: {}\n  curator: {}\n  date: {}\n",
                c.status,
                q(c.curator),
                c.date
            );
        }
        let _ = writeln!(out, "featured: {}", p.featured);
        out
    }

    fn photo_list(p: &Product, photos: usize) -> String {
        if photos == 0 {
            return String::new();
        }
        let mut out = String::from("photos:\n");
        for k in 1..=photos {
            let view = words::PHOTO_VIEWS[(p.index + k - 1) % words::PHOTO_VIEWS.len()];
            let alt = pair(
                &format!("{}, {}", p.name.0, view.0),
                &format!("{}, {}", p.name.1, view.1),
            );
            let _ = write!(out, "  - file: {}\n    alt: {alt}\n", photo_file(k));
        }
        out
    }

    pub fn photo_file(k: usize) -> String {
        format!("foto-{k}.jpg")
    }
}

mod photo {
    //! Photo-like JPEGs: a lit background gradient, a few soft-edged shapes
    //! (one large "product" with a woven/batik-like stripe texture) and mild
    //! noise. Only `+ - * /`, `sqrt` and exact operations (`floor`, `abs`) are
    //! used, so pixels are identical on every platform.

    use super::rng::Rng;
    use super::Result;
    use image::codecs::jpeg::JpegEncoder;
    use image::ExtendedColorType;
    use std::fs::File;
    use std::io::BufWriter;
    use std::path::Path;

    pub const QUALITY: u8 = 85;

    struct Shape {
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
        color: [f32; 3],
        opacity: f32,
        /// Stripe direction (already scaled by frequency), if textured.
        stripes: Option<(f32, f32)>,
    }

    fn color(rng: &mut Rng, lo: f32, hi: f32) -> [f32; 3] {
        [(); 3].map(|_| lo + (hi - lo) * rng.unit())
    }

    fn shapes(rng: &mut Rng, w: f32, h: f32) -> Vec<Shape> {
        let side = w.min(h);
        let main = Shape {
            cx: w * (0.4 + 0.2 * rng.unit()),
            cy: h * (0.4 + 0.2 * rng.unit()),
            rx: side * (0.25 + 0.12 * rng.unit()),
            ry: side * (0.2 + 0.12 * rng.unit()),
            color: color(rng, 40.0, 220.0),
            opacity: 1.0,
            stripes: Some((
                (0.5 + rng.unit()) / side * 40.0,
                (rng.unit() - 0.5) / side * 40.0,
            )),
        };
        let mut all = vec![main];
        for _ in 0..rng.range(3, 6) {
            let r = side * (0.04 + 0.12 * rng.unit());
            all.push(Shape {
                cx: w * rng.unit(),
                cy: h * rng.unit(),
                rx: r * (0.7 + 0.6 * rng.unit()),
                ry: r,
                color: color(rng, 30.0, 240.0),
                opacity: 0.5 + 0.5 * rng.unit(),
                stripes: None,
            });
        }
        all
    }

    /// Smooth 0→1 step of `x` between `a` and `b`.
    fn smoothstep(a: f32, b: f32, x: f32) -> f32 {
        let t = ((x - a) / (b - a)).clamp(0.0, 1.0);
        t * t * (3.0 - 2.0 * t)
    }

    /// Triangle wave in `[0, 1]` with period 1.
    fn triangle(x: f32) -> f32 {
        let f = x - x.floor();
        (2.0 * f - 1.0).abs()
    }

    fn shade(shape: &Shape, x: f32, y: f32, edge: f32, px: &mut [f32; 3]) {
        let (dx, dy) = ((x - shape.cx) / shape.rx, (y - shape.cy) / shape.ry);
        let d = (dx * dx + dy * dy).sqrt();
        if d > 1.0 + edge {
            return;
        }
        let coverage = shape.opacity * (1.0 - smoothstep(1.0 - edge, 1.0 + edge, d));
        let light = 1.1 - 0.25 * (dx + dy) - 0.2 * d * d;
        let texture = shape
            .stripes
            .map_or(1.0, |(sx, sy)| 0.8 + 0.2 * triangle(x * sx + y * sy));
        for (channel, base) in px.iter_mut().zip(shape.color) {
            let lit = base * light * texture;
            *channel += (lit - *channel) * coverage;
        }
    }

    /// Renders an RGB8 buffer of `w × h` pixels.
    pub fn render(rng: &mut Rng, w: u32, h: u32) -> Vec<u8> {
        let (wf, hf) = (w as f32, h as f32);
        let (top, bottom) = (color(rng, 150.0, 235.0), color(rng, 60.0, 170.0));
        let shapes = shapes(rng, wf, hf);
        let edge = 3.0 / wf.min(hf) * 8.0;
        let mut noise = rng.next_u64() | 1;
        let mut out = Vec::with_capacity(w as usize * h as usize * 3);
        for y in 0..h {
            let (yf, t) = (y as f32, y as f32 / hf);
            for x in 0..w {
                let xf = x as f32;
                let (u, v) = (xf / wf - 0.5, t - 0.5);
                let vignette = 1.0 - 0.6 * (u * u + v * v);
                let mut px = [0.0f32; 3];
                for (c, p) in px.iter_mut().enumerate() {
                    *p = (top[c] + (bottom[c] - top[c]) * t) * vignette;
                }
                for shape in &shapes {
                    shade(shape, xf, yf, edge, &mut px);
                }
                noise ^= noise << 13;
                noise ^= noise >> 7;
                noise ^= noise << 17;
                let grain = ((noise & 0xff) as f32 - 127.5) * (7.0 / 127.5);
                for (c, p) in px.iter().enumerate() {
                    let chroma = (((noise >> (8 + 8 * c)) & 0xff) as f32 - 127.5) * (3.0 / 127.5);
                    out.push((p + grain + chroma).clamp(0.0, 255.0) as u8);
                }
            }
        }
        out
    }

    pub fn write_jpeg(path: &Path, pixels: &[u8], w: u32, h: u32) -> Result<()> {
        let file = BufWriter::new(File::create(path)?);
        JpegEncoder::new_with_quality(file, QUALITY).encode(
            pixels,
            w,
            h,
            ExtendedColorType::Rgb8,
        )?;
        Ok(())
    }
}

mod write {
    //! Puts the catalogue on disk, in parallel; returns bytes written.

    use super::args::Args;
    use super::model::{Catalogue, Producer, Product};
    use super::rng::{self, Rng};
    use super::text::{self, Lang};
    use super::{photo, yaml, Result};
    use rayon::prelude::*;
    use std::fs;
    use std::path::Path;

    fn file(path: &Path, contents: &str) -> Result<u64> {
        fs::write(path, contents)?;
        Ok(contents.len() as u64)
    }

    pub fn catalogue(args: &Args, cat: &Catalogue) -> Result<u64> {
        let root = &args.out;
        let mut bytes = file(
            &root.join("catalogue.yaml"),
            &yaml::catalogue(cat, args.seed),
        )?;
        let producers_dir = root.join("content/producers");
        let products_dir = root.join("content/products");
        bytes += cat
            .producers
            .par_iter()
            .map(|p| producer(&producers_dir, p))
            .sum::<Result<u64>>()?;
        bytes += cat
            .products
            .par_iter()
            .map(|p| product(&products_dir, args, p, &cat.producers[p.producer]))
            .sum::<Result<u64>>()?;
        if args.photos_per_product > 0 {
            bytes += photos(&products_dir, args, cat)?;
        }
        Ok(bytes)
    }

    fn producer(dir: &Path, p: &Producer) -> Result<u64> {
        let dir = dir.join(&p.slug);
        fs::create_dir_all(&dir)?;
        let mut rng = Rng::for_item(p.seed, rng::PRODUCER, 0);
        Ok(file(&dir.join("producer.yaml"), &yaml::producer(p))?
            + file(
                &dir.join("id.md"),
                &text::producer_story(p, Lang::Id, &mut rng),
            )?
            + file(
                &dir.join("en.md"),
                &text::producer_story(p, Lang::En, &mut rng),
            )?)
    }

    fn product(dir: &Path, args: &Args, p: &Product, producer: &Producer) -> Result<u64> {
        let dir = dir.join(&p.slug);
        fs::create_dir_all(&dir)?;
        let mut rng = Rng::for_item(p.seed, rng::PRODUCT, 0);
        let outline = text::outline(p, &mut rng);
        let id = text::product_description(p, producer, &outline, Lang::Id, &mut rng);
        let en = text::product_description(p, producer, &outline, Lang::En, &mut rng);
        let mut bytes = file(
            &dir.join("product.yaml"),
            &yaml::product(p, producer, args.photos_per_product),
        )?;
        bytes += file(&dir.join("id.md"), &id)?;
        if p.has_en {
            bytes += file(&dir.join("en.md"), &en)?;
        }
        Ok(bytes)
    }

    /// One rayon task per photo: each is a few hundred milliseconds of work.
    fn photos(dir: &Path, args: &Args, cat: &Catalogue) -> Result<u64> {
        let per = args.photos_per_product;
        (0..cat.products.len() * per)
            .into_par_iter()
            .map(|n| {
                let (p, k) = (&cat.products[n / per], n % per + 1);
                let mut rng = Rng::for_item(args.seed, rng::PHOTO, n as u64);
                let pixels = photo::render(&mut rng, args.photo_width, args.photo_height);
                let path = dir.join(&p.slug).join(yaml::photo_file(k));
                photo::write_jpeg(&path, &pixels, args.photo_width, args.photo_height)?;
                Ok(fs::metadata(&path)?.len())
            })
            .sum()
    }
}
