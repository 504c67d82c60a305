//! Secret values: sealed at rest, opened only for the action that needs
//! them, and never shown.
//!
//! An environment's secret variable is stored as a *marker*, a string
//! `bora-secret:v1.KEYID.DATA;` where DATA is the value encrypted with
//! XChaCha20-Poly1305 under the node's secret key, bound to the project
//! that owns it. Everything downstream (executions' `env`, expressions,
//! task inputs, the store) holds only markers: an expression that uses a
//! secret passes its marker along, also inside a longer string (`Bearer
//! <% env().token %>`). Right before an action runs, its input's markers
//! are opened ([`open_all`]); what the action gives back (result, error,
//! output, logs) has each opened value replaced with [`MASK`]
//! ([`Opened::redact_value`]), and every answer of the API shows markers
//! as [`MASK`] ([`mask_markers`]).
//!
//! A project secret (`bora secret set`) is stored sealed the same way, one
//! per name and project. Expressions name it with `secret('NAME')`, which
//! gives a *reference* `bora-secret:ref.NAME;` (expressions stay pure);
//! [`open_all`] replaces it with the value of the calling project's secret
//! of that name, and it is masked like a marker everywhere else.
//!
//! Keys are 32 random bytes in base64 (`bora secrets new-key`). A node
//! has a list: the first seals, all open (a marker names its key), so a
//! key is rotated by putting the new one first, re-sealing the stored
//! environments (`bora secrets rotate`) and dropping the old key once the
//! executions that started before have finished.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What every marker starts with.
pub const MARKER_PREFIX: &str = "bora-secret:";

/// The version and separator after [`MARKER_PREFIX`].
const VERSION: &str = "v1.";

/// What ends a marker (never in base64url, so a marker followed by more
/// text is still found whole).
const END: char = ';';

/// What a secret is shown as.
pub const MASK: &str = "***";

/// Opened values shorter than this are not masked in what an action
/// returns: masking every `a` or `1` would garble results and tell little.
const MIN_MASKED_LEN: usize = 3;

const NONCE_LEN: usize = 24;

/// Why a secret cannot be sealed or opened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    /// No key is configured.
    #[error(
        "secret values need a key: start bora serve with --secret-key KEY (or BORA_SECRET_KEY); \
         `bora secrets new-key` makes one"
    )]
    NoKey,
    /// A configured key is not 32 bytes of base64.
    #[error(
        "secret key #{index} is not valid: expected 32 bytes in base64 (`bora secrets new-key` makes one)"
    )]
    BadKey { index: usize },
    /// A marker names a key this node does not have.
    #[error(
        "a secret was sealed with key {key_id}, which this node does not have (list the old key \
         after the new one in --secret-key until `bora secrets rotate` has run)"
    )]
    UnknownKey { key_id: String },
    /// A marker is damaged, or belongs to another project.
    #[error("a secret cannot be opened: it is damaged or belongs to another project")]
    Damaged,
    /// The operating system's random generator failed.
    #[error("cannot draw a random nonce: {0}")]
    Random(String),
    /// `secret('NAME')` names a secret its project does not have.
    #[error(
        "project {project} has no secret {name} (an operator sets it with \
         `bora secret set --project {project} {name}`)"
    )]
    Missing { name: String, project: String },
}

/// What follows [`MARKER_PREFIX`]: a sealed value or a reference to a
/// project secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body<'a> {
    /// `KEYID.DATA` of a sealed value.
    Sealed(&'a str),
    /// The name of a project secret.
    Reference(&'a str),
}

struct Key {
    id: String,
    cipher: XChaCha20Poly1305,
}

/// The node's secret keys: the first seals, all open.
#[derive(Default, Clone)]
pub struct Keyring {
    keys: std::sync::Arc<Vec<Key>>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the keys themselves.
        let ids: Vec<&str> = self.keys.iter().map(|k| k.id.as_str()).collect();
        f.debug_struct("Keyring").field("key_ids", &ids).finish()
    }
}

/// The id a marker names its key by: the start of the key's SHA-256.
fn key_id(key: &[u8]) -> String {
    hex::encode(&Sha256::digest(key)[..4])
}

