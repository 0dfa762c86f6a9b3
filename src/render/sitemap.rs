//! `sitemap.xml` (every page in every language, with its language twins) and `robots.txt`.
//! A catalogue whose pages do not fit one sitemap file (the protocol's 50,000 URLs, or
//! `limits.max_feed_file_kb`) gets numbered files `sitemap-1.xml`, `sitemap-2.xml`, … and a
//! `sitemap.xml` that is their index, so `robots.txt` and a registered address stay the same.

use std::fmt::Write;

use rayon::prelude::*;

use super::split::{self, Budget};
use super::templates::escape_html as escape;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::Catalogue;
use crate::output::SiteWriter;

/// The sitemap file: the only one, or the index of the numbered ones.
pub const SITEMAP_FILE: &str = "sitemap.xml";
/// The most URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;
/// The most bytes one sitemap file may have uncompressed (sitemaps.org: 50 MiB).
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const TAIL: &str = "</urlset>\n";

/// Writes the sitemap file(s) and `robots.txt`; `twins` are language-independent page paths
/// such as `products/x/`.
pub fn write(
    catalogue: &Catalogue,
    twins: &[String],
    out: &dyn SiteWriter,
) -> Result<(), Diagnostic> {
    let config = &catalogue.config;
    each_file(config, twins, budget(config), |name, xml| {
        out.write_page(&name, xml.as_bytes())
    })?;
    let base = &config.base_url;
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {base}/{SITEMAP_FILE}\n");
    out.write_page("robots.txt", robots.as_bytes())
}

/// The protocol's limits, or the catalogue's smaller byte limit.
fn budget(config: &Config) -> Budget {
    Budget {
        max_bytes: config.limits.max_feed_file_bytes.min(MAX_BYTES),
        max_entries: MAX_URLS,
    }
}

/// Every sitemap file with its name: `sitemap.xml` alone, or the index and its parts.
#[cfg(test)]
fn files(config: &Config, twins: &[String], budget: Budget) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let _ = each_file(config, twins, budget, |name, xml| {
        files.push((name, xml));
        Ok::<(), ()>(())
    });
    files
}

/// Hands each sitemap file to `emit` as soon as it is made, the index first. The `<url>`s are
/// made twice, once to measure them and once per file, rather than kept: at 100,000 products
/// they are 454,000 strings of about 520 bytes (118 MB of sitemap), each grown past the 400
/// bytes it started with, and all of them and all the files were alive at the end of the build
/// beside the catalogue: the memory of a 10,000-product build rose by 30 MB there (RSS sampled
/// every 0.25 s; "Province scale: the build" in docs/benchmarks.md).
fn each_file<E>(
    config: &Config,
    twins: &[String],
    budget: Budget,
    mut emit: impl FnMut(String, String) -> Result<(), E>,
) -> Result<(), E> {
    let languages = &config.languages;
    let entry = |i: usize| {
        url(
            config,
            &languages[i % languages.len()],
            &twins[i / languages.len()],
        )
    };
    let count = twins.len() * languages.len();
    let sizes: Vec<usize> = (0..count).into_par_iter().map(|i| entry(i).len()).collect();
    let ranges = split::parts(&sizes, HEAD.len() + TAIL.len(), budget);
    let urlset = |range: std::ops::Range<usize>| {
        let entries: Vec<String> = range.clone().into_par_iter().map(entry).collect();
        let mut xml = String::with_capacity(sizes[range].iter().sum::<usize>() + 300);
        xml.push_str(HEAD);
        entries.iter().for_each(|entry| xml.push_str(entry));
        xml.push_str(TAIL);
        xml
    };
    if ranges.len() == 1 {
        return emit(SITEMAP_FILE.to_owned(), urlset(0..count));
    }
    let names: Vec<String> = (1..=ranges.len())
        .map(|n| format!("sitemap-{n}.xml"))
        .collect();
    emit(SITEMAP_FILE.to_owned(), index(config, &names))?;
    for (name, range) in names.into_iter().zip(ranges) {
        emit(name, urlset(range))?;
    }
    Ok(())
}

/// The `<url>` of one page in `lang`, with its twins in every language.
fn url(config: &Config, lang: &str, twin: &str) -> String {
    let mut xml = String::with_capacity(400);
    let _ = writeln!(
        xml,
        "  <url>\n    <loc>{}</loc>",
        escape(&format!("{}/{lang}/{twin}", config.base_url))
    );
    for other in &config.languages {
        let href = format!("{}/{other}/{twin}", config.base_url);
        let _ = writeln!(
            xml,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\"/>",
            escape(&href)
        );
    }
    let default = format!("{}/{}/{twin}", config.base_url, config.default_language());
    let _ = writeln!(
        xml,
        "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>",
        escape(&default)
    );
    xml
}

/// The sitemap index: the parts, beside it at the site's root as the protocol asks. No
/// `lastmod`: it would be the day of the build, and the output stays the same for the same
/// catalogue.
fn index(config: &Config, names: &[String]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for name in names {
        let _ = writeln!(
            xml,
            "  <sitemap><loc>{}</loc></sitemap>",
            escape(&format!("{}/{name}", config.base_url))
        );
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let yaml = "title: { id: Katalog, en: Catalogue }\nbase_url: https://example.id\nlanguages: [id, en]\npublisher: { name: Dinas }\ncategories:\n  - { slug: batik, name: Batik }\n";
        Config::parse(yaml, &mut crate::diagnostic::Diagnostics::default()).unwrap()
    }

    #[test]
    fn the_limits_are_the_protocols() {
        assert_eq!(MAX_URLS, 50_000);
        assert_eq!(MAX_BYTES, 52_428_800);
        // The catalogue's default byte limit is below the protocol's, and wins.
        let config = config();
        assert_eq!(budget(&config).max_entries, 50_000);
        assert_eq!(budget(&config).max_bytes, 20_000 * 1024);
    }

    #[test]
    fn fifty_thousand_urls_make_one_file_and_one_more_an_index_of_two() {
        let config = config();
        let per_lang =
            |n: usize| -> Vec<String> { (0..n).map(|i| format!("products/p{i}/")).collect() };
        let langs = config.languages.len();
        let loose = Budget {
            max_bytes: u64::MAX,
            max_entries: MAX_URLS,
        };
        let one = files(&config, &per_lang(MAX_URLS / langs), loose);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "sitemap.xml");
        assert_eq!(one[0].1.matches("<loc>").count(), MAX_URLS);
        let more = files(&config, &per_lang(MAX_URLS / langs + 1), loose);
        let names: Vec<&str> = more.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(more[0].1.contains("<sitemapindex"));
        assert_eq!(more[1].1.matches("<loc>").count(), MAX_URLS);
        assert_eq!(more[2].1.matches("<loc>").count(), langs);
    }
}
