//! The print brochure as HTML: its sheets, what the cover, the contents and the product cards
//! say, and selections from `catalogue.yaml`. Printing it to PDF is tested in `pdf.rs`.

use std::collections::BTreeMap;

use crate::common::*;
use etalase::fields::CurationStatus;
use etalase::model::Product;
use etalase::render::brochure::{
    part_path, parts, planned_pages, planned_part_pages, products, CARDS_PER_SHEET,
    PRINT_PHOTO_PIXELS,
};
use scraper::{ElementRef, Html};

/// The basic fixture with a selection of what one curator passed, and one of a category.
fn with_selections() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    let config = catalogue.read("catalogue.yaml");
    catalogue.write(
        "catalogue.yaml",
        format!(
            "{config}brochures:\n  - slug: keranjang-bali\n    title: {{ id: Pilihan Keranjang Bali, en: Keranjang Bali selection }}\n    curator: The Keranjang Bali\n  - slug: kuliner\n    title: {{ id: Kuliner, en: Food }}\n    category: makanan-minuman\n"
        ),
    );
    catalogue
}

/// The one element matching `css` inside `element`.
fn sheets<'a>(doc: &'a Html) -> Vec<ElementRef<'a>> {
    select(doc, ".brochure > .sheet")
}

/// The product pages the cards of a brochure page link to through their QR codes, in order.
fn products_shown(page: &str, doc: &Html) -> Vec<String> {
    select(doc, ".print-card .print-qr")
        .into_iter()
        .map(|qr| {
            let file = resolve_link(page, attr(qr, "src")).unwrap();
            file.strip_suffix("qr.svg").unwrap().to_owned()
        })
        .collect()
}

/// The widths of every copy of the photo that `file` (`media/<stem>-<width>.<ext>`) is one of.
fn copies_of(site: &Site, file: &str) -> Vec<u32> {
    let (stem, extension) = file.rsplit_once('-').unwrap();
    let extension = extension.split('.').nth(1).unwrap();
    let mut widths: Vec<u32> = site
        .files()
        .into_iter()
        .filter_map(|f| {
            let rest = f.strip_prefix(&format!("{stem}-"))?;
            rest.strip_suffix(&format!(".{extension}"))?.parse().ok()
        })
        .collect();
    widths.sort_unstable();
    widths
}

fn name_in(product: &Product, lang: &str) -> String {
    product.name.get(lang, "id").text.to_owned()
}

#[test]
fn the_brochure_has_a_cover_contents_and_six_cards_a_sheet_with_page_numbers() {
    let catalogue = Catalogue::copy("pagination/sixty-products");
    for n in 1..=13 {
        catalogue.write(
            &format!("content/products/produk-{n:02}/product.yaml"),
            format!(
                "name: {{ id: Produk {n:02}, en: Product {n:02} }}\n\
                 producer: sanggar-kriya\ncategory: kriya\nprice: {{ amount: {n}000 }}\n"
            ),
        );
    }
    let site = catalogue.build();
    let loaded = etalase::load(catalogue.root()).unwrap();
    for lang in LANGUAGES {
        let page = format!("{lang}/brochure/index.html");
        let doc = site.html(&page);
        let sheets = sheets(&doc);
        assert_eq!(sheets.len(), planned_pages(&loaded.catalogue, None));
        // A cover, the contents, then 13 cards on sheets of six: 6, 6 and 1.
        assert_eq!(sheets.len(), 2 + 13usize.div_ceil(CARDS_PER_SHEET));
        assert!(attr(sheets[0], "class").contains("sheet-cover"));
        assert!(attr(sheets[1], "class").contains("sheet-contents"));
        let cards: Vec<usize> = sheets[2..]
            .iter()
            .map(|sheet| select_in(*sheet, ".print-card").len())
            .collect();
        assert_eq!(cards, [6, 6, 1]);
        for (index, sheet) in sheets.iter().enumerate().skip(1) {
            assert_eq!(
                text(one_in(*sheet, ".sheet-number")),
                (index + 1).to_string(),
                "{page}: sheet {index}"
            );
        }
        let headers: Vec<String> = sheets[2..]
            .iter()
            .map(|sheet| text(one_in(*sheet, ".sheet-header h2")))
            .collect();
        let continued = if lang == "id" {
            "lanjutan"
        } else {
            "continued"
        };
        assert!(!headers[0].contains(continued), "{headers:?}");
        assert!(headers[1].contains(continued) && headers[2].contains(continued));
    }
}

