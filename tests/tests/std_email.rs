//! `std.email` end to end, on each backend, against an SMTP sink written
//! here (tokio, a few dozen lines): the envelope (sender, recipients with
//! Bcc only there), the headers, the dot-stuffed body, the multipart
//! message with an HTML body, AUTH PLAIN and LOGIN with a password, and the
//! failures: a name and an address the task may not reach, recipients all
//! refused, a wrong password.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use crate::api_support::{Server, servers_with, task_outcome};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// The password the sink accepts.
const PASSWORD: &str = "s3cret";

/// One message the sink took.
#[derive(Debug, Clone, Default)]
struct Delivery {
    ehlo: String,
    /// Mechanism, user, password.
    auth: Option<(String, String, String)>,
    mail_from: String,
    rcpt: Vec<String>,
    /// The message with the dots unstuffed, CRLF lines.
    data: String,
}

impl Delivery {
    /// The unfolded header `name`.
    fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        let unfolded = head.replace("\r\n ", " ");
        unfolded.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }

    fn body(&self) -> &str {
        self.data.split_once("\r\n\r\n").map_or("", |(_, b)| b)
    }
}

/// An SMTP server that keeps what it is sent. It offers AUTH with the
/// mechanisms given, accepts [`PASSWORD`] only, and refuses recipients at
/// `nobody@`.
struct Sink {
    addr: SocketAddr,
    deliveries: Arc<Mutex<Vec<Delivery>>>,
}

impl Sink {
    async fn start(mechanisms: &'static str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let sink = Sink {
            addr: listener.local_addr().unwrap(),
            deliveries: Arc::default(),
        };
        let deliveries = Arc::clone(&sink.deliveries);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let deliveries = Arc::clone(&deliveries);
                tokio::spawn(async move {
                    if let Some(d) = session(stream, mechanisms).await {
                        deliveries.lock().unwrap().push(d);
                    }
                });
            }
        });
        sink
    }

    fn taken(&self) -> Vec<Delivery> {
        self.deliveries.lock().unwrap().clone()
    }
}

/// One SMTP session; the delivery, if a message was taken.
async fn session(stream: TcpStream, mechanisms: &str) -> Option<Delivery> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut d = Delivery::default();
    let mut taken = false;
    write.write_all(b"220 sink.test ESMTP\r\n").await.ok()?;
    while let Some(line) = lines.next_line().await.ok()? {
        let upper = line.to_ascii_uppercase();
        let reply = if let Some(name) = upper.strip_prefix("EHLO ") {
            d.ehlo = name.to_owned();
            format!("250-sink.test\r\n250-8BITMIME\r\n250 AUTH {mechanisms}\r\n")
        } else if let Some(token) = line.strip_prefix("AUTH PLAIN ") {
            let plain = String::from_utf8(BASE64.decode(token).ok()?).ok()?;
            let mut parts = plain.split('\0').skip(1);
            let (user, password) = (parts.next()?.to_owned(), parts.next()?.to_owned());
            authenticated(&mut d, "PLAIN", user, password)
        } else if upper == "AUTH LOGIN" {
            write.write_all(b"334 VXNlcm5hbWU6\r\n").await.ok()?;
            let user = decode(&lines.next_line().await.ok()??);
            write.write_all(b"334 UGFzc3dvcmQ6\r\n").await.ok()?;
            let password = decode(&lines.next_line().await.ok()??);
            authenticated(&mut d, "LOGIN", user, password)
        } else if upper.starts_with("MAIL FROM:") {
            d.mail_from = between_brackets(&line);
            "250 ok\r\n".to_owned()
        } else if upper.starts_with("RCPT TO:") {
            let rcpt = between_brackets(&line);
            if rcpt.starts_with("nobody@") {
                "550 no such user\r\n".to_owned()
            } else {
                d.rcpt.push(rcpt);
                "250 ok\r\n".to_owned()
            }
        } else if upper == "DATA" {
            write.write_all(b"354 go ahead\r\n").await.ok()?;
            while let Some(line) = lines.next_line().await.ok()? {
                if line == "." {
                    break;
                }
                let line = line.strip_prefix('.').unwrap_or(&line);
                d.data.push_str(line);
                d.data.push_str("\r\n");
            }
            taken = true;
            "250 queued\r\n".to_owned()
        } else if upper == "RSET" {
            "250 ok\r\n".to_owned()
        } else if upper == "QUIT" {
            write.write_all(b"221 bye\r\n").await.ok()?;
            break;
        } else {
            "502 unknown command\r\n".to_owned()
        };
        write.write_all(reply.as_bytes()).await.ok()?;
    }
    taken.then_some(d)
}

