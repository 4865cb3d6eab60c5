# Названия и сообщения, которые может определять и путь получателя. При слиянии оставьте одну
# копию каждого ключа (тест app/tests/locales.rs перечисляет повторы).
order_status-placed = Оформлен
order_status-accepted = Принят
order_status-scheduled = Назначена дата
order_status-in_delivery = Отправлен
order_status-delivered = Доставлен
order_status-rendered = Услуга оказана
order_status-confirmed = Подтверждён получателем
order_status-rejected = Отклонён
order_status-cancelled = Отменён
order_status-returned = Возвращён
complaint_status-open = Открыта
complaint_status-answered = Есть ответ
complaint_status-closed = Закрыта
unit-piece = штуку
unit-hour = час
unit-course = курс
err-not_a_number = Введите целое число, например 12.
err-not_a_date = Введите дату в виде 2026-12-01.
err-no_places = На эту дату нет свободных мест.
err-order_changed = Заказ только что изменился. Посмотрите его ещё раз и повторите.
err-over_8_hours_a_day = Это больше 8 часов за один день.
err-hours_out_of_range = Введите от 1 до 8 часов.
