//! Checking what staff type into the catalogue forms: codes, units, replacement periods,
//! amounts and parameter schemas. Each returns the stable error code the form shows.
use app::domain::{Code, Money, ParamSchema, Unit};
use serde_json::Value;

/// A code as used in files and URLs (see `Code`).
pub fn code(raw: &str) -> Result<String, &'static str> {
    Code::parse(raw).map(String::from)
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

/// Checks a parameter schema typed by staff and returns it in the stored form
/// (`{"params": [...]}`); see [`ParamSchema::parse`]. Empty means none.
pub fn parse_schema(raw: &str) -> Result<Value, &'static str> {
    ParamSchema::parse(raw).map(|s| s.to_stored())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
