//! Keys that name things in URLs, files and forms: a staff-made code (of a category or an item
//! type), the key of an unsaved offering draft, the key of an upload's report, and the key that
//! places an order once. Each is
//! parsed once where it enters, so a port never receives a free string as a name.
use serde::{Deserialize, Serialize};
use std::fmt;

/// A code as used in files and URLs: lower-case Latin letters, digits and `_`, starting with a
/// letter, 2–32 long.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Code(String);

impl Code {
    /// Checks a typed or stored code; the error is the code the form shows.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let t = raw.trim();
        if t.is_empty() {
            return Err("required");
        }
        let ok = (2..=32).contains(&t.len())
            && t.starts_with(|c: char| c.is_ascii_lowercase())
            && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(Self(t.to_owned()))
        } else {
            Err("bad_code")
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Code {
    type Error = &'static str;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<Code> for String {
    fn from(c: Code) -> Self {
        c.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which offering form an unsaved draft belongs to: an offering's, or a new one of an item type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftKey {
    /// The form of a saved offering.
    Offering(i32),
    /// The form of a new offering of this item type.
    New(Code),
}

impl DraftKey {
    /// Reads the key a form carries (`42` or `new-<item type>`).
    pub fn parse(raw: &str) -> Option<Self> {
        let t = raw.trim();
        match t.strip_prefix("new-") {
            Some(code) => Code::parse(code).ok().map(Self::New),
            None => t.parse::<i32>().ok().filter(|id| *id > 0).map(Self::Offering),
        }
    }
}

impl fmt::Display for DraftKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Offering(id) => write!(f, "{id}"),
            Self::New(code) => write!(f, "new-{code}"),
        }
    }
}

/// The key of an upload's report: 32 lower-case hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportKey(String);

impl ReportKey {
    /// Reads the key a URL carries.
    pub fn parse(raw: &str) -> Option<Self> {
        let t = raw.trim();
        (t.len() == 32 && t.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))).then(|| Self(t.to_owned()))
    }

    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The key that places an order once, whatever the retries: a UUID (`8-4-4-4-12` lower-case
/// hexadecimal digits), given with the order check page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderKey(String);

impl OrderKey {
    /// Reads the key a form carries.
    pub fn parse(raw: &str) -> Option<Self> {
        let t = raw.trim();
        let shape = t.len() == 36
            && t.char_indices().all(|(i, c)| {
                if matches!(i, 8 | 13 | 18 | 23) {
                    c == '-'
                } else {
                    c.is_ascii_digit() || ('a'..='f').contains(&c)
                }
            });
        shape.then(|| Self(t.to_owned()))
    }

    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_lower_case_latin_words() {
        assert_eq!(Code::parse(" walker ").map(|c| c.to_string()), Ok("walker".into()));
        assert_eq!(Code::parse("InvaTaxi"), Err("bad_code"));
        assert_eq!(Code::parse("x"), Err("bad_code"));
        assert_eq!(Code::parse("1st"), Err("bad_code"));
        assert_eq!(Code::parse("a'; drop"), Err("bad_code"));
        assert_eq!(Code::parse("  "), Err("required"));
        assert!(serde_json::from_str::<Code>("\"<b>x</b>\"").is_err());
    }

    #[test]
    fn draft_keys_name_an_offering_or_a_new_one_of_an_item_type() {
        assert_eq!(DraftKey::parse("42"), Some(DraftKey::Offering(42)));
        let new = DraftKey::parse("new-walker");
        assert_eq!(new.as_ref().map(ToString::to_string).as_deref(), Some("new-walker"));
        for bad in ["", "-1", "0", "new-", "new-Walker", "42; x", "other-walker"] {
            assert_eq!(DraftKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn order_keys_are_uuids() {
        let key = "5f0c2a8e-1b7d-4c3e-9a2f-0123456789ab";
        assert_eq!(OrderKey::parse(key).map(|k| k.as_str().to_owned()).as_deref(), Some(key));
        for bad in [
            "",
            "not-the-key",
            "5F0C2A8E-1B7D-4C3E-9A2F-0123456789AB",
            "5f0c2a8e1b7d4c3e9a2f0123456789ab",
            "5f0c2a8e-1b7d-4c3e-9a2f-0123456789ab'",
        ] {
            assert_eq!(OrderKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn report_keys_are_32_hex_digits() {
        assert!(ReportKey::parse("0123456789abcdef0123456789abcdef").is_some());
        assert!(ReportKey::parse("0123456789ABCDEF0123456789abcdef").is_none());
        assert!(ReportKey::parse("../../etc/passwd").is_none());
    }
}
