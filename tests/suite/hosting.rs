//! The host files the build writes, read as each host reads them: Debian's Apache serves the
//! built site with the generated `.htaccess` files, Debian's nginx with the `server` block of
//! docs/publishing.md, and real HTTP requests check every page, the cache lifetimes, content
//! types, the 404 page, the root's language redirect and nginx's precompressed copies.
//! `_headers` and `_redirects` are checked against Netlify's and Cloudflare's documented
//! grammar. The server tests skip, and say so, on a machine without the server; CI installs
//! both.

use std::fs;
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::http::{self, Reply};
use crate::common::*;

const FOREVER: &str = "public, max-age=31536000, immutable";
const SHORT: &str = "public, max-age=300";

/// The basic fixture published at the root of its host, with precompressed copies.
fn published_site() -> (Catalogue, Site) {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "catalogue.yaml",
        "base_url: https://katalog.example.go.id/katalog/",
        "base_url: https://katalog.example.go.id/",
    );
    let settings = catalogue.read("catalogue.yaml");
    catalogue.write("catalogue.yaml", format!("{settings}precompress: true\n"));
    let site = catalogue.build();
    // The servers' workers run as another user: they must be able to read the site.
    readable_by_all(catalogue.parent());
    (catalogue, site)
}

fn readable_by_all(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode));
    }
    let mut up = dir.parent();
    while let Some(parent) =
        up.filter(|p| p.starts_with(std::env::temp_dir()) && *p != std::env::temp_dir())
    {
        let _ = fs::set_permissions(parent, fs::Permissions::from_mode(0o755));
        up = parent.parent();
    }
}

fn program(name: &str) -> Option<PathBuf> {
    ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        .iter()
        .map(|dir| Path::new(dir).join(name))
        .find(|path| path.is_file())
}

fn is_root() -> bool {
    // SAFETY-free: the uid of the process, read from /proc.
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("Uid:"))
                .and_then(|ids| ids.split_whitespace().next().map(|id| id == "0"))
        })
        .unwrap_or(false)
}

/// A free port on 127.0.0.1, as the OS hands it out.
fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