#[test]
fn the_contents_give_the_page_where_each_category_starts() {
    let site = build_fixture("basic");
    let loaded = etalase::load(&fixture_path("basic")).unwrap();
    for lang in LANGUAGES {
        let page = format!("{lang}/brochure/index.html");
        let doc = site.html(&page);
        let sheets = sheets(&doc);
        let mut starts: BTreeMap<String, String> = BTreeMap::new();
        for sheet in &sheets[2..] {
            let header = text(one_in(*sheet, ".sheet-header h2"));
            let number = text(one_in(*sheet, ".sheet-number"));
            starts.entry(header).or_insert(number);
        }
        let entries: Vec<(String, String)> = select(&doc, ".contents li")
            .into_iter()
            .map(|li| {
                let name = own_text(one_in(li, ".contents-name"));
                (name.trim().to_owned(), text(one_in(li, ".contents-page")))
            })
            .collect();
        let categories: Vec<String> = loaded
            .catalogue
            .config
            .categories
            .iter()
            .map(|c| c.name.get(lang, "id").text.to_owned())
            .collect();
        assert_eq!(
            entries.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>(),
            categories,
            "{page}: every category with products, in order"
        );
        for (name, number) in &entries {
            assert_eq!(&starts[name], number, "{page}: {name}");
        }
    }
}

#[test]
fn the_cover_shows_the_publisher_and_the_edition_date_not_the_build_date() {
    let site = build_fixture("basic");
    let doc = site.html("id/brochure/index.html");
    let cover = one(&doc, ".sheet-cover");
    assert_eq!(text(one_in(cover, "h1")), "Katalog Uji");
    assert_eq!(text(one_in(cover, ".cover-name")), "Dinas Uji");
    assert_eq!(text(one_in(cover, ".cover-edition")), "Edisi 28 April 2025");
    let qr = resolve_link(
        "id/brochure/index.html",
        attr(one_in(cover, ".cover-qr img"), "src"),
    );
    assert_eq!(qr.unwrap(), "id/brochure/qr.svg");
    assert!(site.exists("id/brochure/qr.svg"));
}

