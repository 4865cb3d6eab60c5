//! Session tokens: HS256 JWTs (algorithm pinned) with issuer, audience and a short expiry,
//! carrying the id of a server-side session that can be revoked at any time.
use chrono::Utc;
use hmac::{Hmac, Mac};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const ISSUER: &str = "social-services-portal";
const AUDIENCE: &str = "portal-web";

/// What a session token says.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    /// Account id.
    pub sub: String,
    /// Server-side session id.
    pub sid: String,
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
}

/// Issues and checks session tokens with one secret.
pub struct Tokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl_seconds: i64,
    keyed: [u8; 32],
}

impl Tokens {
    /// Keys from the secret; tokens live `ttl_minutes`.
    pub fn new(secret: &[u8], ttl_minutes: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 0;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl_seconds: ttl_minutes * 60,
            // A key of its own, derived from the secret, so no keyed hash can ever be used to
            // sign a token.
            keyed: Sha256::new().chain_update(b"portal keyed hashes\0").chain_update(secret).finalize().into(),
        }
    }

    /// A keyed hash (HMAC-SHA256, 128 bits in hex) of `data` under `label`: a stable name for
    /// an e-mail or an address in throttle counters and logs that reveals neither, and that
    /// every instance sharing the secret computes alike.
    pub fn keyed(&self, label: &str, data: &str) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.keyed) else { return String::new() };
        mac.update(label.as_bytes());
        mac.update(b"\0");
        mac.update(data.as_bytes());
        hex::encode(&mac.finalize().into_bytes()[..16])
    }

    /// A token for a session, valid from now.
    pub fn issue(&self, account_id: i32, session_id: &str) -> anyhow::Result<String> {
        let now = Utc::now().timestamp();
        self.issue_claims(&Claims {
            sub: account_id.to_string(),
            sid: session_id.to_owned(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now,
            exp: now + self.ttl_seconds,
        })
    }

    /// Signs the given claims (tests use it to make expired tokens).
    pub fn issue_claims(&self, claims: &Claims) -> anyhow::Result<String> {
        Ok(encode(&Header::new(Algorithm::HS256), claims, &self.encoding)?)
    }

    /// The claims of a valid token; `None` for a bad signature, another algorithm, a wrong
    /// issuer or audience, or an expired token.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation).ok().map(|d| d.claims)
    }

    /// Token lifetime in seconds.
    pub fn ttl_seconds(&self) -> i64 {
        self.ttl_seconds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    fn tokens() -> Tokens {
        Tokens::new(b"0123456789abcdef0123456789abcdef", 60)
    }

    #[test]
    fn a_fresh_token_verifies() {
        let t = tokens();
        let jwt = t.issue(7, "s-1").unwrap();
        assert_eq!(t.verify(&jwt).map(|c| (c.sub, c.sid)), Some(("7".into(), "s-1".into())));
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() {
        let jwt = Tokens::new(b"another-secret-another-secret-xx", 60).issue(7, "s").unwrap();
        assert!(tokens().verify(&jwt).is_none());
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = b64.encode(r#"{"alg":"none","typ":"JWT"}"#);
        let exp = Utc::now().timestamp() + 600;
        let body =
            b64.encode(format!(r#"{{"sub":"7","sid":"s","iss":"{ISSUER}","aud":"{AUDIENCE}","iat":0,"exp":{exp}}}"#));
        assert!(tokens().verify(&format!("{header}.{body}.")).is_none());
    }
}
