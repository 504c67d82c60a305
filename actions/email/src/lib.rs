//! `std.email`: sends one message over SMTP, with Mistral's parameters and
//! its result (`null`). The connection is a plain TCP one over
//! `wasi:sockets`: the host allows it only to the hosts the action was
//! granted (as std.http's requests), so `smtp_server` must be among the
//! call's allowed hosts.
//!
//! As Mistral: `subject` and `body` default to `<No subject>` and
//! `<No body>`; with `html_body` the message is multipart/alternative
//! (text, then HTML); `cc_addrs` are shown in a `Cc` header, `bcc_addrs`
//! only in the envelope; with `smtp_password` the client logs in as
//! `from_addr`. Differences, which the sandbox imposes: there is no
//! STARTTLS (nor TLS on connect): the message, and the password when there
//! is one, go over the connection unencrypted, so use a relay on a network
//! you trust (Mistral always starts TLS before logging in). AUTH is PLAIN
//! or LOGIN (not CRAM-MD5). Beyond Mistral, the message gets `Date` and
//! `Message-ID` headers, and `Reply-To` only when there is one.

use std::time::Duration;

use bora_action_sdk::{Action, ActionError, ActionResult, Context, Param, done, log};
use serde::Deserialize;
use serde_json::Value;

mod conn;
mod message;
mod smtp;

use message::{Message, addr_spec, check_address, dot_stuffed};

/// How long each step (connecting, each reply) may take.
const STEP_TIMEOUT: Duration = Duration::from_secs(60);
/// SMTP's port when `smtp_server` names none.
const DEFAULT_PORT: u16 = 25;

/// Why a message could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    #[error(
        "the host refused the connection to {0}: it is not among the action's allowed hosts \
         (or is an address only the operator can open)"
    )]
    Denied(String),
    #[error("{0}")]
    Network(String),
    #[error("the server did not answer in time")]
    Timeout,
    #[error("the server closed the connection")]
    Closed,
    #[error("the server does not speak SMTP as expected: {0}")]
    Protocol(String),
    #[error("the server refused {what}: {reply}")]
    Rejected { what: String, reply: String },
    #[error("SMTP AUTH extension not supported by server")]
    NoAuth,
    #[error(
        "no supported authentication method (the server offers {0}; Bora does PLAIN and LOGIN)"
    )]
    NoAuthMechanism(String),
    #[error("the server does not support SMTPUTF8, which non-ASCII addresses need")]
    NoUtf8,
    #[error("the server refused every recipient: {0}")]
    AllRefused(String),
}

struct Email;

#[derive(Deserialize)]
struct Input {
    from_addr: String,
    to_addrs: Value,
    smtp_server: String,
    reply_to: Value,
    cc_addrs: Value,
    bcc_addrs: Value,
    smtp_password: Option<String>,
    subject: Option<String>,
    body: Option<String>,
    html_body: Option<String>,
}

impl Action for Email {
    type Input = Input;
    const NAME: &'static str = "std.email";
    const DESCRIPTION: &'static str = "Sends an email message over SMTP.";
    const PARAMS: &'static [Param] = &[
        Param::required("from_addr", "The sender's address (and the SMTP login)."),
        Param::required("to_addrs", "The recipients: a list of addresses."),
        Param::required(
            "smtp_server",
            "The SMTP server as host or host:port (port 25 by default); it must be an allowed host.",
        ),
        Param::optional("reply_to", "null", "Addresses for the Reply-To header."),
        Param::optional("cc_addrs", "null", "Recipients shown in the Cc header."),
        Param::optional("bcc_addrs", "null", "Recipients not shown in any header."),
        Param::optional(
            "smtp_password",
            "null",
            "Log in (AUTH PLAIN or LOGIN) as from_addr with this password; sent unencrypted \
             (no STARTTLS in the sandbox).",
        ),
        Param::optional(
            "subject",
            "null",
            "The subject; \"<No subject>\" when empty.",
        ),
        Param::optional("body", "null", "The text body; \"<No body>\" when empty."),
        Param::optional(
            "html_body",
            "null",
            "An HTML body: the message is then multipart/alternative, text and HTML.",
        ),
    ];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        let mail = Mail::from_input(input)?;
        log::info(&format!(
            "Sending email message [from={}, to={:?}, cc={:?}, bcc={:?}, subject={}, using smtp={}:{}]",
            mail.from, mail.to, mail.cc, mail.bcc, mail.subject, mail.host, mail.port
        ));
        let refused = mail
            .send()
            .map_err(|e| ActionError::new(format!("Failed to send an email message: {e}")))?;
        for r in refused {
            log::warn(&format!("std.email: recipient refused: {r}"));
        }
        done(Value::Null)
    }
}

bora_action_sdk::export_action!(Email);

