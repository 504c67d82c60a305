//! The source text before parsing: the characters and tabs PyYAML refuses,
//! and the indicators Mistral's loader reads as plain text.

use super::{Pos, YamlError};

/// Mistral's loader reads `&anchor` and `*alias` as plain text and allows a
/// plain scalar to start with `@`; a YAML 1.2 parser does neither. Those
/// characters, where a node may start, are swapped for private-use
/// sentinels before parsing and swapped back in every scalar, so they end up
/// as plain text exactly as in Mistral. (A text already holding a sentinel
/// is left alone for that character.)
const SENTINELS: [(char, char); 3] = [('@', '\u{e000}'), ('&', '\u{e001}'), ('*', '\u{e002}')];

pub(super) fn protect_indicators(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['@', '&', '*']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let usable: Vec<(char, char)> = SENTINELS
        .iter()
        .copied()
        .filter(|(_, s)| !text.contains(*s))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut node_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_blank = chars
            .peek()
            .is_none_or(|n| matches!(n, ' ' | '\t' | '\n' | '\r'));
        match c {
            '\n' => {
                node_start = true;
                out.push(c);
            }
            ' ' | '\t' | '\r' => out.push(c),
            _ if node_start && let Some((_, s)) = usable.iter().find(|(i, _)| *i == c) => {
                out.push(*s);
                node_start = false;
            }
            '-' | '?' | ':' if next_blank => {
                node_start = true;
                out.push(c);
            }
            '[' | '{' | ',' => {
                node_start = true;
                out.push(c);
            }
            _ => {
                node_start = false;
                out.push(c);
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

pub(super) fn unprotect(text: String) -> String {
    if !text.contains(['\u{e000}', '\u{e001}', '\u{e002}']) {
        return text;
    }
    text.chars()
        .map(|c| {
            SENTINELS
                .iter()
                .find(|(_, s)| *s == c)
                .map_or(c, |(i, _)| *i)
        })
        .collect()
}

/// PyYAML skips only spaces between tokens: a tab outside a quoted scalar,
/// a block scalar or a comment is `found character '\t' that cannot start
/// any token` (a YAML 1.2 parser accepts some of those tabs, e.g. trailing
/// ones). This scanner follows quotes, comments and block scalars closely
/// enough to find such tabs.
pub(super) fn check_tabs(text: &str) -> Result<(), YamlError> {
    if !text.contains('\t') {
        return Ok(());
    }
    let mut quote: Option<char> = None;
    // Indentation of the line that opened a block scalar, while inside it.
    let mut block_parent: Option<usize> = None;
    for (lineno, line) in text.split('\n').enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_parent {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_parent = None;
        }
        let mut node_start = quote.is_none();
        let mut prev_blank = true;
        let mut chars = line.chars().enumerate().peekable();
        while let Some((col, c)) = chars.next() {
            if let Some(q) = quote {
                if c == q {
                    if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                } else if c == '\\' && q == '"' {
                    chars.next();
                }
                prev_blank = false;
                continue;
            }
            match c {
                '\t' => {
                    return Err(YamlError {
                        message: "Definition could not be parsed: while scanning for the next token found character '\\t' that cannot start any token".into(),
                        pos: Pos { line: lineno + 1, column: col + 1 },
                    });
                }
                '#' if prev_blank => break,
                '\'' | '"' if node_start => {
                    quote = Some(c);
                    node_start = false;
                }
                ' ' | '\r' => {}
                '-' | '?' | ':' | '[' | '{' | ',' => node_start = true,
                _ => node_start = false,
            }
            prev_blank = matches!(c, ' ' | '\r');
        }
        // `key: |`, `- >-`, `key: |2`: a block scalar starts on the next line.
        let code = line.split(" #").next().unwrap_or("").trim_end();
        let tail = code.trim_end_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
        if quote.is_none()
            && (tail.ends_with('|') || tail.ends_with('>'))
            && (tail.len() == 1 || tail[..tail.len() - 1].ends_with([' ', ':', '-']))
        {
            block_parent = Some(indent);
        }
    }
    Ok(())
}

/// PyYAML's reader refuses non-printable characters anywhere in the stream.
pub(super) fn check_characters(text: &str) -> Result<(), YamlError> {
    let (mut line, mut column) = (1, 1);
    for c in text.chars() {
        let ok = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
        if !ok {
            return Err(YamlError {
                message: format!(
                    "Definition could not be parsed: unacceptable character #x{:04x}: special characters are not allowed",
                    c as u32
                ),
                pos: Pos { line, column },
            });
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    Ok(())
}
