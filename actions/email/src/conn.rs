//! A TCP connection over `wasi:sockets`, line by line, with a timeout on
//! every wait. The host checks the name looked up and the address
//! connected to against the hosts the action was granted; a refusal comes
//! back as `access-denied`.

use std::time::Duration;

use wasip2::clocks::monotonic_clock::subscribe_duration;
use wasip2::io::poll::poll;
use wasip2::io::streams::{InputStream, OutputStream, StreamError};
use wasip2::sockets::instance_network::instance_network;
use wasip2::sockets::ip_name_lookup::resolve_addresses;
use wasip2::sockets::network::{
    ErrorCode, IpAddress, IpAddressFamily, IpSocketAddress, Ipv4SocketAddress, Ipv6SocketAddress,
    Network,
};
use wasip2::sockets::tcp::TcpSocket;
use wasip2::sockets::tcp_create_socket::create_tcp_socket;

use crate::SmtpError;

/// Longest reply line taken (RFC 5321 allows 512 octets; servers send less).
const MAX_LINE: usize = 8192;

/// An open connection. The streams are children of the socket: they are
/// declared first so that they are dropped first.
pub struct Conn {
    input: InputStream,
    output: OutputStream,
    socket: TcpSocket,
    timeout: Duration,
    /// Bytes read and not yet taken as lines.
    pending: Vec<u8>,
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn socket_error(host: &str, code: ErrorCode) -> SmtpError {
    match code {
        ErrorCode::AccessDenied => SmtpError::Denied(host.to_owned()),
        ErrorCode::Timeout => SmtpError::Timeout,
        other => SmtpError::Network(format!("{host}: {other:?}")),
    }
}

/// The addresses of `host` (an IP literal is its own address).
fn addresses(network: &Network, host: &str) -> Result<Vec<IpAddress>, SmtpError> {
    let stream = resolve_addresses(network, host).map_err(|e| socket_error(host, e))?;
    let mut addrs = Vec::new();
    loop {
        match stream.resolve_next_address() {
            Ok(Some(addr)) => addrs.push(addr),
            Ok(None) => break,
            Err(ErrorCode::WouldBlock) => stream.subscribe().block(),
            Err(e) => return Err(socket_error(host, e)),
        }
    }
    if addrs.is_empty() {
        return Err(SmtpError::Network(format!("{host} has no address")));
    }
    Ok(addrs)
}

fn socket_address(addr: IpAddress, port: u16) -> (IpAddressFamily, IpSocketAddress) {
    match addr {
        IpAddress::Ipv4(address) => (
            IpAddressFamily::Ipv4,
            IpSocketAddress::Ipv4(Ipv4SocketAddress { port, address }),
        ),
        IpAddress::Ipv6(address) => (
            IpAddressFamily::Ipv6,
            IpSocketAddress::Ipv6(Ipv6SocketAddress {
                port,
                flow_info: 0,
                address,
                scope_id: 0,
            }),
        ),
    }
}

impl Conn {
    /// Connects to `host:port`, trying its addresses in turn.
    pub fn open(host: &str, port: u16, timeout: Duration) -> Result<Self, SmtpError> {
        let network = instance_network();
        let mut last = SmtpError::Network(format!("{host}: no address to connect to"));
        for addr in addresses(&network, host)? {
            match Self::connect(&network, host, addr, port, timeout) {
                Ok(conn) => return Ok(conn),
                Err(err) => last = err,
            }
        }
        Err(last)
    }

    fn connect(
        network: &Network,
        host: &str,
        addr: IpAddress,
        port: u16,
        timeout: Duration,
    ) -> Result<Self, SmtpError> {
        let (family, remote) = socket_address(addr, port);
        let socket = create_tcp_socket(family).map_err(|e| socket_error(host, e))?;
        socket
            .start_connect(network, remote)
            .map_err(|e| socket_error(host, e))?;
        let (input, output) = loop {
            match socket.finish_connect() {
                Ok(streams) => break streams,
                Err(ErrorCode::WouldBlock) => {
                    let ready = socket.subscribe();
                    let timer = subscribe_duration(nanos(timeout));
                    if !poll(&[&ready, &timer]).contains(&0) {
                        return Err(SmtpError::Timeout);
                    }
                }
                Err(e) => return Err(socket_error(host, e)),
            }
        };
        Ok(Self {
            input,
            output,
            socket,
            timeout,
            pending: Vec::new(),
        })
    }

    /// The local address as an SMTP address literal (`[192.0.2.1]`,
    /// `[IPv6:2001:db8::1]`), the EHLO name of a client without a name.
    pub fn local_literal(&self) -> String {
        match self.socket.local_address() {
            Ok(IpSocketAddress::Ipv4(a)) => {
                let (x, y, z, w) = a.address;
                format!("[{x}.{y}.{z}.{w}]")
            }
            Ok(IpSocketAddress::Ipv6(a)) => {
                let (p0, p1, p2, p3, p4, p5, p6, p7) = a.address;
                let ip = std::net::Ipv6Addr::new(p0, p1, p2, p3, p4, p5, p6, p7);
                format!("[IPv6:{ip}]")
            }
            Err(_) => "[127.0.0.1]".to_owned(),
        }
    }

    /// Writes all of `bytes`.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), SmtpError> {
        // blocking-write-and-flush takes at most 4096 bytes a call.
        for chunk in bytes.chunks(4096) {
            self.output
                .blocking_write_and_flush(chunk)
                .map_err(stream_error)?;
        }
        Ok(())
    }

    /// The next line, without its CRLF (lossy UTF-8).
    pub fn read_line(&mut self) -> Result<String, SmtpError> {
        loop {
            if let Some(end) = self.pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=end).collect();
                let text = String::from_utf8_lossy(&line);
                return Ok(text.trim_end_matches(['\r', '\n']).to_owned());
            }
            if self.pending.len() > MAX_LINE {
                return Err(SmtpError::Protocol(format!(
                    "a reply line longer than {MAX_LINE} bytes"
                )));
            }
            self.fill()?;
        }
    }

    /// Waits (at most the timeout) for more bytes.
    fn fill(&mut self) -> Result<(), SmtpError> {
        {
            let ready = self.input.subscribe();
            let timer = subscribe_duration(nanos(self.timeout));
            if !poll(&[&ready, &timer]).contains(&0) {
                return Err(SmtpError::Timeout);
            }
        }
        let chunk = self.input.read(4096).map_err(stream_error)?;
        self.pending.extend_from_slice(&chunk);
        Ok(())
    }
}

fn stream_error(e: StreamError) -> SmtpError {
    match e {
        StreamError::Closed => SmtpError::Closed,
        StreamError::LastOperationFailed(err) => SmtpError::Network(err.to_debug_string()),
    }
}
