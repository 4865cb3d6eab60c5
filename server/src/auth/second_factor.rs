//! The second factor of staff and admins: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps,
//! one step of clock drift either way) through the `totp-rs` crate, set up by scanning a QR
//! code (drawn as inline SVG by the `qrcode` crate) or typing its text secret, and ten
//! one-time recovery codes for a lost phone. A code is never accepted twice: the step it
//! matched is kept, and only later steps count after it.
use qrcode::render::svg;
use qrcode::QrCode;
use rand::RngCore;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

/// The name authenticator apps show next to the code.
pub const ISSUER: &str = "Social Services Portal";
/// Seconds per step.
const STEP: u64 = 30;
/// How many recovery codes an account gets.
pub const RECOVERY_CODES: usize = 10;

/// A new random secret (160 bits, as RFC 4226 recommends), base32 without padding.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

fn totp(secret: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 1, STEP, bytes).ok()
}

/// The code for `secret` at `unix_seconds` (tests and set-up help use it).
pub fn code_at(secret: &str, unix_seconds: u64) -> Option<String> {
    totp(secret).map(|t| t.generate(unix_seconds))
}

/// The step `code` belongs to, if it is the code of the step before, at or after
/// `unix_seconds` and that step comes after `last_step` (so no code works twice).
pub fn matching_step(secret: &str, code: &str, unix_seconds: u64, last_step: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret)?;
    let now = i64::try_from(unix_seconds / STEP).ok()?;
    let mut found = None;
    // Every candidate is computed and compared, so the time taken says nothing about which one matched.
    for step in [now - 1, now, now + 1] {
        let at = u64::try_from(step).ok()?.checked_mul(STEP)?;
        let expected = t.generate(at);
        let same = expected.bytes().zip(code.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
        if same && last_step.is_none_or(|last| step > last) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// Percent-encodes a part of an `otpauth:` URL.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'@' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `otpauth://` URL authenticator apps read from the QR code.
pub fn otpauth_url(secret: &str, account: &str) -> String {
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits=6&period={STEP}",
        encode(ISSUER),
        encode(account),
        encode(ISSUER)
    )
}

/// The QR code of `url` as an SVG element to put inline in the page (no image request, no
/// script); hidden from screen readers, which get the text secret beside it instead.
pub fn qr_svg(url: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    let start = image.find("<svg")?;
    Some(image[start..].replacen("<svg", "<svg aria-hidden=\"true\" focusable=\"false\" class=\"app-qr\"", 1))
}

/// The secret in groups of four, as people type it.
pub fn grouped(secret: &str) -> String {
    secret.as_bytes().chunks(4).filter_map(|c| std::str::from_utf8(c).ok()).collect::<Vec<_>>().join(" ")
}

/// New recovery codes: ten of `xxxxx-xxxxx` (letters and digits without look-alikes).
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String =
                (0..10).map(|_| char::from(ALPHABET[(rng.next_u32() as usize) % ALPHABET.len()])).collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect()
}

/// Whether `code` is shaped like a recovery code (rather than a six-digit TOTP code).
pub fn is_recovery_code(code: &str) -> bool {
    normalise(code).len() == 10
}

fn normalise(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// How a recovery code is stored: SHA-256 of its normalised form (case, spaces and dashes
/// do not matter when it is typed).
pub fn recovery_hash(code: &str) -> String {
    hex::encode(Sha256::digest(normalise(code).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_works_in_its_window_and_never_twice() {
        let secret = new_secret();
        let now = 1_790_000_015;
        let code = code_at(&secret, now).unwrap();
        let step = matching_step(&secret, &code, now, None).unwrap();
        assert_eq!(step, i64::try_from(now / 30).unwrap());
        assert_eq!(matching_step(&secret, &code, now, Some(step)), None, "replayed");
        assert!(matching_step(&secret, &code, now + 30, None).is_some(), "one step of drift");
        assert!(matching_step(&secret, &code, now + 90, None).is_none(), "too late");
        assert!(matching_step(&secret, "12345", now, None).is_none());
        let next = code_at(&secret, now + 30).unwrap();
        assert!(matching_step(&secret, &next, now, Some(step)).is_some(), "the next step's code still works");
    }

    #[test]
    fn recovery_codes_are_random_and_typed_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert_ne!(codes[0], codes[1]);
        assert!(is_recovery_code(&codes[0]) && !is_recovery_code("123456"));
        assert_eq!(recovery_hash(&codes[0]), recovery_hash(&codes[0].to_uppercase().replace('-', " ")));
    }

    #[test]
    fn the_qr_code_is_an_inline_svg_hidden_from_screen_readers() {
        let svg = qr_svg(&otpauth_url(&new_secret(), "officer@enbek.gov.kz")).unwrap();
        assert!(svg.starts_with("<svg aria-hidden=\"true\""), "{}", &svg[..80]);
        assert!(!svg.contains("<?xml") && !svg.contains("<script"));
    }
}
