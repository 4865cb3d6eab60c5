messages-title = How the portal writes to you
messages-lead = Choose how you hear about your orders, complaints and the ministry's decisions, and in which language. Codes and links for signing in or setting a password always go to your e-mail or phone, whatever you choose here.
messages-channels = Tell me
messages-channels-hint = Choose at least one.
messages-by-email = By e-mail to { $email }
messages-by-sms = By SMS to the phone ending in { $phone }
messages-in-app = In the portal's notifications
messages-no-phone = We have no phone number for you, so nothing can be sent by SMS. Recipients get it from their government record; suppliers from their organisation's profile.
messages-language = Language of the portal, the e-mails and the SMS
messages-format = How e-mails look
messages-format-hint = Large text is easier to read on a phone or with a magnifier; plain text suits screen readers and slow connections.
messages-save = Save my choice
done-preferences_saved = Your choice is saved.
email_format-rich = Large, readable text with a plain-text copy
email_format-plain = Plain text only
err-no_channel = Choose at least one way to hear from the portal.
err-no_phone = We have no phone number for you, so SMS cannot be chosen.
err-unknown_channel = Choose from the ways listed.
err-unknown_language = Choose one of the three languages.
err-unknown_format = Choose how e-mails look.
msg-notice-subject = Social Services Portal: news for you
msg-notice-text =
    Hello,

    { $text }

    Open it in the portal:

    { $link }

    You can choose how the portal writes to you here: { $settings }
msg-notice-sms = Social Services Portal: { $text } { $link }
notification-accept_soon = Order { $number } must be accepted or rejected by { $date }.
notification-accept_overdue = The time to accept or reject order { $number } passed on { $date }.
notification-deliver_soon = Order { $number } must be delivered by { $date }.
notification-deliver_overdue = The delivery deadline of order { $number } passed on { $date }.
notification-confirm_waiting = Order { $number } was delivered on { $date }. Please confirm that you received it, or open a complaint.
notification-entitlement_expiring = Your entitlement to “{ $item }” ends on { $date }, and { $count } are still unused.
notification-replacement_due = The replacement period of “{ $item }” from order { $number } has passed: you may be entitled to a new one.
notification-complaint_escalated = The complaint about order { $number } passed its deadline on { $date } and went to central staff.
notification-staff_digest = Overdue work in your area: { $count } complaints past their deadline.
