//! An e-mail address, stored lower-cased so uniqueness is case-insensitive.
use serde::{Deserialize, Serialize};

/// A syntactically plausible e-mail address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Parses an address: one `@`, a non-empty local part, a dotted domain, no spaces.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err("required");
        }
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("invalid_email");
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err("invalid_email");
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains('@');
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err("invalid_email");
        }
        Ok(Self(s))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_lower_cased_and_trimmed() {
        assert_eq!(Email::parse("  Aigul@Mail.KZ ").map(|e| e.as_str().to_owned()), Ok("aigul@mail.kz".into()));
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in ["aigul", "aigul@", "@mail.kz", "a b@mail.kz", "a@mail", "a@@mail.kz", "a@.kz"] {
            assert_eq!(Email::parse(bad), Err("invalid_email"), "{bad}");
        }
        assert_eq!(Email::parse(" "), Err("required"));
    }
}
