//! `bora serve`'s `--auth` and the OIDC issuer whose JWTs `--auth oidc`
//! takes.

use std::sync::Arc;

use anyhow::{Context, bail};
use clap::Args;

use crate::api::auth::oidc::{JwksSource, Oidc, OidcConfig};
use crate::api::auth::{Auth, AuthMode};

/// The OIDC issuer (with `--auth oidc`).
#[derive(Debug, Args)]
pub(crate) struct OidcArgs {
    /// The OIDC issuer whose JWTs are taken (`--auth oidc`): the exact
    /// `iss` of its tokens (`https://id.example.com/realms/ops`).
    #[arg(long, env = "BORA_OIDC_ISSUER", value_name = "URL")]
    oidc_issuer: Option<String>,
    /// The audience this server is: a JWT's `aud` must hold it.
    #[arg(long, env = "BORA_OIDC_AUDIENCE", value_name = "AUDIENCE")]
    oidc_audience: Option<String>,
    /// The issuer's public keys (JWKS): a file, or an `https://` URL. Read
    /// at start, again when a token names a key not held (at most once a
    /// minute) and every 15 minutes.
    #[arg(long, env = "BORA_OIDC_JWKS", value_name = "PATH|URL")]
    oidc_jwks: Option<String>,
    /// The claims naming a JWT's project, tried in order, comma-separated
    /// (`a.b` reaches into a nested object); a JWT with none is refused.
    #[arg(
        long,
        env = "BORA_OIDC_PROJECT_CLAIM",
        value_name = "CLAIM",
        value_delimiter = ',',
        default_value = "project_id"
    )]
    oidc_project_claim: Vec<String>,
    /// The claim that makes a JWT an admin's (`all_projects=true`) when it
    /// holds `--oidc-admin-value` (equal to it, in a list, or a word of a
    /// space-separated string); empty: no JWT is an admin's.
    #[arg(
        long,
        env = "BORA_OIDC_ADMIN_CLAIM",
        value_name = "CLAIM",
        default_value = "roles"
    )]
    oidc_admin_claim: String,
    /// The value of `--oidc-admin-claim` that makes an admin.
    #[arg(
        long,
        env = "BORA_OIDC_ADMIN_VALUE",
        value_name = "VALUE",
        default_value = "admin"
    )]
    oidc_admin_value: String,
}

impl OidcArgs {
    /// The OIDC settings `modes` ask for (none without `oidc`).
    ///
    /// # Errors
    /// `off` with another mode; `oidc` without its issuer, audience or
    /// keys; OIDC settings without `oidc` (the operator would believe JWTs
    /// are taken).
    pub(crate) fn config(&self, modes: &[AuthMode]) -> anyhow::Result<Option<OidcConfig>> {
        if modes.contains(&AuthMode::Off) && modes.len() > 1 {
            bail!("--auth off cannot be combined with tokens or oidc");
        }
        let given = [
            ("--oidc-issuer", &self.oidc_issuer),
            ("--oidc-audience", &self.oidc_audience),
            ("--oidc-jwks", &self.oidc_jwks),
        ];
        if !modes.contains(&AuthMode::Oidc) {
            let set: Vec<&str> = given
                .iter()
                .filter(|(_, v)| v.is_some())
                .map(|(name, _)| *name)
                .collect();
            if !set.is_empty() {
                bail!(
                    "{} set, but --auth does not take oidc: use --auth oidc (JWTs only) or \
                     --auth tokens,oidc (API tokens and JWTs)",
                    set.join(", ")
                );
            }
            return Ok(None);
        }
        let missing: Vec<&str> = given
            .iter()
            .filter(|(_, v)| v.as_deref().is_none_or(|v| v.trim().is_empty()))
            .map(|(name, _)| *name)
            .collect();
        let (Some(issuer), Some(audience), Some(jwks), true) = (
            &self.oidc_issuer,
            &self.oidc_audience,
            &self.oidc_jwks,
            missing.is_empty(),
        ) else {
            bail!(
                "--auth oidc needs the issuer whose JWTs are taken: {} missing \
                 (or BORA_OIDC_ISSUER, BORA_OIDC_AUDIENCE, BORA_OIDC_JWKS, or the \
                 configuration file's oidc-issuer, oidc-audience, oidc-jwks)",
                missing.join(", ")
            );
        };
        let project_claims: Vec<String> = self
            .oidc_project_claim
            .iter()
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        if project_claims.is_empty() {
            bail!("--oidc-project-claim must name at least one claim");
        }
        let admin_claim = self.oidc_admin_claim.trim();
        Ok(Some(OidcConfig {
            issuer: issuer.trim().to_owned(),
            audience: audience.trim().to_owned(),
            jwks: JwksSource::parse(jwks.trim())?,
            project_claims,
            admin_claim: (!admin_claim.is_empty()).then(|| admin_claim.to_owned()),
            admin_value: self.oidc_admin_value.clone(),
        }))
    }
}

