//! OIDC/JWT bearer tokens: a token signed by a configured issuer's keys
//! stands for a caller of the project named by one of its claims.
//!
//! `--auth oidc` (alone, or with `tokens`) turns it on; the issuer
//! (`--oidc-issuer`), the audience Bora answers to (`--oidc-audience`) and
//! the issuer's public keys (`--oidc-jwks`: a JWKS file or an `https://`
//! URL) must then be configured. A token is accepted when its signature is
//! one of those keys' (RSA, ECDSA P-256/P-384 or Ed25519; never `none`,
//! never a shared-secret HMAC), its `exp` and `nbf` hold (with
//! [`LEEWAY_SECS`] of clock skew), its `iss` is the issuer, its `aud`
//! names the audience, and it carries a `sub` and a project claim. Each
//! refusal says which of these failed, never anything about the keys.
//!
//! The caller is `jwt:<sub>` in the audit log; its project is the first of
//! the configured project claims the token has; it is an admin when the
//! admin claim holds the admin value.

mod keys;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, AlgorithmFamily, Validation};
use serde_json::{Map, Value};

use keys::KeyCache;

/// Clock skew allowed on `exp` and `nbf`, in seconds.
pub const LEEWAY_SECS: u64 = 30;

/// The prefix of a JWT caller's id (`jwt:<sub>`), so the audit log tells
/// them from API tokens.
pub const CALLER_PREFIX: &str = "jwt:";

/// The signature algorithms accepted: public-key ones only.
const ACCEPTED: &str = "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, EdDSA";

/// Where the issuer's keys come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwksSource {
    /// A JWKS document on disk (read again when a token names a key it
    /// does not hold, as a URL is fetched again).
    File(PathBuf),
    /// A JWKS document served over HTTPS (plain HTTP only on loopback).
    Url(reqwest::Url),
}

impl JwksSource {
    /// A `--oidc-jwks` value: an `https://` URL (`http://` only for a
    /// loopback host), else a file path.
    ///
    /// # Errors
    /// A URL that does not parse, or plain HTTP to another host.
    pub fn parse(text: &str) -> Result<Self, OidcError> {
        let lower = text.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            return Ok(Self::File(PathBuf::from(text)));
        }
        let url = reqwest::Url::parse(text).map_err(|err| OidcError::Config {
            detail: format!("--oidc-jwks {text}: not a URL ({err})"),
        })?;
        if url.scheme() == "http" && !loopback(&url) {
            return Err(OidcError::Config {
                detail: format!(
                    "--oidc-jwks {text}: the issuer's keys must come over https:// \
                     (plain http:// only from a loopback address)"
                ),
            });
        }
        Ok(Self::Url(url))
    }
}

fn loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// What `bora serve` was told about the issuer.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The `iss` every token must carry.
    pub issuer: String,
    /// The value the token's `aud` must hold.
    pub audience: String,
    pub jwks: JwksSource,
    /// The claims naming the caller's project, tried in order.
    pub project_claims: Vec<String>,
    /// The claim that makes an admin when it holds `admin_value` (none: no
    /// token is an admin's).
    pub admin_claim: Option<String>,
    pub admin_value: String,
}

/// Why the OIDC settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("{detail}")]
    Config { detail: String },
    #[error("cannot read the JWKS file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot fetch the JWKS from {url}: {detail}")]
    Fetch { url: String, detail: String },
    #[error("the JWKS from {origin} is not a JSON key set ({{\"keys\": [...]}}): {detail}")]
    NotJwks { origin: String, detail: String },
    #[error(
        "the JWKS from {origin} holds no signing key Bora can use \
         (RSA, EC P-256/P-384 or Ed25519 public keys)"
    )]
    NoKeys { origin: String },
}

