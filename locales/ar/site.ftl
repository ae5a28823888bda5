# Interface strings of the Bielefeld site (Arabic).
site-title = نحن ندعم الاندماج!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = مدينة بيليفيلد
statement-legal-basis = الأساس القانوني هو قانون المساواة للأشخاص ذوي الإعاقة في ولاية شمال الراين-وستفاليا (BGG NRW)، ولائحة الولاية لتقنية المعلومات الخالية من العوائق (BITVNRW).
statement-enforcement-heading = إجراءات أمين المظالم
statement-enforcement = إذا لم تتلقوا ردًّا مُرضيًا على ملاحظاتكم، يمكنكم التوجه إلى مكتب أمين المظالم:
statement-enforcement-missing = ستُضاف لاحقًا بيانات مكتب أمين المظالم المختص.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = داخلي: لموظفي مدينة بيليفيلد فقط
