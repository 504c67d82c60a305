//! GETs `url` through `wasi:http` and returns `{status, body}`, or fails
//! with the host's error code (e.g. `HttpRequestDenied` when the action was
//! not granted the host).

use bora_action_sdk::{Action, ActionError, ActionResult, Context, Param, done};
use serde::Deserialize;
use serde_json::json;
use wasip2::http::outgoing_handler;
use wasip2::http::types::{Fields, Method, OutgoingBody, OutgoingRequest, Scheme};
use wasip2::io::streams::StreamError;

struct HttpFetch;

#[derive(Deserialize)]
struct Input {
    url: String,
}

fn fetch(url: &str) -> Result<(u16, String), String> {
    let (scheme, rest) = if let Some(rest) = url.strip_prefix("http://") {
        (Scheme::Http, rest)
    } else if let Some(rest) = url.strip_prefix("https://") {
        (Scheme::Https, rest)
    } else {
        return Err(format!("not an http(s) URL: {url}"));
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let request = OutgoingRequest::new(Fields::new());
    request.set_method(&Method::Get).map_err(|()| "method")?;
    request.set_scheme(Some(&scheme)).map_err(|()| "scheme")?;
    request
        .set_authority(Some(authority))
        .map_err(|()| format!("bad authority {authority}"))?;
    request
        .set_path_with_query(Some(path))
        .map_err(|()| format!("bad path {path}"))?;
    // Finish the (empty) body before sending, so a server that answers and
    // closes at once cannot race it.
    let body = request.body().map_err(|()| "body")?;
    OutgoingBody::finish(body, None).map_err(|e| format!("{e:?}"))?;

    let future = outgoing_handler::handle(request, None).map_err(|e| format!("{e:?}"))?;
    future.subscribe().block();
    let response = match future.get() {
        Some(Ok(Ok(r))) => r,
        Some(Ok(Err(e))) => return Err(format!("{e:?}")),
        _ => return Err("no response".to_owned()),
    };
    let status = response.status();
    let incoming = response.consume().map_err(|()| "consume")?;
    let stream = incoming.stream().map_err(|()| "stream")?;
    let mut bytes = Vec::new();
    loop {
        match stream.blocking_read(64 * 1024) {
            Ok(chunk) => bytes.extend_from_slice(&chunk),
            Err(StreamError::Closed) => break,
            Err(StreamError::LastOperationFailed(e)) => return Err(e.to_debug_string()),
        }
    }
    drop(stream);
    drop(incoming);
    Ok((status, String::from_utf8_lossy(&bytes).into_owned()))
}

impl Action for HttpFetch {
    type Input = Input;
    const NAME: &'static str = "test.http_fetch";
    const DESCRIPTION: &'static str = "GETs a URL.";
    const PARAMS: &'static [Param] = &[Param::required("url", "The URL to GET.")];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        match fetch(&input.url) {
            Ok((status, body)) => done(json!({"status": status, "body": body})),
            Err(e) => Err(ActionError::new(format!("GET {} failed: {e}", input.url))),
        }
    }
}

bora_action_sdk::export_action!(HttpFetch);
