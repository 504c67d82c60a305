//! Tokens signed with key pairs made here, checked as `bora serve` checks
//! them.
#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use jsonwebtoken::jwk::Jwk;
use jsonwebtoken::{EncodingKey, Header, get_current_timestamp};
use p256::elliptic_curve::Generate;
use p256::pkcs8::EncodePrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey;
use serde_json::json;

use super::*;

const ISSUER: &str = "https://id.example.com/realms/ops";
const AUDIENCE: &str = "bora";

/// A key pair: what signs, and its public JWK.
struct Pair {
    kid: String,
    alg: Algorithm,
    key: EncodingKey,
    jwk: Value,
}

fn pair(kid: &str, alg: Algorithm, key: EncodingKey) -> Pair {
    let mut jwk = serde_json::to_value(Jwk::from_encoding_key(&key, alg).unwrap()).unwrap();
    jwk["kid"] = json!(kid);
    Pair {
        kid: kid.to_owned(),
        alg,
        key,
        jwk,
    }
}

fn ec_pair(kid: &str) -> Pair {
    let secret = p256::SecretKey::generate();
    let der = secret.to_pkcs8_der().unwrap();
    pair(
        kid,
        Algorithm::ES256,
        EncodingKey::from_ec_der(der.as_bytes()),
    )
}

/// One RSA key for all tests: making one takes a while.
fn rsa_der() -> &'static [u8] {
    static DER: OnceLock<Vec<u8>> = OnceLock::new();
    DER.get_or_init(|| {
        let key = <rsa::PrivateKey as rsa::Generate>::generate();
        key.to_pkcs1_der().unwrap().as_bytes().to_vec()
    })
}

fn rsa_pair(kid: &str) -> Pair {
    pair(kid, Algorithm::RS256, EncodingKey::from_rsa_der(rsa_der()))
}

fn sign(pair: &Pair, claims: &Value) -> String {
    let mut header = Header::new(pair.alg);
    header.kid = Some(pair.kid.clone());
    jsonwebtoken::encode(&header, claims, &pair.key).unwrap()
}

fn claims() -> Value {
    let now = get_current_timestamp();
    json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": "alice",
        "iat": now, "exp": now + 300, "project_id": "alpha",
    })
}

fn with(mut claims: Value, key: &str, value: Value) -> Value {
    if value.is_null() {
        claims.as_object_mut().unwrap().remove(key);
    } else {
        claims[key] = value;
    }
    claims
}

fn config(jwks: JwksSource) -> OidcConfig {
    OidcConfig {
        issuer: ISSUER.into(),
        audience: AUDIENCE.into(),
        jwks,
        project_claims: vec!["project_id".into(), "tenant".into()],
        admin_claim: Some("roles".into()),
        admin_value: "admin".into(),
    }
}

/// An issuer publishing `pairs` in a JWKS file of `dir`.
async fn issuer(dir: &tempfile::TempDir, pairs: &[&Pair]) -> Oidc {
    let path = dir.path().join("jwks.json");
    let keys: Vec<&Value> = pairs.iter().map(|p| &p.jwk).collect();
    std::fs::write(&path, json!({ "keys": keys }).to_string()).unwrap();
    Oidc::start(config(JwksSource::File(path))).await.unwrap()
}

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(value.to_string())
}

#[tokio::test]
async fn rs256_and_es256_tokens_name_their_caller_and_project() {
    let dir = tempfile::tempdir().unwrap();
    let (ec, rsa) = (ec_pair("ec"), rsa_pair("rsa"));
    let oidc = issuer(&dir, &[&ec, &rsa]).await;
    assert_eq!(oidc.key_count(), 2);
    for pair in [&ec, &rsa] {
        let identity = oidc.verify(&sign(pair, &claims())).await.unwrap();
        assert_eq!(
            identity,
            Identity {
                subject: "alice".into(),
                project: "alpha".into(),
                admin: false,
            }
        );
        assert_eq!(identity.caller_id(), "jwt:alice");
    }
    // Without a kid, the key whose algorithm fits is tried.
    let mut header = Header::new(Algorithm::ES256);
    header.kid = None;
    let token = jsonwebtoken::encode(&header, &claims(), &ec.key).unwrap();
    assert_eq!(oidc.verify(&token).await.unwrap().project, "alpha");
}

