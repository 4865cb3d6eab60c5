# Алушы жолы да анықтауы мүмкін атаулар мен хабарламалар. Біріктіргенде әр кілттің бір
# көшірмесін қалдырыңыз (app/tests/locales.rs сынағы қайталанған кілттерді көрсетеді).
order_status-placed = Рәсімделді
order_status-accepted = Қабылданды
order_status-scheduled = Күні белгіленді
order_status-in_delivery = Жіберілді
order_status-delivered = Жеткізілді
order_status-rendered = Қызмет көрсетілді
order_status-confirmed = Алушы растады
order_status-rejected = Қабылданбады
order_status-cancelled = Бас тартылды
order_status-returned = Қайтарылды
complaint_status-open = Ашық
complaint_status-answered = Жауап берілді
complaint_status-closed = Жабық
unit-piece = дана
unit-hour = сағат
unit-course = курс
err-not_a_number = Бүтін сан енгізіңіз, мысалы 12.
err-not_a_date = Күнді 2026-12-01 түрінде енгізіңіз.
err-no_places = Бұл күнге бос орын жоқ.
err-order_changed = Тапсырыс жаңа ғана өзгерді. Оны қайта қарап, тағы бір рет көріңіз.
err-over_8_hours_a_day = Бұл бір күнге 8 сағаттан артық.
err-hours_out_of_range = 1-ден 8 сағатқа дейін енгізіңіз.
