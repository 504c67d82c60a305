//! Network egress of actions: every outgoing `wasi:http` request is checked
//! against the hosts the action was granted, and the resolved addresses are
//! checked too (not only the name), so a public-looking name that resolves to
//! a loopback or link-local address is refused unless that address is
//! explicitly allowed (Mistral 23's `denied_cidrs` for std.http).
//!
//! `wasi:sockets` (TCP connections only: std.email's SMTP) answers to the
//! same list through [`SocketEgress`]: a name lookup is refused unless the
//! name is allowed, and a connection is allowed when a name the call looked
//! up (or the address itself) is allowed for its port, with the same checks
//! of the address. No binding to a port, no listening, no UDP.
//!
//! Allow-list entries:
//! - `example.com` — that host (any port), `example.com:8080` — that host and port;
//! - `*.example.com` — any subdomain; `*` — any host;
//! - `10.0.0.5`, `[::1]`, `127.0.0.1:9000` — an IP literal (optionally with a port);
//! - `10.0.0.0/8`, `fe80::/10` — any address in that network.
//!
//! Loopback (127.0.0.0/8, ::1), link-local (169.254.0.0/16, fe80::/10) and
//! unspecified addresses are reached only through an IP literal or network
//! entry that covers them, or the entry `localhost` for loopback: a matching
//! name or wildcard is not enough. Only `http` and `https` are allowed.
//!
//! Those addresses, and this node's own API address, are the operator's to
//! open, never a workflow's or an uploader's: whatever a call's allow-list
//! says, they are refused unless the operator lists them too
//! ([`PrivateEgress`], `bora serve --allow-private-egress`). So a workflow
//! cannot point std.http at Bora's own API, at a sidecar on loopback or at
//! a cloud's metadata service (169.254.169.254).

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

use http::uri::{Authority, Scheme};
use http_body_util::BodyExt;
use wasmtime_wasi::sockets::SocketAddrUse;
use wasmtime_wasi_http::{Error as HttpError, RequestOptions, WasiBody, WasiHttpHooks};

/// One parsed allow-list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rule {
    Any,
    Host { name: String, port: Option<u16> },
    Suffix { suffix: String },
    Ip { ip: IpAddr, port: Option<u16> },
    Net { net: IpAddr, prefix: u8 },
}

/// The parsed allow-list of one call.
#[derive(Debug, Clone, Default)]
pub(crate) struct EgressPolicy {
    rules: Vec<Rule>,
    /// The project whose allowed hosts cut this list, named in refusals.
    cut_by: Option<String>,
}

impl EgressPolicy {
    /// Parses the entries; an entry that parses as nothing sensible is kept as
    /// a plain host name (it can then only match that exact name).
    pub(crate) fn new(entries: &[String]) -> Self {
        Self {
            rules: entries.iter().filter_map(|e| parse_rule(e)).collect(),
            cut_by: None,
        }
    }

    /// This list cut to what `project`'s allowed hosts (`entries`) permit:
    /// each rule narrowed to its overlap with each of the project's (`*`
    /// under `api.example.com` is `api.example.com`); what the project's
    /// list does not cover is dropped. A name and an address never overlap
    /// (the name's address is not known before the call).
    pub(crate) fn within(&self, project: &str, entries: &[String]) -> Self {
        let ceiling: Vec<Rule> = entries.iter().filter_map(|e| parse_rule(e)).collect();
        let mut rules: Vec<Rule> = Vec::new();
        for rule in &self.rules {
            for bound in &ceiling {
                if let Some(both) = overlap(rule, bound)
                    && !rules.contains(&both)
                {
                    rules.push(both);
                }
            }
        }
        Self {
            rules,
            cut_by: Some(project.to_owned()),
        }
    }

    /// The list refusals name.
    fn list_name(&self) -> String {
        match &self.cut_by {
            None => "the action's allowed hosts".to_owned(),
            Some(project) => format!("the action's allowed hosts as project {project}'s cut them"),
        }
    }

    /// The refusal when the list is empty.
    fn no_access(&self, what: &str) -> String {
        match &self.cut_by {
            None => format!("{what}: the action is not allowed any network access"),
            Some(project) => format!(
                "{what}: the action is not allowed any network access (project {project}'s \
                 allowed hosts leave none of its own)"
            ),
        }
    }