#[tokio::test]
async fn each_refusal_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let ec = ec_pair("ec");
    let oidc = issuer(&dir, &[&ec]).await;
    let now = get_current_timestamp();
    let refused = |claims: Value| {
        let token = sign(&ec, &claims);
        let oidc = &oidc;
        async move { oidc.verify(&token).await.unwrap_err() }
    };
    assert_eq!(
        refused(with(claims(), "exp", json!(now - 120))).await,
        Refusal::Expired
    );
    // Within the leeway, a token just expired still serves.
    let recent = sign(&ec, &with(claims(), "exp", json!(now - 5)));
    assert!(oidc.verify(&recent).await.is_ok());
    assert_eq!(
        refused(with(claims(), "nbf", json!(now + 600))).await,
        Refusal::NotYetValid
    );
    assert_eq!(
        refused(with(claims(), "iss", json!("https://evil.example.com"))).await,
        Refusal::WrongIssuer(ISSUER.into())
    );
    assert_eq!(
        refused(with(claims(), "aud", json!(["other", "more"]))).await,
        Refusal::WrongAudience(AUDIENCE.into())
    );
    assert_eq!(
        refused(with(claims(), "aud", Value::Null)).await,
        Refusal::MissingClaim("aud".into())
    );
    assert_eq!(
        refused(with(claims(), "sub", Value::Null)).await,
        Refusal::MissingClaim("sub".into())
    );
    assert_eq!(
        refused(with(claims(), "exp", Value::Null)).await,
        Refusal::MissingClaim("exp".into())
    );
    let no_project = refused(with(claims(), "project_id", Value::Null)).await;
    assert_eq!(
        no_project,
        Refusal::NoProject("'project_id' or 'tenant'".into())
    );
    assert!(
        no_project.to_string().contains("'project_id'"),
        "{no_project}"
    );
    assert_eq!(
        refused(with(claims(), "project_id", json!(7))).await,
        Refusal::BadClaim("project_id".into())
    );
}

#[tokio::test]
async fn forged_tokens_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ec = ec_pair("ec");
    let oidc = issuer(&dir, &[&ec]).await;
    let token = sign(&ec, &claims());

    // Claims changed after signing.
    let parts: Vec<&str> = token.split('.').collect();
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        b64(&with(claims(), "project_id", json!("beta"))),
        parts[2]
    );
    assert_eq!(
        oidc.verify(&tampered).await.unwrap_err(),
        Refusal::BadSignature
    );

    // Signed by another key under the issuer's kid.
    let stranger = ec_pair("ec");
    assert_eq!(
        oidc.verify(&sign(&stranger, &claims())).await.unwrap_err(),
        Refusal::BadSignature
    );
    let unknown = ec_pair("ghost");
    assert_eq!(
        oidc.verify(&sign(&unknown, &claims())).await.unwrap_err(),
        Refusal::UnknownKey("ghost".into())
    );

    // Unsigned.
    let none = format!(
        "{}.{}.",
        b64(&json!({"alg": "none", "typ": "JWT"})),
        b64(&claims())
    );
    assert_eq!(oidc.verify(&none).await.unwrap_err(), Refusal::Unsigned);

    // HMAC keyed with the issuer's public key (algorithm confusion).
    let public = ec.jwk.to_string();
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("ec".into());
    let hmac = jsonwebtoken::encode(
        &header,
        &claims(),
        &EncodingKey::from_secret(public.as_bytes()).unwrap(),
    )
    .unwrap();
    assert_eq!(
        oidc.verify(&hmac).await.unwrap_err(),
        Refusal::SharedSecret("HS256".into())
    );

    // An RSA algorithm under the EC key's kid.
    let rsa = rsa_pair("ec");
    assert_eq!(
        oidc.verify(&sign(&rsa, &claims())).await.unwrap_err(),
        Refusal::KeyMismatch {
            kid: "ec".into(),
            alg: "RS256".into()
        }
    );

    for garbage in ["", "a.b", "a.b.c.d", "!!.??.--", "bora_0123"] {
        assert_eq!(
            oidc.verify(garbage).await.unwrap_err(),
            Refusal::Malformed,
            "{garbage}"
        );
    }
    let unknown_alg = format!("{}.{}.x", b64(&json!({"alg": "XS1"})), b64(&claims()));
    assert_eq!(
        oidc.verify(&unknown_alg).await.unwrap_err(),
        Refusal::Algorithm("XS1".into())
    );
}

