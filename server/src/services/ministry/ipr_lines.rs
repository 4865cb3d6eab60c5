//! Reading IPR lines from what the other information system sends: a CSV file (comma,
//! semicolon or tab separated, UTF-8 with or without a byte-order mark, header names in
//! English, Russian or Kazakh) or JSON (an array of objects, or `{"lines": [...]}`).
//! Only the shape is read here; each line's content is checked by the import.
use serde::Deserialize;
use serde_json::Value;

/// Most lines one import takes (a month of the national feed is far below this).
pub const MAX_LINES: usize = 20_000;
/// Largest file one import takes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// One line as given, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct RawLine {
    /// Recipient's IIN.
    #[serde(default, deserialize_with = "text")]
    pub iin: String,
    /// Number of the individual rehabilitation programme.
    #[serde(default, deserialize_with = "text", alias = "ipr")]
    pub ipr_number: String,
    /// Item type code.
    #[serde(default, deserialize_with = "text", alias = "item_type_code")]
    pub item_type: String,
    /// Units, hours or courses.
    #[serde(default, deserialize_with = "text", alias = "hours")]
    pub quantity: String,
    /// First day (YYYY-MM-DD).
    #[serde(default, deserialize_with = "text")]
    pub valid_from: String,
    /// Last day (YYYY-MM-DD).
    #[serde(default, deserialize_with = "text")]
    pub valid_to: String,
    /// The person's phone number on the government record (optional): where a code that
    /// proves their identity is sent.
    #[serde(default, deserialize_with = "text", alias = "phone_number")]
    pub phone: String,
}

/// Accepts strings and numbers alike (another system may send `"quantity": 2`).
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// Which field a CSV header names, in any of the three languages.
fn column(header: &str) -> Option<usize> {
    let h: String = header
        .trim()
        .trim_matches('"')
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect();
    match h.as_str() {
        "iin" | "иин" | "жсн" => Some(0),
        "iprnumber" | "ipr" | "номеripr" | "номерипр" | "номерипар" | "ипр" | "ипар" | "жоабнөмірі" => {
            Some(1)
        }
        "itemtype" | "itemtypecode" | "code" | "кодвида" | "видтср" | "код" | "түрі" => Some(2),
        "quantity" | "qty" | "hours" | "количество" | "часы" | "саны" => Some(3),
        "validfrom" | "from" | "сдаты" | "начало" | "басталуы" => Some(4),
        "validto" | "to" | "подату" | "окончание" | "аяқталуы" => Some(5),
        "phone" | "phonenumber" | "телефон" => Some(6),
        _ => None,
    }
}

/// Why a file could not be read at all (an error code for the `file` field).
pub type ReadError = &'static str;

fn from_csv(text: &str) -> Result<Vec<RawLine>, ReadError> {
    let first = text.lines().find(|l| !l.trim().is_empty()).ok_or("file_empty")?;
    let delimiter =
        [b';', b'\t', b','].into_iter().max_by_key(|d| first.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| "bad_file")?.clone();
    let map: Vec<Option<usize>> = headers.iter().map(column).collect();
    for needed in 0..6 {
        if !map.contains(&Some(needed)) {
            return Err("bad_header");
        }
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| "bad_file")?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut fields: [String; 7] = Default::default();
        for (value, slot) in record.iter().zip(&map) {
            if let Some(i) = slot {
                fields[*i] = value.trim().to_owned();
            }
        }
        let [iin, ipr_number, item_type, quantity, valid_from, valid_to, phone] = fields;
        out.push(RawLine { iin, ipr_number, item_type, quantity, valid_from, valid_to, phone });
        if out.len() > MAX_LINES {
            return Err("too_many_lines");
        }
    }
    Ok(out)
}

/// Lines from a JSON value: an array of lines or `{"lines": [...]}`.
pub fn from_json(v: Value) -> Result<Vec<RawLine>, ReadError> {
    let list = match v {
        Value::Array(a) => a,
        Value::Object(mut o) => match o.remove("lines") {
            Some(Value::Array(a)) => a,
            _ => return Err("bad_file"),
        },
        _ => return Err("bad_file"),
    };
    if list.len() > MAX_LINES {
        return Err("too_many_lines");
    }
    // A line that is not an object stays in place as an empty line, so line numbers in the
    // report match the sender's and the line is refused with a reason.
    Ok(list.into_iter().map(|l| serde_json::from_value(l).unwrap_or_default()).collect())
}

/// Lines from an uploaded file: JSON when it looks like JSON, CSV otherwise.
pub fn read_file(bytes: &[u8]) -> Result<Vec<RawLine>, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err("file_too_large");
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "not_utf8")?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err("file_empty");
    }
    if text.trim_start().starts_with(['[', '{']) {
        let v: Value = serde_json::from_str(text).map_err(|_| "bad_file")?;
        from_json(v)
    } else {
        from_csv(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_semicolon_csv_with_a_bom_and_russian_headers_is_read() {
        let file = "\u{feff}ИИН;Номер ИПР;Код вида;Количество;С даты;По дату\n870412400771;ИПАР-1;walker;1;2026-01-01;2026-12-31\n\n";
        let lines = read_file(file.as_bytes()).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].iin, "870412400771");
        assert_eq!(lines[0].item_type, "walker");
        assert_eq!(lines[0].valid_to, "2026-12-31");
    }

    #[test]
    fn columns_may_come_in_any_order() {
        let file = "quantity,valid_to,valid_from,item_type,ipr_number,iin\n2,2026-12-31,2026-01-01,hearing_aid,A-1,870412400771\n";
        let lines = read_file(file.as_bytes()).unwrap();
        assert_eq!((lines[0].quantity.as_str(), lines[0].ipr_number.as_str()), ("2", "A-1"));
    }

    #[test]
    fn a_csv_without_the_needed_columns_is_refused() {
        assert_eq!(read_file(b"name,age\nx,1\n"), Err("bad_header"));
        assert_eq!(read_file(b""), Err("file_empty"));
        assert_eq!(read_file(&[0xff, 0xfe, 0x00]), Err("not_utf8"));
    }

    #[test]
    fn json_takes_numbers_and_keeps_bad_lines_in_place() {
        let v = serde_json::json!({ "lines": [
            { "iin": "870412400771", "ipr_number": "A-1", "item_type": "walker", "quantity": 1, "valid_from": "2026-01-01", "valid_to": "2026-12-31" },
            "not a line",
        ]});
        let lines = from_json(v).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].quantity, "1");
        assert_eq!(lines[1], RawLine::default());
    }
}