    /// Whether the policy lets the call reach no host at all.
    pub(crate) fn allows_nothing(&self) -> bool {
        self.rules.is_empty()
    }

    /// Whether the name in the URL is allowed at all (before resolving it).
    fn host_allowed(&self, host: &str, port: u16) -> bool {
        self.host_matches(host, Some(port))
    }

    /// Whether an entry allows `host` on `port`; with no port (a name
    /// lookup, before any connection), an entry of any port does.
    fn host_matches(&self, host: &str, port: Option<u16>) -> bool {
        let ip = parse_ip(host);
        let port_ok = |p: &Option<u16>| p.is_none_or(|p| port.is_none_or(|port| p == port));
        self.rules.iter().any(|rule| match rule {
            Rule::Any => true,
            Rule::Host { name, port: p } => name.eq_ignore_ascii_case(host) && port_ok(p),
            Rule::Suffix { suffix } => {
                let host = host.to_ascii_lowercase();
                host.len() > suffix.len() + 1
                    && host.ends_with(suffix.as_str())
                    && host.as_bytes()[host.len() - suffix.len() - 1] == b'.'
            }
            Rule::Ip {
                ip: allowed,
                port: p,
            } => ip == Some(*allowed) && port_ok(p),
            Rule::Net { net, prefix } => ip.is_some_and(|ip| in_network(ip, *net, *prefix)),
        })
    }

    /// Whether a resolved address may be connected to. Public addresses pass
    /// (the name was already checked); special ones need an explicit entry.
    fn address_allowed(&self, addr: IpAddr) -> bool {
        !is_special(addr) || self.names_explicitly(addr)
    }

    /// Whether an entry names `addr` itself: an IP literal or network that
    /// covers it, or `localhost` for loopback (a name or wildcard does not).
    fn names_explicitly(&self, addr: IpAddr) -> bool {
        let addr = canonical(addr);
        self.rules.iter().any(|rule| match rule {
            Rule::Ip { ip, .. } => canonical(*ip) == addr,
            Rule::Net { net, prefix } => in_network(addr, *net, *prefix),
            Rule::Host { name, .. } => name.eq_ignore_ascii_case("localhost") && addr.is_loopback(),
            Rule::Any | Rule::Suffix { .. } => false,
        })
    }

    /// Checks a request's URL and resolves its host; returns the address to
    /// connect to, or why the request is refused (by this policy or by the
    /// operator's `private` one).
    pub(crate) async fn check(
        &self,
        scheme: Option<&Scheme>,
        authority: Option<&Authority>,
        private: &PrivateEgress,
    ) -> Result<SocketAddr, String> {
        let https = match scheme.map(Scheme::as_str) {
            Some("http") => false,
            Some("https") => true,
            Some(other) => return Err(format!("scheme {other} is not allowed (only http/https)")),
            None => return Err("request has no scheme".to_string()),
        };
        let authority = authority.ok_or_else(|| "request has no host".to_string())?;
        let host = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        let port = authority.port_u16().unwrap_or(if https { 443 } else { 80 });
        if self.rules.is_empty() {
            return Err(self.no_access(host));
        }
        if !self.host_allowed(host, port) {
            return Err(format!(
                "{host}:{port}: host is not in {}",
                self.list_name()
            ));
        }
        let addrs: Vec<SocketAddr> = match parse_ip(host) {
            Some(ip) => vec![SocketAddr::new(ip, port)],
            None => tokio::net::lookup_host((host, port))
                .await
                .map_err(|e| format!("{host}: cannot resolve: {e}"))?
                .collect(),
        };
        if addrs.is_empty() {
            return Err(format!("{host}: resolves to no address"));
        }
        // Every address must pass: otherwise the connection could land on a
        // refused one.
        if let Some(bad) = addrs.iter().find(|a| !self.address_allowed(a.ip())) {
            return Err(format!(
                "{host}:{port}: resolves to {}, a loopback, link-local or unspecified \
                 address that is not explicitly allowed",
                bad.ip()
            ));
        }
        if let Some(reason) = addrs.iter().find_map(|a| private.refuses(*a)) {
            return Err(format!("{host}:{port}: {reason}"));
        }
        Ok(addrs[0])
    }
}

/// What only the operator opens: loopback, link-local and unspecified
/// addresses, and this node's own API address.
#[derive(Debug, Clone, Default)]
pub(crate) struct PrivateEgress {
    /// The operator's entries (IP literals, networks, `localhost`).
    allowed: EgressPolicy,
    /// Where this node's API listens.
    own: Vec<SocketAddr>,
}

