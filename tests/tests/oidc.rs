//! OIDC/JWT bearer tokens on a real `bora serve`: JWTs signed with key
//! pairs made here (no identity provider, no network beyond loopback) are
//! callers of the project their claim names, next to API tokens; each
//! kind of bad JWT gets a JSON 401 saying what is wrong; the issuer's keys
//! come from a file or from a URL, read again for a key id not held.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::process_support::{Server, bora_cli, free_port, new_token, request_with};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::jwk::Jwk;
use jsonwebtoken::{Algorithm, EncodingKey, Header, get_current_timestamp};
use p256::elliptic_curve::Generate;
use p256::pkcs8::EncodePrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey;
use serde_json::{Value, json};

const ISSUER: &str = "https://id.example.com/realms/ops";
const AUDIENCE: &str = "bora";

const WORKFLOW: &str = "---
version: '2.0'
alpha_wf:
  tasks:
    greet:
      action: std.echo output=hi
";

/// A key pair of the issuer: what signs, and its public JWK.
struct Pair {
    kid: String,
    alg: Algorithm,
    key: EncodingKey,
    jwk: Value,
}

impl Pair {
    fn new(kid: &str, alg: Algorithm, key: EncodingKey) -> Self {
        let mut jwk = serde_json::to_value(Jwk::from_encoding_key(&key, alg).unwrap()).unwrap();
        jwk["kid"] = json!(kid);
        Self {
            kid: kid.to_owned(),
            alg,
            key,
            jwk,
        }
    }

    fn ec(kid: &str) -> Self {
        let der = p256::SecretKey::generate().to_pkcs8_der().unwrap();
        Self::new(
            kid,
            Algorithm::ES256,
            EncodingKey::from_ec_der(der.as_bytes()),
        )
    }

    fn rsa(kid: &str) -> Self {
        let key = <rsa::PrivateKey as rsa::Generate>::generate();
        let der = key.to_pkcs1_der().unwrap();
        Self::new(
            kid,
            Algorithm::RS256,
            EncodingKey::from_rsa_der(der.as_bytes()),
        )
    }

    fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(self.alg);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.key).unwrap()
    }
}

fn jwks(pairs: &[&Pair]) -> String {
    let keys: Vec<&Value> = pairs.iter().map(|p| &p.jwk).collect();
    json!({ "keys": keys }).to_string()
}

/// Valid claims of `sub` in `project`.
fn claims(sub: &str, project: &str) -> Value {
    let now = get_current_timestamp();
    json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": now, "exp": now + 600,
        "project_id": project,
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

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(value.to_string())
}

/// A request with `token` as a bearer token: status, head, JSON body.
fn call(
    port: u16,
    method: &str,
    path: &str,
    token: &str,
    yaml: Option<&str>,
) -> (u16, String, Value) {
    let bearer = format!("Bearer {token}");
    let body = yaml.map(|y| ("text/plain", y.as_bytes()));
    request_with(port, method, path, &[("Authorization", &bearer)], body)
}

fn get(port: u16, path: &str, token: &str) -> (u16, Value) {
    let (status, _, body) = call(port, "GET", path, token, None);
    (status, body)
}

fn workflow_names(port: u16, path: &str, token: &str) -> Vec<String> {
    let (status, body) = get(port, path, token);
    assert_eq!(status, 200, "{body}");
    body["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["name"].as_str().unwrap().to_owned())
        .collect()
}

/// A 401 with a JSON fault saying `words`, and RFC 6750's `invalid_token`.
fn assert_refused(port: u16, token: &str, words: &str) {
    let (status, head, body) = call(port, "GET", "/v2/workflows", token, None);
    assert_eq!(status, 401, "{words}: {body}");
    let fault = body["faultstring"].as_str().unwrap_or_default();
    assert!(
        fault.to_lowercase().contains(&words.to_lowercase()),
        "{words}: {body}"
    );
    assert!(
        head.contains("www-authenticate: bearer error=\"invalid_token\""),
        "{head}"
    );
}

fn serve_flags<'a>(auth: &'a str, jwks: &'a str) -> Vec<&'a str> {
    vec![
        "--auth",
        auth,
        "--oidc-issuer",
        ISSUER,
        "--oidc-audience",
        AUDIENCE,
        "--oidc-jwks",
        jwks,
    ]
}

fn sqlite(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("bora.sqlite").display())
}

