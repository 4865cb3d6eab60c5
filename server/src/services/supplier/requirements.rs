//! What a supplier must have before the ministry looks at it: a complete profile and the
//! documents its kinds of help need. Which kind needs which document is our assumption from
//! the licensing rules (medical goods and sanatorium treatment are licensed; a sign language
//! specialist holds a certificate; personal assistance needs neither); it is kept in this
//! one table, by the category's kind, so a category staff create needs what its kind needs.
use app::domain::{CategoryKind, DocumentKind};

/// Documents every supplier provides.
pub const ALWAYS: [DocumentKind; 1] = [DocumentKind::Registration];

/// Documents a kind of help needs.
pub fn for_kind(kind: CategoryKind) -> &'static [DocumentKind] {
    match kind {
        CategoryKind::Goods | CategoryKind::Course => &[DocumentKind::Licence],
        CategoryKind::Sessions => &[DocumentKind::Certificate],
        CategoryKind::Hours => &[],
    }
}

/// The documents needed for these kinds of help, without repeats, in a stable order.
pub fn documents_needed(kinds: &[CategoryKind]) -> Vec<DocumentKind> {
    let mut out: Vec<DocumentKind> = ALWAYS.to_vec();
    for kind in kinds {
        for k in for_kind(*kind) {
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
    /// Kinds of the categories chosen.
    pub categories: &'a [CategoryKind],
    /// Kinds of the documents uploaded.
    pub uploaded: &'a [DocumentKind],
}

/// What is missing, as translation keys (`missing-<what>`), empty when complete.
pub fn missing(c: &Completeness<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let blank = |v: Option<&str>| v.is_none_or(|s| s.trim().is_empty());
    for (value, key) in
        [(c.address, "address"), (c.contact_person, "contact_person"), (c.phone, "phone"), (c.email, "email")]
    {
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
        let needed = documents_needed(&[CategoryKind::Goods, CategoryKind::Sessions, CategoryKind::Hours]);
        assert_eq!(needed, vec![DocumentKind::Registration, DocumentKind::Licence, DocumentKind::Certificate]);
    }

    #[test]
    fn a_complete_profile_misses_nothing_and_an_empty_one_misses_everything() {
        let cats = vec![CategoryKind::Hours];
        let full = Completeness {
            address: Some("Абая 1"),
            contact_person: Some("Асель"),
            phone: Some("+77010000000"),
            email: Some("a@b.kz"),
            regions: 1,
            categories: &cats,
            uploaded: &[DocumentKind::Registration],
        };
        assert!(missing(&full).is_empty());
        let empty = Completeness {
            address: None,
            contact_person: Some(" "),
            phone: None,
            email: None,
            regions: 0,
            categories: &[],
            uploaded: &[],
        };
        let m = missing(&empty);
        assert!(
            m.contains(&"missing-contact_person".to_owned()) && m.contains(&"missing-document-registration".to_owned()),
            "{m:?}"
        );
        assert_eq!(m.len(), 7);
    }
}
