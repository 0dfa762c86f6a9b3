//! Where `etalase serve --interface ADDR` can be reached from other devices: the address this
//! computer opens, the addresses a phone in the same network opens, and a QR code of one drawn
//! in the terminal for the phone's camera.

use std::io::IsTerminal;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

use fast_qr::{QRBuilder, ECL};

/// The address `serve` listens on unless told otherwise: this computer only.
pub const DEFAULT_INTERFACE: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// Light modules drawn around the code. The standard asks for four; two keep the code small
/// in a terminal, and phone cameras find its edges with them.
const QUIET_ZONE: usize = 2;

/// The site's address as `http://HOST:PORT/`.
pub fn url(host: IpAddr, port: u16) -> String {
    format!("http://{}/", SocketAddr::new(host, port))
}

/// The address this computer's browser opens: the interface itself, or 127.0.0.1 when
/// listening on every interface.
pub fn local_url(interface: IpAddr, port: u16) -> String {
    if interface.is_unspecified() {
        url(DEFAULT_INTERFACE, port)
    } else {
        url(interface, port)
    }
}

/// The addresses another device in the network opens: none when only this computer can
/// connect (a loopback interface), the interface itself when it is one address, and this
/// computer's address in its network when listening on every interface.
pub fn network_urls(interface: IpAddr, port: u16) -> Vec<String> {
    let hosts = if interface.is_loopback() {
        Vec::new()
    } else if interface.is_unspecified() {
        network_address().into_iter().collect()
    } else {
        vec![interface]
    };
    hosts.into_iter().map(|host| url(host, port)).collect()
}

/// The IPv4 address this computer sends from on its default route: the one devices in the
/// same Wi-Fi reach it by. Connecting a UDP socket only chooses the route; nothing is sent.
/// (Interfaces without a route out, such as container bridges, are not offered: a phone
/// cannot reach them.)
fn network_address() -> Option<IpAddr> {
    // TEST-NET-2: any address outside this network picks the default route.
    let outside = (Ipv4Addr::new(198, 51, 100, 1), 9);
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect(outside).ok()?;
    let address = socket.local_addr().ok()?.ip();
    (!address.is_loopback() && !address.is_unspecified()).then_some(address)
}

/// A QR code of `text` for the terminal, two modules a character (`▀`, `▄`, `█`, space),
/// light modules drawn and dark ones left blank. On a terminal the colours are set, white on
/// black, so the code reads right on a light terminal too; elsewhere (a log file) the
/// characters alone are written. Not on Windows, whose classic console shows colour codes
/// as text unless a program switches them on, and is light on black anyway.
pub fn terminal_qr(text: &str) -> Option<String> {
    let colour = cfg!(not(windows)) && std::io::stderr().is_terminal();
    qr_lines(text).map(|lines| {
        lines
            .into_iter()
            .map(|line| {
                if colour {
                    format!("\x1b[97;40m{line}\x1b[0m")
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The rows of the code as characters, each standing for two rows of modules.
fn qr_lines(text: &str) -> Option<Vec<String>> {
    let code = QRBuilder::new(text).ecl(ECL::L).build().ok()?;
    let size = code.size;
    let side = size + 2 * QUIET_ZONE;
    // Whether the module at (x, y) of the code with its quiet zone is light.
    let light = |x: usize, y: usize| {
        let inside = (QUIET_ZONE..QUIET_ZONE + size).contains(&x)
            && (QUIET_ZONE..QUIET_ZONE + size).contains(&y);
        !inside || !code.data[(y - QUIET_ZONE) * size + x - QUIET_ZONE].value()
    };
    let lines = (0..side)
        .step_by(2)
        .map(|top| {
            (0..side)
                .map(|x| {
                    let upper = light(x, top);
                    // An odd side leaves the last row's lower half as quiet zone.
                    let lower = top + 1 >= side || light(x, top + 1);
                    match (upper, lower) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    }
                })
                .collect()
        })
        .collect();
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_written_as_browsers_want_them() {
        let v6: IpAddr = "fd00::2".parse().unwrap();
        assert_eq!(url(v6, 1111), "http://[fd00::2]:1111/");
        assert_eq!(
            local_url(Ipv4Addr::UNSPECIFIED.into(), 8000),
            "http://127.0.0.1:8000/"
        );
        let lan: IpAddr = "192.168.1.20".parse().unwrap();
        assert_eq!(local_url(lan, 8000), "http://192.168.1.20:8000/");
    }

    #[test]
    fn only_an_interface_others_can_reach_gets_network_addresses() {
        assert!(network_urls(DEFAULT_INTERFACE, 1111).is_empty());
        assert!(network_urls("127.0.0.2".parse().unwrap(), 1111).is_empty());
        assert_eq!(
            network_urls("192.168.1.20".parse().unwrap(), 1111),
            ["http://192.168.1.20:1111/"]
        );
        for url in network_urls(Ipv4Addr::UNSPECIFIED.into(), 1111) {
            assert!(
                !url.contains("127.0.0.1") && !url.contains("0.0.0.0"),
                "{url}"
            );
        }
    }

    #[test]
    fn the_terminal_code_is_square_with_its_quiet_zone() {
        let lines = qr_lines("http://192.168.1.20:1111/").unwrap();
        let width = lines[0].chars().count();
        // Two module rows a line.
        assert_eq!(lines.len(), width.div_ceil(2));
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert!(lines[0].chars().all(|c| c == '█'), "quiet zone on top");
    }
}