impl PrivateEgress {
    pub(crate) fn new(entries: &[String], own: &[SocketAddr]) -> Self {
        Self {
            allowed: EgressPolicy::new(entries),
            own: own.to_vec(),
        }
    }

    /// Why connecting to `addr` is refused, if it is.
    pub(crate) fn refuses(&self, addr: SocketAddr) -> Option<String> {
        let ip = canonical(addr.ip());
        let opened = self.allowed.names_explicitly(ip);
        let own = self.own.iter().any(|o| {
            o.port() == addr.port()
                && (canonical(o.ip()) == ip || (o.ip().is_unspecified() && is_local(ip)))
        });
        if own && !opened {
            return Some(format!(
                "{addr} is this Bora node's own API, which actions may not call unless the \
                 operator allows it (bora serve --allow-private-egress)"
            ));
        }
        if is_special(ip) && !opened {
            return Some(format!(
                "{ip} is a loopback, link-local or unspecified address, which only the \
                 operator can open to actions (bora serve --allow-private-egress)"
            ));
        }
        None
    }
}

/// Whether `ip` is an address of this machine (binding to it works).
fn is_local(ip: IpAddr) -> bool {
    is_special(ip) || std::net::UdpSocket::bind(SocketAddr::new(ip, 0)).is_ok()
}

/// The ports both rules allow (`None` inside: any), if they share one.
fn both_ports(a: Option<u16>, b: Option<u16>) -> Option<Option<u16>> {
    match (a, b) {
        (None, p) | (p, None) => Some(p),
        (Some(a), Some(b)) => (a == b).then_some(Some(a)),
    }
}

/// Whether `name` (a host or a suffix) is `suffix` or under it.
fn under(name: &str, suffix: &str) -> bool {
    name == suffix
        || (name.len() > suffix.len() + 1
            && name.ends_with(suffix)
            && name.as_bytes()[name.len() - suffix.len() - 1] == b'.')
}

/// What two rules both allow, as one rule (`None`: nothing, or nothing a
/// rule can say).
fn overlap(a: &Rule, b: &Rule) -> Option<Rule> {
    use Rule::{Any, Host, Ip, Net, Suffix};
    match (a, b) {
        (Any, other) | (other, Any) => Some(other.clone()),
        (Host { name: n, port: p }, Host { name: m, port: q }) => (n == m)
            .then(|| both_ports(*p, *q))
            .flatten()
            .map(|port| Host {
                name: n.clone(),
                port,
            }),
        (Host { name, port }, Suffix { suffix }) | (Suffix { suffix }, Host { name, port }) => {
            (name != suffix && under(name, suffix)).then(|| Host {
                name: name.clone(),
                port: *port,
            })
        }
        (Suffix { suffix: s }, Suffix { suffix: t }) => {
            if under(s, t) {
                Some(a.clone())
            } else if under(t, s) {
                Some(b.clone())
            } else {
                None
            }
        }
        (Ip { ip: i, port: p }, Ip { ip: j, port: q }) => (canonical(*i) == canonical(*j))
            .then(|| both_ports(*p, *q))
            .flatten()
            .map(|port| Ip { ip: *i, port }),
        (Ip { ip, .. }, Net { net, prefix }) | (Net { net, prefix }, Ip { ip, .. }) => {
            in_network(*ip, *net, *prefix)
                .then(|| if matches!(a, Ip { .. }) { a } else { b }.clone())
        }
        (Net { net: n, prefix: p }, Net { net: m, prefix: q }) => {
            if p >= q && in_network(*n, *m, *q) {
                Some(a.clone())
            } else if q >= p && in_network(*m, *n, *p) {
                Some(b.clone())
            } else {
                None
            }
        }
        _ => None,
    }
}

