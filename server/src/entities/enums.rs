//! The domain's enums as stored columns. Each mirrors an `app::domain` enum with the same
//! variants and codes (a test checks every code), and converts both ways.
use sea_orm::entity::prelude::*;

macro_rules! db_enum {
    ($name:ident => $app:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        #[doc = concat!("`", stringify!($app), "` as a stored column.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
        #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
        pub enum $name { $(#[sea_orm(string_value = $code)] $variant),+ }

        impl From<$name> for app::domain::$app {
            fn from(v: $name) -> Self {
                match v { $($name::$variant => app::domain::$app::$variant),+ }
            }
        }

        impl From<app::domain::$app> for $name {
            fn from(v: app::domain::$app) -> Self {
                match v { $(app::domain::$app::$variant => $name::$variant),+ }
            }
        }
    };
}

db_enum!(DbRole => Role { Recipient = "recipient", Representative = "representative", Supplier = "supplier", Staff = "staff", Admin = "admin" });
db_enum!(DbLang => Lang { Kk = "kk", Ru = "ru", En = "en" });
db_enum!(DbAccountStatus => AccountStatus { Active = "active", Locked = "locked", Disabled = "disabled" });
db_enum!(DbSupplierStatus => SupplierStatus {
    Draft = "draft", Pending = "pending", Approved = "approved", Rejected = "rejected", Suspended = "suspended", Removed = "removed",
});
db_enum!(DbSupplierKind => SupplierKind { LegalEntity = "legal_entity", Entrepreneur = "entrepreneur" });
db_enum!(DbOfferingStatus => OfferingStatus { Draft = "draft", Published = "published", Withdrawn = "withdrawn", Blocked = "blocked" });
db_enum!(DbOrderStatus => OrderStatus {
    Placed = "placed", Accepted = "accepted", Scheduled = "scheduled", InDelivery = "in_delivery", Delivered = "delivered",
    Rendered = "rendered", Confirmed = "confirmed", Rejected = "rejected", Cancelled = "cancelled", Returned = "returned",
});
db_enum!(DbUnit => Unit { Piece = "piece", Hour = "hour", Course = "course" });
db_enum!(DbCategoryKind => CategoryKind { Goods = "goods", Hours = "hours", Sessions = "sessions", Course = "course" });
db_enum!(DbDisabilityGroup => DisabilityGroup { First = "1", Second = "2", Third = "3", Child = "child" });
db_enum!(DbComplaintStatus => ComplaintStatus { Open = "open", Answered = "answered", Closed = "closed" });
db_enum!(DbDocumentKind => DocumentKind { Registration = "registration", Licence = "licence", Certificate = "certificate", Other = "other" });

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{ActiveEnum, Iterable};

    macro_rules! same_codes {
        ($db:ident, $app:ident) => {
            for v in $db::iter() {
                assert_eq!(v.to_value(), app::domain::$app::from(v).code(), "{}", stringify!($app));
            }
        };
    }

    #[test]
    fn stored_codes_match_the_domain_codes() {
        same_codes!(DbRole, Role);
        same_codes!(DbLang, Lang);
        same_codes!(DbAccountStatus, AccountStatus);
        same_codes!(DbSupplierStatus, SupplierStatus);
        same_codes!(DbSupplierKind, SupplierKind);
        same_codes!(DbOfferingStatus, OfferingStatus);
        same_codes!(DbOrderStatus, OrderStatus);
        same_codes!(DbUnit, Unit);
        same_codes!(DbCategoryKind, CategoryKind);
        same_codes!(DbDisabilityGroup, DisabilityGroup);
        same_codes!(DbComplaintStatus, ComplaintStatus);
        same_codes!(DbDocumentKind, DocumentKind);
    }
}
