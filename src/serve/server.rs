//! The HTTP/1.1 server under `etalase serve`, on the standard library and `httparse`: a
//! thread per connection (at most [`MAX_CONNECTIONS`] at once), each request answered in the
//! order it came, kept-alive connections read until the client closes them or they idle too
//! long. What a client may send is capped in size and in time, so a client that connects and
//! sends nothing, or sends a head that never ends, holds one thread and one bounded buffer for
//! a bounded time. Only GET and HEAD; what a path means is the site's business ([`Site`]).
//!
//! It replaces tiny_http, which now and then never took up a request a browser had sent on a
//! kept-alive connection (a page whose `load` never fired), read heads without a size or time
//! limit, and gave every idle connection a thread for as long as the client liked.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

/// The most a request's head (request line and headers) may take. Chromium's heads are under
/// 1 KiB; cookies other programs on localhost set can add a few KiB; nginx allows 8 KiB a
/// line, Node 16 KiB a head. Past it: 431 and the connection closed.
const MAX_HEAD: usize = 64 * 1024;
/// The header lines a head may have (Chromium sends about 15); more is answered 431.
const MAX_HEADERS: usize = 64;
/// How long a request's head may take to arrive once its first byte has: a head trickled
/// in byte by byte cannot keep a thread longer.
const HEAD_TIME: Duration = Duration::from_secs(10);
/// How long a connection may wait for its first request, or between two. Browsers open
/// connections ahead of need and send a request on one again when an idle one was closed.
const IDLE_TIME: Duration = Duration::from_secs(30);
/// How long one write may wait for a client that does not read.
const WRITE_TIME: Duration = Duration::from_secs(30);
/// Connections served at once. A browser opens six per host, plus one per open page for the
/// reload events; beyond the limit the server waits for one to end (an idle one does within
/// [`IDLE_TIME`]) before it takes up another.
pub const MAX_CONNECTIONS: usize = 512;
/// What is read from the socket at a time while a head comes in.
const READ_CHUNK: usize = 8 * 1024;
/// What is still read (and dropped) after a last answer, so the client gets the answer
/// rather than a reset for the bytes it sent that were never read.
const DRAIN_AFTER_CLOSE: usize = 64 * 1024;

/// A request the server took up, as the site sees it.
pub struct Request<'a> {
    /// The path of the request target, with its query, as sent (still percent-encoded).
    pub target: &'a str,
    /// HEAD: the answer's head is sent without its body.
    pub head_only: bool,
}

/// What answers a request.
pub trait Site: Send + Sync + 'static {
    fn respond(&self, request: &Request) -> Reply;
}

/// A site's answer.
pub enum Reply {
    Whole(Response),
    /// A stream that goes on while the client listens (server-sent events): given the
    /// connection, it writes its own head; the connection closes when it returns.
    Stream(Streamer),
}

/// Writes a stream to the connection it is given until the client goes away.
pub type Streamer = Box<dyn FnOnce(&mut dyn Write) + Send>;

/// A whole answer: status, headers and body; the server adds Date, Content-Length and
/// Connection.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_owned())],
            body,
        }
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

/// Answers the connections `listener` accepts, from threads of their own, until the process
/// ends.
pub fn start(listener: TcpListener, site: Arc<dyn Site>) -> io::Result<()> {
    let slots = Arc::new(Slots::new(MAX_CONNECTIONS));
    thread::Builder::new()
        .name("serve-accept".to_owned())
        .spawn(move || accept_forever(&listener, &site, &slots))?;
    Ok(())
}

fn accept_forever(listener: &TcpListener, site: &Arc<dyn Site>, slots: &Arc<Slots>) {
    loop {
        let slot = Slots::take(slots);
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file handles, or a connection reset before it was taken up: the
                // next accept may work; a short pause keeps this loop from spinning.
                thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let site = Arc::clone(site);
        // When no thread can be made, the closure is dropped: the connection closes and the
        // slot is free again.
        let _ = thread::Builder::new()
            .name("serve-connection".to_owned())
            .spawn(move || {
                let _slot = slot;
                serve_connection(stream, site.as_ref());
            });
    }
}

/// Counts the connections being served; [`Slots::take`] waits while all are taken.
struct Slots {
    taken: Mutex<usize>,
    freed: Condvar,
    limit: usize,
}

/// One connection's place; gives it back when dropped.
struct Slot(Arc<Slots>);