#[test]
fn jwts_of_the_issuer_are_callers_of_their_project() {
    let dir = tempfile::tempdir().unwrap();
    let database = sqlite(dir.path());
    let (ec, rsa) = (Pair::ec("ec-1"), Pair::rsa("rsa-1"));
    let jwks_path = dir.path().join("jwks.json");
    std::fs::write(&jwks_path, jwks(&[&ec, &rsa])).unwrap();
    let (_, beta_api_token) = new_token(&database, "beta", false);
    let server = Server::start(
        free_port(),
        &database,
        &serve_flags("tokens,oidc", jwks_path.to_str().unwrap()),
        &dir.path().join("serve.log"),
    );
    let port = server.port;
    let alice = ec.sign(&claims("alice", "alpha"));
    let bob = rsa.sign(&claims("bob", "beta"));

    // Alice's workflow lands in her token's project.
    let (status, _, made) = call(port, "POST", "/v2/workflows", &alice, Some(WORKFLOW));
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["workflows"][0]["project_id"], "alpha", "{made}");
    let (status, own) = get(port, "/v2/workflows/alpha_wf", &alice);
    assert_eq!((status, own["project_id"].as_str()), (200, Some("alpha")));
    let (status, _, _) = request_with(
        port,
        "GET",
        "/v2/workflows/alpha_wf",
        &[("X-Auth-Token", &alice)],
        None,
    );
    assert_eq!(status, 200, "Mistral's X-Auth-Token carries a JWT too");

    // Another project sees none of it, by JWT or by API token.
    assert_eq!(get(port, "/v2/workflows/alpha_wf", &bob).0, 404);
    assert!(!workflow_names(port, "/v2/workflows", &bob).contains(&"alpha_wf".into()));
    assert_eq!(get(port, "/v2/workflows/alpha_wf", &beta_api_token).0, 404);
    assert_eq!(get(port, "/v2/workflows?all_projects=true", &bob).0, 403);

    // The admin claim gives all_projects=true.
    let root = ec.sign(&with(claims("root", "ops"), "roles", json!(["admin"])));
    assert!(!workflow_names(port, "/v2/workflows", &root).contains(&"alpha_wf".into()));
    let all = workflow_names(port, "/v2/workflows?all_projects=true", &root);
    assert!(all.contains(&"alpha_wf".into()), "{all:?}");

    // The audit log names the JWT's subject.
    let start = json!({"workflow_name": "alpha_wf"}).to_string();
    let bearer = format!("Bearer {alice}");
    let (status, _, started) = request_with(
        port,
        "POST",
        "/v2/executions",
        &[("Authorization", &bearer)],
        Some(("application/json", start.as_bytes())),
    );
    assert_eq!(status, 201, "{started}");
    assert_eq!(started["project_id"], "alpha", "{started}");
    let audit: Value = serde_json::from_str(&bora_cli(&[
        "audit",
        "--database",
        &database,
        "--token",
        "jwt:alice",
        "-o",
        "json",
    ]))
    .unwrap();
    let entry = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "/v2/executions")
        .unwrap_or_else(|| panic!("{audit}"));
    assert_eq!(entry["project"], "alpha");
    assert_eq!(entry["target"], started["id"]);

    // python-mistralclient's Keystone exchange takes either kind of token.
    for (token, project) in [(&alice, "alpha"), (&beta_api_token, "beta")] {
        let exchange =
            json!({"auth": {"identity": {"methods": ["token"], "token": {"id": token}}}});
        let (status, head, answer) = request_with(
            port,
            "POST",
            "/identity/v3/auth/tokens",
            &[],
            Some(("application/json", exchange.to_string().as_bytes())),
        );
        assert_eq!(status, 201, "{answer}");
        assert!(head.contains("x-subject-token: "), "{head}");
        assert_eq!(answer["token"]["project"]["id"], project, "{answer}");
    }

    refusals(port, &ec);

    // The dashboard signs in with a JWT as with an API token.
    let login = json!({"token": alice}).to_string();
    let (status, head, _) = request_with(
        port,
        "POST",
        "/ui/login",
        &[],
        Some(("application/json", login.as_bytes())),
    );
    assert_eq!(status, 204);
    assert!(head.contains("set-cookie: bora_token=ey"), "{head}");
    drop(server);
}

/// Each kind of bad JWT, on a server whose issuer signs with `ec`.
fn refusals(port: u16, ec: &Pair) {
    let now = get_current_timestamp();
    let good = claims("alice", "alpha");
    assert_refused(
        port,
        &ec.sign(&with(good.clone(), "exp", json!(now - 600))),
        "expired",
    );
    assert_refused(
        port,
        &ec.sign(&with(good.clone(), "iss", json!("https://evil.example"))),
        "another issuer",
    );
    assert_refused(
        port,
        &ec.sign(&with(good.clone(), "aud", json!("someone-else"))),
        "another audience",
    );
    assert_refused(
        port,
        &ec.sign(&with(good.clone(), "project_id", Value::Null)),
        "'project_id'",
    );
    let token = ec.sign(&good);
    let parts: Vec<&str> = token.split('.').collect();
    let forged = b64(&with(good.clone(), "project_id", json!("beta")));
    assert_refused(
        port,
        &format!("{}.{forged}.{}", parts[0], parts[2]),
        "signature",
    );
    let none = format!("{}.{}.", b64(&json!({"alg": "none"})), b64(&good));
    assert_refused(port, &none, "alg 'none'");
    let hmac = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &good,
        &EncodingKey::from_secret(ec.jwk.to_string().as_bytes()).unwrap(),
    )
    .unwrap();
    assert_refused(port, &hmac, "HMAC");
    assert_refused(port, &Pair::ec("ghost").sign(&good), "kid 'ghost'");
}