#[tokio::test]
async fn no_refusal_shows_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let ec = ec_pair("ec");
    let oidc = issuer(&dir, &[&ec]).await;
    let secret_parts = [ec.jwk["x"].as_str().unwrap(), ec.jwk["y"].as_str().unwrap()];
    let tokens = [
        sign(&ec_pair("ec"), &claims()),
        sign(&ec_pair("zz"), &claims()),
        sign(&rsa_pair("ec"), &claims()),
    ];
    for token in tokens {
        let message = oidc.verify(&token).await.unwrap_err().to_string();
        for part in secret_parts {
            assert!(!message.contains(part), "{message}");
        }
    }
}

#[tokio::test]
async fn admins_and_projects_come_from_the_configured_claims() {
    let dir = tempfile::tempdir().unwrap();
    let ec = ec_pair("ec");
    let oidc = issuer(&dir, &[&ec]).await;
    let verify = |claims: Value| {
        let token = sign(&ec, &claims);
        let oidc = &oidc;
        async move { oidc.verify(&token).await.unwrap() }
    };
    let admin = verify(with(claims(), "roles", json!(["reader", "admin"]))).await;
    assert!(admin.admin);
    assert!(
        verify(with(claims(), "roles", json!("user admin")))
            .await
            .admin
    );
    assert!(
        !verify(with(claims(), "roles", json!(["administrator"])))
            .await
            .admin
    );
    assert!(
        !verify(with(claims(), "roles", json!({"admin": true})))
            .await
            .admin
    );
    // The fallback claim names the project when the first is absent.
    let fallback = with(claims(), "project_id", Value::Null);
    let fallback = verify(with(fallback, "tenant", json!("beta"))).await;
    assert_eq!(fallback.project, "beta");

    // Keycloak keeps roles in `realm_access.roles`.
    let path = dir.path().join("jwks.json");
    let nested = Oidc::start(OidcConfig {
        admin_claim: Some("realm_access.roles".into()),
        project_claims: vec!["project".into()],
        ..config(JwksSource::File(path))
    })
    .await
    .unwrap();
    let keycloak = with(claims(), "realm_access", json!({"roles": ["admin"]}));
    let keycloak = with(keycloak, "project", json!("gamma"));
    let identity = nested.verify(&sign(&ec, &keycloak)).await.unwrap();
    assert!(identity.admin);
    assert_eq!(identity.project, "gamma");
}

#[test]
fn jwts_have_two_dots_and_api_tokens_none() {
    assert!(looks_like_jwt("a.b.c"));
    assert!(!looks_like_jwt("bora_0123abcd"));
    assert!(!looks_like_jwt("a.b"));
}

#[test]
fn key_sources_are_files_or_https_urls() {
    assert_eq!(
        JwksSource::parse("/etc/jwks.json").unwrap(),
        JwksSource::File("/etc/jwks.json".into())
    );
    assert!(matches!(
        JwksSource::parse("https://id.example.com/certs").unwrap(),
        JwksSource::Url(_)
    ));
    assert!(JwksSource::parse("http://id.example.com/certs").is_err());
    for local in [
        "http://127.0.0.1:8080/certs",
        "http://localhost/certs",
        "http://[::1]:1/c",
    ] {
        assert!(JwksSource::parse(local).is_ok(), "{local}");
    }
}

#[tokio::test]
async fn a_start_without_usable_keys_stops_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let err = Oidc::start(config(JwksSource::File(missing)))
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("cannot read the JWKS file"), "{err}");
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, r#"{"keys": []}"#).unwrap();
    let err = Oidc::start(config(JwksSource::File(empty)))
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("holds no signing key"), "{err}");
}