impl Slots {
    fn new(limit: usize) -> Slots {
        Slots {
            taken: Mutex::new(0),
            freed: Condvar::new(),
            limit,
        }
    }

    fn take(slots: &Arc<Slots>) -> Slot {
        let taken = slots.taken.lock().unwrap_or_else(|e| e.into_inner());
        let mut taken = slots
            .freed
            .wait_while(taken, |n| *n >= slots.limit)
            .unwrap_or_else(|e| e.into_inner());
        *taken += 1;
        Slot(Arc::clone(slots))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut taken = self.0.taken.lock().unwrap_or_else(|e| e.into_inner());
        *taken = taken.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

/// Reads requests from one connection and answers each, until it closes.
fn serve_connection(mut stream: TcpStream, site: &dyn Site) {
    // Small answers go out at once instead of waiting for the client's acknowledgement.
    let _ = stream.set_nodelay(true);
    if stream.set_write_timeout(Some(WRITE_TIME)).is_err() {
        return;
    }
    // Bytes read but not yet used: the start of the next request when the client sent
    // several without waiting (pipelining).
    let mut pending = Vec::new();
    loop {
        let head = match read_head(&mut stream, &mut pending) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(refusal) => {
                let response = refusal.response();
                let _ = write_response(&mut stream, &response, false, false);
                close_gently(stream);
                return;
            }
        };
        if !matches!(head.method, Method::Get | Method::Head) {
            let response = Response::new(405, "text/plain; charset=utf-8", Vec::new())
                .with_header("Allow", "GET, HEAD");
            let _ = write_response(&mut stream, &response, false, false);
            close_gently(stream);
            return;
        }
        let request = Request {
            target: &head.target,
            head_only: head.method == Method::Head,
        };
        // A body on a GET is allowed but means nothing here; rather than skip it, the
        // connection ends after the answer.
        let keep_alive = head.keep_alive && !head.has_body;
        match site.respond(&request) {
            Reply::Whole(response) => {
                let sent = write_response(&mut stream, &response, request.head_only, keep_alive);
                if sent.is_err() {
                    return;
                }
            }
            Reply::Stream(stream_to) => {
                stream_to(&mut stream);
                return;
            }
        }
        if !keep_alive {
            close_gently(stream);
            return;
        }
    }
}

/// Sends the final answer, then reads (and drops) what the client still sends for a moment,
/// so that its unread bytes do not turn the close into a reset that loses the answer.
fn close_gently(mut stream: TcpStream) {
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let mut chunk = [0u8; READ_CHUNK];
    let mut drained = 0;
    while drained < DRAIN_AFTER_CLOSE {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Head,
    Other,
}

/// A request's head, as far as the server needs it.
#[derive(Debug)]
struct Head {
    method: Method,
    target: String,
    /// The client will send another request on this connection.
    keep_alive: bool,
    /// A body follows the head (Content-Length above 0, or Transfer-Encoding).
    has_body: bool,
}

/// Why a request is answered with an error and its connection closed.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// Not HTTP/1.x as far as the parser can tell.
    Malformed,
    /// Longer than [`MAX_HEAD`], or more than [`MAX_HEADERS`] header lines.
    TooLarge,
    /// Not all there within [`HEAD_TIME`].
    TooSlow,
}

impl Refusal {
    fn response(&self) -> Response {
        let status = match self {
            Refusal::Malformed => 400,
            Refusal::TooLarge => 431,
            Refusal::TooSlow => 408,
        };
        Response::new(status, "text/plain; charset=utf-8", Vec::new())
    }
}

/// A connection whose reads can be given a time limit (a socket; a stand-in in the tests).
trait Source: Read {
    fn limit_reads(&mut self, time: Duration) -> io::Result<()>;
}

impl Source for TcpStream {
    fn limit_reads(&mut self, time: Duration) -> io::Result<()> {
        // A zero timeout is refused by the socket; a millisecond is as good as none left.
        self.set_read_timeout(Some(time.max(Duration::from_millis(1))))
    }
}

/// Reads the next request's head, starting with the bytes in `pending`; leaves there what
/// follows it. `None`: the client closed the connection or let it idle for [`IDLE_TIME`].
fn read_head(source: &mut impl Source, pending: &mut Vec<u8>) -> Result<Option<Head>, Refusal> {
    let idle_until = Instant::now() + IDLE_TIME;
    let mut head_until = None;
    let mut chunk = [0u8; READ_CHUNK];
    loop {
        if !pending.is_empty() {
            head_until.get_or_insert_with(|| Instant::now() + HEAD_TIME);
            if let Some((head, used)) = parse_head(pending)? {
                pending.drain(..used);
                return Ok(Some(head));
            }
            if pending.len() >= MAX_HEAD {
                return Err(Refusal::TooLarge);
            }
        }
        let until = head_until.unwrap_or(idle_until);
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || source.limit_reads(left).is_err() {
            return match head_until {
                Some(_) => Err(Refusal::TooSlow),
                None => Ok(None),
            };
        }
        let room = READ_CHUNK.min(MAX_HEAD - pending.len());
        match source.read(&mut chunk[..room]) {
            // Closed mid-head: nobody is left to answer.
            Ok(0) => return Ok(None),
            Ok(n) => pending.extend_from_slice(&chunk[..n]),
            Err(error) => match error.kind() {
                // The time left is checked at the top of the loop.
                io::ErrorKind::Interrupted
                | io::ErrorKind::WouldBlock
                | io::ErrorKind::TimedOut => {}
                _ => return Ok(None),
            },
        }
    }
}

/// The head at the start of `bytes` and its length, or `None` while it is incomplete.
fn parse_head(bytes: &[u8]) -> Result<Option<(Head, usize)>, Refusal> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let used = match request.parse(bytes) {
        Ok(httparse::Status::Complete(used)) => used,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(Refusal::TooLarge),
        Err(_) => return Err(Refusal::Malformed),
    };
    let (Some(method), Some(target), Some(minor)) = (request.method, request.path, request.version)
    else {
        return Err(Refusal::Malformed);
    };
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        _ => Method::Other,
    };
    let headers = &*request.headers;
    let connection: Vec<String> = values(headers, "Connection")
        .into_iter()
        .flat_map(|v| {
            v.split(',')
                .map(|t| t.trim().to_ascii_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    // HTTP/1.1 keeps a connection unless told to close it; HTTP/1.0 closes it unless told
    // to keep it (RFC 9112 9.3).
    let keep_alive = if minor >= 1 {
        !connection.iter().any(|t| t == "close")
    } else {
        connection.iter().any(|t| t == "keep-alive")
    };
    let has_body = !values(headers, "Transfer-Encoding").is_empty()
        || values(headers, "Content-Length")
            .iter()
            .any(|v| v.trim() != "0");
    Ok(Some((
        Head {
            method,
            target: origin_form(target).to_owned(),
            keep_alive,
            has_body,
        },
        used,
    )))
}

/// The values of the header lines called `name`.
fn values(headers: &[httparse::Header], name: &str) -> Vec<String> {
    headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case(name))
        .map(|h| String::from_utf8_lossy(h.value).into_owned())
        .collect()
}

/// The path and query of a request target; a proxy's absolute form
/// (`http://host:port/path`) is cut to its path.
fn origin_form(target: &str) -> &str {
    let Some(rest) = target
        .strip_prefix("http://")
        .or_else(|| target.strip_prefix("https://"))
    else {
        return target;
    };
    rest.find('/').map_or("/", |at| &rest[at..])
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "",
    }
}

