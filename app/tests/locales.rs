//! The translations hold together: all the `.ftl` files of a language form one bundle, so a
//! key defined twice (say by two journeys) breaks it, and a key missing in one language
//! shows the reader a raw key. Both are caught here, naming the files.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn keys_by_file(lang: &str) -> BTreeMap<String, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
    let mut out = BTreeMap::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let keys = text
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
            .collect();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.insert(name, keys);
    }
    out
}

#[test]
fn no_key_is_defined_twice_in_a_language() {
    for lang in ["kk", "ru", "en"] {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        let mut twice = Vec::new();
        for (file, keys) in keys_by_file(lang) {
            for k in keys {
                if let Some(first) = seen.insert(k.clone(), file.clone()) {
                    twice.push(format!("{lang}: {k} in {first} and {file}"));
                }
            }
        }
        assert!(twice.is_empty(), "keys defined twice:\n{}", twice.join("\n"));
    }
}

#[test]
fn every_key_exists_in_all_three_languages() {
    let all = |lang: &str| -> BTreeSet<String> { keys_by_file(lang).into_values().flatten().collect() };
    let (kk, ru, en) = (all("kk"), all("ru"), all("en"));
    for (name, a, b) in [("kk vs ru", &kk, &ru), ("ru vs en", &ru, &en), ("en vs kk", &en, &kk)] {
        let missing: Vec<&String> = a.symmetric_difference(b).collect();
        assert!(missing.is_empty(), "{name}: {missing:?}");
    }
}

/// A unit reads as a word in every sentence that uses it: "per item" on the offering form,
/// and in Russian the genitive after «из» on the entitlements page.
#[test]
fn units_read_right_in_every_sentence() {
    use app::domain::{Lang, Unit};
    use app::i18n::{tr, tr_args};
    for lang in Lang::ALL {
        for unit in Unit::ALL {
            for key in [format!("unit_each-{}", unit.code()), format!("unit_of-{}", unit.code())] {
                let text = tr_args(*lang, &key, &[("count", "2".into())]);
                assert!(
                    !text.is_empty() && !text.contains(&key) && !text.contains("Unknown"),
                    "{lang}: {key} reads {text:?}"
                );
            }
            let hint = tr_args(
                *lang,
                "supplier-price-hint",
                &[("ceiling", "1".into()), ("unit", tr(*lang, &format!("unit_each-{}", unit.code())))],
            );
            assert!(!hint.contains("Unknown") && !hint.contains("unit"), "{lang}: {hint}");
        }
    }
    let of = |remaining: &str, granted: &str| {
        let whole = tr_args(Lang::Ru, "unit_of-piece", &[("count", granted.into())]);
        tr_args(Lang::Ru, "entitlements-remaining-of", &[("remaining", remaining.into()), ("granted", whole)])
    };
    assert_eq!(of("1", "1"), "1 из 1 штуки");
    assert_eq!(of("0", "2"), "0 из 2 штук");
    assert_eq!(of("3", "21"), "3 из 21 штуки");
    assert_eq!(tr(Lang::Ru, "unit_each-piece"), "штуку");
}

/// Every kind of help a category can be has a name in every language, for the staff form.
#[test]
fn every_category_kind_is_named_in_every_language() {
    use app::domain::{CategoryKind, Lang};
    use app::i18n::tr;
    for lang in Lang::ALL {
        for kind in CategoryKind::ALL {
            let key = format!("category_kind-{}", kind.code());
            let text = tr(*lang, &key);
            assert!(
                !text.is_empty() && !text.contains(&key) && !text.contains("Unknown"),
                "{lang}: {key} reads {text:?}"
            );
        }
    }
}

/// Every reason a request can be refused reads as a sentence in every language.
#[test]
fn every_refusal_is_explained_in_every_language() {
    use app::domain::{Lang, RefusalCode};
    for lang in ["kk", "ru", "en"] {
        let keys: BTreeSet<String> = keys_by_file(lang).into_values().flatten().collect();
        for code in RefusalCode::ALL {
            assert!(keys.contains(&format!("err-{}", code.code())), "{lang}: err-{} is missing", code.code());
        }
    }
    // The UI's own lookup finds them too.
    for code in RefusalCode::ALL {
        let text = app::i18n::tr(Lang::En, &format!("err-{}", code.code()));
        assert!(!text.contains("Unknown"), "{code}: {text}");
    }
}