fn parse_rule(entry: &str) -> Option<Rule> {
    let entry = entry.trim();
    if entry.is_empty() {
        return None;
    }
    if entry == "*" {
        return Some(Rule::Any);
    }
    if let Some(suffix) = entry.strip_prefix("*.") {
        return Some(Rule::Suffix {
            suffix: suffix.to_ascii_lowercase(),
        });
    }
    if let Some((net, prefix)) = entry.split_once('/')
        && let (Some(net), Ok(prefix)) = (parse_ip(net), prefix.parse::<u8>())
    {
        let max = if net.is_ipv4() { 32 } else { 128 };
        return (prefix <= max).then_some(Rule::Net { net, prefix });
    }
    if let Some(ip) = parse_ip(entry) {
        return Some(Rule::Ip { ip, port: None });
    }
    if let Ok(sock) = entry.parse::<SocketAddr>() {
        return Some(Rule::Ip {
            ip: sock.ip(),
            port: Some(sock.port()),
        });
    }
    if let Some((name, port)) = entry.rsplit_once(':')
        && let Ok(port) = port.parse::<u16>()
    {
        return Some(Rule::Host {
            name: name.to_ascii_lowercase(),
            port: Some(port),
        });
    }
    Some(Rule::Host {
        name: entry.to_ascii_lowercase(),
        port: None,
    })
}

fn parse_ip(text: &str) -> Option<IpAddr> {
    text.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

/// IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are judged as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Loopback, link-local and unspecified addresses.
fn is_special(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_link_local() || v4.is_unspecified(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.is_unspecified() || (v6.segments()[0] & 0xffc0) == 0xfe80
        }
    }
}

