//! Jinja2 binds a unary `-` to a whole postfix chain; minijinja does not,
//! so operands are parenthesised before minijinja parses them.

/// minijinja applies a unary `-` before `.attr`, `[i]` and calls (`-_.a`
/// is `(-_).a`); Jinja2 applies it to the whole postfix chain. Parentheses
/// are added around such operands (`-(_.a)`), and a unary `+` is dropped
/// (minijinja has none).
pub(super) fn bind_unary_operators(source: &str) -> String {
    let bytes = source.as_bytes();
    if !bytes.iter().any(|b| *b == b'-' || *b == b'+') {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len() + 8);
    // Whether the previous significant token ends an operand.
    let mut after_operand = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            out.push(c as char);
            i += 1;
            continue;
        }
        if c == b'-' || c == b'+' {
            let doubled = bytes.get(i + 1) == Some(&c) && c == b'*';
            if !after_operand && !doubled {
                let start = skip_ws(bytes, i + 1);
                if let Some((end, has_postfix)) = operand_end(bytes, start) {
                    let operand = &source[start..end];
                    if c == b'-' {
                        if has_postfix {
                            out.push_str("-(");
                            out.push_str(operand);
                            out.push(')');
                        } else {
                            out.push('-');
                            out.push_str(&source[i + 1..end]);
                        }
                    } else {
                        out.push('(');
                        out.push_str(operand);
                        out.push(')');
                    }
                    i = end;
                    after_operand = true;
                    continue;
                }
            }
            out.push(c as char);
            i += 1;
            after_operand = false;
            continue;
        }
        if c == b'\'' || c == b'"' {
            let end = string_end(bytes, i);
            out.push_str(&source[i..end]);
            i = end;
            after_operand = true;
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            let end = word_end(bytes, i);
            let word = &source[i..end];
            out.push_str(word);
            i = end;
            after_operand = !matches!(
                word,
                "and" | "or" | "not" | "in" | "is" | "if" | "else" | "for"
            );
            continue;
        }
        // Any other character: copy it (multi-byte UTF-8 included).
        let ch_len = source[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&source[i..i + ch_len]);
        after_operand = matches!(c, b')' | b']' | b'}');
        i += ch_len;
    }
    out
}

pub(super) fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

pub(super) fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
    {
        i += 1;
    }
    i
}

pub(super) fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of a bracketed group starting at `start` (`(`, `[` or `{`).
pub(super) fn group_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                i = string_end(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The end of a primary expression and its `.name` / `[..]` / `(..)`
/// chain starting at `start`, and whether there was such a chain.
pub(super) fn operand_end(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let first = *bytes.get(start)?;
    let mut i = if first == b'\'' || first == b'"' {
        string_end(bytes, start)
    } else if first.is_ascii_digit() {
        // A number, with a fraction but without attribute access.
        let mut j = start;
        while j < bytes.len()
            && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'.')
        {
            j += 1;
        }
        return Some((j, false));
    } else if first.is_ascii_alphabetic() || first == b'_' {
        word_end(bytes, start)
    } else if matches!(first, b'(' | b'[' | b'{') {
        group_end(bytes, start)?
    } else {
        return None;
    };
    let mut has_postfix = false;
    loop {
        match bytes.get(i) {
            Some(b'.')
                if bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_') =>
            {
                i = word_end(bytes, i + 1);
                has_postfix = true;
            }
            Some(b'[' | b'(') => {
                i = group_end(bytes, i)?;
                has_postfix = true;
            }
            _ => return Some((i, has_postfix)),
        }
    }
}
