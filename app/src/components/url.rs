//! The one URL encoder: query values percent-encoded, query strings built from pairs.

/// A query string from `(name, value)` pairs, leaving out empty values.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> =
        pairs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}", encode(v))).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encodes a query value: everything but RFC 3986's unreserved characters.
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_what_a_query_value_cannot_hold() {
        assert_eq!(encode("/orders?status=placed&page=2"), "%2Forders%3Fstatus%3Dplaced%26page%3D2");
        assert_eq!(encode("Алматы a+b"), "%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B%20a%2Bb");
        assert_eq!(query_string(&[("q", "a b".into()), ("empty", String::new())]), "?q=a%20b");
        assert_eq!(query_string(&[("empty", String::new())]), "");
    }
}
