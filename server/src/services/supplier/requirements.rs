//! What a supplier must have before the ministry looks at it: a complete profile and the
//! documents its categories need. Which category needs which document is our assumption
//! from the licensing rules (medical goods and sanatorium treatment are licensed; a sign
//! language specialist holds a certificate; personal assistance needs neither); it is kept
//! in this one table so it is easy to change.
use app::domain::DocumentKind;

/// Documents every supplier provides.
pub const ALWAYS: [DocumentKind; 1] = [DocumentKind::Registration];

/// Documents a category needs, by category code.
pub fn for_category(code: &str) -> &'static [DocumentKind] {
    match code {
        "tsr" | "sanatorium" => &[DocumentKind::Licence],
        "sign_language" => &[DocumentKind::Certificate],
        _ => &[],
    }
}

/// The documents needed for these categories, without repeats, in a stable order.
pub fn documents_needed(categories: &[String]) -> Vec<DocumentKind> {
    let mut out: Vec<DocumentKind> = ALWAYS.to_vec();
    for c in categories {
        for k in for_category(c) {
            if !out.contains(k) {
                out.push(*k);
            }
        }
    }
    out
}

/// The profile as far as completeness is concerned.
pub struct Completeness<'a> {
    /// Legal address.
    pub address: Option<&'a str>,
    /// Contact person.
    pub contact_person: Option<&'a str>,
    /// Phone.
    pub phone: Option<&'a str>,
    /// E-mail.
    pub email: Option<&'a str>,
    /// Regions served.
    pub regions: usize,
    /// Category codes.
    pub categories: &'a [String],
    /// Kinds of the documents uploaded.
    pub uploaded: &'a [DocumentKind],
}

/// What is missing, as translation keys (`missing-<what>`), empty when complete.
pub fn missing(c: &Completeness<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let blank = |v: Option<&str>| v.is_none_or(|s| s.trim().is_empty());
    for (value, key) in [(c.address, "address"), (c.contact_person, "contact_person"), (c.phone, "phone"), (c.email, "email")] {
        if blank(value) {
            out.push(format!("missing-{key}"));
        }
    }
    if c.regions == 0 {
        out.push("missing-regions".into());
    }
    if c.categories.is_empty() {
        out.push("missing-categories".into());
    }
    for k in documents_needed(c.categories) {
        if !c.uploaded.contains(&k) {
            out.push(format!("missing-document-{}", k.code()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goods_need_a_licence_and_sign_language_a_certificate() {
        let needed = documents_needed(&["tsr".into(), "sign_language".into(), "assistant".into()]);
        assert_eq!(needed, vec![DocumentKind::Registration, DocumentKind::Licence, DocumentKind::Certificate]);
    }

    #[test]
    fn a_complete_profile_misses_nothing_and_an_empty_one_misses_everything() {
        let cats = vec!["assistant".to_owned()];
        let full = Completeness {
            address: Some("Абая 1"), contact_person: Some("Асель"), phone: Some("+77010000000"), email: Some("a@b.kz"),
            regions: 1, categories: &cats, uploaded: &[DocumentKind::Registration],
        };
        assert!(missing(&full).is_empty());
        let empty = Completeness { address: None, contact_person: Some(" "), phone: None, email: None, regions: 0, categories: &[], uploaded: &[] };
        let m = missing(&empty);
        assert!(m.contains(&"missing-contact_person".to_owned()) && m.contains(&"missing-document-registration".to_owned()), "{m:?}");
        assert_eq!(m.len(), 7);
    }
}
