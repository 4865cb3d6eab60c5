//! Entitlement imports from the IPR feed, and their reports.
use serde::{Deserialize, Serialize};

/// What happened to one line of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineOutcome {
    /// A new entitlement was loaded.
    Accepted,
    /// The same line was loaded before: nothing changed.
    Unchanged,
    /// The line was refused; the reason says why.
    Refused,
}

impl LineOutcome {
    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Unchanged => "unchanged",
            Self::Refused => "refused",
        }
    }
}

/// One line of an import report. The IIN is masked: the report is kept and shown again, and
/// the person is identified well enough by the line number and IPR number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    /// Line in the file (1 = the first data line).
    pub line: u32,
    /// IIN with the middle digits hidden, as it was in the file when it was not valid.
    pub iin: String,
    /// IPR number as given.
    pub ipr_number: String,
    /// Item type code as given.
    pub item_type: String,
    /// What happened.
    pub outcome: LineOutcome,
    /// Why it was refused (an error code).
    pub reason: Option<String>,
    /// Loaded for an IIN without an account yet: it appears when that person signs up.
    pub deferred: bool,
}

/// The counts of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Import id.
    pub id: i32,
    /// File name, or `api` for the machine interface.
    pub file_name: String,
    /// When (YYYY-MM-DD HH:MM UTC).
    pub at: String,
    /// Who (e-mail), or `system` for the machine interface.
    pub by: String,
    /// Lines read.
    pub lines: u32,
    /// New entitlements loaded.
    pub accepted: u32,
    /// Lines already loaded before.
    pub unchanged: u32,
    /// Lines refused.
    pub refused: u32,
}

/// An import report: the counts and every line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The counts.
    pub summary: ImportSummary,
    /// Every line, in file order.
    pub lines: Vec<ImportLine>,
}
