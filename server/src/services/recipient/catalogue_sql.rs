//! The catalogue's SQL: one search, written once, as the count and as a page of offerings,
//! for SQLite and for PostgreSQL. Every filter, the sort, the count and the page are done by
//! the database; Rust only builds the statement. Public so the EXPLAIN test reads the plan of
//! exactly the statement the service runs.
//!
//! What is shown is `offerings.listed` (a published offering of an approved supplier, kept by
//! triggers); parameters are rows of `offering_params`; words go to FTS5 on SQLite and to the
//! `search_doc` tsvector on PostgreSQL; "no co-payment" compares the price with the ceiling
//! row in force on the given day.
use crate::entities::offerings;
use chrono::NaiveDate;
use sea_orm::{DatabaseBackend, IdenStatic, Iterable, Statement, Value};

/// How results are ordered. Every order ends with the offering id, so pages never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best match of the words first (only with words).
    Relevance,
    /// Cheapest first.
    PriceAsc,
    /// Dearest first (equal prices: newest offering first).
    PriceDesc,
    /// Best rated first, then most reviewed.
    Rating,
    /// Shortest lead time first, then cheapest.
    LeadTime,
}

impl Sort {
    /// The sort named in a query; unknown names mean the default (`None`).
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "relevance" => Some(Self::Relevance),
            "price_asc" => Some(Self::PriceAsc),
            "price_desc" => Some(Self::PriceDesc),
            "rating" => Some(Self::Rating),
            "lead_time" => Some(Self::LeadTime),
            _ => None,
        }
    }

    /// The code shown in the URL.
    pub fn code(self) -> &'static str {
        match self {
            Self::Relevance => "relevance",
            Self::PriceAsc => "price_asc",
            Self::PriceDesc => "price_desc",
            Self::Rating => "rating",
            Self::LeadTime => "lead_time",
        }
    }
}

/// A filter on one item-type parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamFilter {
    /// A choice parameter equals this value.
    Is {
        /// Parameter key.
        key: String,
        /// Wanted value.
        value: String,
    },
    /// A number parameter lies within the bounds (each optional, both inclusive).
    Between {
        /// Parameter key.
        key: String,
        /// Lowest value.
        min: Option<i64>,
        /// Highest value.
        max: Option<i64>,
    },
}

/// How words are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMatch {
    /// The search engine: every word (as a prefix, after stemming on PostgreSQL) must occur.
    Exact,
    /// Words typed with a mistake: every word must be similar to a part of the titles
    /// (PostgreSQL with `pg_trgm` only; used when the exact match finds nothing).
    Similar,
}

/// Where a page of results starts: the sort's values of the last offering already seen. A
/// page that starts here stays the same however many offerings appear or go before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyset {
    /// Its price in tiyn.
    pub price_tiyn: i64,
    /// Its lead time in days.
    pub lead_time_days: i32,
    /// Its average rating ×100.
    pub rating_x100: i32,
    /// Its number of reviews.
    pub review_count: i32,
    /// Its id.
    pub id: i32,
}

impl Keyset {
    /// The position just after `o`.
    pub fn after(o: &offerings::Model) -> Self {
        Self {
            price_tiyn: o.price_tiyn,
            lead_time_days: o.lead_time_days,
            rating_x100: o.rating_avg_x100,
            review_count: o.review_count,
            id: o.id,
        }
    }

    /// The position as an opaque cursor.
    pub fn encode(&self) -> String {
        use base64::Engine;
        let raw = format!(
            "{}.{}.{}.{}.{}",
            self.price_tiyn, self.lead_time_days, self.rating_x100, self.review_count, self.id
        );
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
    }

