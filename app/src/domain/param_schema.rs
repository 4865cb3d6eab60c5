//! An item type's parameters (seat width, frame material, ...), as staff define them: each has
//! a key, a label in the three languages and a kind — a whole number between bounds, or one of
//! labelled options. Stored as `{"params": [...]}` on the item type; read back typed, so no
//! page or rule reads a schema by string key.
use crate::domain::Lang;
use serde::{Deserialize, Serialize};

/// A text in Kazakh, Russian and English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    /// Kazakh.
    #[serde(default)]
    pub kk: String,
    /// Russian.
    #[serde(default)]
    pub ru: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Labels {
    /// The text in `lang`; a blank one reads in Russian.
    pub fn get(&self, lang: Lang) -> &str {
        let text = match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        };
        if text.trim().is_empty() {
            &self.ru
        } else {
            text
        }
    }

    fn complete(&self) -> bool {
        [&self.kk, &self.ru, &self.en].iter().all(|s| !s.trim().is_empty())
    }
}

/// One option of a choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamOption {
    /// The value stored on an offering.
    pub value: String,
    /// Its label.
    #[serde(default)]
    pub label: Labels,
}

/// What values a parameter takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ParamKind {
    /// A whole number from `min` to `max`.
    Int {
        /// The smallest value.
        min: i64,
        /// The largest value.
        max: i64,
    },
    /// One of the options.
    Choice {
        /// The options, in the order shown.
        options: Vec<ParamOption>,
    },
}

/// One parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param {
    /// Its key (`seat_width_cm`), also the offering's field `param_<key>`.
    pub key: String,
    /// Its label.
    #[serde(default)]
    pub label: Labels,
    /// What values it takes.
    #[serde(flatten)]
    pub kind: ParamKind,
}

impl Param {
    /// The value an example (the CSV template) shows: the smallest number, or the first option.
    pub fn example(&self) -> String {
        match &self.kind {
            ParamKind::Int { min, .. } => min.to_string(),
            ParamKind::Choice { options } => options.first().map(|o| o.value.clone()).unwrap_or_default(),
        }
    }
}

/// An item type's parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamSchema {
    /// The parameters, in the order shown.
    #[serde(default)]
    pub params: Vec<Param>,
}

impl ParamSchema {
    /// A schema typed by staff: a JSON list of parameters (or `{"params": [...]}`), or nothing
    /// for none. Keys are codes (`a`–`z`, digits, `_`; 2 to 32, starting with a letter) and
    /// distinct, every label and option label is given in the three languages, `min` ≤ `max`,
    /// and a choice has options with values. The error is the code the form shows.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        if raw.trim().is_empty() {
            return Ok(Self::default());
        }
        let value: serde_json::Value = serde_json::from_str(raw).map_err(|_| "bad_json")?;
        let schema: Self = match value {
            serde_json::Value::Array(_) => Self { params: serde_json::from_value(value).map_err(|_| "bad_schema")? },
            serde_json::Value::Object(_) => serde_json::from_value(value).map_err(|_| "bad_schema")?,
            _ => return Err("bad_schema"),
        };
        let mut keys: Vec<&str> = Vec::new();
        for p in &schema.params {
            let key_ok = p.key.len() >= 2
                && p.key.len() <= 32
                && p.key.starts_with(|c: char| c.is_ascii_lowercase())
                && p.key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !key_ok || keys.contains(&p.key.as_str()) || !p.label.complete() {
                return Err("bad_schema");
            }
            keys.push(&p.key);
            let kind_ok = match &p.kind {
                ParamKind::Int { min, max } => min <= max,
                ParamKind::Choice { options } => {
                    !options.is_empty() && options.iter().all(|o| !o.value.is_empty() && o.label.complete())
                }
            };
            if !kind_ok {
                return Err("bad_schema");
            }
        }
        Ok(schema)
    }

    /// The schema an item type keeps. What every writer stores was checked by [`Self::parse`];
    /// a stored value that does not read as a schema has no parameters.
    pub fn from_stored(value: &serde_json::Value) -> Self {
        serde_json::from_value(value.clone()).unwrap_or_default()
    }

    /// The form it is stored in: `{"params": [...]}`.
    pub fn to_stored(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_else(|_| serde_json::json!({ "params": [] }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIDTH_AND_FRAME: &str = r#"[{"key":"seat_width_cm","kind":"int","min":30,"max":60,"label":{"kk":"Ені","ru":"Ширина","en":"Width"}},
        {"key":"frame","kind":"choice","label":{"kk":"Рама","ru":"Рама","en":"Frame"},
         "options":[{"value":"steel","label":{"kk":"Болат","ru":"Сталь","en":"Steel"}}]}]"#;

    #[test]
    fn a_typed_schema_reads_back_the_same_from_its_stored_form() {
        let schema = ParamSchema::parse(WIDTH_AND_FRAME).unwrap_or_default();
        assert_eq!(schema.params.len(), 2);
        assert_eq!(schema.params[0].kind, ParamKind::Int { min: 30, max: 60 });
        assert_eq!(schema.params[1].example(), "steel");
        assert_eq!(ParamSchema::from_stored(&schema.to_stored()), schema);
        assert_eq!(schema.to_stored()["params"][0]["kind"], "int", "the stored form keeps the kind beside the key");
        assert_eq!(ParamSchema::parse(""), Ok(ParamSchema::default()));
        assert_eq!(ParamSchema::from_stored(&serde_json::json!("not a schema")), ParamSchema::default());
    }

    #[test]
    fn what_staff_may_not_type_is_refused() {
        for (raw, why) in [
            ("{", "bad_json"),
            ("42", "bad_schema"),
            (r#"[{"key":"size","kind":"int","min":1,"max":2,"label":{"kk":"a","ru":"b"}}]"#, "bad_schema"),
            (r#"[{"key":"size","kind":"int","min":5,"max":2,"label":{"kk":"a","ru":"b","en":"c"}}]"#, "bad_schema"),
            (r#"[{"key":"Size","kind":"int","min":1,"max":2,"label":{"kk":"a","ru":"b","en":"c"}}]"#, "bad_schema"),
            (r#"[{"key":"size","kind":"colour","label":{"kk":"a","ru":"b","en":"c"}}]"#, "bad_schema"),
            (r#"[{"key":"size","kind":"choice","options":[],"label":{"kk":"a","ru":"b","en":"c"}}]"#, "bad_schema"),
        ] {
            assert_eq!(ParamSchema::parse(raw), Err(why), "{raw}");
        }
        let twice =
            format!("[{0},{0}]", r#"{"key":"size","kind":"int","min":1,"max":2,"label":{"kk":"a","ru":"b","en":"c"}}"#);
        assert_eq!(ParamSchema::parse(&twice), Err("bad_schema"));
    }

    #[test]
    fn a_blank_label_reads_in_russian() {
        let l = Labels { kk: " ".into(), ru: "Ширина".into(), en: "Width".into() };
        assert_eq!((l.get(Lang::Kk), l.get(Lang::En)), ("Ширина", "Width"));
    }
}