/// Sends `response` (only its head for HEAD), saying whether the connection stays open.
fn write_response(
    out: &mut impl Write,
    response: &Response,
    head_only: bool,
    keep_alive: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\n",
        response.status,
        reason(response.status),
        httpdate::fmt_http_date(SystemTime::now())
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let connection = if keep_alive { "keep-alive" } else { "close" };
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: {connection}\r\n\r\n",
        response.body.len()
    ));
    let mut bytes = head.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&response.body);
    }
    out.write_all(&bytes)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client whose bytes are given: what it sends, then silence or an endless stream.
    struct Client<R: Read>(R);

    impl<R: Read> Read for Client<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.0.read(buf)
        }
    }

    impl<R: Read> Source for Client<R> {
        fn limit_reads(&mut self, _: Duration) -> io::Result<()> {
            Ok(())
        }
    }

    fn heads(bytes: &[u8]) -> (Vec<Head>, Vec<u8>) {
        let mut client = Client(bytes);
        let mut pending = Vec::new();
        let mut heads = Vec::new();
        while let Some(head) = read_head(&mut client, &mut pending).expect("a head") {
            heads.push(head);
        }
        (heads, pending)
    }

    #[test]
    fn pipelined_requests_are_read_one_after_the_other_each_whole() {
        let (heads, left) = heads(
            b"GET /id/ HTTP/1.1\r\nHost: x\r\n\r\nHEAD /en/?q=batik HTTP/1.1\r\nHost: x\r\n\r\n\
              GET /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        );
        let got: Vec<_> = heads
            .iter()
            .map(|h| (h.method, h.target.as_str(), h.keep_alive))
            .collect();
        assert_eq!(
            got,
            [
                (Method::Get, "/id/", true),
                (Method::Head, "/en/?q=batik", true),
                (Method::Get, "/style.css", false),
            ]
        );
        assert!(left.is_empty());
    }

    #[test]
    fn http_1_0_closes_unless_asked_to_keep_the_connection() {
        let (heads, _) = heads(
            b"GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n\
              GET / HTTP/1.1\r\nConnection: TE, close\r\n\r\n",
        );
        let kept: Vec<bool> = heads.iter().map(|h| h.keep_alive).collect();
        assert_eq!(kept, [false, true, false]);
    }

    #[test]
    fn an_endless_header_line_is_refused_after_the_limit_without_reading_on() {
        // `io::repeat` never ends: reading it whole would never return and fill the memory.
        let start = b"GET / HTTP/1.1\r\nX-Long: ".chain(io::repeat(b'a'));
        let mut client = Client(start);
        let mut pending = Vec::new();
        let refused = read_head(&mut client, &mut pending).expect_err("a refusal");
        assert_eq!(refused, Refusal::TooLarge);
        assert_eq!(pending.len(), MAX_HEAD);
    }

    #[test]
    fn an_endless_request_line_is_refused_too() {
        let mut client = Client(b"GET /".chain(io::repeat(b'a')));
        let mut pending = Vec::new();
        let refused = read_head(&mut client, &mut pending).expect_err("a refusal");
        assert_eq!(refused, Refusal::TooLarge);
        assert!(pending.len() <= MAX_HEAD);
    }

    #[test]
    fn too_many_header_lines_and_garbage_are_refused() {
        let mut many = b"GET / HTTP/1.1\r\n".to_vec();
        for n in 0..=MAX_HEADERS {
            many.extend_from_slice(format!("X-{n}: y\r\n").as_bytes());
        }
        many.extend_from_slice(b"\r\n");
        let mut pending = Vec::new();
        let refused = read_head(&mut Client(many.as_slice()), &mut pending);
        assert_eq!(refused.expect_err("too many"), Refusal::TooLarge);
        let mut pending = Vec::new();
        let garbage = read_head(
            &mut Client(&b"\x16\x03\x01\x02\x00 hello\r\n\r\n"[..]),
            &mut pending,
        );
        assert_eq!(garbage.expect_err("not HTTP"), Refusal::Malformed);
    }

    #[test]
    fn a_request_with_a_body_or_another_method_is_marked_so() {
        let (heads, _) = heads(
            b"POST /form HTTP/1.1\r\nContent-Length: 3\r\n\r\n\
              GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        );
        assert_eq!(heads.len(), 2);
        assert_eq!(heads[0].method, Method::Other);
        assert!(heads[0].has_body);
        assert_eq!(heads[1].method, Method::Get);
        assert!(!heads[1].has_body);
    }

    #[test]
    fn a_proxy_style_target_is_cut_to_its_path() {
        assert_eq!(origin_form("http://127.0.0.1:1111/id/?q=x"), "/id/?q=x");
        assert_eq!(origin_form("http://127.0.0.1:1111"), "/");
        assert_eq!(origin_form("/en/"), "/en/");
    }

    #[test]
    fn an_answer_says_its_length_and_whether_the_connection_stays() {
        let response = Response::new(404, "text/html; charset=utf-8", b"<p>x</p>".to_vec());
        let mut sent = Vec::new();
        write_response(&mut sent, &response, false, true).unwrap();
        let text = String::from_utf8(sent).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"), "{text}");
        assert!(text.contains("\r\nContent-Length: 8\r\nConnection: keep-alive\r\n\r\n<p>x</p>"));
        let mut head_only = Vec::new();
        write_response(&mut head_only, &response, true, false).unwrap();
        let text = String::from_utf8(head_only).unwrap();
        assert!(
            text.ends_with("Content-Length: 8\r\nConnection: close\r\n\r\n"),
            "{text}"
        );
    }
}