/// The associated data that binds a sealed value to its project.
fn bound_to(project: &str) -> Vec<u8> {
    let mut aad = b"bora-secret-v1\0".to_vec();
    aad.extend_from_slice(project.as_bytes());
    aad
}

impl Keyring {
    /// A keyring of base64 keys, the sealing one first.
    ///
    /// # Errors
    /// [`SecretError::BadKey`] for a key that is not 32 bytes of base64.
    pub fn parse<S: AsRef<str>>(keys: &[S]) -> Result<Self, SecretError> {
        let mut parsed = Vec::with_capacity(keys.len());
        for (index, text) in keys.iter().enumerate() {
            let bytes = STANDARD
                .decode(text.as_ref().trim())
                .map_err(|_| SecretError::BadKey { index: index + 1 })?;
            if bytes.len() != 32 {
                return Err(SecretError::BadKey { index: index + 1 });
            }
            let cipher = XChaCha20Poly1305::new_from_slice(&bytes)
                .map_err(|_| SecretError::BadKey { index: index + 1 })?;
            parsed.push(Key {
                id: key_id(&bytes),
                cipher,
            });
        }
        Ok(Self {
            keys: std::sync::Arc::new(parsed),
        })
    }

    /// A new random key, in base64.
    ///
    /// # Errors
    /// [`SecretError::Random`] when the system's generator fails.
    pub fn new_key() -> Result<String, SecretError> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| SecretError::Random(e.to_string()))?;
        Ok(STANDARD.encode(key))
    }

    /// Whether no key is configured (secrets cannot be stored).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The id of the sealing key.
    pub fn sealing_key_id(&self) -> Option<&str> {
        self.keys.first().map(|k| k.id.as_str())
    }

    /// `plaintext` sealed for `project`, as a marker.
    ///
    /// # Errors
    /// [`SecretError::NoKey`] without a key; [`SecretError::Random`].
    pub fn seal(&self, project: &str, plaintext: &str) -> Result<String, SecretError> {
        let key = self.keys.first().ok_or(SecretError::NoKey)?;
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|e| SecretError::Random(e.to_string()))?;
        let aad = bound_to(project);
        let sealed = key
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: &aad,
                },
            )
            .map_err(|_| SecretError::Damaged)?;
        let mut data = nonce.to_vec();
        data.extend_from_slice(&sealed);
        Ok(format!(
            "{MARKER_PREFIX}{VERSION}{}.{}{END}",
            key.id,
            URL_SAFE_NO_PAD.encode(data)
        ))
    }

    /// The value of one marker's body (`KEYID.DATA`) sealed for `project`.
    fn open_body(&self, project: &str, body: &str) -> Result<String, SecretError> {
        let (id, data) = body.split_once('.').ok_or(SecretError::Damaged)?;
        let key = self
            .keys
            .iter()
            .find(|k| k.id == id)
            .ok_or_else(|| SecretError::UnknownKey {
                key_id: id.to_owned(),
            })?;
        let data = URL_SAFE_NO_PAD
            .decode(data)
            .map_err(|_| SecretError::Damaged)?;
        if data.len() < NONCE_LEN {
            return Err(SecretError::Damaged);
        }
        let (nonce, sealed) = data.split_at(NONCE_LEN);
        let aad = bound_to(project);
        let plain = key
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: &aad,
                },
            )
            .map_err(|_| SecretError::Damaged)?;
        String::from_utf8(plain).map_err(|_| SecretError::Damaged)
    }

    /// `text` with every marker (and reference) replaced by what `each`
    /// makes of its body (`Ok(None)`: the text has none).
    fn replace_markers(
        text: &str,
        mut each: impl FnMut(Body<'_>) -> Result<String, SecretError>,
    ) -> Result<Option<String>, SecretError> {
        if !text.contains(MARKER_PREFIX) {
            return Ok(None);
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(MARKER_PREFIX) {
            out.push_str(&rest[..at]);
            let after = &rest[at + MARKER_PREFIX.len()..];
            match marker_body(after) {
                Some((body, len)) => {
                    out.push_str(&each(body)?);
                    rest = &after[len..];
                }
                None => {
                    // Not a marker after all: keep the text as it is.
                    out.push_str(MARKER_PREFIX);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Ok(Some(out))
    }

    /// `value` with every marker sealed for `project` re-sealed with the
    /// first key (`bora secrets rotate`); whether anything changed.
    ///
    /// # Errors
    /// A marker that no key of this ring opens.
    pub fn reseal(&self, project: &str, value: &mut Value) -> Result<bool, SecretError> {
        let mut changed = false;
        let mut result = Ok(());
        visit_strings(value, &mut |s: &mut String| {
            if result.is_err() {
                return;
            }
            match Self::replace_markers(s, |body| match body {
                Body::Sealed(body) => {
                    let plain = self.open_body(project, body)?;
                    self.seal(project, &plain)
                }
                // A reference is resolved at call time, never stored sealed.
                Body::Reference(name) => Ok(reference(name)),
            }) {
                // Only references: nothing sealed to renew.
                Ok(Some(new)) if new == *s => {}
                Ok(Some(new)) => {
                    *s = new;
                    changed = true;
                }
                Ok(None) => {}
                Err(err) => result = Err(err),
            }
        });
        result.map(|()| changed)
    }
}

/// The kind after [`MARKER_PREFIX`] that makes a reference.
const REFERENCE: &str = "ref.";

/// The reference `secret('NAME')` gives, as the expressions make it.
fn reference(name: &str) -> String {
    format!("{MARKER_PREFIX}{REFERENCE}{name}{END}")
}

/// The body of a marker or reference at the start of `after` (the text
/// after the prefix) and the length it spans with its kind and end.
fn marker_body(after: &str) -> Option<(Body<'_>, usize)> {
    let (kind, body_and_rest) = if let Some(rest) = after.strip_prefix(VERSION) {
        (VERSION, rest)
    } else {
        (REFERENCE, after.strip_prefix(REFERENCE)?)
    };
    let end = body_and_rest.find(END)?;
    let body = &body_and_rest[..end];
    let valid = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let body = if kind == VERSION {
        Body::Sealed(body)
    } else {
        Body::Reference(body)
    };
    valid.then_some((body, kind.len() + end + END.len_utf8()))
}

/// The names of the project secrets `value` refers to (`secret('NAME')`),
/// each once.
pub fn references(value: &Value) -> Vec<String> {
    let mut names = Vec::new();
    let mut value = value.clone();
    visit_strings(&mut value, &mut |s: &mut String| {
        let _ = Keyring::replace_markers(s, |body| {
            if let Body::Reference(name) = body
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_owned());
            }
            Ok(String::new())
        });
    });
    names
}

/// Calls `f` on every string of `value` (not on object keys).
fn visit_strings(value: &mut Value, f: &mut impl FnMut(&mut String)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter_mut().for_each(|v| visit_strings(v, f)),
        Value::Object(map) => map.values_mut().for_each(|v| visit_strings(v, f)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Whether `value` holds a marker anywhere (cheap when it does not).
pub fn has_marker(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains(MARKER_PREFIX),
        Value::Array(items) => items.iter().any(has_marker),
        Value::Object(map) => map.values().any(has_marker),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

/// `text` with every marker shown as [`MASK`] (API answers, logs).
pub fn mask_markers(text: &str) -> Cow<'_, str> {
    match Keyring::replace_markers(text, |_| Ok(MASK.to_owned())) {
        Ok(Some(masked)) => Cow::Owned(masked),
        Ok(None) | Err(_) => Cow::Borrowed(text),
    }
}

/// `value` with every marker shown as [`MASK`].
pub fn mask_value(value: &mut Value) {
    visit_strings(value, &mut |s: &mut String| {
        if let Cow::Owned(masked) = mask_markers(s) {
            *s = masked;
        }
    });
}

/// The values opened for one call, to be masked in what it gives back.
#[derive(Default)]
pub struct Opened {
    values: Vec<String>,
}

impl fmt::Debug for Opened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Opened({} values)", self.values.len())
    }
}

impl Opened {
    /// Whether nothing was opened.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// `text` with every opened value replaced by [`MASK`], longest first
    /// (so a value inside another is not half-masked).
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        for value in &self.values {
            if out.contains(value.as_str()) {
                out = Cow::Owned(out.replace(value.as_str(), MASK));
            }
        }
        out
    }

    /// [`Opened::redact`] over every string of `value` (and its keys).
    pub fn redact_value(&self, value: &mut Value) {
        if self.is_empty() {
            return;
        }
        if let Value::Object(map) = value
            && map.keys().any(|k| self.redact(k) != k.as_str())
        {
            let old = std::mem::take(map);
            for (k, v) in old {
                map.insert(self.redact(&k).into_owned(), v);
            }
        }
        match value {
            Value::String(s) => {
                if let Cow::Owned(r) = self.redact(s) {
                    *s = r;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.redact_value(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.redact_value(v)),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

/// Opens every marker of `value` sealed for `project`, in place; the values
/// opened, to mask in what the call gives back. A reference to a project
/// secret opens the sealed value `project_secrets` has for its name (the
/// project's stored secrets the value refers to, see [`references`]).
///
/// # Errors
/// A marker no key opens for this project; a reference to a secret the
/// project does not have.
pub fn open_all(
    keyring: &Keyring,
    project: &str,
    value: &mut Value,
    project_secrets: &HashMap<String, String>,
) -> Result<Opened, SecretError> {
    let mut opened = Opened::default();
    let mut result = Ok(());
    let open = |body: Body<'_>| -> Result<String, SecretError> {
        match body {
            Body::Sealed(body) => keyring.open_body(project, body),
            Body::Reference(name) => {
                let missing = || SecretError::Missing {
                    name: name.to_owned(),
                    project: project.to_owned(),
                };
                let sealed = project_secrets.get(name).ok_or_else(missing)?;
                // A stored secret is one marker sealed for its project.
                let body = sealed
                    .strip_prefix(MARKER_PREFIX)
                    .and_then(marker_body)
                    .and_then(|(body, len)| match body {
                        Body::Sealed(body) if len + MARKER_PREFIX.len() == sealed.len() => {
                            Some(body)
                        }
                        _ => None,
                    })
                    .ok_or(SecretError::Damaged)?;
                keyring.open_body(project, body)
            }
        }
    };
    visit_strings(value, &mut |s: &mut String| {
        if result.is_err() {
            return;
        }
        match Keyring::replace_markers(s, |body| {
            let plain = open(body)?;
            if plain.len() >= MIN_MASKED_LEN && !opened.values.contains(&plain) {
                opened.values.push(plain.clone());
            }
            Ok(plain)
        }) {
            Ok(Some(new)) => *s = new,
            Ok(None) => {}
            Err(err) => result = Err(err),
        }
    });
    opened.values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    result.map(|()| opened)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn none() -> HashMap<String, String> {
        HashMap::new()
    }

    fn new_ring() -> Keyring {
        Keyring::parse(&[Keyring::new_key().unwrap()]).unwrap()
    }

    #[test]
    fn a_sealed_value_opens_only_in_its_project() {
        let ring = new_ring();
        let marker = ring.seal("alpha", "hunter22").unwrap();
        assert!(marker.starts_with(MARKER_PREFIX) && marker.ends_with(END));
        assert!(!marker.contains("hunter22"));
        let mut input = json!({"auth": format!("Bearer {marker}!"), "n": 1});
        let opened = open_all(&ring, "alpha", &mut input, &none()).unwrap();
        assert_eq!(input, json!({"auth": "Bearer hunter22!", "n": 1}));
        assert!(!opened.is_empty());
        let mut other = json!([marker]);
        assert_eq!(
            open_all(&ring, "beta", &mut other, &none()).unwrap_err(),
            SecretError::Damaged
        );
    }

    #[test]
    fn sealing_twice_gives_different_markers() {
        let ring = new_ring();
        assert_ne!(ring.seal("p", "x").unwrap(), ring.seal("p", "x").unwrap());
    }

    #[test]
    fn a_tampered_marker_or_an_unknown_key_is_refused() {
        let ring = new_ring();
        let marker = ring.seal("p", "value").unwrap();
        let body = &marker[MARKER_PREFIX.len() + VERSION.len()..marker.len() - 1];
        let (id, data) = body.split_once('.').unwrap();
        let flipped: String = data
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i == 40 {
                    if c == 'A' { 'B' } else { 'A' }
                } else {
                    c
                }
            })
            .collect();
        let tampered = format!("{MARKER_PREFIX}{VERSION}{id}.{flipped};");
        assert_eq!(
            open_all(&ring, "p", &mut json!(tampered), &none()).unwrap_err(),
            SecretError::Damaged
        );
        let stranger = new_ring();
        assert!(matches!(
            open_all(&stranger, "p", &mut json!(marker), &none()).unwrap_err(),
            SecretError::UnknownKey { .. }
        ));
    }

    #[test]
    fn rotation_reseals_with_the_first_key_and_old_keys_still_open() {
        let old = Keyring::new_key().unwrap();
        let new = Keyring::new_key().unwrap();
        let before = Keyring::parse(&[&old]).unwrap();
        let both = Keyring::parse(&[&new, &old]).unwrap();
        let after = Keyring::parse(&[&new]).unwrap();
        let mut value = json!({"token": before.seal("p", "s3cret").unwrap(), "plain": "x"});
        let mut copy = value.clone();
        assert!(open_all(&both, "p", &mut copy, &none()).is_ok());
        assert!(both.reseal("p", &mut value).unwrap());
        let mut opened = value.clone();
        open_all(&after, "p", &mut opened, &none()).unwrap();
        assert_eq!(opened, json!({"token": "s3cret", "plain": "x"}));
        assert!(!both.reseal("p", &mut json!({"plain": "x"})).unwrap());
    }

    #[test]
    fn markers_are_masked_and_opened_values_redacted() {
        let ring = new_ring();
        let marker = ring.seal("p", "topsecret").unwrap();
        let text = format!("{{\"a\":\"x {marker} y\",\"b\":\"bora-secret:nope\"}}");
        assert_eq!(
            mask_markers(&text),
            "{\"a\":\"x *** y\",\"b\":\"bora-secret:nope\"}"
        );
        let mut input = json!({"t": marker, "short": ring.seal("p", "ab").unwrap()});
        let opened = open_all(&ring, "p", &mut input, &none()).unwrap();
        let mut result = json!({"echo": "got topsecret and ab", "topsecret": [1]});
        opened.redact_value(&mut result);
        assert_eq!(result, json!({"echo": "got *** and ab", "***": [1]}));
    }

    #[test]
    fn a_reference_opens_its_projects_secret_and_is_masked_elsewhere() {
        let ring = new_ring();
        let reference = bora_expr::functions::secret_reference("api-token").unwrap();
        let mut input = json!({"auth": format!("Bearer {reference}"), "n": [reference.clone()]});
        assert_eq!(references(&input), vec!["api-token".to_owned()]);
        assert_eq!(mask_markers(&format!("x {reference} y")), "x *** y");
        let stored = HashMap::from([(
            "api-token".to_owned(),
            ring.seal("alpha", "tok-123456").unwrap(),
        )]);
        let mut copy = input.clone();
        let opened = open_all(&ring, "alpha", &mut input, &stored).unwrap();
        assert_eq!(
            input,
            json!({"auth": "Bearer tok-123456", "n": ["tok-123456"]})
        );
        let mut result = json!("echo tok-123456");
        opened.redact_value(&mut result);
        assert_eq!(result, json!("echo ***"));
        // Another project's secret of that name does not open for this one;
        // a name the project lacks fails naming both.
        assert_eq!(
            open_all(&ring, "beta", &mut copy.clone(), &stored).unwrap_err(),
            SecretError::Damaged
        );
        let err = open_all(&ring, "beta", &mut copy, &none()).unwrap_err();
        assert!(
            err.to_string()
                .contains("project beta has no secret api-token"),
            "{err}"
        );
        // Rotation leaves references as they are.
        let mut kept = json!({"r": reference.clone()});
        assert!(!ring.reseal("alpha", &mut kept).unwrap());
        assert_eq!(kept, json!({"r": reference}));
    }

    #[test]
    fn bad_keys_are_named_by_position() {
        assert_eq!(
            Keyring::parse(&["c2hvcnQ="]).unwrap_err(),
            SecretError::BadKey { index: 1 }
        );
        assert!(Keyring::parse::<&str>(&[]).unwrap().is_empty());
        assert_eq!(Keyring::default().seal("p", "x"), Err(SecretError::NoKey));
    }
}