fn decode(token: &str) -> String {
    String::from_utf8(BASE64.decode(token.trim()).unwrap()).unwrap()
}

fn authenticated(d: &mut Delivery, mechanism: &str, user: String, password: String) -> String {
    let ok = password == PASSWORD;
    d.auth = Some((mechanism.to_owned(), user, password));
    if ok {
        "235 authenticated\r\n".to_owned()
    } else {
        "535 bad credentials\r\n".to_owned()
    }
}

fn between_brackets(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line.rfind('>').unwrap_or(line.len());
    line[start..end].to_owned()
}

/// RFC 2047 `=?utf-8?b?...?=` words decoded and joined.
fn decode_words(value: &str) -> String {
    value
        .split_whitespace()
        .map(|word| match word.strip_prefix("=?utf-8?b?") {
            Some(rest) => decode(rest.trim_end_matches("?=")),
            None => word.to_owned(),
        })
        .collect()
}

const WORKFLOW: &str = r#"---
version: '2.0'
mail_wf:
  input: [server, login_server]
  task-defaults:
    limits:
      allowed-hosts: ['127.0.0.1']
  tasks:
    plain:
      action: std.email
      input:
        from_addr: Bora <bora@example.org>
        to_addrs: [ann@example.org, 'Bob <bob@example.org>']
        cc_addrs: [carol@example.org]
        bcc_addrs: [dave@example.org]
        reply_to: [ops@example.org]
        subject: Report ✓
        body: "First line\n.starts with a dot\n.\nlast"
        smtp_server: <% $.server %>
    html:
      action: std.email
      input:
        from_addr: bora@example.org
        to_addrs: [erin@example.org]
        subject: Hello
        body: plain text
        html_body: <p>rich <b>text</b></p>
        smtp_server: <% $.server %>
        smtp_password: s3cret
    login:
      action: std.email
      input:
        from_addr: bora@example.org
        to_addrs: [frank@example.org]
        smtp_server: <% $.login_server %>
        smtp_password: s3cret
    refused_host:
      action: std.email
      input:
        from_addr: bora@example.org
        to_addrs: [ann@example.org]
        smtp_server: smtp.example.org:25
    unlisted_address:
      action: std.email
      input:
        from_addr: bora@example.org
        to_addrs: [ann@example.org]
        smtp_server: <% $.server %>
      limits:
        allowed-hosts: ['10.0.0.1']
    nobody:
      action: std.email
      input:
        from_addr: bora@example.org
        to_addrs: [nobody@example.org]
        smtp_server: <% $.server %>
    wrong_password:
      action: std.email
      input:
        from_addr: bora@example.org
        to_addrs: [ann@example.org]
        smtp_server: <% $.server %>
        smtp_password: guess
"#;

/// Runs the workflow; each task's state and `state_info` (or result).
async fn run(s: &Server, input: Value) -> Vec<(String, String, String)> {
    let created = s.post_yaml("/v2/workflows", WORKFLOW).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let (id, ex) = s.run_workflow("mail_wf", &input).await;
    assert_eq!(ex["state"], "ERROR", "four tasks fail: {ex}");
    s.task_outcomes(&id).await
}

fn delivery_to(deliveries: &[Delivery], rcpt: &str) -> Delivery {
    deliveries
        .iter()
        .find(|d| d.rcpt.iter().any(|r| r == rcpt))
        .unwrap_or_else(|| panic!("nothing for {rcpt}: {deliveries:?}"))
        .clone()
}

