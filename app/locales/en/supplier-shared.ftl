# Names and messages the recipient journey may define too. At a merge, keep one copy of each
# key (the locale test in app/tests/locales.rs lists any key defined twice).
order_status-placed = Placed
order_status-accepted = Accepted
order_status-scheduled = Scheduled
order_status-in_delivery = Shipped
order_status-delivered = Delivered
order_status-rendered = Service rendered
order_status-confirmed = Confirmed by the recipient
order_status-rejected = Rejected
order_status-cancelled = Cancelled
order_status-returned = Returned
complaint_status-open = Open
complaint_status-answered = Answered
complaint_status-closed = Closed
unit-piece = piece
unit-hour = hour
unit-course = course
err-not_a_number = Enter a whole number, like 12.
err-not_a_date = Enter a date like 2026-12-01.
err-no_places = There are no free places on that date.
err-order_changed = The order has just changed. Look at it again and try once more.
err-over_8_hours_a_day = That is more than 8 hours on one day.
err-hours_out_of_range = Enter from 1 to 8 hours.