#[test]
fn every_card_says_what_a_buyer_needs_and_points_at_the_product_page() {
    let site = build_fixture("basic");
    let loaded = etalase::load(&fixture_path("basic")).unwrap();
    for lang in LANGUAGES {
        let page = format!("{lang}/brochure/index.html");
        let doc = site.html(&page);
        let shown = products_shown(&page, &doc);
        let mut expected: Vec<(usize, String)> = loaded
            .catalogue
            .products
            .iter()
            .map(|p| (p.category, format!("{lang}/products/{}/", p.slug)))
            .collect();
        expected.sort();
        assert_eq!(
            shown,
            expected.into_iter().map(|(_, url)| url).collect::<Vec<_>>(),
            "{page}: every product once, by category"
        );
        for (card, product) in select(&doc, ".print-card")
            .into_iter()
            .zip(shown.iter().map(|url| {
                loaded
                    .catalogue
                    .products
                    .iter()
                    .find(|p| url.ends_with(&format!("/{}/", p.slug)))
                    .unwrap()
            }))
        {
            assert_eq!(text(one_in(card, ".print-name")), name_in(product, lang));
            let producer = &loaded.catalogue.producers[product.producer].name;
            assert_eq!(&text(one_in(card, ".print-producer")), producer);
            let badges = select_in(card, ".badge").len();
            assert_eq!(
                badges,
                product.certifications.len()
                    + usize::from(product.curation.is_some())
                    + usize::from(product.availability.is_some())
            );
            // Availability comes first, where the badge row is never cut off on paper.
            let first = select_in(card, ".badge").into_iter().next().map(text);
            if let Some(availability) = &product.availability {
                assert_eq!(first, Some(availability.label(lang)));
            }
            match product.photos.first() {
                Some(_) => {
                    let img = one_in(card, "img.print-photo");
                    let src = resolve_link(&page, attr(img, "src")).unwrap();
                    let (width, _) = image::image_dimensions(site.file(&src)).unwrap();
                    assert_eq!(attr(img, "width"), width.to_string());
                    // The smallest copy that prints sharp, or the largest when none does.
                    let copies = copies_of(&site, &src);
                    let sharp = copies.iter().copied().find(|w| *w >= PRINT_PHOTO_PIXELS);
                    assert_eq!(Some(width), sharp.or(copies.last().copied()), "{src}");
                    // On a screen only the photos near the view load; printing loads them
                    // all (the PDF tests count every photo in the printed file).
                    assert_eq!(img.value().attr("loading"), Some("lazy"));
                }
                None => assert!(select_in(card, "img.print-photo").is_empty()),
            }
        }
    }
    let doc = site.html("id/brochure/index.html");
    let onde = select(&doc, ".print-card")
        .into_iter()
        .find(|c| text(one_in(*c, ".print-name")).starts_with("Onde-onde"))
        .unwrap();
    assert!(
        text(one_in(onde, ".print-price")).contains("Rp 35.000"),
        "price in the page's language"
    );
}

#[test]
fn a_selection_prints_only_what_its_curator_passed_or_its_category() {
    let catalogue = with_selections();
    let site = catalogue.build();
    let loaded = etalase::load(catalogue.root()).unwrap();
    let products = &loaded.catalogue.products;
    for lang in LANGUAGES {
        let page = format!("{lang}/brochure/keranjang-bali/index.html");
        let doc = site.html(&page);
        let passed: Vec<String> = products
            .iter()
            .filter(|p| {
                p.curation.as_ref().is_some_and(|c| {
                    c.status == CurationStatus::Lolos
                        && c.curator.as_deref() == Some("The Keranjang Bali")
                })
            })
            .map(|p| format!("{lang}/products/{}/", p.slug))
            .collect();
        assert!(!passed.is_empty() && passed.len() < products.len());
        assert_eq!(products_shown(&page, &doc), passed, "{page}");
        let selection = &loaded.catalogue.config.brochures[0];
        assert_eq!(
            sheets(&doc).len(),
            planned_pages(&loaded.catalogue, Some(selection))
        );
        let title = if lang == "id" {
            "Pilihan Keranjang Bali"
        } else {
            "Keranjang Bali selection"
        };
        assert_eq!(text(one(&doc, ".sheet-cover h1")), title);

        let page = format!("{lang}/brochure/kuliner/index.html");
        let doc = site.html(&page);
        let food: Vec<String> = products
            .iter()
            .filter(|p| loaded.catalogue.config.categories[p.category].slug == "makanan-minuman")
            .map(|p| format!("{lang}/products/{}/", p.slug))
            .collect();
        assert_eq!(products_shown(&page, &doc), food, "{page}");
    }
}

#[test]
fn mistakes_in_brochure_selections_name_the_field_and_line() {
    let catalogue = Catalogue::copy("basic");
    let config = catalogue.read("catalogue.yaml");
    catalogue.write(
        "catalogue.yaml",
        format!(
            "{config}brochures:\n  - slug: Bali Pilihan\n    title: Bali\n  - slug: kue\n    title: Kue\n    category: kue-basah\n"
        ),
    );
    let errors = catalogue.build_errors();
    let line = line_of(&catalogue.read("catalogue.yaml"), "brochures:");
    assert!(
        errors.iter().any(|e| e.contains("catalogue.yaml")
            && e.contains("brochures[0].slug")
            && e.contains("`Bali Pilihan` is not a valid slug")
            && e.contains(&format!(":{line}:"))),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("brochures[1].category")
            && e.contains("`kue-basah` is not a category")
            && e.contains("batik, makanan-minuman")),
        "{errors:?}"
    );
}

