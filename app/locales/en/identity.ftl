# Identity before a record opens: e-mail confirmation, proof by SMS code or activation letter.
sign-up-sent-title = Check your e-mail
sign-up-sent-lead = We have sent a message to the address you gave. Follow the link in it within 48 hours to confirm the address; then you can sign in.
sign-up-sent-none = No message? Look in the spam folder, and check that the address was typed correctly. Signing in with your e-mail and password also sends a new link.
sign-up-sent-sign-in = Go to sign-in
confirm-email-title = Confirm your e-mail address
confirm-email-lead = Press the button to confirm that this address is yours. Then sign in with your e-mail and password.
confirm-email-submit = Confirm my e-mail address
done-email_confirmed = Your e-mail address is confirmed. You can sign in now.
done-claim_code_sent = If the record for your IIN has a phone number, a code has been sent to it by SMS. It works for 10 minutes.
done-identity_proven = Your identity is proven: your record is linked to your account.
identity-title = Prove who you are
identity-linked-title = Linked to your account
identity-claim-lead = You signed up with IIN { $iin }. Your record opens only after you prove that it is yours: nothing of that person is shown until then.
identity-sms-title = A code by SMS
identity-sms-lead = We send a code to the phone number on your government record (the one given to the medical and social expert commission).
identity-sms-send = Send me a code by SMS
identity-letter-title = An activation letter
identity-letter-lead = No phone on your record, or it has changed? Come to your regional department with your identity document; they print an activation letter with a code. A legal representative receives such a letter for the person they represent.
identity-code-title = Enter your code
identity-code-submit = Prove my identity
field-identity-code = Code from the SMS or the activation letter
field-identity-code-hint = Six digits from the SMS, or twelve letters and digits from the letter, such as ABCD-EFGH-JKLM.
err-email_not_confirmed = Confirm your e-mail address first: we have sent a link to it. Follow the link, then sign in.
err-link_invalid = This link has expired or has been used already. Sign in with your e-mail and password to get a new one.
err-code_invalid = The code is not correct, has expired or has been used already.
err-already_proven = Your account is already linked to a record.
err-record_already_claimed = This record is already linked to another account. Call 1414 if that is not you.
err-no_record_for_iin = There is no record with this IIN in your region.
err-representative_has_own_record = This account is linked to its own record. A legal representative needs a separate account.
letters-title = Activation letters
letters-lead = Issue a letter only after checking the identity document of the person (or the documents of their legal representative) in person. The code is shown once: print the letter and hand it over.
letters-iin-hint = The IIN of the person the record belongs to: 12 digits.
letters-for-whom = The letter is for
letters-for-person = The person themself
letters-for-representative = Their legal representative
letters-submit = Issue the letter
letter-title = Activation letter
letter-gone = The letter was shown once and is no longer available. Issue a new one if it was not printed.
letter-new = Issue another letter
letter-person = Person
letter-for = For
letter-for-person = The person themself
letter-for-representative = Their legal representative
letter-code = Activation code
letter-valid-until = Valid until
letter-how = Sign up on the portal, confirm your e-mail, sign in, open "Prove who you are" and enter this code. It works once.
msg-email_confirm-subject = Confirm your e-mail address
msg-email_confirm-text =
    Hello,

    Someone (we hope you) signed up on the Social Services Portal with this e-mail address. To confirm it, open this link within 48 hours:

    { $link }

    If it was not you, ignore this message: no account opens without the link.
msg-sign_up_exists-subject = You already have an account
msg-sign_up_exists-text =
    Hello,

    Someone (perhaps you) tried to sign up on the Social Services Portal with this e-mail address, but it already has an account. Sign in here:

    { $link }

    If you have forgotten your password, call 1414. If it was not you, ignore this message: nothing has changed.
msg-claim_code-sms = Social Services Portal: your code is { $code }. It works for 10 minutes. Do not tell it to anyone.
dashboard-prove-identity = Your account is not linked to anyone's record yet: prove who you are to see your entitlements and order.
nav-staff-letters = Activation letters
sign-in-forgot = Forgotten your password?
forgot-title = Set a new password
forgot-lead = Type the e-mail address of your account, then choose how to prove it is yours: a link to that address (it works for one hour, once) or a code by SMS to the phone on your government record or your organisation's profile (it works for 10 minutes, once).
forgot-submit = Send me a link
done-reset_sent = If an account has this address, a link to set a new password has been sent to it. It works for one hour.
reset-title = Choose a new password
reset-lead = After this, every session of your account ends: sign in again everywhere with the new password.
reset-submit = Set the new password
done-password_reset = Your password has been changed and every session has ended. Sign in with the new password.
msg-password_reset-subject = Setting a new password
msg-password_reset-text =
    Hello,

    Someone (we hope you) asked to set a new password for your account on the Social Services Portal. To choose one, open this link within one hour:

    { $link }

    If it was not you, ignore this message: your password stays as it is.
forgot-how = Send me
forgot-by-email = A link by e-mail
forgot-by-sms = A code by SMS
reset-code-title = Set a new password with the SMS code
reset-code-lead = If the account has a phone on file, a six-digit code has been sent to it. It works for 10 minutes. After this, every session of your account ends.
done-reset_code_sent = If an account has this address and a phone on file, a code has been sent by SMS.
field-reset-code = Code from the SMS
msg-reset_code-sms = Social Services Portal: your code to set a new password is { $code }. It works for 10 minutes. Do not tell it to anyone.
