# Interface strings of the Bielefeld site (Persian).
site-title = ما از ادغام حمایت می‌کنیم!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = شهر بیله‌فلد
statement-legal-basis = مبنای قانونی، قانون برابری افراد دارای معلولیت ایالت نوردراین-وستفالن (BGG NRW) و آیین‌نامهٔ فناوری اطلاعات بدون مانع این ایالت (BITVNRW) است.
statement-enforcement-heading = روند آمبودزمان
statement-enforcement = اگر به بازخورد خود پاسخ رضایت‌بخشی دریافت نکردید، می‌توانید به دفتر آمبودزمان مراجعه کنید:
statement-enforcement-missing = اطلاعات دفتر آمبودزمان ذی‌صلاح بعداً افزوده خواهد شد.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = داخلی: فقط برای کارکنان شهر بیله‌فلد
