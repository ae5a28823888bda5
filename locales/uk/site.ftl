# Interface strings of the Bielefeld site (Ukrainian).
site-title = Ми сприяємо інтеграції!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Місто Білефельд
statement-legal-basis = Правовою основою є Закон землі Північний Рейн-Вестфалія про рівноправність людей з інвалідністю (BGG NRW) і Постанова землі про безбар’єрні інформаційні технології (BITVNRW).
statement-enforcement-heading = Процедура омбудсмена
statement-enforcement = Якщо ви не отримали задовільної відповіді на своє звернення, ви можете звернутися до служби омбудсмена:
statement-enforcement-missing = Відомості про відповідальну службу омбудсмена буде додано згодом.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Для внутрішнього користування: лише для працівників міста Білефельд
