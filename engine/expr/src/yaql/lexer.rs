//! YAQL's lexer: turns expression text into tokens with character positions.
//!
//! Token rules follow yaql 3.2 (first matching rule wins, in this order):
//!
//! | token | pattern | notes |
//! |---|---|---|
//! | `DOLLAR` | `\$\w*` | `$`, `$name`, `$1` |
//! | `NUMBER` | `\b\d+(\.?\d+)?\b` | no exponent, no leading `.`; `1e3` is illegal |
//! | `FUNC` | `\b[^\W\d]\w*\(` | a name immediately followed by `(` |
//! | `KEYWORD` | `(?!__)\b[^\W\d]\w*\b` | bare names; `true`/`false`/`null` and the word operators `and or not in mod` are recognised here |
//! | strings | `'...'`, `"..."` (Python escapes), `` `...` `` (verbatim) | |
//! | operators | longest first: `=> ?. -> =~ !~ >= <= != . + - * / > < = [ { ( ) ] } ,` | |
//!
//! Spaces, tabs, `\r` and `\n` are skipped. Anything else is
//! `Lexical error: illegal character 'c' at position N` (N counts characters).

use super::YaqlError;

/// A token kind with its payload.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// `$` (empty name) or `$name`; the name excludes the `$`.
    Dollar(String),
    Int(i128),
    Float(f64),
    /// A name immediately followed by `(` (the `(` is consumed).
    Func(String),
    Keyword(String),
    Str(String),
    True,
    False,
    Null,
    /// An operator or punctuation, by its text (`and`, `+`, `?.`, `(`, ...).
    Op(&'static str),
}

impl Tok {
    /// The token's value as yaql's parse errors print it (Python `str()`).
    pub fn display(&self) -> String {
        match self {
            Tok::Dollar(name) => format!("${name}"),
            Tok::Int(i) => i.to_string(),
            Tok::Float(f) => crate::python::float_repr(*f),
            Tok::Func(name) | Tok::Keyword(name) | Tok::Str(name) => name.clone(),
            Tok::True => "True".into(),
            Tok::False => "False".into(),
            Tok::Null => "None".into(),
            Tok::Op(op) => (*op).into(),
        }
    }
}

/// A token and the character position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: usize,
}

const OPERATORS: &[&str] = &[
    "=>", "?.", "->", "=~", "!~", ">=", "<=", "!=", ".", "+", "-", "*", "/", ">", "<", "=", "[",
    "{", "(", ")", "]", "}", ",",
];

const WORD_OPERATORS: &[&str] = &["and", "or", "not", "in", "mod"];

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Python's `\d` (ASCII digits here; other Unicode decimal digits are not
/// recognised).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Result<Vec<Token>, YaqlError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    // Python's `\b`: a boundary between a word and a non-word character.
    let boundary = |i: usize| -> bool {
        let before = i > 0 && is_word(chars[i - 1]);
        let after = i < chars.len() && is_word(chars[i]);
        before != after
    };
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, ' ' | '\t' | '\r' | '\n') {
            i += 1;
            continue;
        }
        let start = i;
        // DOLLAR
        if c == '$' {
            let mut j = i + 1;
            while j < chars.len() && is_word(chars[j]) {
                j += 1;
            }
            tokens.push(Token {
                tok: Tok::Dollar(chars[i + 1..j].iter().collect()),
                pos: start,
            });
            i = j;
            continue;
        }
        // NUMBER: \b\d+(\.?\d+)?\b
        if is_digit(c)
            && boundary(i)
            && let Some((tok, end)) = lex_number(&chars, i, &boundary)
        {
            tokens.push(Token { tok, pos: start });
            i = end;
            continue;
        }
        // FUNC / KEYWORD: names start with a word character that is not a digit.
        if is_word(c) && !is_digit(c) && boundary(i) {
            let mut j = i + 1;
            while j < chars.len() && is_word(chars[j]) {
                j += 1;
            }
            let name: String = chars[i..j].iter().collect();
            if j < chars.len() && chars[j] == '(' {
                tokens.push(Token {
                    tok: Tok::Func(name),
                    pos: start,
                });
                i = j + 1;
                continue;
            }
            if !name.starts_with("__") {
                let tok = match name.as_str() {
                    "true" => Tok::True,
                    "false" => Tok::False,
                    "null" => Tok::Null,
                    other => match WORD_OPERATORS.iter().find(|op| **op == other) {
                        Some(op) => Tok::Op(op),
                        None => Tok::Keyword(name),
                    },
                };
                tokens.push(Token { tok, pos: start });
                i = j;
                continue;
            }
            return Err(YaqlError::Lexical { ch: c, pos: i });
        }
        if c == '\'' || c == '"' || c == '`' {
            if let Some((value, end)) = lex_string(&chars, i) {
                tokens.push(Token {
                    tok: Tok::Str(value),
                    pos: start,
                });
                i = end;
                continue;
            }
            return Err(YaqlError::Lexical { ch: c, pos: i });
        }
        if let Some(op) = OPERATORS.iter().find(|op| {
            op.chars()
                .enumerate()
                .all(|(k, oc)| chars.get(i + k) == Some(&oc))
        }) {
            tokens.push(Token {
                tok: Tok::Op(op),
                pos: start,
            });
            i += op.chars().count();
            continue;
        }
        return Err(YaqlError::Lexical { ch: c, pos: i });
    }
    Ok(tokens)
}

