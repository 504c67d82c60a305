//! `wasi:sockets/ip-name-lookup` under the call's egress policy. wasmtime's
//! own lookup is all or nothing and never says which name a later
//! connection came from; this one refuses names the action was not
//! granted and tells [`SocketEgress`] what each allowed name resolved to,
//! so that the connection check can judge an address by its name.
//!
//! The stream resource keeps wasmtime-wasi's type (its contents are
//! private to that crate); the table holds a [`Lookup`] under its handles,
//! which only this module reads.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;

use wasmtime::component::{HasSelf, Linker, Resource};
use wasmtime_wasi::p2::bindings::sockets::ip_name_lookup::{
    self, HostResolveAddressStream, ResolveAddressStream,
};
use wasmtime_wasi::p2::bindings::sockets::network::{self, ErrorCode, IpAddress};
use wasmtime_wasi::p2::{DynPollable, Network, Pollable, SocketError, subscribe};
use wasmtime_wasi::sockets::WasiSocketsView;

use super::host::HostState;
use super::net::SocketEgress;

/// Longest name a lookup takes (RFC 1035's limit on a full name).
const MAX_NAME_LEN: usize = 253;

type Resolving = Pin<Box<dyn Future<Output = Result<Vec<IpAddr>, ErrorCode>> + Send>>;

/// One lookup: resolving, then its addresses handed out one by one.
pub(crate) struct Lookup(State);

enum State {
    Pending(Resolving),
    Done(Result<std::vec::IntoIter<IpAddr>, ErrorCode>),
}

#[async_trait::async_trait]
impl Pollable for Lookup {
    async fn ready(&mut self) {
        if let State::Pending(resolving) = &mut self.0 {
            let result = resolving.await;
            self.0 = State::Done(result.map(Vec::into_iter));
        }
    }
}

/// Puts this lookup in place of wasmtime-wasi's (added before it).
pub(crate) fn replace_lookup(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.allow_shadowing(true);
    let added = ip_name_lookup::add_to_linker::<HostState, HasSelf<HostState>>(linker, |s| s);
    linker.allow_shadowing(false);
    added
}

/// A name as DNS takes it: ASCII letters, digits, `-` and `.` (no IDN).
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// An IP literal, with or without IPv6 brackets.
fn ip_literal(name: &str) -> Option<IpAddr> {
    name.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

fn ours(stream: &Resource<ResolveAddressStream>) -> Resource<Lookup> {
    Resource::new_borrow(stream.rep())
}

/// Resolves `name`; the addresses are remembered for the connection check.
fn resolve(egress: Arc<SocketEgress>, name: String) -> Resolving {
    Box::pin(async move {
        let addrs: Vec<IpAddr> = tokio::net::lookup_host((name.as_str(), 0))
            .await
            .map_err(|_| ErrorCode::NameUnresolvable)?
            .map(|a| a.ip().to_canonical())
            .collect();
        egress.record_lookup(&name, &addrs);
        Ok(addrs)
    })
}

impl ip_name_lookup::Host for HostState {
    fn resolve_addresses(
        &mut self,
        network: Resource<Network>,
        name: String,
    ) -> Result<Resource<ResolveAddressStream>, SocketError> {
        // The network handle is the capability; it must at least be valid.
        self.table.get(&network)?;
        let state = match ip_literal(&name) {
            // An address is judged when it is connected to.
            Some(ip) => State::Done(Ok(vec![ip.to_canonical()].into_iter())),
            None if !valid_name(&name) => return Err(ErrorCode::InvalidArgument.into()),
            None => {
                if let Err(reason) = self.socket_egress.check_lookup(&name) {
                    self.socket_egress.deny(reason);
                    return Err(ErrorCode::AccessDenied.into());
                }
                State::Pending(resolve(Arc::clone(&self.socket_egress), name))
            }
        };
        let lookup = self.table.push(Lookup(state))?;
        Ok(Resource::new_own(lookup.rep()))
    }
}

impl HostResolveAddressStream for HostState {
    fn resolve_next_address(
        &mut self,
        stream: Resource<ResolveAddressStream>,
    ) -> Result<Option<IpAddress>, SocketError> {
        let lookup = self.table.get_mut(&ours(&stream))?;
        match &mut lookup.0 {
            State::Pending(_) => Err(ErrorCode::WouldBlock.into()),
            State::Done(Ok(addrs)) => Ok(addrs.next().map(IpAddress::from)),
            State::Done(Err(code)) => Err((*code).into()),
        }
    }

    fn subscribe(
        &mut self,
        stream: Resource<ResolveAddressStream>,
    ) -> wasmtime::Result<Resource<DynPollable>> {
        subscribe(&mut self.table, ours(&stream))
    }

    fn drop(&mut self, stream: Resource<ResolveAddressStream>) -> wasmtime::Result<()> {
        self.table
            .delete(Resource::<Lookup>::new_own(stream.rep()))?;
        Ok(())
    }
}

// The lookup's bindings also ask for the `network` interface's host (they
// share its types); the linker keeps wasmtime-wasi's, so these delegate.
impl network::Host for HostState {
    fn convert_error_code(&mut self, error: SocketError) -> wasmtime::Result<ErrorCode> {
        network::Host::convert_error_code(&mut self.sockets(), error)
    }

    fn network_error_code(
        &mut self,
        err: Resource<wasmtime::Error>,
    ) -> wasmtime::Result<Option<ErrorCode>> {
        network::Host::network_error_code(&mut self.sockets(), err)
    }
}

impl network::HostNetwork for HostState {
    fn drop(&mut self, this: Resource<Network>) -> wasmtime::Result<()> {
        network::HostNetwork::drop(&mut self.sockets(), this)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert!(valid_name("smtp.example.org"));
        assert!(!valid_name("smtp example.org"));
        assert!(!valid_name(""));
        assert!(!valid_name(&"a".repeat(254)));
        assert_eq!(
            ip_literal("[::1]"),
            Some("::1".parse().unwrap_or(IpAddr::from([0; 4])))
        );
        assert_eq!(ip_literal("10.0.0.1"), Some(IpAddr::from([10, 0, 0, 1])));
        assert_eq!(ip_literal("example.org"), None);
    }
}
