//! The portal's closed sets of values. Each has a stable snake_case code used in the
//! database, in URLs and as the key of its translation (`<enum>-<code>`).
use serde::{Deserialize, Serialize};

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The value for a code, if there is one.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// An interface and account language.
    Lang { Kk = "kk", Ru = "ru", En = "en" }
}

code_enum! {
    /// What an account may do.
    Role {
        /// A person with a disability.
        Recipient = "recipient",
        /// A parent, guardian or other legal representative acting for recipients.
        Representative = "representative",
        /// A supplier of goods or services.
        Supplier = "supplier",
        /// Ministry staff, central or regional.
        Staff = "staff",
        /// Runs the portal and its staff accounts.
        Admin = "admin",
    }
}

impl Role {
    /// Ministry staff and admins.
    pub const fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }

    /// Those who order for a recipient: the recipient or a representative.
    pub const fn orders_for_recipients(self) -> bool {
        matches!(self, Role::Recipient | Role::Representative)
    }
}

code_enum! {
    /// Whether an account may sign in.
    AccountStatus { Active = "active", Locked = "locked", Disabled = "disabled" }
}

code_enum! {
    /// Where a supplier stands with the ministry.
    SupplierStatus {
        Draft = "draft", Pending = "pending", Approved = "approved", Rejected = "rejected",
        Suspended = "suspended", Removed = "removed",
    }
}

code_enum! {
    /// Legal form of a supplier.
    SupplierKind { LegalEntity = "legal_entity", Entrepreneur = "entrepreneur" }
}

code_enum! {
    /// Whether an offering shows in the catalogue.
    OfferingStatus { Draft = "draft", Published = "published", Withdrawn = "withdrawn", Blocked = "blocked" }
}

code_enum! {
    /// Where an order stands.
    OrderStatus {
        Placed = "placed", Accepted = "accepted", Scheduled = "scheduled", InDelivery = "in_delivery",
        Delivered = "delivered", Rendered = "rendered", Confirmed = "confirmed",
        Rejected = "rejected", Cancelled = "cancelled", Returned = "returned",
    }
}

impl OrderStatus {
    /// No further change is expected.
    pub const fn is_final(self) -> bool {
        matches!(self, Self::Confirmed | Self::Rejected | Self::Cancelled | Self::Returned)
    }
}

code_enum! {
    /// What an item type is counted in.
    Unit { Piece = "piece", Hour = "hour", Course = "course" }
}

code_enum! {
    /// What kind of help a category gives, chosen by staff when they create it. The kind, not
    /// the category's code, decides how an offering is described, ordered and fulfilled.
    CategoryKind {
        /// Goods delivered to an address, from stock (technical means of rehabilitation).
        Goods = "goods",
        /// A person's hours on a weekly schedule, up to a weekly capacity (personal assistant).
        Hours = "hours",
        /// Dated sessions, in person or online (sign language specialist).
        Sessions = "sessions",
        /// A stay from an arrival date, with places on set dates (sanatorium treatment).
        Course = "course",
    }
}

code_enum! {
    /// How dated sessions are given.
    SessionMode { InPerson = "in_person", Online = "online" }
}

impl CategoryKind {
    /// Services counted by the hour, whose offering's capacity is hours a week.
    pub const fn weekly_hours(self) -> bool {
        matches!(self, Self::Hours | Self::Sessions)
    }
}

code_enum! {
    /// Why a business rule refused a request: the code the UI translates (`err-<code>`).
    RefusalCode {
        AccountDisabled = "account_disabled",
        AlreadyAnswered = "already_answered",
        AlreadyApproved = "already_approved",
        AlreadyPlaced = "already_placed",
        AlreadyProven = "already_proven",
        AlreadyReplied = "already_replied",
        AlreadyReviewed = "already_reviewed",
        AlreadySignedIn = "already_signed_in",
        AlreadySubmitted = "already_submitted",
        AmountTooLarge = "amount_too_large",
        BadCredentials = "bad_credentials",
        BadRequest = "bad_request",
        CannotAcceptNow = "cannot_accept_now",
        CannotCancelNow = "cannot_cancel_now",
        CannotComplainNow = "cannot_complain_now",
        CannotConfirmNow = "cannot_confirm_now",
        CannotDisableSelf = "cannot_disable_self",
        CannotMarkNow = "cannot_mark_now",
        CannotPublishNow = "cannot_publish_now",
        CannotRecordNow = "cannot_record_now",
        CannotRejectNow = "cannot_reject_now",
        CannotResetOwnSecondFactor = "cannot_reset_own_second_factor",
        CannotScheduleNow = "cannot_schedule_now",
        CategoryNotChosen = "category_not_chosen",
        CodeInvalid = "code_invalid",
        ComplaintClosed = "complaint_closed",
        ComplaintDeadlinePassed = "complaint_deadline_passed",
        CourseNotStarted = "course_not_started",
        DecisionNotOpen = "decision_not_open",
        DocumentsLocked = "documents_locked",
        EmailNotConfirmed = "email_not_confirmed",
        HoursNotAllRendered = "hours_not_all_rendered",
        LinkInvalid = "link_invalid",
        NoArrivalDate = "no_arrival_date",
        NoCapacity = "no_capacity",
        NoCeiling = "no_ceiling",
        NoCourseDates = "no_course_dates",
        NoDraft = "no_draft",
        NoOneToActFor = "no_one_to_act_for",
        NoPlaces = "no_places",
        NoRegions = "no_regions",
        NoRecordForIin = "no_record_for_iin",
        NoScopeRequest = "no_scope_request",
        NotASanatorium = "not_a_sanatorium",
        NotEnoughStock = "not_enough_stock",
        NotHourly = "not_hourly",
        NotPublished = "not_published",
        OfferingAlreadyBlocked = "offering_already_blocked",
        OfferingBlocked = "offering_blocked",
        OfferingNotBlocked = "offering_not_blocked",
        OfferingStatusChanged = "offering_status_changed",
        OfferingUnavailable = "offering_unavailable",
        OrderChanged = "order_changed",
        OverWeeklyCapacity = "over_weekly_capacity",
        PriceChanged = "price_changed",
        ProfileIncomplete = "profile_incomplete",
        RecordAlreadyClaimed = "record_already_claimed",
        RepresentativeHasOwnRecord = "representative_has_own_record",
        ReviewNeedsConfirmedOrder = "review_needs_confirmed_order",
        SecondFactorAlreadySetUp = "second_factor_already_set_up",
        SecondFactorNotSetUp = "second_factor_not_set_up",
        SecondFactorSetupExpired = "second_factor_setup_expired",
        StaleForm = "stale_form",
        SupplierChanged = "supplier_changed",
        SupplierInactive = "supplier_inactive",
        SupplierIncomplete = "supplier_incomplete",
        SupplierNotApproved = "supplier_not_approved",
        TooManyDocuments = "too_many_documents",
    }
}