/// A JWKS document served over HTTP on loopback; how many times it was
/// fetched.
struct JwksServer {
    port: u16,
    document: Arc<Mutex<String>>,
    fetches: Arc<AtomicUsize>,
}

impl JwksServer {
    fn start(document: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let document = Arc::new(Mutex::new(document));
        let fetches = Arc::new(AtomicUsize::new(0));
        let (served, counted) = (document.clone(), fetches.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                // The whole request head, so closing does not reset it.
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                    head.push(byte[0]);
                }
                counted.fetch_add(1, Ordering::SeqCst);
                let body = served.lock().unwrap().clone();
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(answer.as_bytes());
            }
        });
        Self {
            port,
            document,
            fetches,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/certs", self.port)
    }

    fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

#[test]
fn keys_from_a_url_are_fetched_again_for_a_new_kid_at_most_once_a_minute() {
    let dir = tempfile::tempdir().unwrap();
    let database = sqlite(dir.path());
    let (first, second) = (Pair::ec("k1"), Pair::ec("k2"));
    let issuer = JwksServer::start(jwks(&[&first]));
    let url = issuer.url();
    let (_, api_token) = new_token(&database, "alpha", false);
    // The settings from the configuration file, this time.
    let config = dir.path().join("bora.toml");
    std::fs::write(
        &config,
        format!(
            "auth = [\"oidc\"]\noidc-issuer = \"{ISSUER}\"\noidc-audience = \"{AUDIENCE}\"\n\
             oidc-jwks = \"{url}\"\noidc-project-claim = [\"tenant\", \"project_id\"]\n"
        ),
    )
    .unwrap();
    let server = Server::start(
        free_port(),
        &database,
        &["--config", config.to_str().unwrap()],
        &dir.path().join("serve.log"),
    );
    let port = server.port;
    assert_eq!(issuer.fetches(), 1, "fetched at start");
    let alice = claims("alice", "alpha");
    assert_eq!(get(port, "/v2/workflows", &first.sign(&alice)).0, 200);

    // JWTs only: an API token is refused by name, no token at all too.
    let (status, refused) = get(port, "/v2/workflows", &api_token);
    assert_eq!(status, 401);
    assert!(
        refused["faultstring"]
            .as_str()
            .unwrap()
            .contains("API tokens are not taken here"),
        "{refused}"
    );
    let (status, _, anonymous) = request_with(port, "GET", "/v2/workflows", &[], None);
    assert_eq!(status, 401);
    assert!(
        anonymous["faultstring"].as_str().unwrap().contains("JWT"),
        "{anonymous}"
    );

    // The issuer publishes a new key: the first token naming it fetches
    // the keys again.
    *issuer.document.lock().unwrap() = jwks(&[&first, &second]);
    assert_eq!(get(port, "/v2/workflows", &second.sign(&alice)).0, 200);
    assert_eq!(issuer.fetches(), 2);
    assert_eq!(get(port, "/v2/workflows", &second.sign(&alice)).0, 200);
    // Made-up key ids within the minute do not reach the issuer.
    for kid in ["ghost-1", "ghost-2", "ghost-3"] {
        assert_refused(port, &Pair::ec(kid).sign(&alice), kid);
    }
    assert_eq!(issuer.fetches(), 2);
    drop(server);
}

/// `bora serve` with these flags must stop at start, saying `words`.
fn refuses_to_start(dir: &Path, flags: &[&str], words: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args(["serve", "--listen", &format!("127.0.0.1:{}", free_port())])
        .args(["--database", &sqlite(dir)])
        .args(flags)
        .env_remove("BORA_CONFIG")
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{flags:?} started: {stderr}");
    assert!(stderr.contains(words), "{flags:?}: {stderr}");
}

#[test]
fn a_start_with_oidc_but_no_issuer_or_keys_stops_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    refuses_to_start(
        dir.path(),
        &["--auth", "oidc"],
        "--auth oidc needs the issuer whose JWTs are taken: --oidc-issuer, --oidc-audience, --oidc-jwks missing",
    );
    let missing = dir.path().join("missing.json");
    refuses_to_start(
        dir.path(),
        &serve_flags("oidc", missing.to_str().unwrap()),
        "cannot read the JWKS file",
    );
    refuses_to_start(
        dir.path(),
        &serve_flags("tokens", missing.to_str().unwrap()),
        "--auth does not take oidc",
    );
    refuses_to_start(
        dir.path(),
        &serve_flags("oidc", "http://id.example.com/certs"),
        "https://",
    );
}