fn in_network(ip: IpAddr, net: IpAddr, prefix: u8) -> bool {
    match (canonical(ip), canonical(net)) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

/// Most (name, address) pairs one call's lookups are remembered for.
const MAX_RESOLVED: usize = 1024;

/// The `wasi:sockets` side of one call's egress. A policy names hosts but
/// a connection only shows an address, so the call's name lookups are
/// remembered: a connection is judged by the names that gave its address.
pub(crate) struct SocketEgress {
    policy: Arc<EgressPolicy>,
    private: Arc<PrivateEgress>,
    /// Names the call looked up and the addresses each gave (canonical).
    resolved: Mutex<Vec<(String, IpAddr)>>,
    /// Shared with the call's [`EgressHooks`]: refusals of either kind.
    denied: Arc<Mutex<Vec<String>>>,
}

impl SocketEgress {
    /// Why the call may not look `name` up, if it may not. No port is
    /// known yet: an entry `host:port` allows the lookup, the connection is
    /// checked against the port.
    pub(crate) fn check_lookup(&self, name: &str) -> Result<(), String> {
        if self.policy.rules.is_empty() {
            return Err(self.policy.no_access(name));
        }
        if !self.policy.host_matches(name, None) {
            return Err(format!(
                "{name}: host is not in {}",
                self.policy.list_name()
            ));
        }
        Ok(())
    }

    /// Remembers the addresses a lookup of `name` gave. The record lives in
    /// host memory, outside the call's memory limit, so it is bounded: past
    /// [`MAX_RESOLVED`] pairs nothing more is remembered, and connections to
    /// the addresses not remembered are refused.
    pub(crate) fn record_lookup(&self, name: &str, addrs: &[IpAddr]) {
        let name = name.to_ascii_lowercase();
        let mut resolved = self.resolved.lock().unwrap_or_else(|e| e.into_inner());
        for addr in addrs {
            let pair = (name.clone(), canonical(*addr));
            if resolved.len() < MAX_RESOLVED && !resolved.contains(&pair) {
                resolved.push(pair);
            }
        }
    }

    /// Records a refusal for the call's failure report and log.
    pub(crate) fn deny(&self, reason: String) {
        tracing::info!(%reason, "outgoing connection denied");
        self.denied
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(reason);
    }

    /// wasmtime's socket address check: only a TCP connection to an
    /// allowed host, and the implicit bind to a wildcard address that
    /// precedes it, pass. A refusal is recorded.
    pub(crate) fn permits(&self, addr: SocketAddr, usage: SocketAddrUse) -> bool {
        let checked = match usage {
            SocketAddrUse::TcpConnect => self.check_connect(addr),
            SocketAddrUse::TcpBind if addr.ip().is_unspecified() && addr.port() == 0 => Ok(()),
            other => Err(format!(
                "{addr}: {other:?} is not allowed (actions may only open TCP connections)"
            )),
        };
        match checked {
            Ok(()) => true,
            Err(reason) => {
                self.deny(reason);
                false
            }
        }
    }

    /// The addresses of `host` that a connection the host makes for the
    /// call (the `ssh` import) may go to on `port`: the checks of a name
    /// lookup, then of a connection to each address, as the call's own
    /// `wasi:sockets` calls get them. Every address must pass, so that
    /// which one answers cannot matter. A refusal is recorded.
    pub(crate) async fn resolve_checked(
        &self,
        host: &str,
        port: u16,
    ) -> Result<Vec<SocketAddr>, String> {
        let refused = |reason: String| {
            self.deny(reason.clone());
            reason
        };
        let ips: Vec<IpAddr> = match parse_ip(host) {
            Some(ip) => vec![canonical(ip)],
            None => {
                self.check_lookup(host).map_err(refused)?;
                let ips: Vec<IpAddr> = tokio::net::lookup_host((host, port))
                    .await
                    .map_err(|e| format!("{host}: cannot resolve: {e}"))?
                    .map(|a| canonical(a.ip()))
                    .collect();
                self.record_lookup(host, &ips);
                ips
            }
        };
        if ips.is_empty() {
            return Err(format!("{host}: resolves to no address"));
        }
        for ip in &ips {
            self.check_connect(SocketAddr::new(*ip, port))
                .map_err(refused)?;
        }
        Ok(ips
            .into_iter()
            .map(|ip| SocketAddr::new(ip, port))
            .collect())
    }

    /// Whether the call may reach `host` on `port` through a gateway (an
    /// SSH jump): the gateway makes that connection and resolves the name,
    /// so only the name is judged against the list; an address literal
    /// that is loopback, link-local or unspecified still needs an entry
    /// naming it. The operator's [`PrivateEgress`] guards this node's own
    /// network, which a gateway's loopback is not. A refusal is recorded.
    pub(crate) fn check_relayed(&self, host: &str, port: u16) -> Result<(), String> {
        let checked = if self.policy.rules.is_empty() {
            Err(self.policy.no_access(host))
        } else if !self.policy.host_allowed(host, port) {
            Err(format!(
                "{host}:{port}: host is not in {}",
                self.policy.list_name()
            ))
        } else {
            match parse_ip(host) {
                Some(ip) if !self.policy.address_allowed(ip) => Err(format!(
                    "{host}:{port}: {ip} is a loopback, link-local or unspecified address \
                     that is not explicitly allowed"
                )),
                _ => Ok(()),
            }
        };
        checked.inspect_err(|reason| self.deny(reason.clone()))
    }

    /// Why a TCP connection to `addr` is refused, if it is.
    fn check_connect(&self, addr: SocketAddr) -> Result<(), String> {
        let ip = canonical(addr.ip());
        let port = addr.port();
        if self.policy.rules.is_empty() {
            return Err(self.policy.no_access(&addr.to_string()));
        }
        let names: Vec<String> = self
            .resolved
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(_, a)| *a == ip)
            .map(|(name, _)| name.clone())
            .collect();
        let shown = names.first().cloned().unwrap_or_else(|| ip.to_string());
        let allowed = names.iter().any(|n| self.policy.host_allowed(n, port))
            || self.policy.host_allowed(&ip.to_string(), port);
        if !allowed {
            return Err(format!(
                "{shown}:{port}: host is not in {}",
                self.policy.list_name()
            ));
        }
        if !self.policy.address_allowed(ip) {
            return Err(format!(
                "{shown}:{port}: resolves to {ip}, a loopback, link-local or unspecified \
                 address that is not explicitly allowed"
            ));
        }
        if let Some(reason) = self.private.refuses(SocketAddr::new(ip, port)) {
            return Err(format!("{shown}:{port}: {reason}"));
        }
        Ok(())
    }
}

/// The wasi:http hooks of one call: check, then send.
pub(crate) struct EgressHooks {
    policy: Arc<EgressPolicy>,
    private: Arc<PrivateEgress>,
    /// Refused requests, for the failure report and the action's log.
    pub(crate) denied: Arc<Mutex<Vec<String>>>,
}

