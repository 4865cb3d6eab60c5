//! Kazakhstan's 12-digit individual (IIN) and business (BIN) identification numbers.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The check digit of a 12-digit IIN or BIN, by the two-pass weighted sum modulo 11 that both
/// share; `None` when the second pass also gives 10 (such numbers are never issued).
fn check_digit(d: &[u8; 12]) -> Option<u8> {
    let pass = |start: u8| -> u32 {
        (0..11u8).map(|i| u32::from(d[usize::from(i)]) * u32::from((start + i - 1) % 11 + 1)).sum::<u32>() % 11
    };
    match pass(1) {
        10 => match pass(3) {
            10 => None,
            c => u8::try_from(c).ok(),
        },
        c => u8::try_from(c).ok(),
    }
}

fn digits(raw: &str) -> Result<[u8; 12], &'static str> {
    let raw = raw.trim();
    if raw.len() != 12 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not_12_digits");
    }
    let mut out = [0u8; 12];
    for (slot, b) in out.iter_mut().zip(raw.bytes()) {
        *slot = b - b'0';
    }
    if check_digit(&out) != Some(out[11]) {
        return Err("bad_checksum");
    }
    Ok(out)
}

fn as_string(d: &[u8; 12]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// An individual identification number: birth date, century and sex, serial, check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Iin(String);

impl Iin {
    /// Parses an IIN, checking its length, check digit, century digit and birth date.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let d = digits(raw)?;
        let iin = Self(as_string(&d));
        iin.birth_date().ok_or("bad_date")?;
        Ok(iin)
    }

    /// The date of birth the number encodes (YYMMDD plus the century in the 7th digit).
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let b = self.0.as_bytes();
        let n = |i: usize| u32::from(b[i] - b'0');
        let century = match n(6) {
            1 | 2 => 1800,
            3 | 4 => 1900,
            5 | 6 => 2000,
            _ => return None,
        };
        let year = century + n(0) * 10 + n(1);
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, n(2) * 10 + n(3), n(4) * 10 + n(5))
    }

    /// The twelve digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A business identification number of a legal entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bin(String);

impl Bin {
    /// Parses a BIN: twelve digits, a valid registration month, legal-entity type digit
    /// (4, 5 or 6) and check digit.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let d = digits(raw)?;
        let month = d[2] * 10 + d[3];
        if !(1..=12).contains(&month) || !(4..=6).contains(&d[4]) {
            return Err("bad_structure");
        }
        Ok(Self(as_string(&d)))
    }

    /// The twelve digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a supplier registers with: a BIN, or the IIN of an individual entrepreneur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaxId {
    /// A legal entity.
    Bin(Bin),
    /// An individual entrepreneur.
    Iin(Iin),
}

impl TaxId {
    /// Accepts either kind; the error is the BIN's when neither fits.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        match Bin::parse(raw) {
            Ok(bin) => Ok(Self::Bin(bin)),
            Err(bin_err) => Iin::parse(raw).map(Self::Iin).map_err(|_| bin_err),
        }
    }

    /// The twelve digits.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Bin(b) => b.as_str(),
            Self::Iin(i) => i.as_str(),
        }
    }
}

/// Completes eleven digits with their check digit; used to make valid demo and test numbers.
pub fn with_check_digit(first11: &str) -> Option<String> {
    if first11.len() != 11 || !first11.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut d = [0u8; 12];
    for (slot, b) in d.iter_mut().zip(first11.bytes()) {
        *slot = b - b'0';
    }
    let c = check_digit(&d)?;
    Some(format!("{first11}{c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_sample_iin_is_accepted() {
        // Born 1990-08-15, male, 20th century (digit 3).
        let iin = with_check_digit("90081530012").map(|s| Iin::parse(&s));
        assert!(matches!(iin, Some(Ok(_))));
        let iin = iin.and_then(Result::ok).and_then(|i| i.birth_date());
        assert_eq!(iin, NaiveDate::from_ymd_opt(1990, 8, 15));
    }

    #[test]
    fn a_wrong_check_digit_is_refused() {
        let good = with_check_digit("90081530012").unwrap_or_default();
        let last = good.as_bytes()[11] - b'0';
        let bad = format!("{}{}", &good[..11], (last + 1) % 10);
        assert_eq!(Iin::parse(&bad), Err("bad_checksum"));
    }

    #[test]
    fn letters_and_short_numbers_are_refused() {
        assert_eq!(Iin::parse("12345"), Err("not_12_digits"));
        assert_eq!(Iin::parse("90081530012a"), Err("not_12_digits"));
    }

    #[test]
    fn an_impossible_birth_date_is_refused() {
        let s = with_check_digit("90133130012").unwrap_or_default();
        assert_eq!(Iin::parse(&s), Err("bad_date"));
    }

    #[test]
    fn a_bin_needs_a_legal_entity_type_digit() {
        let bin = with_check_digit("05014000123").unwrap_or_default();
        assert!(Bin::parse(&bin).is_ok());
        let not_bin = with_check_digit("05011000123").unwrap_or_default();
        assert_eq!(Bin::parse(&not_bin), Err("bad_structure"));
    }

    #[test]
    fn a_supplier_may_register_with_an_entrepreneurs_iin() {
        let iin = with_check_digit("85020340056").unwrap_or_default();
        assert!(matches!(TaxId::parse(&iin), Ok(TaxId::Iin(_))));
    }

    #[test]
    fn the_second_weight_pass_is_used_when_the_first_gives_ten() {
        // Search for a prefix whose first pass gives 10, then check the result validates.
        let found = (0..100_000u32).map(|n| format!("9001013{n:04}")).find_map(|p| {
            let mut d = [0u8; 12];
            for (s, b) in d.iter_mut().zip(p.bytes()) {
                *s = b - b'0';
            }
            let first: u32 = (0..11).map(|i| u32::from(d[i]) * (i as u32 + 1)).sum::<u32>() % 11;
            if first == 10 {
                with_check_digit(&p)
            } else {
                None
            }
        });
        assert!(found.map(|f| Iin::parse(&f).is_ok()).unwrap_or(false));
    }
}
