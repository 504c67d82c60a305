//! The message itself (RFC 5322 with MIME): headers, the text body or a
//! multipart/alternative of text and HTML, and the dot-stuffed form DATA
//! sends. Pure functions of their inputs (time and randomness are passed
//! in), so the format is easy to follow.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

/// Longest line RFC 5322 allows, without its CRLF.
const MAX_LINE: usize = 998;
/// Where header lines are folded (RFC 5322's recommended 78).
const FOLD_AT: usize = 78;
/// Bytes of text per RFC 2047 encoded word (base64 of 45 bytes is 60
/// characters, which keeps a word under its limit of 75).
const WORD_BYTES: usize = 45;

/// What the message says; addresses are as given (a display form like
/// `Ann <ann@example.org>` is kept in headers).
pub struct Message<'a> {
    pub from: &'a str,
    pub to: &'a [String],
    pub cc: &'a [String],
    pub reply_to: &'a [String],
    pub subject: &'a str,
    pub body: &'a str,
    pub html_body: Option<&'a str>,
    /// Seconds since the Unix epoch, for `Date`.
    pub now: u64,
    /// Random bits for the MIME boundary and the `Message-ID`.
    pub random: u128,
}

impl Message<'_> {
    /// The message as it goes after DATA: CRLF lines, no terminating dot.
    pub fn render(&self) -> String {
        let mut head = String::new();
        header(&mut head, "From", &address_list(&[self.from]));
        if !self.to.is_empty() {
            header(&mut head, "To", &address_list(self.to));
        }
        if !self.cc.is_empty() {
            header(&mut head, "Cc", &address_list(self.cc));
        }
        if !self.reply_to.is_empty() {
            header(&mut head, "Reply-To", &address_list(self.reply_to));
        }
        header(&mut head, "Subject", &unstructured(self.subject));
        header(&mut head, "Date", &rfc5322_date(self.now));
        header(&mut head, "Message-ID", &self.message_id());
        header(&mut head, "MIME-Version", "1.0");
        match self.html_body {
            None => {
                let (part_head, body) = text_part("plain", self.body);
                head.push_str(&part_head);
                format!("{head}\r\n{body}")
            }
            Some(html) => {
                let boundary = self.boundary(html);
                header(
                    &mut head,
                    "Content-Type",
                    &format!("multipart/alternative; boundary=\"{boundary}\""),
                );
                let mut out = format!("{head}\r\n");
                for (subtype, text) in [("plain", self.body), ("html", html)] {
                    let (part_head, body) = text_part(subtype, text);
                    out.push_str(&format!("--{boundary}\r\n{part_head}\r\n{body}"));
                }
                out.push_str(&format!("--{boundary}--\r\n"));
                out
            }
        }
    }

    /// A boundary found in neither body (random, so a clash is only
    /// theoretical; it is checked all the same).
    fn boundary(&self, html: &str) -> String {
        let mut bits = self.random;
        loop {
            let candidate = format!("=_bora_{bits:032x}");
            if !self.body.contains(&candidate) && !html.contains(&candidate) {
                return candidate;
            }
            bits = bits.rotate_left(7) ^ 0x9e37_79b9_7f4a_7c15;
        }
    }

    fn message_id(&self) -> String {
        let domain = addr_spec(self.from)
            .rsplit_once('@')
            .map(|(_, d)| d.to_owned())
            .filter(|d| !d.is_empty() && d.is_ascii())
            .unwrap_or_else(|| "bora.invalid".to_owned());
        format!("<{:x}.{}@{domain}>", self.random >> 64, self.now)
    }
}

/// Appends `Name: value` and its CRLF.
fn header(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(": ");
    out.push_str(value);
    out.push_str("\r\n");
}

/// The address inside a display form (`Ann <ann@example.org>` gives
/// `ann@example.org`), else the whole text trimmed, as smtplib's
/// `quoteaddr` takes it for the envelope.
pub fn addr_spec(address: &str) -> &str {
    let trimmed = address.trim();
    match (trimmed.rfind('<'), trimmed.rfind('>')) {
        (Some(open), Some(close)) if open < close => trimmed[open + 1..close].trim(),
        _ => trimmed,
    }
}