impl EgressHooks {
    pub(crate) fn new(policy: Arc<EgressPolicy>, private: Arc<PrivateEgress>) -> Self {
        Self {
            policy,
            private,
            denied: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// The same call's `wasi:sockets` egress: same policy, same record of
    /// refusals.
    pub(crate) fn sockets(&self) -> SocketEgress {
        SocketEgress {
            policy: Arc::clone(&self.policy),
            private: Arc::clone(&self.private),
            resolved: Mutex::new(Vec::new()),
            denied: Arc::clone(&self.denied),
        }
    }
}

impl WasiHttpHooks for EgressHooks {
    fn send_request(
        &mut self,
        mut request: http::Request<WasiBody>,
        options: Option<RequestOptions>,
        fut: Box<dyn Future<Output = Result<(), HttpError>> + Send>,
    ) -> Box<
        dyn Future<
                Output = Result<
                    (
                        http::Response<WasiBody>,
                        Box<dyn Future<Output = Result<(), HttpError>> + Send>,
                    ),
                    HttpError,
                >,
            > + Send,
    > {
        drop(fut);
        let policy = Arc::clone(&self.policy);
        let private = Arc::clone(&self.private);
        let denied = Arc::clone(&self.denied);
        Box::new(async move {
            let uri = request.uri().clone();
            let addr = match policy.check(uri.scheme(), uri.authority(), &private).await {
                Ok(addr) => addr,
                Err(reason) => {
                    tracing::info!(%uri, %reason, "outgoing request denied");
                    denied
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(format!("{uri}: {reason}"));
                    return Err(HttpError::HttpRequestDenied);
                }
            };
            // Plain http: connect to the address that was checked, so a second
            // resolution cannot swap it (the Host header keeps the name).
            // https keeps the name for TLS verification and resolves again.
            if uri.scheme() == Some(&Scheme::HTTP) {
                let mut parts = uri.into_parts();
                parts.authority = Authority::try_from(addr.to_string()).ok();
                if let Ok(pinned) = http::Uri::from_parts(parts) {
                    *request.uri_mut() = pinned;
                }
            }
            let (response, io) = wasmtime_wasi_http::default_send_request(request, options).await?;
            Ok((
                response.map(BodyExt::boxed_unsync),
                Box::new(io) as Box<dyn Future<Output = Result<(), HttpError>> + Send>,
            ))
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn policy(entries: &[&str]) -> EgressPolicy {
        EgressPolicy::new(&entries.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    /// An operator who opens every special address: the call's own
    /// allow-list decides.
    fn open() -> PrivateEgress {
        let all = [
            "127.0.0.0/8",
            "::1/128",
            "169.254.0.0/16",
            "fe80::/10",
            "0.0.0.0/32",
        ];
        PrivateEgress::new(&all.map(String::from), &[])
    }

    async fn check(p: &EgressPolicy, url: &str) -> Result<SocketAddr, String> {
        check_under(p, url, &open()).await
    }

    async fn check_under(
        p: &EgressPolicy,
        url: &str,
        private: &PrivateEgress,
    ) -> Result<SocketAddr, String> {
        let uri: http::Uri = url.parse().map_err(|e| format!("{e}"))?;
        p.check(uri.scheme(), uri.authority(), private).await
    }

    fn hosts(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|s| s.to_string()).collect()
    }

    #[tokio::test]
    async fn a_projects_allowed_hosts_cut_the_calls() {
        let cut = policy(&["*"]).within("alpha", &hosts(&["api.example.com", "10.0.0.0/8"]));
        assert_eq!(cut.rules, policy(&["api.example.com", "10.0.0.0/8"]).rules);
        let cut = policy(&["*.example.com", "other.org", "10.1.2.3:80", "10.0.0.0/16"]).within(
            "alpha",
            &hosts(&["api.example.com:443", "*.a.example.com", "10.0.0.0/8"]),
        );
        assert_eq!(
            cut.rules,
            policy(&[
                "api.example.com:443",
                "*.a.example.com",
                "10.1.2.3:80",
                "10.0.0.0/16"
            ])
            .rules
        );
        // Nothing in common: no network, and the refusal names the project.
        let none = policy(&["other.org"]).within("alpha", &hosts(&["example.com"]));
        let err = check(&none, "http://other.org/").await.unwrap_err();
        assert!(err.contains("project alpha"), "{err}");
        let some = policy(&["other.org", "example.com"]).within("alpha", &hosts(&["example.com"]));
        let err = check(&some, "http://other.org/").await.unwrap_err();
        assert!(err.contains("project alpha's"), "{err}");
        assert!(
            policy(&["example.com:80"])
                .within("p", &hosts(&["example.com:443"]))
                .rules
                .is_empty()
        );
    }

    #[tokio::test]
    async fn special_addresses_and_the_own_api_are_the_operators_to_open() {
        let granted = policy(&["127.0.0.1", "169.254.169.254", "localhost"]);
        let closed = PrivateEgress::new(&[], &["127.0.0.1:8989".parse().unwrap()]);
        for url in [
            "http://127.0.0.1:9000/",
            "http://169.254.169.254/latest/meta-data/",
            "http://localhost:8989/v2/executions",
        ] {
            let err = check_under(&granted, url, &closed).await.unwrap_err();
            assert!(err.contains("operator"), "{url}: {err}");
        }
        let err = check_under(&granted, "http://127.0.0.1:8989/", &closed)
            .await
            .unwrap_err();
        assert!(err.contains("own API"), "{err}");
        // The operator opens loopback: the call's list still has to agree.
        let loopback = PrivateEgress::new(&["127.0.0.1".into()], &[]);
        assert!(
            check_under(&granted, "http://127.0.0.1:9000/", &loopback)
                .await
                .is_ok()
        );
        let err = check_under(&policy(&["*"]), "http://127.0.0.1:9000/", &loopback)
            .await
            .unwrap_err();
        assert!(err.contains("not explicitly allowed"), "{err}");
        // A node listening on every interface: its port on this machine's
        // addresses is its own API.
        let anywhere =
            PrivateEgress::new(&["127.0.0.1".into()], &["0.0.0.0:8989".parse().unwrap()]);
        assert!(
            anywhere
                .refuses("127.0.0.1:8989".parse().unwrap())
                .is_none()
        );
        assert!(
            anywhere
                .refuses("127.0.0.2:8989".parse().unwrap())
                .is_some()
        );
        assert!(
            anywhere
                .refuses("93.184.216.34:8989".parse().unwrap())
                .is_none()
        );
    }

    #[tokio::test]
    async fn nothing_allowed_by_default() {
        let err = check(&policy(&[]), "http://93.184.216.34/")
            .await
            .unwrap_err();
        assert!(err.contains("not allowed any network access"), "{err}");
    }

    #[tokio::test]
    async fn loopback_needs_an_explicit_address() {
        let any = policy(&["*"]);
        assert!(check(&any, "http://127.0.0.1:8080/").await.is_err());
        assert!(check(&any, "http://[::1]/").await.is_err());
        assert!(check(&any, "http://169.254.169.254/").await.is_err());
        assert!(check(&any, "http://[::ffff:127.0.0.1]/").await.is_err());
        assert!(check(&any, "http://0.0.0.0/").await.is_err());
        // `localhost` resolves to loopback: a wildcard is not enough.
        assert!(check(&any, "http://localhost/").await.is_err());
        assert!(
            check(&policy(&["localhost"]), "http://localhost/")
                .await
                .is_ok()
        );
        let explicit = policy(&["127.0.0.1"]);
        assert_eq!(
            check(&explicit, "http://127.0.0.1:8080/x").await,
            Ok("127.0.0.1:8080".parse().unwrap())
        );
        assert!(
            check(&policy(&["127.0.0.0/8"]), "http://127.1.2.3/")
                .await
                .is_ok()
        );
        assert!(
            check(&policy(&["127.0.0.1:9"]), "http://127.0.0.1:8080/")
                .await
                .is_err()
        );
        assert!(check(&policy(&["[::1]"]), "http://[::1]:80/").await.is_ok());
    }

    #[tokio::test]
    async fn names_and_schemes() {
        let p = policy(&["*.example.org", "10.1.2.3"]);
        assert!(check(&p, "http://10.1.2.3/").await.is_ok());
        assert!(check(&p, "http://10.1.2.4/").await.is_err());
        assert!(check(&p, "ftp://10.1.2.3/").await.is_err());
        let err = check(&p, "http://example.org/").await.unwrap_err();
        assert!(err.contains("not in the action's allowed hosts"), "{err}");
        let err = check(&p, "http://evil-example.org/").await.unwrap_err();
        assert!(err.contains("not in the action's allowed hosts"), "{err}");
    }

    fn sockets(entries: &[&str], private: PrivateEgress) -> SocketEgress {
        EgressHooks::new(Arc::new(policy(entries)), Arc::new(private)).sockets()
    }

    #[test]
    fn socket_connections_are_judged_by_the_names_looked_up() {
        let s = sockets(&["*.example.org", "smtp.example.net:25"], open());
        assert!(s.check_lookup("mail.example.org").is_ok());
        assert!(s.check_lookup("smtp.example.net").is_ok());
        let err = s.check_lookup("evil.example").unwrap_err();
        assert!(err.contains("not in the action's allowed hosts"), "{err}");
        let public: IpAddr = "93.184.216.34".parse().unwrap();
        // Not looked up: an address alone is not a name the list allows.
        assert!(!s.permits(SocketAddr::new(public, 25), SocketAddrUse::TcpConnect));
        s.record_lookup("smtp.example.net", &[public]);
        assert!(s.permits(SocketAddr::new(public, 25), SocketAddrUse::TcpConnect));
        assert!(!s.permits(SocketAddr::new(public, 587), SocketAddrUse::TcpConnect));
        // The implicit bind of a connection passes; listening and UDP do not.
        let wildcard: SocketAddr = "0.0.0.0:0".parse().unwrap();
        assert!(s.permits(wildcard, SocketAddrUse::TcpBind));
        assert!(!s.permits("0.0.0.0:25".parse().unwrap(), SocketAddrUse::TcpBind));
        assert!(!s.permits(wildcard, SocketAddrUse::TcpListen));
        assert!(!s.permits(wildcard, SocketAddrUse::UdpBind));
        let denied = s.denied.lock().unwrap();
        assert_eq!(denied.len(), 5, "{denied:?}");
        assert!(
            denied[0].contains("93.184.216.34:25: host is not in"),
            "{denied:?}"
        );
    }

    #[test]
    fn socket_connections_to_special_addresses_need_the_operator() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let closed = sockets(&["*"], PrivateEgress::new(&[], &[]));
        closed.record_lookup("localhost", &[loopback]);
        assert!(!closed.permits(SocketAddr::new(loopback, 25), SocketAddrUse::TcpConnect));
        let explicit = sockets(&["127.0.0.1"], PrivateEgress::new(&[], &[]));
        assert!(!explicit.permits(SocketAddr::new(loopback, 25), SocketAddrUse::TcpConnect));
        let opened = sockets(
            &["127.0.0.1"],
            PrivateEgress::new(&["127.0.0.1".into()], &[]),
        );
        assert!(opened.permits(SocketAddr::new(loopback, 25), SocketAddrUse::TcpConnect));
        let none = sockets(&[], open());
        let err = none.check_lookup("example.org").unwrap_err();
        assert!(err.contains("not allowed any network access"), "{err}");
    }

    #[tokio::test]
    async fn connections_made_for_the_call_pass_the_socket_checks() {
        let s = sockets(&["127.0.0.1:2222", "10.0.0.0/8"], open());
        assert_eq!(
            s.resolve_checked("127.0.0.1", 2222).await,
            Ok(vec!["127.0.0.1:2222".parse().unwrap()])
        );
        let err = s.resolve_checked("127.0.0.1", 22).await.unwrap_err();
        assert!(err.contains("host is not in"), "{err}");
        let err = s.resolve_checked("evil.example", 22).await.unwrap_err();
        assert!(err.contains("host is not in"), "{err}");
        // Operator closed: loopback stays shut even when listed.
        let closed = sockets(&["127.0.0.1"], PrivateEgress::new(&[], &[]));
        let err = closed.resolve_checked("127.0.0.1", 22).await.unwrap_err();
        assert!(err.contains("operator"), "{err}");
        // Behind a gateway only the list speaks, and a special address
        // still needs an entry that names it.
        assert!(s.check_relayed("10.1.2.3", 22).is_ok());
        assert!(s.check_relayed("db.internal", 22).is_err());
        let any = sockets(&["*"], PrivateEgress::new(&[], &[]));
        assert!(any.check_relayed("db.internal", 22).is_ok());
        let err = any.check_relayed("127.0.0.1", 22).unwrap_err();
        assert!(err.contains("not explicitly allowed"), "{err}");
        assert!(closed.check_relayed("127.0.0.1", 22).is_ok());
        let denied = s.denied.lock().unwrap();
        assert_eq!(denied.len(), 3, "every refusal is recorded: {denied:?}");
    }

    #[test]
    fn rules_parse() {
        assert_eq!(
            parse_rule("Example.COM:8080"),
            Some(Rule::Host {
                name: "example.com".into(),
                port: Some(8080)
            })
        );
        assert_eq!(parse_rule("10.0.0.0/33"), None);
        assert!(in_network(
            "fe80::1".parse().unwrap(),
            "fe80::".parse().unwrap(),
            10
        ));
    }
}
