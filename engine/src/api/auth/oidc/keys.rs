//! The issuer's public keys: a JWKS document read at start, held in
//! memory, and read again when a token names a key not held (at most once
//! a minute, so a stream of tokens with made-up key ids cannot make Bora
//! hammer the issuer) or when the keys are older than [`MAX_AGE`] (so a
//! key the issuer withdrew stops being trusted).

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, PublicKeyUse};
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey};
use serde_json::Value;

use super::{JwksSource, OidcError, Refusal};

/// The least time between two reads of the keys after the first.
pub const REFETCH_INTERVAL: Duration = Duration::from_secs(60);

/// Keys older than this are read again, in the background, when the next
/// token comes (that token is checked with the keys held).
pub const MAX_AGE: Duration = Duration::from_secs(15 * 60);

/// The largest JWKS document taken.
const MAX_JWKS_BYTES: usize = 1 << 20;

/// How long a fetch of the keys may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

/// Key ids are shown in refusals up to this many characters.
const SHOWN_KID: usize = 64;

/// One public key of the set (its `Debug` shows no key material).
#[derive(Clone, Debug)]
struct Key {
    kid: Option<String>,
    /// The algorithms it verifies: the one it declares (`alg`), else those
    /// of its type and curve.
    algs: Vec<Algorithm>,
    decoding: DecodingKey,
}

/// The keys held, and when they were read.
struct Loaded {
    keys: Vec<Key>,
    at: Instant,
}

/// The key set of the issuer, read again as the module says.
pub struct KeyCache(Arc<Shared>);

struct Shared {
    source: JwksSource,
    client: reqwest::Client,
    loaded: RwLock<Arc<Loaded>>,
    /// When the keys were last read again (none: only at start, so a key
    /// published just after the start is found at once).
    last_attempt: tokio::sync::Mutex<Option<Instant>>,
}

impl KeyCache {
    /// Reads the keys of `source` (a URL is fetched now).
    ///
    /// # Errors
    /// A file that cannot be read, a URL that cannot be fetched, a
    /// document that is no JWKS or holds no usable key.
    pub async fn load(source: JwksSource) -> Result<Self, OidcError> {
        let client = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            // The configured URL is the one trusted, not where it may point.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|err| OidcError::Config {
                detail: format!("cannot make an HTTP client for the JWKS: {err}"),
            })?;
        let keys = read(&source, &client).await?;
        Ok(Self(Arc::new(Shared {
            source,
            client,
            loaded: RwLock::new(Arc::new(Loaded {
                keys,
                at: Instant::now(),
            })),
            last_attempt: tokio::sync::Mutex::new(None),
        })))
    }

    /// How many keys are held.
    pub fn count(&self) -> usize {
        self.0.current().keys.len()
    }

    /// The keys that may have signed a token with this `kid` and `alg`.
    ///
    /// # Errors
    /// [`Refusal::UnknownKey`] or [`Refusal::NoKeyFor`] when no key fits,
    /// also after reading the keys again; [`Refusal::KeyMismatch`] when
    /// the named key is of another algorithm.
    pub(super) async fn candidates(
        &self,
        kid: Option<&str>,
        alg: Algorithm,
    ) -> Result<Vec<DecodingKey>, Refusal> {
        let loaded = self.0.current();
        if loaded.at.elapsed() >= MAX_AGE {
            // In the background: this request is checked with the keys held.
            let shared = self.0.clone();
            tokio::spawn(async move { shared.refresh(false).await });
        }
        match pick(&loaded.keys, kid, alg) {
            Err(Refusal::UnknownKey(_) | Refusal::NoKeyFor(_)) => {
                pick(&self.0.refresh(true).await.keys, kid, alg)
            }
            picked => picked,
        }
    }
}

