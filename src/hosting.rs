//! What static hosts need besides the pages to serve the site right, written with every build:
//! `_headers` and `_redirects` (Netlify, Cloudflare Pages), `.htaccess` (Apache, and the
//! cPanel shared hosting many offices rent), one more `.htaccess` in each folder of versioned
//! files. `docs/publishing.md` holds the same rules for nginx; the tests serve the sample with
//! Debian's Apache and nginx and check each rule with real requests.
//!
//! The rules, for every host:
//! - `media/` (photos named after their content) and `assets/` (styles and scripts named after
//!   theirs, see `theme::Assets`) never change under a name: cached for a year, `immutable`.
//! - Everything else (pages, feeds, the search index) may change with the next build: cached
//!   for five minutes, so an edit reaches readers soon without every visit asking again.
//! - Missing paths get `404.html` with status 404.
//! - The root sends a browser that asks for one of the catalogue's languages straight to it,
//!   where the host can read `Accept-Language` (Netlify, Apache, nginx); elsewhere the root
//!   page lets the reader choose.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::output::SiteWriter;
use crate::theme::ASSETS_DIR;

/// Where photos are written (`media/<name>-<hash>-<width>.<ext>`).
pub const MEDIA_DIR: &str = "media";

/// `Cache-Control` of files that never change under their name.
pub const FOREVER: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of everything else.
pub const SHORT: &str = "public, max-age=300";

/// Writes the host files into the site root.
pub fn write(config: &Config, out: &dyn SiteWriter) -> Result<(), Diagnostic> {
    out.write_page("_headers", headers(config).as_bytes())?;
    out.write_page("_redirects", redirects(config).as_bytes())?;
    out.write_page(".htaccess", htaccess(config).as_bytes())?;
    for dir in [MEDIA_DIR, ASSETS_DIR] {
        out.write_page(&format!("{dir}/.htaccess"), versioned_htaccess().as_bytes())?;
    }
    Ok(())
}

/// Netlify's and Cloudflare Pages' `_headers`: both merge the headers of every rule a path
/// matches, so no two rules here set the same header for one path. Pages keep the host's own
/// short default.
pub fn headers(config: &Config) -> String {
    let base = &config.base_path;
    let mut text = String::from(
        "# Written by etalase with every build: how Netlify and Cloudflare Pages serve this site.\n",
    );
    text.push_str(&format!("{base}*\n  X-Content-Type-Options: nosniff\n"));
    for dir in [MEDIA_DIR, ASSETS_DIR] {
        text.push_str(&format!("{base}{dir}/*\n  Cache-Control: {FOREVER}\n"));
    }
    text
}

/// Netlify's `_redirects`: the root to the reader's language. A line with a `Language=`
/// condition is one Cloudflare Pages ignores, by its documented rule for lines it cannot
/// read, so the file is safe there too.
pub fn redirects(config: &Config) -> String {
    let base = &config.base_path;
    let mut text = String::from(
        "# Written by etalase with every build: the root sends a browser to the language it asks for\n# (Netlify; other hosts show the root page, which lets the reader choose).\n",
    );
    for lang in &config.languages {
        text.push_str(&format!("{base}  {base}{lang}/  302!  Language={lang}\n"));
    }
    text
}

/// Apache's (and cPanel's) `.htaccess` for the site root. Each block is wrapped in
/// `<IfModule>`, so a host without that module serves the site all the same.
pub fn htaccess(config: &Config) -> String {
    let base = &config.base_path;
    let mut text = String::from(
        "# Written by etalase with every build: how Apache (and cPanel hosting) serves this site.\n",
    );
    text.push_str(&format!("ErrorDocument 404 {base}404.html\n"));
    text.push_str(concat!(
        "<IfModule mod_mime.c>\n",
        "  AddType image/webp .webp\n",
        "  AddType image/avif .avif\n",
        "  AddType image/svg+xml .svg\n",
        "  AddType application/xml .xml\n",
        "  AddType application/json .json\n",
        "  AddType application/manifest+json .webmanifest\n",
        "  AddType text/csv .csv\n",
        "  AddCharset utf-8 .html .css .js .json .xml .csv .txt .svg .webmanifest\n",
        "</IfModule>\n",
    ));
    text.push_str(&format!(
        "<IfModule mod_headers.c>\n  Header set X-Content-Type-Options \"nosniff\"\n  Header set Cache-Control \"{SHORT}\"\n</IfModule>\n"
    ));
    text.push_str("<IfModule mod_rewrite.c>\n  RewriteEngine On\n");
    for lang in &config.languages {
        text.push_str(&format!(
            "  RewriteCond %{{HTTP:Accept-Language}} ^{lang}\\b [NC]\n  RewriteRule ^$ %{{REQUEST_URI}}{lang}/ [R=302,L]\n"
        ));
    }
    text.push_str("</IfModule>\n<IfModule mod_headers.c>\n  <Files \"index.html\">\n    Header append Vary Accept-Language\n  </Files>\n</IfModule>\n");
    text
}

/// The `.htaccess` of `media/` and `assets/`: overrides the root's short lifetime.
fn versioned_htaccess() -> String {
    format!(
        "# Written by etalase: these files never change under their name.\n<IfModule mod_headers.c>\n  Header set Cache-Control \"{FOREVER}\"\n</IfModule>\n"
    )
}
