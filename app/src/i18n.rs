//! Translations with Fluent (`locales/<lang>/*.ftl`, compiled into both the server and the
//! wasm). The language is chosen per request by the server and read back from `<html lang>`
//! by the browser, so both render the same text.
use crate::domain::Lang;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::langid;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "ru",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static KK: LanguageIdentifier = langid!("kk");
static RU: LanguageIdentifier = langid!("ru");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Kk => &KK,
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// The text for `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES.lookup(id(lang), key)
}

/// An argument as Fluent should see it: a whole number as a number, so plural variants
/// (`[one]`, `[few]`, `[many]`) are chosen by it; anything else (dates, names, numbers with
/// leading zeros) as text.
fn arg_value(v: &str) -> FluentValue<'static> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let whole = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if whole {
        FluentValue::try_number(v).into_owned()
    } else {
        FluentValue::from(v.to_owned())
    }
}

/// The text for `key` in `lang`, with named arguments.
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), arg_value(v))).collect();
    LOCALES.lookup_with_args(id(lang), key, &map)
}

/// Whether `key` has a translation (falls back to the key itself otherwise).
pub fn has(lang: Lang, key: &str) -> bool {
    LOCALES.try_lookup(id(lang), key).is_some()
}

/// The language of the page being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct I18n(pub Lang);

impl I18n {
    /// The text for `key`.
    pub fn t(&self, key: &str) -> String {
        tr(self.0, key)
    }

    /// The text for `key` with arguments.
    pub fn ta(&self, key: &str, args: &[(&'static str, String)]) -> String {
        tr_args(self.0, key, args)
    }

    /// The text for `key`, when there is one (a text kept only for some values, such as the
    /// description of the reference categories but not of those staff create).
    pub fn t_if(&self, key: &str) -> Option<String> {
        has(self.0, key).then(|| tr(self.0, key))
    }

    /// The translated message for an error code.
    pub fn err(&self, code: &str) -> String {
        let key = format!("err-{code}");
        if has(self.0, &key) {
            tr(self.0, &key)
        } else {
            tr(self.0, "err-unexpected")
        }
    }

    /// The translated name of an enum value, e.g. `order_status-placed`.
    pub fn code(&self, family: &str, code: &str) -> String {
        tr(self.0, &format!("{family}-{code}"))
    }

    /// The language code.
    pub fn lang(&self) -> Lang {
        self.0
    }
}

/// The page language, provided by [`provide_i18n`].
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n(Lang::Kk))
}

/// Decides the language and provides it: on the server from the request (set by the
/// middleware), in the browser from `<html lang>` as the server rendered it.
pub fn provide_i18n() -> I18n {
    let lang = current_lang();
    let i18n = I18n(lang);
    provide_context(i18n);
    i18n
}

#[cfg(feature = "ssr")]
fn current_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::ports::Caller>().map(|c| c.lang))
        .unwrap_or(Lang::Kk)
}

#[cfg(not(feature = "ssr"))]
fn current_lang() -> Lang {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or(Lang::Kk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_choose_plural_forms_in_each_language() {
        assert_eq!(tr_args(Lang::En, "home-offerings-count", &[("count", "1".into())]), "1 offering");
        assert_eq!(tr_args(Lang::En, "home-offerings-count", &[("count", "3".into())]), "3 offerings");
        assert_eq!(tr_args(Lang::Ru, "staff-days", &[("count", "2".into())]), "2 дня");
        assert_eq!(tr_args(Lang::Ru, "staff-days", &[("count", "5".into())]), "5 дней");
        assert_eq!(tr_args(Lang::Ru, "staff-days", &[("count", "21".into())]), "21 день");
    }

    #[test]
    fn every_refusal_and_every_enum_value_has_a_text_in_kazakh_russian_and_english() {
        use crate::domain::*;
        fn keys<T: Copy>(family: &str, all: &[T], code: fn(T) -> &'static str) -> Vec<String> {
            all.iter().map(|v| format!("{family}-{}", code(*v))).collect()
        }
        let mut wanted = keys("err", RefusalCode::ALL, RefusalCode::code);
        wanted.extend(keys("lang", Lang::ALL, Lang::code));
        wanted.extend(keys("role", Role::ALL, Role::code));
        wanted.extend(keys("account_status", AccountStatus::ALL, AccountStatus::code));
        wanted.extend(keys("supplier_status", SupplierStatus::ALL, SupplierStatus::code));
        wanted.extend(keys("supplier_kind", SupplierKind::ALL, SupplierKind::code));
        wanted.extend(keys("offering_status", OfferingStatus::ALL, OfferingStatus::code));
        wanted.extend(keys("order_status", OrderStatus::ALL, OrderStatus::code));
        wanted.extend(keys("unit", Unit::ALL, Unit::code));
        wanted.extend(keys("category_kind", CategoryKind::ALL, CategoryKind::code));
        wanted.extend(keys("mode", SessionMode::ALL, SessionMode::code));
        wanted.extend(keys("disability_group", DisabilityGroup::ALL, DisabilityGroup::code));
        wanted.extend(keys("complaint_status", ComplaintStatus::ALL, ComplaintStatus::code));
        wanted.extend(keys("document_kind", DocumentKind::ALL, DocumentKind::code));
        wanted.extend(keys("email_format", EmailFormat::ALL, EmailFormat::code));
        wanted.extend(keys("notification", NoticeKind::ALL, NoticeKind::code));
        wanted.extend(keys("staff-decision", SupplierDecision::ALL, SupplierDecision::code));
        wanted.extend(keys("staff-scope", ScopeDecision::ALL, ScopeDecision::code));
        // Every e-mail and SMS the portal sends.
        for (kind, parts) in [
            ("email_confirm", &["subject", "text"][..]),
            ("sign_up_exists", &["subject", "text"]),
            ("password_reset", &["subject", "text"]),
            ("notice", &["subject", "text", "sms"]),
            ("claim_code", &["sms"]),
            ("reset_code", &["sms"]),
        ] {
            wanted.extend(parts.iter().map(|p| format!("msg-{kind}-{p}")));
        }
        assert!(wanted.len() > 100, "{} keys", wanted.len());
        // Each language's own files, without the fallback to Russian.
        // (A count for the texts that choose a plural form by one; the notices' arguments.)
        let mut count: HashMap<&str, FluentValue> = HashMap::from([("count", FluentValue::from(2))]);
        for name in [
            "number", "due", "note", "status", "hours", "date", "title", "reason", "outcome", "item", "link", "code",
            "text", "settings",
        ] {
            count.insert(name, FluentValue::from("x"));
        }
        let own = |l: Lang, k: &str| LOCALES.lookup_single_language(id(l), k, Some(&count)).is_ok();
        let missing: Vec<String> = Lang::ALL
            .iter()
            .flat_map(|l| wanted.iter().filter(move |k| !own(*l, k)).map(move |k| format!("{}: {k}", l.code())))
            .collect();
        assert!(missing.is_empty(), "values without a text: {missing:?}");
    }

    #[test]
    fn dates_and_codes_stay_text() {
        assert!(matches!(arg_value("2026-01-15"), FluentValue::String(_)));
        assert!(matches!(arg_value("007"), FluentValue::String(_)));
        assert!(matches!(arg_value("12"), FluentValue::Number(_)));
    }
}