#[tokio::test]
async fn std_email_speaks_smtp_to_allowed_hosts_only() {
    // The sinks listen on loopback, which only the operator opens.
    let operator = |config: &mut bora::node::NodeConfig| {
        config.runtime.private_egress = vec!["127.0.0.1".into()];
    };
    for server in servers_with("bora_std_email", operator).await {
        let s = &server;
        let sink = Sink::start("PLAIN LOGIN").await;
        let login_sink = Sink::start("LOGIN").await;
        let input = json!({
            "server": sink.addr.to_string(),
            "login_server": login_sink.addr.to_string(),
        });
        let tasks = run(s, input).await;
        for name in ["plain", "html", "login"] {
            assert_eq!(
                task_outcome(&tasks, name),
                ("SUCCESS", "null"),
                "{name}: {tasks:?}"
            );
        }

        let (state, info) = task_outcome(&tasks, "refused_host");
        assert_eq!(state, "ERROR", "{tasks:?}");
        assert!(info.contains("network access denied"), "{info}");
        assert!(
            info.contains("smtp.example.org: host is not in the action's allowed hosts"),
            "{info}"
        );
        // An address (no name lookup): refused at the connection.
        let (state, info) = task_outcome(&tasks, "unlisted_address");
        assert_eq!(state, "ERROR", "{tasks:?}");
        let refused = format!(
            "network access denied ({}: host is not in the action's allowed hosts)",
            sink.addr
        );
        assert!(info.contains(&refused), "{info}");
        let (state, info) = task_outcome(&tasks, "nobody");
        assert_eq!(state, "ERROR", "{tasks:?}");
        assert!(info.contains("Failed to send an email message"), "{info}");
        assert!(info.contains("refused every recipient"), "{info}");
        let (state, info) = task_outcome(&tasks, "wrong_password");
        assert_eq!(state, "ERROR", "{tasks:?}");
        assert!(info.contains("refused authentication: 535"), "{info}");
        assert!(!info.contains("guess"), "the password stays out: {info}");

        let deliveries = sink.taken();
        assert_eq!(deliveries.len(), 2, "{deliveries:?}");

        // Envelope: cc, bcc, then to (Mistral's order); Bcc nowhere else.
        let plain = delivery_to(&deliveries, "ann@example.org");
        assert_eq!(plain.mail_from, "bora@example.org");
        assert_eq!(
            plain.rcpt,
            [
                "carol@example.org",
                "dave@example.org",
                "ann@example.org",
                "bob@example.org"
            ]
        );
        assert!(plain.ehlo.starts_with('['), "an address literal: {plain:?}");
        assert!(plain.auth.is_none(), "no password, no AUTH");
        assert!(!plain.data.contains("dave"), "{}", plain.data);
        let header = |name: &str| plain.header(name).unwrap_or_default();
        assert_eq!(header("From"), "Bora <bora@example.org>");
        assert_eq!(header("To"), "ann@example.org, Bob <bob@example.org>");
        assert_eq!(header("Cc"), "carol@example.org");
        assert_eq!(header("Reply-To"), "ops@example.org");
        assert_eq!(decode_words(&header("Subject")), "Report ✓");
        assert_eq!(header("MIME-Version"), "1.0");
        assert_eq!(header("Content-Type"), "text/plain; charset=\"utf-8\"");
        assert!(header("Date").ends_with("+0000"), "{}", plain.data);
        assert!(
            header("Message-ID").ends_with("@example.org>"),
            "{}",
            plain.data
        );
        // The dots came through stuffing and unstuffing unchanged.
        assert_eq!(
            plain.body(),
            "First line\r\n.starts with a dot\r\n.\r\nlast\r\n"
        );

        // HTML: text and HTML alternatives; AUTH PLAIN as the sender.
        let html = delivery_to(&deliveries, "erin@example.org");
        assert_eq!(
            html.auth,
            Some(("PLAIN".into(), "bora@example.org".into(), PASSWORD.into()))
        );
        let content_type = html.header("Content-Type").unwrap_or_default();
        let boundary = content_type
            .strip_prefix("multipart/alternative; boundary=\"")
            .and_then(|b| b.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{content_type}"));
        let parts: Vec<&str> = html.body().split(&format!("--{boundary}")).collect();
        assert_eq!(parts.len(), 4, "preamble, two parts, end: {}", html.data);
        assert!(parts[1].contains("Content-Type: text/plain; charset=\"utf-8\""));
        assert!(
            parts[1].ends_with("\r\n\r\nplain text\r\n"),
            "{:?}",
            parts[1]
        );
        assert!(parts[2].contains("Content-Type: text/html; charset=\"utf-8\""));
        assert!(
            parts[2].ends_with("\r\n\r\n<p>rich <b>text</b></p>\r\n"),
            "{:?}",
            parts[2]
        );
        assert_eq!(parts[3], "--\r\n");

        // A server that offers LOGIN only; Mistral's defaults for an
        // empty subject and body.
        let login = login_sink.taken();
        assert_eq!(login.len(), 1, "{login:?}");
        assert_eq!(
            login[0].auth,
            Some(("LOGIN".into(), "bora@example.org".into(), PASSWORD.into()))
        );
        assert_eq!(login[0].header("Subject").as_deref(), Some("<No subject>"));
        assert_eq!(login[0].body(), "<No body>\r\n");
        server.stop().await;
    }
}