fn lex_number(
    chars: &[char],
    start: usize,
    boundary: &dyn Fn(usize) -> bool,
) -> Option<(Tok, usize)> {
    let mut j = start;
    while j < chars.len() && is_digit(chars[j]) {
        j += 1;
    }
    // Try the fractional form first (regex greediness), then the integer form.
    if j + 1 < chars.len() && chars[j] == '.' && is_digit(chars[j + 1]) {
        let mut k = j + 1;
        while k < chars.len() && is_digit(chars[k]) {
            k += 1;
        }
        if boundary(k) {
            let text: String = chars[start..k].iter().map(ascii_digit).collect();
            return text.parse::<f64>().ok().map(|f| (Tok::Float(f), k));
        }
    }
    if boundary(j) {
        let text: String = chars[start..j].iter().map(ascii_digit).collect();
        return text.parse::<i128>().ok().map(|n| (Tok::Int(n), j));
    }
    None
}

fn ascii_digit(c: &char) -> char {
    match c.to_digit(10) {
        Some(d) => char::from(b'0' + d as u8),
        None => *c,
    }
}

/// A quoted string starting at `start`; returns the decoded value and the
/// position after the closing quote.
fn lex_string(chars: &[char], start: usize) -> Option<(String, usize)> {
    let quote = chars[start];
    let mut j = start + 1;
    let mut raw = String::new();
    while j < chars.len() {
        let c = chars[j];
        if c == '\\' {
            let next = *chars.get(j + 1)?;
            raw.push(c);
            raw.push(next);
            j += 2;
            continue;
        }
        if c == quote {
            let value = if quote == '`' {
                raw.replace("\\`", "`")
            } else {
                decode_escapes(&raw)
            };
            return Some((value, j + 1));
        }
        raw.push(c);
        j += 1;
    }
    None
}

/// Python's `unicode-escape` decoding of the escape sequences yaql recognises;
/// other backslashes stay as they are.
fn decode_escapes(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\\' || i + 1 >= chars.len() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let next = chars[i + 1];
        let hex = |len: usize| -> Option<char> {
            let digits: String = chars.get(i + 2..i + 2 + len)?.iter().collect();
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        let simple = match next {
            '\\' => Some('\\'),
            '\'' => Some('\''),
            '"' => Some('"'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\x0b'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            i += 2;
            continue;
        }
        let (len, decoded) = match next {
            'x' => (2, hex(2)),
            'u' => (4, hex(4)),
            'U' => (8, hex(8)),
            _ => (0, None),
        };
        if let Some(c) = decoded {
            out.push(c);
            i += 2 + len;
            continue;
        }
        if next.is_digit(8) {
            let mut k = i + 1;
            let mut n = 0u32;
            while k < chars.len() && k < i + 4 && chars[k].is_digit(8) {
                n = n * 8 + chars[k].to_digit(8).unwrap_or(0);
                k += 1;
            }
            if let Some(c) = char::from_u32(n) {
                out.push(c);
                i = k;
                continue;
            }
        }
        out.push('\\');
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        tokenize(text)
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn basic_tokens() {
        assert_eq!(
            toks("$.a + 1"),
            vec![
                Tok::Dollar(String::new()),
                Tok::Op("."),
                Tok::Keyword("a".into()),
                Tok::Op("+"),
                Tok::Int(1)
            ]
        );
        assert_eq!(toks("select($)")[0], Tok::Func("select".into()));
        assert_eq!(toks("a and not b")[1], Tok::Op("and"));
        assert_eq!(toks("2.5"), vec![Tok::Float(2.5)]);
        assert_eq!(toks("'a\\nb'"), vec![Tok::Str("a\nb".into())]);
        assert_eq!(toks("`a\\d`"), vec![Tok::Str("a\\d".into())]);
        assert_eq!(toks("a=>1")[1], Tok::Op("=>"));
        assert_eq!(toks("$__env"), vec![Tok::Dollar("__env".into())]);
    }

    #[test]
    fn lexical_errors() {
        let err = |t: &str| tokenize(t).err().map(|e| e.to_string());
        assert_eq!(
            err("str(1e3)").as_deref(),
            Some("Lexical error: illegal character '1' at position 4")
        );
        assert_eq!(
            err("$.__env").as_deref(),
            Some("Lexical error: illegal character '_' at position 2")
        );
        assert_eq!(
            err("$.list[1:3]").as_deref(),
            Some("Lexical error: illegal character ':' at position 8")
        );
        assert_eq!(
            err("'").as_deref(),
            Some("Lexical error: illegal character ''' at position 0")
        );
    }
}
