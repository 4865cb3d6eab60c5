//! Money in whole tiyn (1/100 tenge) as an `i64`: never floating point.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Sub};

/// An amount of Kazakhstani tenge, held in tiyn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Money(i64);

impl Money {
    /// Zero tenge.
    pub const ZERO: Money = Money(0);

    /// An amount from a count of tiyn.
    pub const fn from_tiyn(tiyn: i64) -> Self {
        Self(tiyn)
    }

    /// An amount of whole tenge.
    pub const fn from_tenge(tenge: i64) -> Self {
        Self(tenge * 100)
    }

    /// The amount in tiyn.
    pub const fn tiyn(self) -> i64 {
        self.0
    }

    /// Parses what a person types: `305374.72`, `305 374,72`, `305374` (tenge, up to two
    /// decimals, spaces as group separators). Negative amounts are refused.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let cleaned: String = raw
            .trim()
            .trim_end_matches('₸')
            .trim_end_matches("KZT")
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if cleaned.is_empty() {
            return Err("required");
        }
        let (whole, frac) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 2
        {
            return Err("not_an_amount");
        }
        let whole: i64 = whole.parse().map_err(|_| "too_large")?;
        let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| "not_an_amount")?;
        whole.checked_mul(100).and_then(|t| t.checked_add(frac)).map(Self).ok_or("too_large")
    }

    /// Multiplies by a quantity, refusing overflow.
    pub fn times(self, quantity: i64) -> Option<Self> {
        self.0.checked_mul(quantity).map(Self)
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Self) -> Self {
        Self(self.0.min(other.0))
    }

    /// Formats for a language: `305 374,72 ₸` in Kazakh and Russian, `KZT 305,374.72` in English.
    pub fn format(self, lang: super::Lang) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, frac) = (abs / 100, abs % 100);
        let digits = whole.to_string();
        let (group, decimal) = match lang {
            super::Lang::En => (',', '.'),
            _ => ('\u{a0}', ','),
        };
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(c);
        }
        match lang {
            super::Lang::En => format!("{sign}KZT\u{a0}{grouped}{decimal}{frac:02}"),
            _ => format!("{sign}{grouped}{decimal}{frac:02}\u{a0}₸"),
        }
    }

    /// A plain number for a form field: `305374.72`.
    pub fn to_input(self) -> String {
        format!("{}.{:02}", self.0 / 100, (self.0 % 100).abs())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Self) -> Self {
        Self(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Self) -> Self {
        Self(self.0.saturating_sub(rhs.0))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_input())
    }
}

/// How the price of an order is split between the state and the recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoPayment {
    /// Price times quantity.
    pub total: Money,
    /// What the budget pays: the price up to the guaranteed sum, per unit.
    pub state_share: Money,
    /// What the recipient pays: the difference when the price is above the guaranteed sum.
    pub copay: Money,
}

impl CoPayment {
    /// Splits `quantity` units at `price` against the per-unit `ceiling`.
    pub fn split(price: Money, ceiling: Money, quantity: i64) -> Option<Self> {
        let total = price.times(quantity)?;
        let state_share = price.min(ceiling).times(quantity)?;
        Some(Self { total, state_share, copay: total - state_share })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    #[test]
    fn amounts_parse_with_commas_spaces_and_points() {
        assert_eq!(Money::parse("305374.72"), Ok(Money::from_tiyn(30_537_472)));
        assert_eq!(Money::parse("305 374,72"), Ok(Money::from_tiyn(30_537_472)));
        assert_eq!(Money::parse("305374"), Ok(Money::from_tiyn(30_537_400)));
        assert_eq!(Money::parse("0.5"), Ok(Money::from_tiyn(50)));
        assert_eq!(Money::parse("12 000 ₸"), Ok(Money::from_tenge(12_000)));
    }

    #[test]
    fn bad_amounts_are_refused_with_a_reason() {
        assert_eq!(Money::parse(""), Err("required"));
        assert_eq!(Money::parse("-5"), Err("not_an_amount"));
        assert_eq!(Money::parse("1.234"), Err("not_an_amount"));
        assert_eq!(Money::parse("1e5"), Err("not_an_amount"));
        assert_eq!(Money::parse("99999999999999999999"), Err("too_large"));
    }

    #[test]
    fn amounts_format_per_language() {
        let m = Money::from_tiyn(30_537_472);
        assert_eq!(m.format(Lang::Ru), "305\u{a0}374,72\u{a0}₸");
        assert_eq!(m.format(Lang::En), "KZT\u{a0}305,374.72");
        assert_eq!(Money::from_tiyn(5).to_input(), "0.05");
    }

    #[test]
    fn copayment_is_zero_at_and_below_the_ceiling() {
        let ceiling = Money::from_tenge(100_000);
        let at = CoPayment::split(ceiling, ceiling, 1);
        assert_eq!(at.map(|s| s.copay), Some(Money::ZERO));
        let below = CoPayment::split(Money::from_tenge(90_000), ceiling, 2);
        assert_eq!(below.map(|s| (s.state_share, s.copay)), Some((Money::from_tenge(180_000), Money::ZERO)));
    }

    #[test]
    fn copayment_above_the_ceiling_is_the_difference_per_unit() {
        let s = CoPayment::split(Money::from_tiyn(12_000_050), Money::from_tenge(100_000), 3);
        assert_eq!(
            s.map(|s| (s.total, s.state_share, s.copay)),
            Some((Money::from_tiyn(36_000_150), Money::from_tenge(300_000), Money::from_tiyn(6_000_150)))
        );
    }
}
