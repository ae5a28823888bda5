# Interface strings of the Bielefeld site (Russian).
site-title = Мы содействуем интеграции!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Город Билефельд
statement-legal-basis = Правовой основой служат Закон земли Северный Рейн-Вестфалия о равноправии людей с инвалидностью (BGG NRW) и Постановление земли о безбарьерных информационных технологиях (BITVNRW).
statement-enforcement-heading = Процедура омбудсмена
statement-enforcement = Если вы не получили удовлетворительного ответа на своё обращение, вы можете обратиться в службу омбудсмена:
statement-enforcement-missing = Сведения о компетентной службе омбудсмена будут указаны позже.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Для внутреннего пользования: только для сотрудников города Билефельд
