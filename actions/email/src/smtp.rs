//! The SMTP conversation (RFC 5321): greeting, EHLO (HELO when the server
//! does not know it), AUTH PLAIN or LOGIN when there is a password, MAIL
//! FROM, RCPT TO for each recipient, DATA, QUIT. No STARTTLS: the sandbox
//! has no TLS for plain sockets (see the crate's documentation).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::SmtpError;
use crate::conn::Conn;

/// Most lines a reply may have (a hostile server could send forever).
const MAX_REPLY_LINES: usize = 1000;

/// One reply: its code and its lines' texts.
pub struct Reply {
    pub code: u16,
    pub lines: Vec<String>,
}

impl std::fmt::Display for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.lines.join(" "))
    }
}

/// What the envelope and the credentials are.
pub struct Envelope<'a> {
    pub from: &'a str,
    pub recipients: &'a [String],
    /// The message, dot-stuffed and ending with the dot line.
    pub data: &'a [u8],
    /// `(user, password)` for AUTH.
    pub login: Option<(&'a str, &'a str)>,
    /// Addresses or headers are not ASCII: the server must offer SMTPUTF8.
    pub utf8: bool,
}

/// A connection in conversation.
pub struct Session {
    conn: Conn,
    /// EHLO keywords (upper case) with their parameters.
    extensions: Vec<(String, String)>,
}

impl Session {
    pub fn new(conn: Conn) -> Self {
        Self {
            conn,
            extensions: Vec::new(),
        }
    }

    fn reply(&mut self) -> Result<Reply, SmtpError> {
        let mut lines = Vec::new();
        let mut code = None;
        loop {
            let line = self.conn.read_line()?;
            let this: u16 = line
                .get(..3)
                .and_then(|c| c.parse().ok())
                .filter(|c| (200..600).contains(c))
                .ok_or_else(|| SmtpError::Protocol(format!("not a reply: {line:?}")))?;
            if *code.get_or_insert(this) != this {
                return Err(SmtpError::Protocol(format!(
                    "a reply mixes codes: {line:?}"
                )));
            }
            let more = line.as_bytes().get(3) == Some(&b'-');
            lines.push(line.get(4..).unwrap_or_default().to_owned());
            if !more {
                return Ok(Reply { code: this, lines });
            }
            if lines.len() >= MAX_REPLY_LINES {
                return Err(SmtpError::Protocol("a reply without end".to_owned()));
            }
        }
    }

    /// Sends `line` (CRLF added) and reads the reply.
    fn command(&mut self, line: &str) -> Result<Reply, SmtpError> {
        self.conn.write_all(format!("{line}\r\n").as_bytes())?;
        self.reply()
    }

    /// Sends `line` and fails unless the reply's code is `want`; `what`
    /// names the step in the error (not the line, which may be a secret).
    fn expect(&mut self, line: &str, want: u16, what: &str) -> Result<Reply, SmtpError> {
        let reply = self.command(line)?;
        if reply.code != want {
            return Err(SmtpError::Rejected {
                what: what.to_owned(),
                reply: reply.to_string(),
            });
        }
        Ok(reply)
    }

    fn has(&self, keyword: &str) -> Option<&str> {
        self.extensions
            .iter()
            .find(|(k, _)| k == keyword)
            .map(|(_, v)| v.as_str())
    }

    /// The greeting and EHLO (HELO when EHLO is refused).
    pub fn hello(&mut self) -> Result<(), SmtpError> {
        let greeting = self.reply()?;
        if greeting.code != 220 {
            return Err(SmtpError::Rejected {
                what: "the connection".to_owned(),
                reply: greeting.to_string(),
            });
        }
        let name = self.conn.local_literal();
        let ehlo = self.command(&format!("EHLO {name}"))?;
        if ehlo.code == 250 {
            self.extensions = ehlo
                .lines
                .iter()
                .skip(1)
                .map(|l| match l.split_once(' ') {
                    Some((k, v)) => (k.to_ascii_uppercase(), v.to_owned()),
                    None => (l.to_ascii_uppercase(), String::new()),
                })
                .collect();
            return Ok(());
        }
        self.expect(&format!("HELO {name}"), 250, "HELO")?;
        Ok(())
    }

    /// AUTH PLAIN, else AUTH LOGIN, whichever the server offers.
    pub fn login(&mut self, user: &str, password: &str) -> Result<(), SmtpError> {
        let offered: Vec<String> = self
            .has("AUTH")
            .ok_or(SmtpError::NoAuth)?
            .split_whitespace()
            .map(str::to_ascii_uppercase)
            .collect();
        if offered.iter().any(|m| m == "PLAIN") {
            let token = BASE64.encode(format!("\0{user}\0{password}"));
            self.expect(&format!("AUTH PLAIN {token}"), 235, "authentication")?;
            return Ok(());
        }
        if offered.iter().any(|m| m == "LOGIN") {
            self.expect("AUTH LOGIN", 334, "authentication")?;
            self.expect(&BASE64.encode(user), 334, "authentication")?;
            self.expect(&BASE64.encode(password), 235, "authentication")?;
            return Ok(());
        }
        Err(SmtpError::NoAuthMechanism(offered.join(" ")))
    }

    /// MAIL, RCPT and DATA. Returns the recipients the server refused
    /// (smtplib's `sendmail`: an error only when it refused them all).
    pub fn send(&mut self, envelope: &Envelope<'_>) -> Result<Vec<String>, SmtpError> {
        if let Some((user, password)) = envelope.login {
            self.login(user, password)?;
        }
        let mut mail = format!("MAIL FROM:<{}>", envelope.from);
        if envelope.utf8 {
            if self.has("SMTPUTF8").is_none() {
                return Err(SmtpError::NoUtf8);
            }
            mail.push_str(" SMTPUTF8");
        }
        self.expect(&mail, 250, "the sender")?;
        let mut refused = Vec::new();
        for rcpt in envelope.recipients {
            let reply = self.command(&format!("RCPT TO:<{rcpt}>"))?;
            if !matches!(reply.code, 250 | 251) {
                refused.push(format!("{rcpt}: {reply}"));
            }
        }
        if refused.len() == envelope.recipients.len() {
            // Leave the server in a clean state before giving up.
            let _ = self.command("RSET");
            return Err(SmtpError::AllRefused(refused.join("; ")));
        }
        self.expect("DATA", 354, "DATA")?;
        self.conn.write_all(envelope.data)?;
        let reply = self.reply()?;
        if reply.code != 250 {
            return Err(SmtpError::Rejected {
                what: "the message".to_owned(),
                reply: reply.to_string(),
            });
        }
        Ok(refused)
    }

    /// QUIT; the message is sent whatever the answer.
    pub fn quit(mut self) {
        let _ = self.command("QUIT");
    }
}
