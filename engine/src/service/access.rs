//! Who may call the API: API tokens (looked up by digest on every request,
//! so a revocation holds at once on every node) and the audit log of what
//! authenticated callers changed.

use bora_store::{AuditEntry, TokenRecord};

use super::{Service, ServiceError};
use crate::clock::now_micros;

impl Service {
    /// The live token with this digest (`None`: unknown or revoked).
    pub async fn token(&self, digest: &str) -> Result<Option<TokenRecord>, ServiceError> {
        Ok(self.store.live_token(digest).await?)
    }

    /// Notes, off the request's path, that `token` was just used.
    pub fn note_token_use(&self, token: &TokenRecord) {
        let now = now_micros();
        if !bora_store::auth::use_is_stale(token.last_used_at, now) {
            return;
        }
        let store = self.store.clone();
        let (id, last) = (token.id.clone(), token.last_used_at);
        tokio::spawn(async move {
            if let Err(err) = store.touch_token(&id, last, now).await {
                tracing::warn!(token = %id, error = %err, "cannot note the token's use");
            }
        });
    }

    /// Appends one entry to the audit log.
    pub async fn audit(&self, entry: AuditEntry) -> Result<(), ServiceError> {
        Ok(self.store.put_audit(&[entry]).await?)
    }
}