impl Shared {
    fn current(&self) -> Arc<Loaded> {
        // The set is swapped whole, so a panic elsewhere while the lock
        // was held cannot have left a half-written one.
        self.loaded
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Reads the keys again unless that was tried less than
    /// [`REFETCH_INTERVAL`] ago; the keys held after it. `wait`: wait for
    /// a read in progress (else take the keys held).
    async fn refresh(&self, wait: bool) -> Arc<Loaded> {
        let mut last = if wait {
            self.last_attempt.lock().await
        } else {
            match self.last_attempt.try_lock() {
                Ok(last) => last,
                Err(_) => return self.current(),
            }
        };
        if last.is_some_and(|at| at.elapsed() < REFETCH_INTERVAL) {
            return self.current();
        }
        *last = Some(Instant::now());
        match read(&self.source, &self.client).await {
            Ok(keys) => {
                let fresh = Arc::new(Loaded {
                    keys,
                    at: Instant::now(),
                });
                *self
                    .loaded
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = fresh.clone();
                tracing::info!(
                    keys = fresh.keys.len(),
                    "OIDC: the issuer's keys were read again"
                );
                fresh
            }
            Err(err) => {
                tracing::warn!(error = %err, "OIDC: cannot read the issuer's keys again; the keys held still serve");
                self.current()
            }
        }
    }
}

/// The keys of `keys` that fit a token's `kid` and `alg`.
fn pick(keys: &[Key], kid: Option<&str>, alg: Algorithm) -> Result<Vec<DecodingKey>, Refusal> {
    let alg_name = format!("{alg:?}");
    let fitting = |k: &&Key| k.algs.contains(&alg);
    let Some(kid) = kid else {
        let fit: Vec<DecodingKey> = keys
            .iter()
            .filter(fitting)
            .map(|k| k.decoding.clone())
            .collect();
        return if fit.is_empty() {
            Err(Refusal::NoKeyFor(alg_name))
        } else {
            Ok(fit)
        };
    };
    let shown: String = kid.chars().take(SHOWN_KID).collect();
    let named: Vec<&Key> = keys
        .iter()
        .filter(|k| k.kid.as_deref() == Some(kid))
        .collect();
    if named.is_empty() {
        return Err(Refusal::UnknownKey(shown));
    }
    let fit: Vec<DecodingKey> = named
        .into_iter()
        .filter(|k| fitting(k))
        .map(|k| k.decoding.clone())
        .collect();
    if fit.is_empty() {
        return Err(Refusal::KeyMismatch {
            kid: shown,
            alg: alg_name,
        });
    }
    Ok(fit)
}

async fn read(source: &JwksSource, client: &reqwest::Client) -> Result<Vec<Key>, OidcError> {
    match source {
        JwksSource::File(path) => {
            let bytes = tokio::fs::read(path)
                .await
                .map_err(|source| OidcError::Read {
                    path: path.display().to_string(),
                    source,
                })?;
            parse(&bytes, &path.display().to_string())
        }
        JwksSource::Url(url) => parse(&fetch(client, url).await?, url.as_str()),
    }
}

async fn fetch(client: &reqwest::Client, url: &reqwest::Url) -> Result<Vec<u8>, OidcError> {
    let fail = |detail: String| OidcError::Fetch {
        url: url.to_string(),
        detail,
    };
    let mut response = client
        .get(url.clone())
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .map_err(|err| fail(chain(&err)))?;
    if !response.status().is_success() {
        return Err(fail(format!("it answered {}", response.status())));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|err| fail(chain(&err)))? {
        if body.len() + chunk.len() > MAX_JWKS_BYTES {
            return Err(fail(format!("the answer is over {MAX_JWKS_BYTES} bytes")));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// An error with its causes (reqwest's own words say little: "error
/// sending request").
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The usable keys of a JWKS document; keys Bora cannot or must not use
/// (encryption keys, shared secrets, unknown types) are left out.
fn parse(bytes: &[u8], origin: &str) -> Result<Vec<Key>, OidcError> {
    let not_jwks = |detail: String| OidcError::NotJwks {
        origin: origin.to_owned(),
        detail,
    };
    let document: Value = serde_json::from_slice(bytes).map_err(|err| not_jwks(err.to_string()))?;
    let Some(entries) = document.get("keys").and_then(Value::as_array) else {
        return Err(not_jwks("no \"keys\" list".into()));
    };
    let mut keys = Vec::new();
    for entry in entries {
        match serde_json::from_value::<Jwk>(entry.clone()) {
            Ok(jwk) => keys.extend(usable(&jwk)),
            Err(err) => tracing::debug!(error = %err, "OIDC: a key of the JWKS is left out"),
        }
    }
    if keys.is_empty() {
        return Err(OidcError::NoKeys {
            origin: origin.to_owned(),
        });
    }
    Ok(keys)
}

/// A JWK as a key that verifies signatures, if it is one Bora trusts.
fn usable(jwk: &Jwk) -> Option<Key> {
    if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
        return None;
    }
    let by_type: Vec<Algorithm> = match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => AlgorithmFamily::Rsa.algorithms().to_vec(),
        AlgorithmParameters::EllipticCurve(params) => match params.curve {
            EllipticCurve::P256 => vec![Algorithm::ES256],
            EllipticCurve::P384 => vec![Algorithm::ES384],
            _ => return None,
        },
        AlgorithmParameters::OctetKeyPair(params) => match params.curve {
            EllipticCurve::Ed25519 => vec![Algorithm::EdDSA],
            _ => return None,
        },
        // Shared secrets (`oct`) are never keys of an issuer's public set;
        // trusting one would let its holders mint tokens.
        _ => return None,
    };
    let algs = match jwk.common.key_algorithm {
        None => by_type,
        Some(declared) => {
            let alg = Algorithm::try_from(declared).ok()?;
            if !by_type.contains(&alg) {
                return None;
            }
            vec![alg]
        }
    };
    let decoding = DecodingKey::from_jwk(jwk).ok()?;
    Some(Key {
        kid: jwk.common.key_id.clone(),
        algs,
        decoding,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const EC_KEY: &str = r#"{"kty": "EC", "crv": "P-256", "kid": "ec1",
        "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
        "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;

    fn jwks(keys: &[&str]) -> Vec<u8> {
        format!("{{\"keys\": [{}]}}", keys.join(",")).into_bytes()
    }

    #[test]
    fn shared_secrets_encryption_keys_and_unknown_types_are_left_out() {
        let secret = r#"{"kty": "oct", "k": "c2VjcmV0", "kid": "s"}"#;
        let encryption = EC_KEY.replace("\"kid\": \"ec1\"", "\"kid\": \"enc\", \"use\": \"enc\"");
        let unknown = r#"{"kty": "XYZ", "kid": "u"}"#;
        let garbage = r#"{"kty": "EC", "crv": 7}"#;
        let keys = parse(&jwks(&[secret, &encryption, unknown, garbage, EC_KEY]), "t").unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].kid.as_deref(), Some("ec1"));
        assert_eq!(keys[0].algs, vec![Algorithm::ES256]);
        let none = parse(&jwks(&[secret]), "t").unwrap_err().to_string();
        assert!(none.contains("holds no signing key"), "{none}");
        let not = parse(b"[]", "t").unwrap_err().to_string();
        assert!(not.contains("not a JSON key set"), "{not}");
    }

    #[test]
    fn a_declared_algorithm_must_fit_the_key_type() {
        let declared = EC_KEY.replace("\"kid\"", "\"alg\": \"RS256\", \"kid\"");
        assert!(parse(&jwks(&[&declared]), "t").is_err());
        let hmac = EC_KEY.replace("\"kid\"", "\"alg\": \"HS256\", \"kid\"");
        assert!(parse(&jwks(&[&hmac]), "t").is_err());
        let fine = EC_KEY.replace("\"kid\"", "\"alg\": \"ES256\", \"kid\"");
        assert_eq!(parse(&jwks(&[&fine]), "t").unwrap().len(), 1);
    }

    #[test]
    fn keys_are_picked_by_kid_and_algorithm() {
        let keys = parse(&jwks(&[EC_KEY]), "t").unwrap();
        assert_eq!(pick(&keys, Some("ec1"), Algorithm::ES256).unwrap().len(), 1);
        assert_eq!(pick(&keys, None, Algorithm::ES256).unwrap().len(), 1);
        assert_eq!(
            pick(&keys, Some("other"), Algorithm::ES256).unwrap_err(),
            Refusal::UnknownKey("other".into())
        );
        assert_eq!(
            pick(&keys, Some("ec1"), Algorithm::RS256).unwrap_err(),
            Refusal::KeyMismatch {
                kid: "ec1".into(),
                alg: "RS256".into()
            }
        );
        assert_eq!(
            pick(&keys, None, Algorithm::ES384).unwrap_err(),
            Refusal::NoKeyFor("ES384".into())
        );
        let long = "k".repeat(500);
        let Err(Refusal::UnknownKey(shown)) = pick(&keys, Some(&long), Algorithm::ES256) else {
            panic!("an unknown kid is refused");
        };
        assert_eq!(shown.len(), SHOWN_KID);
    }

    #[tokio::test]
    async fn an_unknown_kid_reads_the_keys_again_at_most_once_a_minute() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jwks.json");
        let with = |kids: &[&str]| {
            let keys: Vec<String> = kids
                .iter()
                .map(|kid| EC_KEY.replace("\"ec1\"", &format!("\"{kid}\"")))
                .collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            std::fs::write(&path, jwks(&keys)).unwrap();
        };
        with(&["ec1"]);
        let cache = KeyCache::load(JwksSource::File(path.clone()))
            .await
            .unwrap();
        assert_eq!(cache.count(), 1);
        // Published after the start: found by reading the file again.
        with(&["ec1", "ec2"]);
        let found = cache.candidates(Some("ec2"), Algorithm::ES256).await;
        assert_eq!(found.unwrap().len(), 1);
        assert_eq!(cache.count(), 2);
        // Within the minute, another unknown kid does not read it again.
        with(&["ec3"]);
        let refused = cache.candidates(Some("ec3"), Algorithm::ES256).await;
        assert_eq!(refused.unwrap_err(), Refusal::UnknownKey("ec3".into()));
        assert_eq!(cache.count(), 2);
    }
}
