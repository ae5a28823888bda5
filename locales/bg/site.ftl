# Interface strings of the Bielefeld site (Bulgarian).
site-title = Насърчаваме интеграцията!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Град Билефелд
statement-legal-basis = Правното основание са Законът за равнопоставеност на хората с увреждания на провинция Северен Рейн-Вестфалия (BGG NRW) и Наредбата на провинцията за достъпни информационни технологии (BITVNRW).
statement-enforcement-heading = Процедура пред омбудсман
statement-enforcement = Ако не получите задоволителен отговор на своето съобщение, можете да се обърнете към службата на омбудсмана:
statement-enforcement-missing = Данните за компетентната служба на омбудсмана предстои да бъдат добавени.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Вътрешно: само за служителите на град Билефелд
