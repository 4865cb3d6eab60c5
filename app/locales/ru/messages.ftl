messages-title = Как портал пишет вам
messages-lead = Выберите, как узнавать о ваших заказах, жалобах и решениях министерства и на каком языке. Коды и ссылки для входа и смены пароля всегда приходят на вашу почту или телефон, что бы вы здесь ни выбрали.
messages-channels = Сообщать мне
messages-channels-hint = Выберите хотя бы один способ.
messages-by-email = По электронной почте на { $email }
messages-by-sms = По SMS на телефон, оканчивающийся на { $phone }
messages-in-app = В уведомлениях портала
messages-no-phone = У нас нет вашего номера телефона, поэтому SMS отправить нельзя. Получатели берут его из государственной записи, поставщики — из профиля организации.
messages-language = Язык портала, писем и SMS
messages-format = Как выглядят письма
messages-format-hint = Крупный текст легче читать на телефоне или с лупой; простой текст удобен для программ чтения экрана и медленной связи.
messages-save = Сохранить выбор
done-preferences_saved = Ваш выбор сохранён.
email_format-rich = Крупный, удобный для чтения текст и простая текстовая копия
email_format-plain = Только простой текст
err-no_channel = Выберите хотя бы один способ получать сообщения портала.
err-no_phone = У нас нет вашего номера телефона, поэтому SMS выбрать нельзя.
err-unknown_channel = Выберите из перечисленных способов.
err-unknown_language = Выберите один из трёх языков.
err-unknown_format = Выберите, как выглядят письма.
msg-notice-subject = Портал социальных услуг: новости для вас
msg-notice-text =
    Здравствуйте!

    { $text }

    Откройте на портале:

    { $link }

    Выбрать, как портал пишет вам, можно здесь: { $settings }
msg-notice-sms = Портал соцуслуг: { $text } { $link }
notification-accept_soon = Заказ { $number } нужно принять или отклонить до { $date }.
notification-accept_overdue = Срок принятия заказа { $number } истёк { $date }.
notification-deliver_soon = Заказ { $number } нужно доставить до { $date }.
notification-deliver_overdue = Срок доставки заказа { $number } истёк { $date }.
notification-confirm_waiting = Заказ { $number } доставлен { $date }. Подтвердите получение или подайте жалобу.
notification-entitlement_expiring = Ваше право на «{ $item }» заканчивается { $date }, не использовано: { $count }.
notification-replacement_due = Срок замены «{ $item }» по заказу { $number } прошёл: вам может полагаться новое.
notification-complaint_escalated = Жалоба по заказу { $number } не рассмотрена в срок ({ $date }) и передана в центральный аппарат.
notification-staff_digest = Просроченная работа в вашем регионе: жалоб с истёкшим сроком — { $count }.