    /// A cursor read back; `None` when it was not made by [`Keyset::encode`].
    pub fn decode(cursor: &str) -> Option<Self> {
        use base64::Engine;
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor.as_bytes()).ok()?;
        let text = String::from_utf8(raw).ok()?;
        let parts: Vec<&str> = text.split('.').collect();
        let [price, lead, rating, count, id] = parts.as_slice() else { return None };
        Some(Self {
            price_tiyn: price.parse().ok()?,
            lead_time_days: lead.parse().ok()?,
            rating_x100: rating.parse().ok()?,
            review_count: count.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

/// A checked catalogue search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// Only these item types (`Some(empty)` finds nothing); `None` for all.
    pub item_types: Option<Vec<i32>>,
    /// Only offerings available in this region.
    pub region: Option<String>,
    /// Lowest price in tiyn.
    pub price_min: Option<i64>,
    /// Highest price in tiyn.
    pub price_max: Option<i64>,
    /// Only offerings priced within the guaranteed sum in force on this day.
    pub no_copay_on: Option<NaiveDate>,
    /// Lowest average rating ×100.
    pub min_rating_x100: Option<i32>,
    /// Longest lead time in days.
    pub max_lead_days: Option<i32>,
    /// Parameter filters.
    pub params: Vec<ParamFilter>,
    /// Normalised words (see [`words`]).
    pub words: Vec<String>,
    /// How the words are matched.
    pub word_match: WordMatch,
    /// Order of results.
    pub sort: Sort,
}

/// Statement text with its values, numbered for the backend as they are added.
struct Sql {
    backend: DatabaseBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: DatabaseBackend) -> Self {
        Self { backend, text: String::with_capacity(512), values: Vec::new() }
    }

    fn push(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }

    /// Appends a placeholder for `v`.
    fn bind(&mut self, v: impl Into<Value>) -> &mut Self {
        self.values.push(v.into());
        match self.backend {
            DatabaseBackend::Postgres => {
                let n = self.values.len();
                self.text.push_str(&format!("${n}"));
            }
            _ => self.text.push('?'),
        }
        self
    }

    fn finish(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }
}

/// Weights of titles against descriptions in SQLite's bm25 (columns as in the FTS table).
const BM25: &str = "bm25(offerings_fts, 4.0, 4.0, 4.0, 1.0, 1.0, 1.0)";

/// The text the trigram index covers on PostgreSQL.
const TITLES: &str = "lower(o.title_kk || ' ' || o.title_ru || ' ' || coalesce(o.title_en, ''))";

/// The most words a search uses.
pub const MAX_WORDS: usize = 8;

/// The words of a search text as the engines get them: split at anything that is not a letter
/// or a digit (so quotes, `*`, `-`, `:` and operators such as `NEAR` or `OR` are plain words or
/// nothing, never query syntax), lower-cased, ё as е, and a Russian ending taken off a longer
/// Cyrillic word so that «коляски» also finds «коляска» (every word matches as a prefix).
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let w: String = raw.to_lowercase().chars().map(|c| if c == 'ё' { 'е' } else { c }).collect();
        let w = trim_ending(&w);
        if !out.contains(&w) {
            out.push(w);
        }
        if out.len() == MAX_WORDS {
            break;
        }
    }
    out
}

/// Common Russian inflection endings, longest first.
const ENDINGS: &[&str] = &[
    "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие",
    "ов", "ев", "ам", "ям", "ах", "ях", "ом", "ем", "ую", "юю", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь",
];

