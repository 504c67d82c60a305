//! The request itself, over the `wasi:http` imports (the `wasip2` crate).
//!
//! Not through an async client: an empty request body is finished *before*
//! the request is handed to the host. A client that streams the body after
//! `handle` (as `wstd` does) races a server that answers and closes the
//! connection at once (an HTTP/1.0 server): the host then closes the body
//! stream and a perfectly good response is lost to "connection reset".
//! A non-empty body is written after `handle` (before it, the host's body
//! buffer could fill with nobody reading); if the server answers before
//! taking all of it, the response still wins.

use std::time::Duration;

use bora_action_sdk::ActionError;
use http::{Method, StatusCode};
use wasip2::http::outgoing_handler;
use wasip2::http::types::{
    ErrorCode, Fields, IncomingBody, Method as WasiMethod, OutgoingBody, OutgoingRequest,
    RequestOptions, Scheme,
};
use wasip2::io::streams::{InputStream, StreamError};

use crate::{MAX_CONTENT_LENGTH, Request, too_large};

/// The part of a response read before its body.
pub(crate) struct Response {
    pub status: StatusCode,
    /// Header names (lowercase) and values, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: Option<(InputStream, IncomingBody)>,
}

/// Why a request could not be sent.
pub(crate) enum SendError {
    /// The host's error code (`HttpRequestDenied` when the action was not
    /// granted the host, `ConnectionRefused`, `ConnectionTimeout`, ...).
    Code(ErrorCode),
    Other(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Code(code) => write!(f, "{code:?}"),
            SendError::Other(msg) => f.write_str(msg),
        }
    }
}

fn other(msg: impl Into<String>) -> SendError {
    SendError::Other(msg.into())
}

fn wasi_method(method: &Method) -> WasiMethod {
    match *method {
        Method::GET => WasiMethod::Get,
        Method::HEAD => WasiMethod::Head,
        Method::POST => WasiMethod::Post,
        Method::PUT => WasiMethod::Put,
        Method::DELETE => WasiMethod::Delete,
        Method::CONNECT => WasiMethod::Connect,
        Method::OPTIONS => WasiMethod::Options,
        Method::TRACE => WasiMethod::Trace,
        Method::PATCH => WasiMethod::Patch,
        ref m => WasiMethod::Other(m.as_str().to_owned()),
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// Writes `bytes` to an outgoing body and finishes it.
fn write_body(body: OutgoingBody, bytes: &[u8]) -> Result<(), SendError> {
    {
        let stream = body
            .write()
            .map_err(|()| other("the request body stream is unavailable"))?;
        // blocking-write-and-flush takes at most 4096 bytes a call.
        for chunk in bytes.chunks(4096) {
            stream
                .blocking_write_and_flush(chunk)
                .map_err(|e| other(format!("writing the request body: {}", stream_error(e))))?;
        }
    }
    OutgoingBody::finish(body, None).map_err(SendError::Code)
}

fn stream_error(e: StreamError) -> String {
    match e {
        StreamError::Closed => "the connection was closed".to_owned(),
        StreamError::LastOperationFailed(err) => err.to_debug_string(),
    }
}

/// Sends `req` and waits for the response head.
pub(crate) fn send(req: &Request) -> Result<Response, SendError> {
    let mut fields = Vec::with_capacity(req.headers.len());
    for (name, value) in &req.headers {
        fields.push((name.to_ascii_lowercase(), value.as_bytes().to_vec()));
    }
    let headers =
        Fields::from_list(&fields).map_err(|e| other(format!("invalid request headers: {e:?}")))?;
    let request = OutgoingRequest::new(headers);
    request
        .set_method(&wasi_method(&req.method))
        .map_err(|()| other(format!("invalid method {}", req.method)))?;
    let scheme = if req.url.scheme() == "https" {
        Scheme::Https
    } else {
        Scheme::Http
    };
    request
        .set_scheme(Some(&scheme))
        .map_err(|()| other("invalid scheme"))?;
    let authority = match (req.url.host_str(), req.url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => return Err(other("the URL has no host")),
    };
    request
        .set_authority(Some(&authority))
        .map_err(|()| other(format!("invalid authority {authority}")))?;
    let path = match req.url.query() {
        Some(q) => format!("{}?{q}", req.url.path()),
        None => req.url.path().to_owned(),
    };
    request
        .set_path_with_query(Some(&path))
        .map_err(|()| other(format!("invalid path {path}")))?;

    let options = RequestOptions::new();
    // A host that does not support a timeout option keeps its own.
    let _ = options.set_connect_timeout(Some(nanos(req.connect_timeout)));
    let _ = options.set_first_byte_timeout(Some(nanos(req.read_timeout)));
    let _ = options.set_between_bytes_timeout(Some(nanos(req.read_timeout)));

    let body = request
        .body()
        .map_err(|()| other("the request body is unavailable"))?;
    let pending_body = match &req.body {
        Some(bytes) if !bytes.is_empty() => Some((body, bytes.as_slice())),
        _ => {
            OutgoingBody::finish(body, None).map_err(SendError::Code)?;
            None
        }
    };

    let future = outgoing_handler::handle(request, Some(options)).map_err(SendError::Code)?;
    let body_error = match pending_body {
        Some((body, bytes)) => write_body(body, bytes).err(),
        None => None,
    };

    future.subscribe().block();
    let response = match future.get() {
        Some(Ok(Ok(response))) => response,
        Some(Ok(Err(code))) => return Err(body_error.unwrap_or(SendError::Code(code))),
        Some(Err(())) | None => return Err(other("the response was already taken")),
    };

    let status = StatusCode::from_u16(response.status())
        .map_err(|_| other(format!("invalid status code {}", response.status())))?;
    let headers = response
        .headers()
        .entries()
        .into_iter()
        .map(|(k, v)| (k, String::from_utf8_lossy(&v).into_owned()))
        .collect();
    let body = response
        .consume()
        .ok()
        .and_then(|b| b.stream().ok().map(|s| (s, b)));
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// Reads a response body, up to [`MAX_CONTENT_LENGTH`] bytes.
pub(crate) fn read_body(
    body: Option<(InputStream, IncomingBody)>,
    method: &Method,
) -> Result<Vec<u8>, ActionError> {
    let Some((stream, incoming)) = body else {
        return Ok(Vec::new());
    };
    let result = if *method == Method::HEAD {
        Ok(Vec::new())
    } else {
        read_stream(&stream)
    };
    // The stream is a child of the body: it must go first, on every path
    // (the other order is a trap).
    drop(stream);
    drop(incoming);
    result
}

fn read_stream(stream: &InputStream) -> Result<Vec<u8>, ActionError> {
    let mut bytes = Vec::new();
    loop {
        match stream.blocking_read(64 * 1024) {
            Ok(chunk) => {
                if bytes.len() + chunk.len() > MAX_CONTENT_LENGTH {
                    return Err(too_large((bytes.len() + chunk.len()) as u64));
                }
                bytes.extend_from_slice(&chunk);
            }
            Err(StreamError::Closed) => return Ok(bytes),
            Err(StreamError::LastOperationFailed(e)) => {
                return Err(ActionError::new(format!(
                    "Failed to read the HTTP response: {}",
                    e.to_debug_string()
                )));
            }
        }
    }
}
