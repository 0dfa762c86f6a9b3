//! A plain HTTP/1.0 client for the tests that talk to a server (`etalase serve`, nginx,
//! Apache): one request per connection, the connection closed after the reply.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

pub struct Reply {
    pub status: u16,
    /// The status line and the header lines, as sent.
    pub headers: String,
    /// The body as text (lossy), for pages.
    pub body: String,
    /// The body as sent.
    pub bytes: Vec<u8>,
}

impl Reply {
    /// The value of a header (the first one of that name), without its name.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }
}

/// GET `path` from 127.0.0.1:`port`.
pub fn get(port: u16, path: &str) -> Reply {
    request(port, path, &[])
}

/// GET `path` from `address`.
pub fn get_at(address: SocketAddr, path: &str) -> Reply {
    send(address, &format!("GET {path} HTTP/1.0\r\n"), &[])
}

fn loopback(port: u16) -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, port))
}

/// GET `path` from 127.0.0.1:`port` with extra request headers, as HTTP/1.0.
pub fn request(port: u16, path: &str, headers: &[(&str, &str)]) -> Reply {
    send(loopback(port), &format!("GET {path} HTTP/1.0\r\n"), headers)
}

/// The same as HTTP/1.1, as browsers ask (nginx compresses only for 1.1 by default), with
/// the connection closed after the reply.
pub fn request_http11(port: u16, path: &str, headers: &[(&str, &str)]) -> Reply {
    let close = [("Connection", "close")];
    let all: Vec<(&str, &str)> = headers.iter().chain(&close).copied().collect();
    send(loopback(port), &format!("GET {path} HTTP/1.1\r\n"), &all)
}

fn send(address: SocketAddr, request_line: &str, headers: &[(&str, &str)]) -> Reply {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let extra: String = headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    write!(stream, "{request_line}Host: {address}\r\n{extra}\r\n").expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("a reply");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers and body");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let bytes = raw[split + 4..].to_vec();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    Reply {
        status,
        headers: head,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes,
    }
}
