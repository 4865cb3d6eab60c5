//! Categories, item types and their guaranteed sums as the ministry manages them.
use crate::domain::{CategoryKind, Money, Unit};
use serde::{Deserialize, Serialize};

/// An item type in the catalogue overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTypeRow {
    /// Item type id.
    pub id: i32,
    /// Stable code (used in IPR files).
    pub code: String,
    /// Name in the reader's language.
    pub name: String,
    /// Counted in.
    pub unit: Unit,
    /// Months before a replacement is due.
    pub replacement_months: Option<i32>,
    /// Whether it can be ordered and imported.
    pub active: bool,
    /// Guaranteed sum in force today.
    pub ceiling: Option<Money>,
    /// A ceiling announced for a later date: (YYYY-MM-DD, amount).
    pub next_ceiling: Option<(String, Money)>,
}

/// A category with its item types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryAdminRow {
    /// Category id.
    pub id: i32,
    /// Stable code.
    pub code: String,
    /// Name in the reader's language.
    pub name: String,
    /// Counted in.
    pub unit: Unit,
    /// What kind of help it gives.
    pub kind: CategoryKind,
    /// Whether it shows in the catalogue.
    pub active: bool,
    /// Its item types.
    pub item_types: Vec<ItemTypeRow>,
}

/// The catalogue overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueOverview {
    /// Only central staff change the catalogue; regional staff read it.
    pub can_edit: bool,
    /// Categories in display order.
    pub categories: Vec<CategoryAdminRow>,
}

/// One guaranteed sum in an item type's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeilingRow {
    /// The sum per unit.
    pub amount: Money,
    /// From when it applies (YYYY-MM-DD).
    pub valid_from: String,
    /// Whether it is the one in force today.
    pub in_force: bool,
    /// Whether it starts later than today.
    pub future: bool,
    /// Who entered it (e-mail), when it was not loaded with the reference data.
    pub entered_by: Option<String>,
}

/// An item type with everything staff edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTypeDetail {
    /// Item type id.
    pub id: i32,
    /// Stable code.
    pub code: String,
    /// Category code.
    pub category: String,
    /// Category name in the reader's language.
    pub category_name: String,
    /// Name in Kazakh.
    pub name_kk: String,
    /// Name in Russian.
    pub name_ru: String,
    /// Name in English.
    pub name_en: String,
    /// Counted in.
    pub unit: Unit,
    /// Months before a replacement is due.
    pub replacement_months: Option<i32>,
    /// The parameter schema, pretty-printed JSON.
    pub param_schema: String,
    /// Whether it can be ordered and imported.
    pub active: bool,
    /// Guaranteed sums, newest first.
    pub ceilings: Vec<CeilingRow>,
    /// Only central staff change it.
    pub can_edit: bool,
}

/// What staff type to create or change an item type (strings as the form sends them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTypeForm {
    /// Category code (new item types only).
    pub category: String,
    /// Code (new item types only).
    pub code: String,
    /// Name in Kazakh.
    pub name_kk: String,
    /// Name in Russian.
    pub name_ru: String,
    /// Name in English.
    pub name_en: String,
    /// `piece`, `hour` or `course`.
    pub unit: String,
    /// Replacement period in months, or empty.
    pub replacement_months: String,
    /// Parameter schema as JSON.
    pub param_schema: String,
    /// `yes` when it can be ordered.
    pub active: String,
    /// First guaranteed sum (new item types only).
    pub ceiling: String,
    /// From when the first sum applies (new item types only).
    pub ceiling_from: String,
}

/// What staff type to create a category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryForm {
    /// Code, e.g. `invataxi`.
    pub code: String,
    /// Name in Kazakh.
    pub name_kk: String,
    /// Name in Russian.
    pub name_ru: String,
    /// Name in English.
    pub name_en: String,
    /// `piece`, `hour` or `course`.
    pub unit: String,
    /// `goods`, `hours`, `sessions` or `course`.
    pub kind: String,
}