#[test]
fn a_selection_without_products_still_has_a_cover_and_says_it_is_empty() {
    let catalogue = Catalogue::copy("basic");
    let config = catalogue.read("catalogue.yaml");
    catalogue.write(
        "catalogue.yaml",
        format!(
            "{config}brochures:\n  - slug: kosong\n    title: Kosong\n    curator: Nobody Yet\n"
        ),
    );
    let site = catalogue.build();
    let loaded = etalase::load(catalogue.root()).unwrap();
    let selection = &loaded.catalogue.config.brochures[0];
    assert_eq!(planned_pages(&loaded.catalogue, Some(selection)), 2);
    let doc = site.html("id/brochure/kosong/index.html");
    let sheets = sheets(&doc);
    assert_eq!(sheets.len(), 2);
    assert!(select(&doc, ".print-card").is_empty());
    assert_eq!(
        text(one_in(sheets[1], "p")),
        "Belum ada produk dalam pilihan ini."
    );
    assert_eq!(text(one(&doc, ".cover-count")), "0 produk");
}

/// The lines under a card's text: the shops a buyer can type in, as the card prints them.
fn shop_lines(card: ElementRef) -> Vec<String> {
    select_in(card, ".print-shops li")
        .into_iter()
        .map(text)
        .collect()
}

#[test]
fn cards_print_where_to_buy_as_addresses_to_type_in() {
    let catalogue = Catalogue::copy("basic");
    let onde = "content/producers/onde-onde-bu-sri/producer.yaml";
    let text_before = catalogue.read(onde);
    catalogue.write(
        onde,
        format!("{text_before}shops:\n  tokopedia: https://www.tokopedia.com/ondebusri/\n  website: https://ondebusri.example.id\n"),
    );
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "featured: true",
        "shops:\n  shopee: https://shopee.co.id/batiksekarjagad/batik-tulis-surya\nfeatured: true",
    );
    let site = catalogue.build();
    let loaded = etalase::load(catalogue.root()).unwrap();
    for lang in LANGUAGES {
        let doc = site.html(&format!("{lang}/brochure/index.html"));
        let cards = select(&doc, ".print-card");
        let card_of = |slug: &str| {
            let product = loaded.catalogue.products.iter().find(|p| p.slug == slug);
            let name = name_in(product.unwrap(), lang);
            cards
                .iter()
                .copied()
                .find(|c| text(one_in(*c, ".print-name")) == name)
                .unwrap_or_else(|| panic!("{lang}: no card for {slug}"))
        };
        // A product without listings of its own shows its producer's shops, website too.
        let website = if lang == "id" { "Situs web" } else { "Website" };
        let expected = [
            "Tokopedia tokopedia.com/ondebusri".to_owned(),
            format!("{website} ondebusri.example.id"),
        ];
        for slug in ["onde-onde-isi-10", "sambal-tanpa-foto"] {
            assert_eq!(shop_lines(card_of(slug)), expected, "{lang}: {slug}");
        }
        // A product with its own listing shows that instead of its producer's shops.
        assert_eq!(
            shop_lines(card_of("batik-tulis-surya")),
            ["Shopee shopee.co.id/batiksekarjagad/batik-tulis-surya"],
            "{lang}"
        );
        let names: Vec<String> = select_in(card_of("onde-onde-isi-10"), ".print-shops b")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(names, ["Tokopedia", website], "{lang}: the names stand out");
    }
    // Without shops anywhere, a card has no shop lines at all.
    let plain = build_fixture("basic");
    let doc = plain.html("id/brochure/index.html");
    assert!(select(&doc, ".print-shops").is_empty());
}

