//! Checking what staff type into the catalogue forms: codes, units, replacement periods,
//! amounts and parameter schemas. Each returns the stable error code the form shows.
use app::domain::{Money, Unit};
use serde_json::{json, Value};

/// A code as used in files and URLs: lower-case Latin letters, digits and `_`, 2–32 long.
pub fn code(raw: &str) -> Result<String, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("required");
    }
    let ok = t.len() >= 2
        && t.len() <= 32
        && t.starts_with(|c: char| c.is_ascii_lowercase())
        && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(t.to_owned())
    } else {
        Err("bad_code")
    }
}

/// A unit code.
pub fn unit(raw: &str) -> Result<Unit, &'static str> {
    if raw.trim().is_empty() {
        return Err("required");
    }
    Unit::from_code(raw.trim()).ok_or("required")
}

/// A replacement period in whole months (1–240), or none.
pub fn months(raw: &str) -> Result<Option<i32>, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i32>() {
        Ok(n) if (1..=240).contains(&n) => Ok(Some(n)),
        Ok(_) => Err("months_out_of_range"),
        Err(_) => Err("not_a_whole_number"),
    }
}

/// A positive amount in tenge.
pub fn amount(raw: &str) -> Result<Money, &'static str> {
    match Money::parse(raw) {
        Ok(m) if m.tiyn() > 0 => Ok(m),
        Ok(_) => Err("not_an_amount"),
        Err(e) => Err(e),
    }
}

fn labelled(v: &Value) -> bool {
    ["kk", "ru", "en"].iter().all(|l| v[*l].as_str().is_some_and(|s| !s.trim().is_empty()))
}

/// Checks a parameter schema typed by staff and returns it in the stored form
/// (`{"params": [...]}`). Each parameter has a `key`, a label in the three languages and a
/// kind: `int` with `min` ≤ `max`, or `choice` with labelled options. Empty means none.
pub fn parse_schema(raw: &str) -> Result<Value, &'static str> {
    if raw.trim().is_empty() {
        return Ok(json!({ "params": [] }));
    }
    let v: Value = serde_json::from_str(raw).map_err(|_| "bad_json")?;
    let params = match &v {
        Value::Array(a) => a.clone(),
        Value::Object(o) => o.get("params").and_then(Value::as_array).cloned().ok_or("bad_schema")?,
        _ => return Err("bad_schema"),
    };
    let mut keys = Vec::new();
    for p in &params {
        let key = p["key"].as_str().and_then(|k| code(k).ok()).ok_or("bad_schema")?;
        if keys.contains(&key) || !labelled(&p["label"]) {
            return Err("bad_schema");
        }
        keys.push(key);
        let ok = match p["kind"].as_str() {
            Some("int") => matches!((p["min"].as_i64(), p["max"].as_i64()), (Some(a), Some(b)) if a <= b),
            Some("choice") => p["options"].as_array().is_some_and(|opts| {
                !opts.is_empty()
                    && opts.iter().all(|o| o["value"].as_str().is_some_and(|s| !s.is_empty()) && labelled(&o["label"]))
            }),
            _ => false,
        };
        if !ok {
            return Err("bad_schema");
        }
    }
    Ok(json!({ "params": params }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_with_labelled_int_and_choice_parameters_is_accepted() {
        let raw = r#"[{"key":"seat_width_cm","kind":"int","min":30,"max":60,"label":{"kk":"Ені","ru":"Ширина","en":"Width"}},
            {"key":"frame","kind":"choice","label":{"kk":"Рама","ru":"Рама","en":"Frame"},
             "options":[{"value":"steel","label":{"kk":"Болат","ru":"Сталь","en":"Steel"}}]}]"#;
        let v = parse_schema(raw).unwrap();
        assert_eq!(v["params"].as_array().map(Vec::len), Some(2));
        assert_eq!(parse_schema("").unwrap(), json!({ "params": [] }));
    }

    #[test]
    fn a_schema_missing_a_language_or_with_min_above_max_is_refused() {
        let no_en = r#"[{"key":"size","kind":"int","min":1,"max":2,"label":{"kk":"a","ru":"b"}}]"#;
        assert_eq!(parse_schema(no_en), Err("bad_schema"));
        let upside_down = r#"[{"key":"size","kind":"int","min":5,"max":2,"label":{"kk":"a","ru":"b","en":"c"}}]"#;
        assert_eq!(parse_schema(upside_down), Err("bad_schema"));
        assert_eq!(parse_schema("{not json"), Err("bad_json"));
        let twice = r#"[{"key":"a1","kind":"int","min":1,"max":2,"label":{"kk":"a","ru":"b","en":"c"}},
            {"key":"a1","kind":"int","min":1,"max":2,"label":{"kk":"a","ru":"b","en":"c"}}]"#;
        assert_eq!(parse_schema(twice), Err("bad_schema"));
    }

    #[test]
    fn codes_are_lower_case_latin() {
        assert_eq!(code(" invataxi "), Ok("invataxi".into()));
        assert_eq!(code("InvaTaxi"), Err("bad_code"));
        assert_eq!(code("x"), Err("bad_code"));
        assert_eq!(months("0"), Err("months_out_of_range"));
        assert_eq!(months(""), Ok(None));
    }
}
