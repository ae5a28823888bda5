# Interface strings of the Bielefeld site (Turkish).
site-title = Entegrasyonu destekliyoruz!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Bielefeld Belediyesi
statement-legal-basis = Yasal dayanak: Kuzey Ren-Vestfalya Eyaleti Engellilerin Eşitliği Yasası (BGG NRW) ve Kuzey Ren-Vestfalya Eyaleti Engelsiz Bilgi Teknolojisi Yönetmeliği (BITVNRW).
statement-enforcement-heading = Ombudsman süreci
statement-enforcement = Geri bildiriminize tatmin edici bir yanıt alamazsanız ombudsman birimine başvurabilirsiniz:
statement-enforcement-missing = Yetkili ombudsman birimiyle ilgili bilgiler daha sonra eklenecektir.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Dahili: yalnızca Bielefeld Belediyesi çalışanları için
