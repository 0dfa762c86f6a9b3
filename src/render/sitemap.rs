//! `sitemap.xml` (every page in every language, with its language twins) and `robots.txt`.

use std::fmt::Write;

use super::templates::escape_html as escape;

use crate::diagnostic::Diagnostic;
use crate::model::Catalogue;
use crate::output::SiteWriter;

/// Writes both files; `twins` are language-independent page paths such as `products/x/`.
pub fn write(
    catalogue: &Catalogue,
    twins: &[String],
    out: &dyn SiteWriter,
) -> Result<(), Diagnostic> {
    let base = &catalogue.config.base_url;
    out.write_page("sitemap.xml", sitemap(catalogue, twins).as_bytes())?;
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n");
    out.write_page("robots.txt", robots.as_bytes())
}

fn sitemap(catalogue: &Catalogue, twins: &[String]) -> String {
    let config = &catalogue.config;
    let mut xml = String::with_capacity(twins.len() * config.languages.len() * 400);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for twin in twins {
        for lang in &config.languages {
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
        }
    }
    xml.push_str("</urlset>\n");
    xml
}