/// A server process, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Server {
    fn start(mut command: Command, port: u16, log: PathBuf) -> Server {
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let mut server = Server { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                let mut stderr = String::new();
                if let Some(mut pipe) = server.child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
                }
                panic!(
                    "the server stopped ({status}): {stderr}\n{}",
                    server.errors()
                );
            }
            assert!(
                Instant::now() < deadline,
                "the server did not listen: {}",
                server.errors()
            );
            thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn errors(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn get(&self, path: &str) -> Reply {
        http::get(self.port, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn apache(site: &Path, work: &Path) -> Option<Server> {
    let Some(binary) = program("apache2") else {
        eprintln!("skipped: Apache (apache2) is not installed; CI installs it");
        return None;
    };
    let port = free_port();
    let modules = "/usr/lib/apache2/modules";
    let user = if is_root() {
        "User www-data\nGroup www-data\n"
    } else {
        ""
    };
    let config = format!(
        "ServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {work}/apache.pid\nDefaultRuntimeDir {work}\nErrorLog {work}/error.log\nLogLevel warn\n{user}\
         LoadModule mpm_event_module {modules}/mod_mpm_event.so\n\
         LoadModule authz_core_module {modules}/mod_authz_core.so\n\
         LoadModule dir_module {modules}/mod_dir.so\n\
         LoadModule mime_module {modules}/mod_mime.so\n\
         LoadModule headers_module {modules}/mod_headers.so\n\
         LoadModule rewrite_module {modules}/mod_rewrite.so\n\
         TypesConfig /etc/mime.types\nDirectoryIndex index.html\nDocumentRoot \"{site}\"\n\
         <Directory \"{site}\">\n  AllowOverride All\n  Require all granted\n</Directory>\n",
        work = work.display(),
        site = site.display(),
    );
    let file = work.join("apache.conf");
    fs::write(&file, config).unwrap();
    let mut command = Command::new(binary);
    command.arg("-f").arg(&file).arg("-DFOREGROUND");
    Some(Server::start(command, port, work.join("error.log")))
}

/// The `server` block of docs/publishing.md, on `port`, serving `site`.
fn documented_nginx_block(site: &Path, port: u16) -> String {
    let doc = fs::read_to_string(repo_root().join("docs/publishing.md")).unwrap();
    let start = doc
        .find("```nginx\n")
        .expect("docs/publishing.md shows an nginx block")
        + 9;
    let block = &doc[start..start + doc[start..].find("```").unwrap()];
    assert!(block.contains("    listen 80;\n") && block.contains("    root /var/www/katalog;\n"));
    block
        .replace(
            "    listen 80;\n",
            &format!("    listen 127.0.0.1:{port};\n"),
        )
        .replace(
            "    root /var/www/katalog;\n",
            &format!("    root {};\n", site.display()),
        )
}

fn nginx(site: &Path, work: &Path) -> Option<Server> {
    let Some(binary) = program("nginx") else {
        eprintln!("skipped: nginx is not installed; CI installs it");
        return None;
    };
    let port = free_port();
    let user = if is_root() {
        "user www-data www-data;\n"
    } else {
        ""
    };
    let w = work.display();
    let config = format!(
        "{user}daemon off;\nworker_processes 1;\npid {w}/nginx.pid;\nerror_log {w}/error.log warn;\nevents {{ worker_connections 64; }}\n\
         http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n\
           client_body_temp_path {w}/body;\n  proxy_temp_path {w}/proxy;\n  fastcgi_temp_path {w}/fastcgi;\n  uwsgi_temp_path {w}/uwsgi;\n  scgi_temp_path {w}/scgi;\n\
         {block}\n}}\n",
        block = documented_nginx_block(site, port),
    );
    let file = work.join("nginx.conf");
    fs::write(&file, config).unwrap();
    let mut command = Command::new(binary);
    command.arg("-c").arg(&file).arg("-p").arg(work);
    Some(Server::start(command, port, work.join("error.log")))
}

/// The URL path of each page of the site: `id/products/x/index.html` → `/id/products/x/`.
fn page_paths(site: &Site) -> Vec<(String, String)> {
    site.html_files()
        .into_iter()
        .filter(|file| file != "404.html")
        .map(|file| {
            let path = format!("/{}", file.strip_suffix("index.html").unwrap_or(&file));
            (path, file)
        })
        .collect()
}

fn first_file(site: &Site, wanted: impl Fn(&str) -> bool) -> String {
    site.files()
        .into_iter()
        .find(|file| wanted(file))
        .unwrap_or_else(|| panic!("no such file in the site"))
}

/// What every host must do with the site, checked with real requests.
fn serves_the_site_right(server: &Server, site: &Site, xml_types: &[&str]) {
    for (path, file) in page_paths(site) {
        let reply = server.get(&path);
        assert_eq!(reply.status, 200, "GET {path}: {}", reply.headers);
        assert_eq!(reply.bytes, site.bytes(&file), "GET {path} is {file}");
    }

    let photo = first_file(site, |f| f.starts_with("media/") && f.ends_with(".webp"));
    let style = first_file(site, |f| {
        f.starts_with("assets/style.") && f.ends_with(".css")
    });
    for file in [&photo, &style] {
        let reply = server.get(&format!("/{file}"));
        assert_eq!(reply.status, 200, "{file}");
        assert_eq!(
            reply.header("Cache-Control").as_deref(),
            Some(FOREVER),
            "{file}: {}",
            reply.headers
        );
    }
    let page = server.get("/id/");
    assert_eq!(
        page.header("Cache-Control").as_deref(),
        Some(SHORT),
        "{}",
        page.headers
    );
    assert_eq!(
        page.header("X-Content-Type-Options").as_deref(),
        Some("nosniff")
    );

    let content_type = |path: &str| -> String {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "GET {path}");
        reply.header("Content-Type").unwrap_or_default()
    };
    let type_only = |value: String| {
        value
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    assert_eq!(type_only(content_type(&format!("/{photo}"))), "image/webp");
    assert_eq!(type_only(content_type(&format!("/{style}"))), "text/css");
    let qr = first_file(site, |f| f.ends_with("qr.svg"));
    assert_eq!(type_only(content_type(&format!("/{qr}"))), "image/svg+xml");
    let sitemap = type_only(content_type("/sitemap.xml"));
    assert!(
        xml_types.contains(&sitemap.as_str()),
        "sitemap.xml is {sitemap}"
    );
    assert_eq!(
        type_only(content_type("/id/products/search/index.json")),
        "application/json"
    );
    assert_eq!(type_only(content_type("/id/feeds/meta.csv")), "text/csv");
    assert!(content_type("/id/").starts_with("text/html"));

    let missing = server.get("/id/products/no-such-product/");
    assert_eq!(missing.status, 404, "{}", missing.headers);
    assert_eq!(
        missing.bytes,
        site.bytes("404.html"),
        "the 404 page is etalase's"
    );

    let asks = |language: &str| http::request(server.port, "/", &[("Accept-Language", language)]);
    for (language, to) in [
        ("en-US,en;q=0.9", "/en/"),
        ("id-ID,id;q=0.9,en;q=0.8", "/id/"),
    ] {
        let reply = asks(language);
        assert_eq!(reply.status, 302, "{language}: {}", reply.headers);
        let location = reply.header("Location").unwrap_or_default();
        assert!(location.ends_with(to), "{language} → {location}");
    }
    let other = asks("fr-FR,fr;q=0.9");
    assert_eq!(
        other.status, 200,
        "a language the catalogue lacks gets the chooser"
    );
    assert_eq!(other.bytes, site.bytes("index.html"));
}

#[test]
fn apache_serves_the_site_with_the_generated_htaccess() {
    let (catalogue, site) = published_site();
    let work = catalogue.parent().join("apache");
    fs::create_dir_all(&work).unwrap();
    let Some(server) = apache(site.path(), &work) else {
        return;
    };
    serves_the_site_right(&server, &site, &["application/xml"]);
    assert!(
        server
            .errors()
            .lines()
            .all(|line| !line.contains(":error]")),
        "{}",
        server.errors()
    );
}

#[test]
fn nginx_serves_the_site_with_the_documented_server_block() {
    let (catalogue, site) = published_site();
    let work = catalogue.parent().join("nginx");
    fs::create_dir_all(&work).unwrap();
    let Some(server) = nginx(site.path(), &work) else {
        return;
    };
    serves_the_site_right(&server, &site, &["text/xml", "application/xml"]);

    // precompress: true wrote the copies; nginx sends the .gz one to a browser that takes it.
    let page = "id/products/batik-tulis-surya/index.html";
    let gzipped = http::request_http11(
        server.port,
        "/id/products/batik-tulis-surya/",
        &[("Accept-Encoding", "gzip")],
    );
    assert_eq!(
        gzipped.header("Content-Encoding").as_deref(),
        Some("gzip"),
        "{}",
        gzipped.headers
    );
    assert_eq!(gzipped.bytes, site.bytes(&format!("{page}.gz")));
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&gzipped.bytes[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, site.bytes(page));
    let plain = server.get("/id/products/batik-tulis-surya/");
    assert_eq!(plain.header("Content-Encoding"), None);
}

#[test]
fn precompressed_copies_hold_exactly_the_text_files() {
    let (_catalogue, site) = published_site();
    let files = site.files();
    for file in files.iter().filter(|f| {
        f.ends_with(".html") || f.ends_with(".css") || f.ends_with(".xml") || f.ends_with(".json")
    }) {
        let original = site.bytes(file);
        let mut from_gzip = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&site.bytes(&format!("{file}.gz"))[..]),
            &mut from_gzip,
        )
        .unwrap_or_else(|e| panic!("{file}.gz: {e}"));
        assert_eq!(from_gzip, original, "{file}.gz");
        let mut from_brotli = Vec::new();
        brotli::BrotliDecompress(
            &mut &site.bytes(&format!("{file}.br"))[..],
            &mut from_brotli,
        )
        .unwrap_or_else(|e| panic!("{file}.br: {e}"));
        assert_eq!(from_brotli, original, "{file}.br");
    }
    assert!(
        !files
            .iter()
            .any(|f| (f.ends_with(".webp") || f.ends_with(".jpg"))
                && files.contains(&format!("{f}.gz"))),
        "photos are not compressed again"
    );
    // Without the setting there are none.
    let plain = basic();
    assert!(!plain
        .files()
        .iter()
        .any(|f| f.ends_with(".gz") || f.ends_with(".br")));
}

/// `_headers` as Netlify and Cloudflare Pages document it: `#` comments; blocks of a path (from
/// `/`, or an `https://` URL) with at most one `*` splat, followed by indented `Name: value`
/// lines whose name is an HTTP token; at most 100 rules and 2,000 characters a line
/// (Cloudflare's limits). Both merge the headers of every rule a path matches, so no header
/// may be set twice for one file of the site.
#[test]
fn headers_and_redirects_follow_the_hosts_grammar() {
    let site = basic();
    let text = site.text("_headers");
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let at = format!("_headers line {}: {line:?}", number + 1);
        assert!(line.len() <= 2000, "{at}: too long");
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            let (name, value) = line
                .trim()
                .split_once(':')
                .unwrap_or_else(|| panic!("{at}: no `:`"));
            let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
            assert!(
                !name.is_empty() && name.chars().all(token),
                "{at}: bad header name"
            );
            assert!(
                !value.trim().is_empty() && value.chars().all(|c| !c.is_control()),
                "{at}: bad value"
            );
            rules
                .last_mut()
                .unwrap_or_else(|| panic!("{at}: a header before any path"))
                .1
                .push((name.to_owned(), value.trim().to_owned()));
        } else {
            assert!(
                line.starts_with('/') || line.starts_with("https://"),
                "{at}: a path must start with / or https://"
            );
            assert!(line.matches('*').count() <= 1, "{at}: more than one splat");
            assert!(
                !line.contains(char::is_whitespace),
                "{at}: a path has no spaces"
            );
            rules.push((line.to_owned(), Vec::new()));
        }
    }
    assert!(
        !rules.is_empty() && rules.len() <= 100,
        "{} rules",
        rules.len()
    );
    assert!(
        rules.iter().all(|(_, headers)| !headers.is_empty()),
        "a rule without headers"
    );

    let base = "/katalog/";
    let matches = |pattern: &str, path: &str| match pattern.split_once('*') {
        Some((before, after)) => path.starts_with(before) && path.ends_with(after),
        None => pattern == path,
    };
    for file in site.files() {
        let path = format!("{base}{file}");
        let mut set: Vec<&str> = rules
            .iter()
            .filter(|(pattern, _)| matches(pattern, &path))
            .flat_map(|(_, headers)| headers.iter().map(|(name, _)| name.as_str()))
            .collect();
        set.sort_unstable();
        let count = set.len();
        set.dedup();
        assert_eq!(
            set.len(),
            count,
            "{path} gets a header from two rules: {set:?}"
        );
        if file.starts_with("media/") || file.starts_with("assets/") {
            let cache = rules
                .iter()
                .filter(|(p, _)| matches(p, &path))
                .flat_map(|(_, h)| h)
                .find(|(n, _)| n == "Cache-Control");
            assert_eq!(cache.map(|(_, v)| v.as_str()), Some(FOREVER), "{path}");
        }
    }

    // `_redirects`: source, destination, status (Netlify's `!` forces it over the existing
    // root page) and a Language condition; one line per language, to a page that exists.
    let redirects = site.text("_redirects");
    let lines: Vec<Vec<&str>> = redirects
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(lines.len(), 2, "{redirects}");
    for (fields, lang) in lines.iter().zip(["id", "en"]) {
        assert_eq!(
            fields.as_slice(),
            [
                base,
                &format!("{base}{lang}/"),
                "302!",
                &format!("Language={lang}")
            ]
        );
        assert!(site.exists(&format!("{lang}/index.html")));
    }
}

/// A catalogue's own style.css replaces the theme's, and pages link its versioned copy.
#[test]
fn a_catalogues_own_styles_get_their_own_versioned_name() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write("static/style.css", "body { color: teal }\n");
    let site = catalogue.build();
    let doc = site.html("id/index.html");
    let href = attr(one(&doc, "link[rel=stylesheet]"), "href").to_owned();
    let file = resolve_link("id/index.html", &href).unwrap();
    assert_eq!(site.text(&file), "body { color: teal }\n");
    assert_eq!(
        file,
        format!(
            "assets/style.{}.css",
            &blake3::hash(b"body { color: teal }\n").to_hex()[..10]
        )
    );
    assert_eq!(
        site.text("style.css"),
        "body { color: teal }\n",
        "the plain copy stays for own templates"
    );
}