/// Limits that split the brochure of a small catalogue: at most 8 products a page.
const SPLIT_AT_8: &str = "{ max_brochure_products: 8 }";

#[test]
fn a_brochure_above_the_limit_is_an_index_of_category_parts_that_hold_every_product_once() {
    // 43 products (3 of the fixture's, 40 more): 28 batik, 15 food. A selection named like a
    // category keeps its parts below its own page, apart from the category's.
    let catalogue = Catalogue::large(40, SPLIT_AT_8);
    let config = catalogue.read("catalogue.yaml");
    catalogue.write(
        "catalogue.yaml",
        format!("{config}brochures:\n  - slug: batik\n    title: {{ id: Pilihan Batik, en: Batik selection }}\n    category: batik\n"),
    );
    let site = catalogue.build();
    let loaded = etalase::load(catalogue.root()).unwrap();
    let c = &loaded.catalogue;
    let selection = &c.config.brochures[0];
    for lang in LANGUAGES {
        let brochures = [
            (format!("{lang}/brochure/index.html"), None),
            (format!("{lang}/brochure/batik/index.html"), Some(selection)),
        ];
        for (index_page, chosen) in brochures {
            let doc = site.html(&index_page);
            assert!(
                sheets(&doc).is_empty(),
                "{index_page}: an index, not sheets"
            );
            let links: Vec<String> = select(&doc, ".brochure-parts a")
                .into_iter()
                .map(|a| resolve_link(&index_page, attr(a, "href")).unwrap())
                .collect();
            let planned = parts(c, chosen);
            let expected: Vec<String> = planned
                .iter()
                .map(|part| format!("{lang}/{}index.html", part_path(c, chosen, *part)))
                .collect();
            assert_eq!(links, expected, "{index_page}: the parts, in order");
            let mut shown = Vec::new();
            for (link, part) in links.iter().zip(&planned) {
                let page = site.html(link);
                assert_eq!(sheets(&page).len(), planned_part_pages(c, chosen, *part));
                let cards = products_shown(link, &page);
                assert!(
                    (1..=8).contains(&cards.len()),
                    "{link}: {} products",
                    cards.len()
                );
                let header = text(select(&page, ".sheet-header h2")[0]);
                let category = c.config.categories[part.category].name.get(lang, "id").text;
                assert!(header.starts_with(category), "{link}: {header}");
                shown.extend(cards);
            }
            let mut wanted: Vec<String> = products(c, chosen)
                .iter()
                .map(|p| format!("{lang}/products/{}/", p.slug))
                .collect();
            wanted.sort();
            shown.sort();
            assert_eq!(shown, wanted, "{index_page}: every product once");
        }
        // The whole catalogue's parts: batik's 28 in four parts of 7, food's 15 in 8 and 7.
        let whole: Vec<String> = parts(c, None)
            .iter()
            .map(|part| part_path(c, None, *part))
            .collect();
        assert_eq!(
            whole,
            [
                "categories/batik/brochure/",
                "categories/batik/brochure/2/",
                "categories/batik/brochure/3/",
                "categories/batik/brochure/4/",
                "categories/makanan-minuman/brochure/",
                "categories/makanan-minuman/brochure/2/",
            ]
        );
    }
}

#[test]
fn a_brochure_at_the_limit_stays_on_one_page() {
    // 3 + 5 = 8 products: exactly the limit.
    let site = Catalogue::large(5, SPLIT_AT_8).build();
    for lang in LANGUAGES {
        let page = format!("{lang}/brochure/index.html");
        let doc = site.html(&page);
        assert_eq!(products_shown(&page, &doc).len(), 8);
        assert!(select(&doc, ".brochure-parts").is_empty());
        assert!(!site.exists(&format!("{lang}/categories/batik/brochure/")));
    }
}