code_enum! {
    /// Disability group as set by the medical-social examination.
    DisabilityGroup { First = "1", Second = "2", Third = "3", Child = "child" }
}

code_enum! {
    /// Where a complaint stands.
    ComplaintStatus { Open = "open", Answered = "answered", Closed = "closed" }
}

code_enum! {
    /// What can be done to an offering's status: the supplier publishes and withdraws it, the
    /// ministry blocks it and lets it be published again.
    OfferingAction { Publish = "publish", Withdraw = "withdraw", Block = "block", Unblock = "unblock" }
}

code_enum! {
    /// A step the supplier marks on an order: goods shipped, goods delivered, a service rendered.
    OrderStep { Shipped = "shipped", Delivered = "delivered", Rendered = "rendered" }
}

code_enum! {
    /// Whom an activation letter is for: the person on the record, or their legal representative.
    LetterFor { Person = "person", Representative = "representative" }
}

code_enum! {
    /// The ministry's answer to the regions and categories an approved supplier added.
    ScopeDecision { Accept = "accept", Refuse = "refuse" }
}

code_enum! {
    /// What an admin does to a staff account.
    StaffAccountAction { Disable = "disable", Enable = "enable" }
}

code_enum! {
    /// The kind of a supplier's uploaded document.
    DocumentKind { Registration = "registration", Licence = "licence", Certificate = "certificate", Other = "other" }
}

code_enum! {
    /// How a person's e-mails look.
    EmailFormat {
        /// A plain-text part and large, readable HTML made from it.
        Rich = "rich",
        /// The plain-text part alone.
        Plain = "plain",
    }
}

code_enum! {
    /// What a notification tells of: the key of its text (`notification-<code>`) in the
    /// portal, in e-mails and in SMS.
    NoticeKind {
        /// A supplier received an order.
        OrderPlaced = "order_placed",
        /// An order changed status.
        OrderStatus = "order_status",
        /// A session of a service was recorded.
        OrderSession = "order_session",
        /// An order got a planned date.
        OrderScheduled = "order_scheduled",
        /// A complaint was opened against a supplier.
        ComplaintOpened = "complaint_opened",
        /// A complaint was assigned to an officer.
        ComplaintAssigned = "complaint_assigned",
        /// The ministry decided on a complaint.
        ComplaintClosed = "complaint_closed",
        /// The supplier answered a complaint.
        ComplaintAnswered = "complaint_answered",
        /// The supplier replied to a review.
        ReviewReplied = "review_replied",
        /// The ministry changed a supplier's status.
        SupplierStatus = "supplier_status",
        /// The ministry accepted a supplier's new regions and categories.
        SupplierScopeAccept = "supplier_scope_accept",
        /// The ministry refused a supplier's new regions and categories.
        SupplierScopeRefuse = "supplier_scope_refuse",
        /// The ministry blocked an offering.
        OfferingBlocked = "offering_blocked",
        /// The ministry unblocked an offering.
        OfferingUnblocked = "offering_unblocked",
        /// Reminder: an order must be accepted or rejected by tomorrow.
        AcceptSoon = "accept_soon",
        /// Reminder: the time to accept an order has passed.
        AcceptOverdue = "accept_overdue",
        /// Reminder: an order must be delivered by tomorrow.
        DeliverSoon = "deliver_soon",
        /// Reminder: the delivery deadline of an order has passed.
        DeliverOverdue = "deliver_overdue",
        /// Reminder: a delivered order waits for the recipient's confirmation.
        ConfirmWaiting = "confirm_waiting",
        /// Reminder: an entitlement ends within 30 days and is not used up.
        EntitlementExpiring = "entitlement_expiring",
        /// Reminder: an item's replacement period has passed since its delivery.
        ReplacementDue = "replacement_due",
        /// A complaint passed its deadline and went to central staff.
        ComplaintEscalated = "complaint_escalated",
        /// An officer's daily list of overdue work.
        StaffDigest = "staff_digest",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(*r));
        }
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(s.code()), Some(*s));
        }
        assert_eq!(Lang::from_code("de"), None);
    }
}
