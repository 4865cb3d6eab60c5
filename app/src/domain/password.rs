//! The password policy: 12 to 128 characters and not one of the most common passwords.
//! Length beats composition rules (NIST SP 800-63B); the list stops the worst choices.

/// A password that meets the policy. Never serialised, never logged.
pub struct Password(String);

const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123123123123",
    "111111111111",
    "000000000000",
    "qwertyuiopas",
    "qwerty123456",
    "qwertyqwerty",
    "password1234",
    "password12345",
    "passwordpassword",
    "1q2w3e4r5t6y",
    "1qaz2wsx3edc",
    "iloveyou1234",
    "abcdefghijkl",
    "abc123abc123",
    "zxcvbnm12345",
    "asdfghjkl123",
    "qazwsxedcrfv",
    "administrator",
    "welcome12345",
    "letmein12345",
    "parol1234567",
    "qwerty1234567",
    "michael12345",
    "football1234",
    "baseball1234",
    "sunshine1234",
    "princess1234",
    "йцукенгшщзхъ",
    "пароль123456",
    "парольпароль",
    "1234567890qw",
    "qwertyuiop12",
    "kazakhstan123",
    "kazakhstan2024",
    "kazakhstan2025",
    "astana123456",
    "almaty123456",
    "qwerty12345678",
    "123456789qwe",
    "passw0rd1234",
    "changeme1234",
    "secret123456",
];

impl Password {
    /// Checks the policy; `email` is refused as a password too.
    pub fn parse(raw: &str, email: &str) -> Result<Self, &'static str> {
        let n = raw.chars().count();
        if n == 0 {
            return Err("required");
        }
        if n < 12 {
            return Err("password_too_short");
        }
        if n > 128 {
            return Err("password_too_long");
        }
        let lower = raw.to_lowercase();
        let one_char = raw.chars().all(|c| raw.starts_with(c));
        if one_char || COMMON.contains(&lower.as_str()) || lower == email.to_lowercase() {
            return Err("password_too_common");
        }
        Ok(Self(raw.to_owned()))
    }

    /// The password itself, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_common_passwords_are_refused() {
        assert_eq!(Password::parse("short", "a@b.kz").err(), Some("password_too_short"));
        assert_eq!(Password::parse(&"x".repeat(129), "a@b.kz").err(), Some("password_too_long"));
        assert_eq!(Password::parse("Password1234", "a@b.kz").err(), Some("password_too_common"));
        assert_eq!(Password::parse("aaaaaaaaaaaaaa", "a@b.kz").err(), Some("password_too_common"));
        assert_eq!(Password::parse("aigul@mail.kz", "aigul@mail.kz").err(), Some("password_too_common"));
    }

    #[test]
    fn a_long_uncommon_passphrase_is_accepted() {
        assert!(Password::parse("steppe horses run at dawn", "a@b.kz").is_ok());
    }
}
