nav-catalogue = Catalogue
nav-entitlements = My entitlements
nav-orders = My orders
nav-notifications = Notifications
nav-unread = unread
acting-for-now = You are acting for { $name }.
acting-for-switch = Act for
acting-for-show = Show

unit-piece = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
unit-hour = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
unit-course = { $count ->
    [one] { $count } course
   *[other] { $count } courses
}
unit_of-piece = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
unit_of-hour = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
unit_of-course = { $count ->
    [one] { $count } course
   *[other] { $count } courses
}
unit_each-piece = item
unit_each-hour = hour
unit_each-course = course
order_status-placed = Placed
order_status-accepted = Accepted
order_status-scheduled = Scheduled
order_status-in_delivery = In delivery
order_status-delivered = Delivered
order_status-rendered = Service rendered
order_status-confirmed = Confirmed by you
order_status-rejected = Rejected
order_status-cancelled = Cancelled
order_status-returned = Returned
complaint_status-open = Open
complaint_status-answered = Answered
complaint_status-closed = Closed
mode-in_person = In person
mode-online = Online
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

entitlements-title = My entitlements
entitlements-lead = What the state has granted you under your individual rehabilitation programme, what is left, and what you have ordered.
entitlements-none = You have no valid entitlements at the moment. They appear here once your individual rehabilitation programme is loaded.
entitlements-other = Expired or not yet valid
entitlements-remaining = Remaining
entitlements-remaining-of = { $remaining } of { $granted }
entitlements-valid = Valid
entitlements-valid-range = from { $from } to { $to }
entitlements-ceiling = Guaranteed sum per unit
entitlements-ipr = Rehabilitation programme (IPR)
entitlements-orders = Orders against this entitlement
entitlements-choose = Choose: { $item }

catalogue-title = Catalogue
catalogue-results = Results
catalogue-found = { $count ->
    [one] { $count } offering found
   *[other] { $count } offerings found
}
catalogue-nothing = Nothing matches these filters. Try fewer filters or another region.
catalogue-price = { $price } (guaranteed sum { $ceiling })
catalogue-you-pay = You would pay { $amount } per unit yourself
catalogue-no-copay = No co-payment: within the guaranteed sum
catalogue-rating = Rated { $rating } of 5 ({ $count } reviews)
catalogue-no-reviews = No reviews yet
catalogue-lead-time = Delivered or started within { $days } days
catalogue-serves-you = Serves your region
catalogue-not-your-region = Does not serve your region
filters-title = Filter
filter-words = Words
filter-category = Kind of help
filter-item-type = What
filter-any = Any
filter-region = Region served
filter-all-regions = All regions
filter-my-region = your region
filter-price = Price, tenge
filter-from = From
filter-to = To
filter-no-copay = No co-payment for me
filter-rating = Rating
filter-rating-at-least = { $rating } or more
filter-lead-time = Ready within, days
filter-sort = Sort by
filter-apply = Show results
filter-clear = Clear filters
sort-price_asc = Price, lowest first
sort-price_desc = Price, highest first
sort-rating = Rating
sort-lead_time = Fastest first
sort-relevance = Best match first
catalogue-similar = No offering has exactly these words. These have similar words in their titles.
catalogue-filters-ignored = Some filters could not be used; fix them beside their fields.
err-q-too_long = Use at most 200 characters.
err-max_lead-out_of_range = Enter a number of days from 1.
err-min_rating-not_a_number = Choose a rating from the list.
err-params-too_long = The item's parameters are too long. Clear the filters and choose again.