/// Why an address cannot be used as given, if it cannot: no line breaks
/// or other control characters anywhere (they would inject headers or
/// SMTP commands), and a non-empty address without spaces or brackets.
pub fn check_address(address: &str) -> Result<(), String> {
    if address.chars().any(char::is_control) {
        return Err(format!("{address:?} contains a control character"));
    }
    let spec = addr_spec(address);
    if spec.is_empty() || spec.contains(|c: char| c.is_whitespace() || "<>".contains(c)) {
        return Err(format!("{address:?} is not an email address"));
    }
    Ok(())
}

/// An address for a header: a non-ASCII display name as an encoded word
/// (an address that is itself non-ASCII stays UTF-8: SMTPUTF8).
fn header_address(address: &str) -> String {
    let trimmed = address.trim();
    let spec = addr_spec(trimmed);
    match trimmed.rfind('<') {
        Some(open) if !trimmed[..open].is_ascii() => {
            let name = trimmed[..open].trim().trim_matches('"');
            format!("{} <{spec}>", encoded_words(name).join(" "))
        }
        _ => trimmed.to_owned(),
    }
}

/// `a, b, c`, folded between addresses where a line would pass 78.
fn address_list<S: AsRef<str>>(addresses: &[S]) -> String {
    let mut out = String::new();
    let mut line = 0;
    for (i, address) in addresses.iter().enumerate() {
        let address = header_address(address.as_ref());
        if i > 0 {
            if line + address.len() + 2 > FOLD_AT {
                out.push_str(",\r\n ");
                line = 1;
            } else {
                out.push_str(", ");
                line += 2;
            }
        }
        line += address.len();
        out.push_str(&address);
    }
    out
}

/// An unstructured header value (the subject): as is when it is printable
/// ASCII that fits a line, else RFC 2047 encoded words, one a line.
fn unstructured(text: &str) -> String {
    let plain = text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\t');
    if plain && text.len() <= MAX_LINE - 20 {
        return text.to_owned();
    }
    encoded_words(text).join("\r\n ")
}

/// `text` as base64 UTF-8 encoded words, split between characters.
fn encoded_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text.floor_char_boundary(start + WORD_BYTES);
        words.push(format!("=?utf-8?b?{}?=", BASE64.encode(&text[start..end])));
        start = end;
    }
    if words.is_empty() {
        words.push(String::new());
    }
    words
}

/// CR, LF and CRLF line ends all as CRLF.
fn crlf_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\r\n");
            }
            '\n' => out.push_str("\r\n"),
            c => out.push(c),
        }
    }
    if !out.ends_with("\r\n") {
        out.push_str("\r\n");
    }
    out
}

/// A text part's headers and body: 7bit when the text is ASCII with lines
/// that fit, else base64 (as Python's `MIMEText(..., _charset='utf-8')`).
fn text_part(subtype: &str, text: &str) -> (String, String) {
    let lines = crlf_lines(text);
    let mut head = String::new();
    header(
        &mut head,
        "Content-Type",
        &format!("text/{subtype}; charset=\"utf-8\""),
    );
    let fits = lines.is_ascii() && lines.split("\r\n").all(|l| l.len() <= MAX_LINE);
    if fits {
        header(&mut head, "Content-Transfer-Encoding", "7bit");
        return (head, lines);
    }
    header(&mut head, "Content-Transfer-Encoding", "base64");
    let encoded = BASE64.encode(lines.as_bytes());
    let mut body = String::with_capacity(encoded.len() + encoded.len() / 38);
    for chunk in encoded.as_bytes().chunks(76) {
        body.push_str(&String::from_utf8_lossy(chunk));
        body.push_str("\r\n");
    }
    (head, body)
}

/// The DATA form of a rendered message: a line that starts with a dot
/// gets another (RFC 5321 4.5.2), then the terminating dot line.
pub fn dot_stuffed(message: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + 8);
    for line in message.split_inclusive("\r\n") {
        if line.starts_with('.') {
            out.push(b'.');
        }
        out.extend_from_slice(line.as_bytes());
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

/// `Thu, 04 Dec 2025 03:31:43 +0000` for Unix time `secs` (UTC).
fn rfc5322_date(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = secs / 86_400;
    let rest = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} +0000",
        DAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Year, month (1-12) and day of `days` since 1970-01-01 (Howard
/// Hinnant's algorithm, for dates from 1970 on).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}