fn trim_ending(w: &str) -> String {
    let letters = w.chars().count();
    let cyrillic = w.chars().all(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    if !cyrillic || letters < 5 {
        return w.to_owned();
    }
    for e in ENDINGS {
        if let Some(stem) = w.strip_suffix(e) {
            if stem.chars().count() >= 4 {
                return stem.to_owned();
            }
        }
    }
    w.to_owned()
}

impl Search {
    fn relevance(&self) -> bool {
        self.sort == Sort::Relevance && !self.words.is_empty()
    }

    /// `FROM` and `WHERE`: the same for the count and the page.
    fn tables_and_filters(&self, sql: &mut Sql) {
        let words = !self.words.is_empty();
        let pg = sql.backend == DatabaseBackend::Postgres;
        sql.push(" FROM offerings o");
        if words && self.word_match == WordMatch::Exact {
            if pg {
                // One tsquery, bound once: each word as a prefix, Russian stem or as typed.
                sql.push(" CROSS JOIN (SELECT ");
                for (i, w) in self.words.iter().enumerate() {
                    if i > 0 {
                        sql.push(" && ");
                    }
                    let prefix = format!("{w}:*");
                    sql.push("(to_tsquery('russian', ")
                        .bind(prefix.clone())
                        .push(") || to_tsquery('simple', ")
                        .bind(prefix)
                        .push("))");
                }
                sql.push(" AS q) w");
            } else {
                let fts: Vec<String> = self.words.iter().map(|w| format!("\"{w}\"*")).collect();
                if self.relevance() {
                    sql.push(" JOIN (SELECT rowid AS id, ")
                        .push(BM25)
                        .push(" AS rank FROM offerings_fts WHERE offerings_fts MATCH ")
                        .bind(fts.join(" "))
                        .push(") f ON f.id = o.id");
                } else {
                    sql.push(" JOIN (SELECT rowid AS id FROM offerings_fts WHERE offerings_fts MATCH ")
                        .bind(fts.join(" "))
                        .push(") f ON f.id = o.id");
                }
            }
        }
        sql.push(" WHERE o.listed = TRUE");
        match &self.item_types {
            None => {}
            Some(ids) if ids.is_empty() => {
                sql.push(" AND 1 = 0");
            }
            Some(ids) => {
                sql.push(" AND o.item_type_id IN (");
                for (i, id) in ids.iter().enumerate() {
                    if i > 0 {
                        sql.push(", ");
                    }
                    sql.bind(*id);
                }
                sql.push(")");
            }
        }
        if let Some(r) = &self.region {
            sql.push(" AND EXISTS (SELECT 1 FROM offering_regions r WHERE r.offering_id = o.id AND r.region_code = ")
                .bind(r.clone())
                .push(")");
        }
        if let Some(p) = self.price_min {
            sql.push(" AND o.price_tiyn >= ").bind(p);
        }
        if let Some(p) = self.price_max {
            sql.push(" AND o.price_tiyn <= ").bind(p);
        }
        if let Some(day) = self.no_copay_on {
            // The ceiling in force on the day is the latest one not dated after it. With one
            // item type the sum does not depend on the row, so it bounds the index range.
            sql.push(" AND o.price_tiyn <= (SELECT c.amount_tiyn FROM ceilings c WHERE c.item_type_id = ");
            match self.item_types.as_deref() {
                Some([one]) => sql.bind(*one),
                _ => sql.push("o.item_type_id"),
            };
            sql.push(" AND c.valid_from <= ").bind(day).push(" ORDER BY c.valid_from DESC LIMIT 1)");
        }
        if let Some(r) = self.min_rating_x100 {
            sql.push(" AND o.rating_avg_x100 >= ").bind(r);
        }
        if let Some(d) = self.max_lead_days {
            sql.push(" AND o.lead_time_days <= ").bind(d);
        }
        for p in &self.params {
            sql.push(" AND EXISTS (SELECT 1 FROM offering_params p WHERE p.offering_id = o.id AND p.key = ");
            match p {
                ParamFilter::Is { key, value } => {
                    sql.bind(key.clone()).push(" AND p.text_value = ").bind(value.clone());
                }
                ParamFilter::Between { key, min, max } => {
                    sql.bind(key.clone());
                    if let Some(m) = min {
                        sql.push(" AND p.num_value >= ").bind(*m);
                    }
                    if let Some(m) = max {
                        sql.push(" AND p.num_value <= ").bind(*m);
                    }
                    sql.push(" AND p.num_value IS NOT NULL");
                }
            }
            sql.push(")");
        }
        if words && pg {
            match self.word_match {
                WordMatch::Exact => {
                    sql.push(" AND o.search_doc @@ w.q");
                }
                WordMatch::Similar => {
                    for w in &self.words {
                        sql.push(" AND ").push(TITLES).push(" %> ").bind(w.clone());
                    }
                }
            }
        }
    }

    fn order_by(&self, sql: &mut Sql) {
        let pg = sql.backend == DatabaseBackend::Postgres;
        sql.push(" ORDER BY ");
        match self.sort {
            Sort::Relevance if self.relevance() => match (pg, self.word_match) {
                (true, WordMatch::Exact) => {
                    sql.push("ts_rank(o.search_doc, w.q) DESC, o.id");
                }
                (true, WordMatch::Similar) => {
                    for w in &self.words {
                        sql.push("word_similarity(").bind(w.clone()).push(", ").push(TITLES).push(") + ");
                    }
                    sql.push("0 DESC, o.id");
                }
                (false, _) => {
                    sql.push("f.rank, o.id");
                }
            },
            Sort::Relevance | Sort::PriceAsc => {
                sql.push("o.price_tiyn, o.id");
            }
            Sort::PriceDesc => {
                sql.push("o.price_tiyn DESC, o.id DESC");
            }
            Sort::Rating => {
                sql.push("o.rating_avg_x100 DESC, o.review_count DESC, o.id");
            }
            Sort::LeadTime => {
                sql.push("o.lead_time_days, o.price_tiyn, o.id");
            }
        }
    }

    /// The offerings after `after` in the sort's order, at most `limit` of them (keyset
    /// paging; relevance has no keyset and is read as the cheapest first).
    pub fn page_after(&self, backend: DatabaseBackend, limit: u64, after: Option<&Keyset>) -> Statement {
        let mut by_keys = self.clone();
        if by_keys.sort == Sort::Relevance {
            by_keys.sort = Sort::PriceAsc;
        }
        let mut sql = Sql::new(backend);
        let columns: Vec<String> = offerings::Column::iter().map(|c| format!("o.{}", c.as_str())).collect();
        sql.push("SELECT ").push(&columns.join(", "));
        by_keys.tables_and_filters(&mut sql);
        if let Some(k) = after {
            match by_keys.sort {
                Sort::Relevance | Sort::PriceAsc => {
                    sql.push(" AND (o.price_tiyn > ")
                        .bind(k.price_tiyn)
                        .push(" OR (o.price_tiyn = ")
                        .bind(k.price_tiyn)
                        .push(" AND o.id > ")
                        .bind(k.id)
                        .push("))");
                }
                Sort::PriceDesc => {
                    sql.push(" AND (o.price_tiyn < ")
                        .bind(k.price_tiyn)
                        .push(" OR (o.price_tiyn = ")
                        .bind(k.price_tiyn)
                        .push(" AND o.id < ")
                        .bind(k.id)
                        .push("))");
                }
                Sort::Rating => {
                    sql.push(" AND (o.rating_avg_x100 < ").bind(k.rating_x100);
                    sql.push(" OR (o.rating_avg_x100 = ")
                        .bind(k.rating_x100)
                        .push(" AND o.review_count < ")
                        .bind(k.review_count)
                        .push(")");
                    sql.push(" OR (o.rating_avg_x100 = ")
                        .bind(k.rating_x100)
                        .push(" AND o.review_count = ")
                        .bind(k.review_count);
                    sql.push(" AND o.id > ").bind(k.id).push("))");
                }
                Sort::LeadTime => {
                    sql.push(" AND (o.lead_time_days > ").bind(k.lead_time_days);
                    sql.push(" OR (o.lead_time_days = ")
                        .bind(k.lead_time_days)
                        .push(" AND o.price_tiyn > ")
                        .bind(k.price_tiyn)
                        .push(")");
                    sql.push(" OR (o.lead_time_days = ")
                        .bind(k.lead_time_days)
                        .push(" AND o.price_tiyn = ")
                        .bind(k.price_tiyn);
                    sql.push(" AND o.id > ").bind(k.id).push("))");
                }
            }
        }
        by_keys.order_by(&mut sql);
        sql.push(" LIMIT ").bind(i64::try_from(limit).unwrap_or(i64::MAX));
        sql.finish()
    }

    /// `SELECT COUNT(*) AS n ...`: how many offerings match.
    pub fn count(&self, backend: DatabaseBackend) -> Statement {
        let mut sql = Sql::new(backend);
        sql.push("SELECT COUNT(*) AS n");
        self.tables_and_filters(&mut sql);
        sql.finish()
    }

    /// The offerings of one page, in order: `limit` rows after `offset`.
    pub fn page(&self, backend: DatabaseBackend, limit: u64, offset: u64) -> Statement {
        let mut sql = Sql::new(backend);
        let columns: Vec<String> = offerings::Column::iter().map(|c| format!("o.{}", c.as_str())).collect();
        sql.push("SELECT ").push(&columns.join(", "));
        self.tables_and_filters(&mut sql);
        self.order_by(&mut sql);
        // Bounded by the caller; i64 is what both databases take.
        sql.push(" LIMIT ")
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .push(" OFFSET ")
            .bind(i64::try_from(offset).unwrap_or(i64::MAX));
        sql.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_at_anything_but_letters_and_digits() {
        assert_eq!(words("\"кресло\"* NEAR(коляска) -OR: 45"), vec!["кресл", "near", "коляск", "or", "45"]);
        assert_eq!(words("*:\"-()"), Vec::<String>::new());
    }

    #[test]
    fn kazakh_letters_and_case_are_kept_apart_from_russian_ones() {
        assert_eq!(words("ҚЫРАН Өрнек"), vec!["қыран", "өрнек"]);
        assert_eq!(words("Ёлка"), vec!["елка"]);
    }

    #[test]
    fn russian_endings_come_off_longer_words_only() {
        assert_eq!(words("коляски коляской кот"), vec!["коляск", "кот"]);
        assert_eq!(words("wheelchairs"), vec!["wheelchairs"]);
    }

    #[test]
    fn at_most_eight_distinct_words_are_used() {
        assert_eq!(words("a b c d e f g h i j a").len(), MAX_WORDS);
        assert_eq!(words("коляска коляски"), vec!["коляск"]);
    }

    fn search() -> Search {
        Search {
            item_types: Some(vec![3]),
            region: Some("ALA".into()),
            price_min: Some(100),
            price_max: None,
            no_copay_on: NaiveDate::from_ymd_opt(2026, 12, 1),
            min_rating_x100: None,
            max_lead_days: Some(10),
            params: vec![ParamFilter::Is { key: "frame".into(), value: "steel".into() }],
            words: vec!["коляск".into()],
            word_match: WordMatch::Exact,
            sort: Sort::Relevance,
        }
    }

    #[test]
    fn placeholders_are_numbered_for_postgres_in_the_order_of_their_values() {
        let s = search().page(DatabaseBackend::Postgres, 20, 40);
        let n = s.values.as_ref().map(|v| v.0.len()).unwrap_or(0);
        assert!(s.sql.contains(&format!("${n}")) && !s.sql.contains(&format!("${}", n + 1)), "{}", s.sql);
        assert!(s.sql.contains("to_tsquery('russian', $1)"), "{}", s.sql);
    }

    #[test]
    fn sqlite_words_become_quoted_prefix_terms() {
        let s = search().count(DatabaseBackend::Sqlite);
        assert_eq!(s.sql.matches('?').count(), s.values.as_ref().map(|v| v.0.len()).unwrap_or(0));
        assert!(s.values.as_ref().is_some_and(|v| v.0.contains(&Value::from("\"коляск\"*".to_owned()))));
    }
}