/// Why a JWT is refused: each says what is wrong for the 401's body,
/// nothing about the keys themselves.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("The bearer token is not a well-formed JWT (header.claims.signature, base64url)")]
    Malformed,
    #[error("The JWT is not signed (alg 'none'): unsigned tokens are refused")]
    Unsigned,
    #[error(
        "The JWT is signed with {0}, a shared-secret (HMAC) algorithm: only the issuer's \
         public keys are trusted (accepted: {ACCEPTED})"
    )]
    SharedSecret(String),
    #[error("The JWT's algorithm '{0}' is not accepted (accepted: {ACCEPTED})")]
    Algorithm(String),
    #[error("The JWT names a key the issuer does not publish (kid '{0}')")]
    UnknownKey(String),
    #[error("The JWT has no key id (kid) and no key of the issuer fits its algorithm {0}")]
    NoKeyFor(String),
    #[error("The JWT's algorithm {alg} is not that of its key (kid '{kid}')")]
    KeyMismatch { kid: String, alg: String },
    #[error("The JWT's signature is not valid: it was not made by the issuer's key")]
    BadSignature,
    #[error("The JWT has expired (exp is past)")]
    Expired,
    #[error("The JWT is not valid yet (nbf is in the future)")]
    NotYetValid,
    #[error("The JWT was issued by another issuer (iss): this server trusts '{0}'")]
    WrongIssuer(String),
    #[error("The JWT is meant for another audience (aud): this server is '{0}'")]
    WrongAudience(String),
    #[error("The JWT has no '{0}' claim")]
    MissingClaim(String),
    #[error("The JWT has no project claim: it needs {0} naming its project")]
    NoProject(String),
    #[error("The JWT's '{0}' claim is not of the expected type")]
    BadClaim(String),
    #[error("The JWT cannot be verified: {0}")]
    Other(String),
}

/// Who a valid token says the caller is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The token's `sub`.
    pub subject: String,
    pub project: String,
    pub admin: bool,
}

impl Identity {
    /// The caller id of the audit log: `jwt:<sub>`.
    pub fn caller_id(&self) -> String {
        format!("{CALLER_PREFIX}{}", self.subject)
    }
}

/// The issuer's keys and the rules of its tokens.
pub struct Oidc {
    config: OidcConfig,
    keys: KeyCache,
}

impl Oidc {
    /// Loads the issuer's keys (a URL is fetched now): a server that could
    /// not check a single token does not start.
    ///
    /// # Errors
    /// Settings that cannot work, or keys that cannot be read or used.
    pub async fn start(config: OidcConfig) -> Result<Self, OidcError> {
        if config.issuer.trim().is_empty() || config.audience.trim().is_empty() {
            return Err(OidcError::Config {
                detail: "the OIDC issuer and audience must not be empty".into(),
            });
        }
        if config.project_claims.iter().all(|c| c.trim().is_empty()) {
            return Err(OidcError::Config {
                detail: "--oidc-project-claim must name at least one claim".into(),
            });
        }
        let keys = KeyCache::load(config.jwks.clone()).await?;
        Ok(Self { config, keys })
    }

    /// How many keys are held now (for the start-up log line).
    pub fn key_count(&self) -> usize {
        self.keys.count()
    }