/// How the API checks its callers under `--auth modes`: the issuer's keys
/// are read now, so a server that could not check a JWT does not start.
///
/// # Errors
/// What [`OidcArgs::config`] refuses; keys that cannot be read or used.
pub(crate) async fn auth(modes: &[AuthMode], oidc: &OidcArgs) -> anyhow::Result<Auth> {
    let tokens = modes.contains(&AuthMode::Tokens);
    let Some(config) = oidc.config(modes)? else {
        return Ok(Auth { tokens, oidc: None });
    };
    let issuer = config.issuer.clone();
    let issuer_keys = Oidc::start(config)
        .await
        .with_context(|| format!("--auth oidc: cannot take JWTs of {issuer}"))?;
    tracing::info!(
        issuer = %issuer,
        keys = issuer_keys.key_count(),
        api_tokens = tokens,
        "bora: taking JWTs of the OIDC issuer"
    );
    Ok(Auth {
        tokens,
        oidc: Some(Arc::new(issuer_keys)),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        oidc: OidcArgs,
    }

    fn config(args: &[&str], modes: &[AuthMode]) -> anyhow::Result<Option<OidcConfig>> {
        let mut argv = vec!["bora"];
        argv.extend_from_slice(args);
        Cli::try_parse_from(argv).unwrap().oidc.config(modes)
    }

    const FULL: &[&str] = &[
        "--oidc-issuer",
        "https://id.example.com",
        "--oidc-audience",
        "bora",
        "--oidc-jwks",
        "/etc/bora/jwks.json",
    ];

    #[test]
    fn oidc_needs_issuer_audience_and_keys() {
        let err = config(&["--oidc-issuer", "https://id"], &[AuthMode::Oidc])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("--oidc-audience, --oidc-jwks missing"),
            "{err}"
        );
        let made = config(FULL, &[AuthMode::Oidc]).unwrap().unwrap();
        assert_eq!(made.issuer, "https://id.example.com");
        assert_eq!(made.project_claims, vec!["project_id"]);
        assert_eq!(made.admin_claim.as_deref(), Some("roles"));
        assert_eq!(made.admin_value, "admin");
        assert!(matches!(made.jwks, JwksSource::File(_)));
    }

    #[test]
    fn oidc_settings_without_auth_oidc_stop_the_start() {
        let err = config(FULL, &[AuthMode::Tokens]).unwrap_err().to_string();
        assert!(err.contains("--auth does not take oidc"), "{err}");
        assert!(config(&[], &[AuthMode::Tokens]).unwrap().is_none());
        let off = config(&[], &[AuthMode::Off, AuthMode::Tokens]).unwrap_err();
        assert!(off.to_string().contains("cannot be combined"), "{off}");
    }

    #[test]
    fn claims_and_key_sources_are_read_from_the_flags() {
        let mut args = FULL.to_vec();
        args.extend([
            "--oidc-project-claim",
            "project_id, tenant",
            "--oidc-admin-claim",
            "",
        ]);
        args[5] = "https://id.example.com/certs";
        let made = config(&args, &[AuthMode::Tokens, AuthMode::Oidc])
            .unwrap()
            .unwrap();
        assert_eq!(made.project_claims, vec!["project_id", "tenant"]);
        assert_eq!(made.admin_claim, None);
        assert!(matches!(made.jwks, JwksSource::Url(_)));
        args[5] = "http://id.example.com/certs";
        let plain = config(&args, &[AuthMode::Oidc]).unwrap_err().to_string();
        assert!(plain.contains("https://"), "{plain}");
        args[5] = "http://127.0.0.1:9/certs";
        assert!(config(&args, &[AuthMode::Oidc]).is_ok());
    }
}