offering-price = Price:
offering-ceiling = Guaranteed sum (paid by the state):
offering-you-pay = You would pay { $amount } per unit, because the price is above the guaranteed sum of { $ceiling }.
offering-no-copay = You pay nothing: the price is within the guaranteed sum of { $ceiling }.
offering-order = Order this
offering-sign-in-to-order = Sign in to order
offering-description = Description
offering-parameters = Parameters
offering-lead-time = Delivered or started within { $days } days.
offering-regions = Available in:
offering-supplier = Supplier: { $name }
offering-reviews = Reviews from people who received it
offering-no-reviews = No reviews yet.
supplier-approved-on = Approved by the ministry on
supplier-delivered = Orders delivered
supplier-on-time = Delivered on time
supplier-complaints = Complaints
supplier-regions = Regions served
review-rating = { $rating } of 5
review-reply = Supplier's reply:

order-start-title = Order details
order-field-entitlement = Which entitlement do you use?
order-entitlement-choice = { $ipr }: { $remaining } left, valid until { $until }
order-field-quantity = How many
order-field-address = Delivery address
order-field-address-hint = Street, house, flat, and anything the courier should know.
order-field-region = Region of delivery
order-field-start-date = First day
order-field-weeks = For how many weeks
order-field-schedule = Hours per day
order-field-schedule-hint = At most 8 hours a day. Leave days without help empty.
order-field-mode = How should the sessions take place?
order-field-place = Place of the sessions
order-field-place-hint = Needed for sessions in person.
order-field-session = Session { $n }
order-field-session-date = Date
order-field-session-time = Start time
order-field-session-hours = Hours
order-field-arrival = Arrival date
order-field-arrival-hint = A course lasts 14 days.
order-slot = { $date } ({ $free } places left)
order-continue = Continue
order-check-title = Check your answers before ordering
order-back-to-questions = Go back and change your answers
order-change = Change
order-item = Item or service
order-supplier = Supplier
order-entitlement = Entitlement
order-quantity = Quantity
order-for = For
order-cost = What it costs
order-total = Price
order-total-of = { $price } × { $quantity } = { $total }
order-state-pays = The state pays
order-you-pay = You pay
order-you-pay-plain = You pay { $copay } yourself, because the price is above the guaranteed sum of { $ceiling } per unit.
order-nothing-to-pay = You pay nothing: the state pays the whole price.
order-confirm = Confirm and place the order
order-detail-address = Address
order-detail-region = Region
order-detail-start = First day
order-detail-weeks = Weeks
order-detail-hours-per-week = Hours a week
order-detail-mode = Sessions
order-detail-session = Session (date, time — hours)
order-detail-arrival = Arrival
order-detail-scheduled = Planned date

orders-title = My orders
orders-none = No orders yet.
order-number = Order
order-status = Status
order-placed-on = Placed
order-due = Deadline
order-title = Order { $number }
order-placed-title = Your order is placed
order-placed-number = Your order number is { $number }. Keep it for any question to the supplier or to 1414.
order-placed-next = The supplier must accept or reject it by { $date }. We will tell you here in Notifications.
order-history = What has happened
order-details = Order details
order-placed-by = Placed by
order-by-representative = { $name }, legal representative
order-event-by = by { $name }
timeline-done = Done:
timeline-current = Now:
timeline-next = Next:
timeline-accept-by = Supplier accepts or rejects by { $date }
timeline-deliver-by = Supplier delivers by { $date }
timeline-confirm = You confirm receipt, or report a problem
order-next-placed = The supplier must accept or reject your order by { $accept_by }. Until then you can cancel it.
order-next-accepted = The supplier has accepted your order and must deliver by { $deliver_by }.
order-next-scheduled = The service is scheduled; the supplier must render it by { $deliver_by }.
order-next-in_delivery = Your order is on its way; the supplier must deliver it by { $deliver_by }.
order-next-delivered = Check what you received. Confirm receipt, or report a problem if something is wrong.
order-next-rendered = Check the hours rendered. Confirm them, or report a problem.
order-next-confirmed = Done. The supplier will be paid the state's share. You can leave a review.
order-next-rejected = The supplier rejected this order. Your entitlement was given back: choose another supplier in the catalogue.
order-next-cancelled = You cancelled this order. Your entitlement was given back.
order-next-returned = The item was returned. Your complaint is handled by the ministry.
order-cancel-title = Cancel the order
order-cancel-text = You can cancel until the supplier accepts. Your entitlement is given back at once.
order-cancel = Cancel the order
order-confirm-title = Did you receive it?
order-confirm-rendered-title = Was the service rendered?
order-field-hours-rendered = Hours actually rendered
order-confirm-receipt = Yes, confirm
order-report-title = Something wrong?
order-field-problem = Describe the problem
order-report = Report a problem
order-review-title = Leave a review
order-field-rating = Your rating
order-field-review = Your review
order-review = Publish the review
order-your-review = Your review
order-complaints = Your complaints
complaint-due = Answer due by { $date }
complaint-supplier-answer = Supplier's answer:
complaint-outcome = Ministry's decision:

notifications-title = Notifications
notifications-none = You have no notifications.
notifications-new = New
notifications-mark-read = Mark all as read
notification-order_placed = New order { $number }.
notification-order_status = Order { $number }: { $status }.
notification-complaint_opened = A complaint about order { $number }; answer by { $due }.

done-placed = Your order is placed.
done-cancelled = Your order is cancelled and your entitlement given back.
done-confirmed = Thank you: receipt confirmed.
done-reported = Your complaint is registered. You will be told the answer here.
done-reviewed = Thank you for your review.
done-read = All notifications are marked as read.

err-no_one_to_act_for = No person's record is linked to your account yet. Prove who you are on the page "Prove who you are" (Account), with a code by SMS or an activation letter.
err-entitlement_not_available = Choose one of your valid entitlements for this item.
err-entitlement_used_up = This entitlement has nothing left.
err-entitlement_expired = Your entitlement for this item has expired.
err-no_entitlement_for_type = You have no entitlement for this kind of item or service.
err-entitlement-required = Choose the entitlement to use.
err-more_than_entitled = That is more than your entitlement has left.
err-over_capacity = The supplier cannot take that much; choose less or another supplier.
err-at_least_one = Enter at least 1.
err-not_a_number = Enter a whole number.
err-not_a_date = Enter a date like 2026-12-01.
err-not_a_time = Enter a time like 09:30.
err-date_not_in_future = Choose a date from tomorrow on.
err-date_after_entitlement = This date is after your entitlement ends.
err-weeks_out_of_range = Enter from 1 to 52 weeks.
err-over_8_hours_a_day = No more than 8 hours a day.
err-no_hours = Enter the hours for at least one day.
err-hours_out_of_range = Enter from 1 to 8 hours.
err-region_not_served = This supplier does not serve that region.
err-no_places = No places are left on that date; choose another.
err-arrival-required = Choose an arrival date.
err-mode-required = Choose in person or online.
err-offering_unavailable = This offering is no longer available. Choose another in the catalogue.
err-no_draft = Answer the questions first.
err-stale_form = This page is out of date. Check your answers again.
err-already_placed = This order is already placed.
err-no_ceiling = No guaranteed sum is set for this item yet.
err-amount_too_large = The amount is too large.
err-cannot_cancel_now = The supplier has already accepted this order, so it can no longer be cancelled.
err-cannot_confirm_now = This order cannot be confirmed now.
err-cannot_complain_now = A problem can be reported once the supplier has accepted the order.
err-order_changed = The order has changed meanwhile; look at it again.
err-review_needs_confirmed_order = You can review once you have confirmed receipt.
err-already_reviewed = You have already reviewed this order.
err-rating_out_of_range = Choose a rating from 1 to 5.
err-hours-required = Enter the hours rendered.
err-problem-required = Describe the problem.
err-review-required = Write a few words about your experience.
notification-complaint_assigned = A complaint about an order was assigned to you.
notification-complaint_closed = The ministry decided on the complaint about order { $number }: { $outcome }
notification-offering_blocked = The ministry blocked your offering “{ $title }”: { $reason }
notification-offering_unblocked = The ministry unblocked your offering “{ $title }”. You may publish it again.