    /// Checks `token` and reads who it stands for.
    ///
    /// # Errors
    /// The [`Refusal`] saying what is wrong with it.
    pub async fn verify(&self, token: &str) -> Result<Identity, Refusal> {
        let (alg, kid) = algorithm_and_kid(token)?;
        let candidates = self.keys.candidates(kid.as_deref(), alg).await?;
        let mut validation = Validation::new(alg);
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        validation.set_issuer(&[&self.config.issuer]);
        validation.set_audience(&[&self.config.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let mut refusal = Refusal::BadSignature;
        for key in &candidates {
            match jsonwebtoken::decode::<Map<String, Value>>(token, key, &validation) {
                Ok(data) => return self.identity(&data.claims),
                // Without a kid, the next key of the set may be the one.
                Err(err) if *err.kind() == ErrorKind::InvalidSignature => {}
                Err(err) => {
                    refusal = self.refusal(err.kind());
                    break;
                }
            }
        }
        Err(refusal)
    }

    fn refusal(&self, kind: &ErrorKind) -> Refusal {
        match kind {
            ErrorKind::InvalidSignature => Refusal::BadSignature,
            ErrorKind::ExpiredSignature => Refusal::Expired,
            ErrorKind::ImmatureSignature => Refusal::NotYetValid,
            ErrorKind::InvalidIssuer => Refusal::WrongIssuer(self.config.issuer.clone()),
            ErrorKind::InvalidAudience => Refusal::WrongAudience(self.config.audience.clone()),
            ErrorKind::MissingRequiredClaim(claim) => Refusal::MissingClaim(claim.clone()),
            ErrorKind::InvalidClaimFormat(claim) => Refusal::BadClaim(claim.clone()),
            ErrorKind::InvalidToken
            | ErrorKind::Base64(_)
            | ErrorKind::Json(_)
            | ErrorKind::Utf8(_) => Refusal::Malformed,
            // A key the crypto backend cannot use: said without its details.
            ErrorKind::InvalidEcdsaKey
            | ErrorKind::InvalidEddsaKey
            | ErrorKind::InvalidRsaKey(_)
            | ErrorKind::InvalidKeyFormat => Refusal::Other("the issuer's key is unusable".into()),
            other => {
                tracing::warn!(error = ?other, "a JWT could not be checked");
                Refusal::Other("its signature cannot be checked".into())
            }
        }
    }

    /// The caller a verified token's claims name.
    fn identity(&self, claims: &Map<String, Value>) -> Result<Identity, Refusal> {
        let subject = match claims.get("sub") {
            Some(Value::String(sub)) if !sub.is_empty() => sub.clone(),
            Some(Value::String(_)) | None => return Err(Refusal::MissingClaim("sub".into())),
            Some(_) => return Err(Refusal::BadClaim("sub".into())),
        };
        let mut project = None;
        for name in &self.config.project_claims {
            match claim(claims, name) {
                Some(Value::String(p)) if !p.trim().is_empty() => {
                    project = Some(p.trim().to_owned());
                    break;
                }
                Some(Value::String(_) | Value::Null) | None => {}
                Some(_) => return Err(Refusal::BadClaim(name.clone())),
            }
        }
        let Some(project) = project else {
            let names: Vec<String> = self
                .config
                .project_claims
                .iter()
                .map(|c| format!("'{c}'"))
                .collect();
            return Err(Refusal::NoProject(names.join(" or ")));
        };
        let admin = self
            .config
            .admin_claim
            .as_deref()
            .and_then(|name| claim(claims, name))
            .is_some_and(|value| holds(value, &self.config.admin_value));
        Ok(Identity {
            subject,
            project,
            admin,
        })
    }
}

/// A claim by name: a top-level one, else (for a dotted name such as
/// Keycloak's `realm_access.roles`) the path through nested objects.
fn claim<'a>(claims: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    if let Some(value) = claims.get(name) {
        return Some(value);
    }
    let mut parts = name.split('.');
    let mut value = claims.get(parts.next()?)?;
    for part in parts {
        value = value.get(part)?;
    }
    Some(value)
}

/// Whether a claim holds `wanted`: equal to it, a list containing it, or a
/// space-separated string containing it (as OAuth's `scope`); `true` for a
/// boolean claim.
fn holds(value: &Value, wanted: &str) -> bool {
    match value {
        Value::Bool(on) => *on,
        Value::String(text) => text == wanted || text.split_whitespace().any(|w| w == wanted),
        Value::Array(items) => items.iter().any(|i| i.as_str() == Some(wanted)),
        _ => false,
    }
}

/// The token's signature algorithm and key id, from its header, refusing
/// what is never accepted before any key is looked at.
fn algorithm_and_kid(token: &str) -> Result<(Algorithm, Option<String>), Refusal> {
    let mut parts = token.split('.');
    let (Some(header), Some(_), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(header.trim_end_matches('='))
        .map_err(|_| Refusal::Malformed)?;
    let header: Map<String, Value> =
        serde_json::from_slice(&bytes).map_err(|_| Refusal::Malformed)?;
    let Some(name) = header.get("alg").and_then(Value::as_str) else {
        return Err(Refusal::Malformed);
    };
    if name.eq_ignore_ascii_case("none") {
        return Err(Refusal::Unsigned);
    }
    let shown: String = name.chars().take(20).collect();
    let alg = Algorithm::from_str(name).map_err(|_| Refusal::Algorithm(shown.clone()))?;
    if alg.family() == AlgorithmFamily::Hmac {
        return Err(Refusal::SharedSecret(shown));
    }
    let kid = match header.get("kid") {
        None | Some(Value::Null) => None,
        Some(Value::String(kid)) => Some(kid.clone()),
        Some(_) => return Err(Refusal::Malformed),
    };
    Ok((alg, kid))
}

/// Whether a presented bearer token has a JWT's shape (three parts), as
/// opposed to a Bora API token (`bora_...`).
pub fn looks_like_jwt(token: &str) -> bool {
    token.bytes().filter(|b| *b == b'.').count() == 2
}