fn bad_input(param: &str, why: impl std::fmt::Display) -> ActionError {
    ActionError::new(format!(
        "Invalid input [name=std.email]: parameter '{param}': {why}"
    ))
}

/// A list of addresses: null is none, a string is one address.
fn addresses(param: &str, value: Value) -> Result<Vec<String>, ActionError> {
    let list = match value {
        Value::Null => Vec::new(),
        Value::String(one) => vec![one],
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) => Ok(s),
                _ => Err(bad_input(param, "expected a list of addresses (strings)")),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(bad_input(param, "expected a list of addresses")),
    };
    for address in &list {
        check_address(address).map_err(|why| bad_input(param, why))?;
    }
    Ok(list)
}

/// `host`, `host:port`, `[v6]` or `[v6]:port` (smtplib splits at a single
/// colon only, so a bare IPv6 address is a host).
fn server(text: &str) -> Result<(String, u16), ActionError> {
    let text = text.trim();
    let port = |p: &str| {
        p.parse::<u16>()
            .map_err(|_| bad_input("smtp_server", format!("invalid port {p:?}")))
    };
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| bad_input("smtp_server", "missing ']'"))?;
        match after.strip_prefix(':') {
            Some(p) => (host, port(p)?),
            None if after.is_empty() => (host, DEFAULT_PORT),
            None => return Err(bad_input("smtp_server", format!("unexpected {after:?}"))),
        }
    } else {
        match text.split_once(':') {
            Some((host, p)) if !p.contains(':') => (host, port(p)?),
            _ => (text, DEFAULT_PORT),
        }
    };
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err(bad_input("smtp_server", format!("invalid host {host:?}")));
    }
    Ok((host.to_owned(), port))
}

/// A message ready to go.
struct Mail {
    from: String,
    to: Vec<String>,
    cc: Vec<String>,
    bcc: Vec<String>,
    reply_to: Vec<String>,
    subject: String,
    body: String,
    html_body: Option<String>,
    host: String,
    port: u16,
    password: Option<String>,
}

impl Mail {
    fn from_input(input: Input) -> Result<Self, ActionError> {
        check_address(&input.from_addr).map_err(|why| bad_input("from_addr", why))?;
        let (host, port) = server(&input.smtp_server)?;
        let non_empty = |s: Option<String>| s.filter(|s| !s.is_empty());
        Ok(Self {
            from: input.from_addr,
            to: addresses("to_addrs", input.to_addrs)?,
            cc: addresses("cc_addrs", input.cc_addrs)?,
            bcc: addresses("bcc_addrs", input.bcc_addrs)?,
            reply_to: addresses("reply_to", input.reply_to)?,
            subject: non_empty(input.subject).unwrap_or_else(|| "<No subject>".to_owned()),
            body: non_empty(input.body).unwrap_or_else(|| "<No body>".to_owned()),
            html_body: non_empty(input.html_body),
            host,
            port,
            password: input.smtp_password,
        })
    }

    /// Renders the message and has it delivered; the refused recipients.
    fn send(&self) -> Result<Vec<String>, SmtpError> {
        // Mistral's order: cc, bcc, to.
        let recipients: Vec<String> = self
            .cc
            .iter()
            .chain(&self.bcc)
            .chain(&self.to)
            .map(|a| addr_spec(a).to_owned())
            .collect();
        if recipients.is_empty() {
            return Err(SmtpError::AllRefused("there is no recipient".to_owned()));
        }
        let now = wasip2::clocks::wall_clock::now().seconds;
        let random = u128::from(wasip2::random::random::get_random_u64()) << 64
            | u128::from(wasip2::random::random::get_random_u64());
        let rendered = Message {
            from: &self.from,
            to: &self.to,
            cc: &self.cc,
            reply_to: &self.reply_to,
            subject: &self.subject,
            body: &self.body,
            html_body: self.html_body.as_deref(),
            now,
            random,
        }
        .render();
        let from = addr_spec(&self.from);
        let utf8 = !from.is_ascii()
            || recipients.iter().any(|r| !r.is_ascii())
            || self.reply_to.iter().any(|a| !addr_spec(a).is_ascii());
        let data = dot_stuffed(&rendered);
        if self.password.is_some() {
            log::warn(
                "std.email: no STARTTLS in the sandbox: the password goes to the server unencrypted",
            );
        }
        let envelope = smtp::Envelope {
            from,
            recipients: &recipients,
            data: &data,
            login: self.password.as_deref().map(|p| (from, p)),
            utf8,
        };
        let conn = conn::Conn::open(&self.host, self.port, STEP_TIMEOUT)?;
        let mut session = smtp::Session::new(conn);
        session.hello()?;
        let refused = session.send(&envelope)?;
        session.quit();
        Ok(refused)
    }
}
